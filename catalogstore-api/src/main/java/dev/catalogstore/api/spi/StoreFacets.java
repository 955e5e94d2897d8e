package dev.catalogstore.api.spi;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.role.Roles;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.Users;
import dev.catalogstore.api.warehouse.Warehouses;
import java.util.Objects;

/**
 * One implementation per facet of {@link CatalogStore}: what a backend assembles its store from
 * ({@link #builder()}, which refuses to build with a facet missing), and what a decorator changes
 * one facet of ({@link #withAssets} and its siblings return a copy with one facet replaced).
 * Immutable. Built only through the builder, so that a facet added to the contract breaks no caller
 * that names the facets it sets.
 */
public final class StoreFacets {
  private final Tenants tenants;
  private final Warehouses warehouses;
  private final Catalogs catalogs;
  private final Namespaces namespaces;
  private final Assets assets;
  private final Commits commits;
  private final Branches branches;
  private final Tags tags;
  private final Users users;
  private final Roles roles;
  private final Permissions permissions;
  private final ServiceUsers serviceUsers;
  private final Tokens tokens;
  private final AuditLog audit;
  private final Settings settings;
  private final Maintenance maintenance;
  private final Federation federation;

  private StoreFacets(Builder builder) {
    this.tenants = Objects.requireNonNull(builder.tenants, "tenants");
    this.warehouses = Objects.requireNonNull(builder.warehouses, "warehouses");
    this.catalogs = Objects.requireNonNull(builder.catalogs, "catalogs");
    this.namespaces = Objects.requireNonNull(builder.namespaces, "namespaces");
    this.assets = Objects.requireNonNull(builder.assets, "assets");
    this.commits = Objects.requireNonNull(builder.commits, "commits");
    this.branches = Objects.requireNonNull(builder.branches, "branches");
    this.tags = Objects.requireNonNull(builder.tags, "tags");
    this.users = Objects.requireNonNull(builder.users, "users");
    this.roles = Objects.requireNonNull(builder.roles, "roles");
    this.permissions = Objects.requireNonNull(builder.permissions, "permissions");
    this.serviceUsers = Objects.requireNonNull(builder.serviceUsers, "serviceUsers");
    this.tokens = Objects.requireNonNull(builder.tokens, "tokens");
    this.audit = Objects.requireNonNull(builder.audit, "audit");
    this.settings = Objects.requireNonNull(builder.settings, "settings");
    this.maintenance = Objects.requireNonNull(builder.maintenance, "maintenance");
    this.federation = Objects.requireNonNull(builder.federation, "federation");
  }

  /** The facets {@code store} serves now. */
  public static StoreFacets of(CatalogStore store) {
    return builder()
        .tenants(store.tenants())
        .warehouses(store.warehouses())
        .catalogs(store.catalogs())
        .namespaces(store.namespaces())
        .assets(store.assets())
        .commits(store.commits())
        .branches(store.branches())
        .tags(store.tags())
        .users(store.users())
        .roles(store.roles())
        .permissions(store.permissions())
        .serviceUsers(store.serviceUsers())
        .tokens(store.tokens())
        .audit(store.audit())
        .settings(store.settings())
        .maintenance(store.maintenance())
        .federation(store.federation())
        .build();
  }

  /** A builder with no facet set; {@link Builder#build()} needs every one. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these facets, to replace some of them. */
  public Builder toBuilder() {
    return new Builder()
        .tenants(tenants)
        .warehouses(warehouses)
        .catalogs(catalogs)
        .namespaces(namespaces)
        .assets(assets)
        .commits(commits)
        .branches(branches)
        .tags(tags)
        .users(users)
        .roles(roles)
        .permissions(permissions)
        .serviceUsers(serviceUsers)
        .tokens(tokens)
        .audit(audit)
        .settings(settings)
        .maintenance(maintenance)
        .federation(federation);
  }

  /** The {@code tenants()} facet. */
  public Tenants tenants() {
    return tenants;
  }

  /** The {@code warehouses()} facet. */
  public Warehouses warehouses() {
    return warehouses;
  }

  /** The {@code catalogs()} facet. */
  public Catalogs catalogs() {
    return catalogs;
  }

  /** The {@code namespaces()} facet. */
  public Namespaces namespaces() {
    return namespaces;
  }

  /** The {@code assets()} facet. */
  public Assets assets() {
    return assets;
  }

  /** The {@code commits()} facet. */
  public Commits commits() {
    return commits;
  }

  /** The {@code branches()} facet. */
  public Branches branches() {
    return branches;
  }

  /** The {@code tags()} facet. */
  public Tags tags() {
    return tags;
  }

  /** The {@code users()} facet. */
  public Users users() {
    return users;
  }

  /** The {@code roles()} facet. */
  public Roles roles() {
    return roles;
  }

  /** The {@code permissions()} facet. */
  public Permissions permissions() {
    return permissions;
  }

  /** The {@code serviceUsers()} facet. */
  public ServiceUsers serviceUsers() {
    return serviceUsers;
  }

  /** The {@code tokens()} facet. */
  public Tokens tokens() {
    return tokens;
  }

  /** The {@code audit()} facet. */
  public AuditLog audit() {
    return audit;
  }

  /** The {@code settings()} facet. */
  public Settings settings() {
    return settings;
  }

  /** The {@code maintenance()} facet. */
  public Maintenance maintenance() {
    return maintenance;
  }

  /** The {@code federation()} facet. */
  public Federation federation() {
    return federation;
  }

  /** A copy serving {@code replacement} as {@code tenants()}. */
  public StoreFacets withTenants(Tenants replacement) {
    return toBuilder().tenants(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code warehouses()}. */
  public StoreFacets withWarehouses(Warehouses replacement) {
    return toBuilder().warehouses(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code catalogs()}. */
  public StoreFacets withCatalogs(Catalogs replacement) {
    return toBuilder().catalogs(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code namespaces()}. */
  public StoreFacets withNamespaces(Namespaces replacement) {
    return toBuilder().namespaces(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code assets()}. */
  public StoreFacets withAssets(Assets replacement) {
    return toBuilder().assets(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code commits()}. */
  public StoreFacets withCommits(Commits replacement) {
    return toBuilder().commits(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code branches()}. */
  public StoreFacets withBranches(Branches replacement) {
    return toBuilder().branches(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code tags()}. */
  public StoreFacets withTags(Tags replacement) {
    return toBuilder().tags(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code users()}. */
  public StoreFacets withUsers(Users replacement) {
    return toBuilder().users(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code roles()}. */
  public StoreFacets withRoles(Roles replacement) {
    return toBuilder().roles(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code permissions()}. */
  public StoreFacets withPermissions(Permissions replacement) {
    return toBuilder().permissions(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code serviceUsers()}. */
  public StoreFacets withServiceUsers(ServiceUsers replacement) {
    return toBuilder().serviceUsers(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code tokens()}. */
  public StoreFacets withTokens(Tokens replacement) {
    return toBuilder().tokens(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code audit()}. */
  public StoreFacets withAuditLog(AuditLog replacement) {
    return toBuilder().audit(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code settings()}. */
  public StoreFacets withSettings(Settings replacement) {
    return toBuilder().settings(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code maintenance()}. */
  public StoreFacets withMaintenance(Maintenance replacement) {
    return toBuilder().maintenance(replacement).build();
  }

  /** A copy serving {@code replacement} as {@code federation()}. */
  public StoreFacets withFederation(Federation replacement) {
    return toBuilder().federation(replacement).build();
  }

  /** Collects the facets of a store; each setter replaces what was set before. */
  public static final class Builder {
    private Tenants tenants;
    private Warehouses warehouses;
    private Catalogs catalogs;
    private Namespaces namespaces;
    private Assets assets;
    private Commits commits;
    private Branches branches;
    private Tags tags;
    private Users users;
    private Roles roles;
    private Permissions permissions;
    private ServiceUsers serviceUsers;
    private Tokens tokens;
    private AuditLog audit;
    private Settings settings;
    private Maintenance maintenance;
    private Federation federation;

    private Builder() {}

    public Builder tenants(Tenants tenants) {
      this.tenants = tenants;
      return this;
    }

    public Builder warehouses(Warehouses warehouses) {
      this.warehouses = warehouses;
      return this;
    }

    public Builder catalogs(Catalogs catalogs) {
      this.catalogs = catalogs;
      return this;
    }

    public Builder namespaces(Namespaces namespaces) {
      this.namespaces = namespaces;
      return this;
    }

    public Builder assets(Assets assets) {
      this.assets = assets;
      return this;
    }

    public Builder commits(Commits commits) {
      this.commits = commits;
      return this;
    }

    public Builder branches(Branches branches) {
      this.branches = branches;
      return this;
    }

    public Builder tags(Tags tags) {
      this.tags = tags;
      return this;
    }

    public Builder users(Users users) {
      this.users = users;
      return this;
    }

    public Builder roles(Roles roles) {
      this.roles = roles;
      return this;
    }

    public Builder permissions(Permissions permissions) {
      this.permissions = permissions;
      return this;
    }

    public Builder serviceUsers(ServiceUsers serviceUsers) {
      this.serviceUsers = serviceUsers;
      return this;
    }

    public Builder tokens(Tokens tokens) {
      this.tokens = tokens;
      return this;
    }

    public Builder audit(AuditLog audit) {
      this.audit = audit;
      return this;
    }

    public Builder settings(Settings settings) {
      this.settings = settings;
      return this;
    }

    public Builder maintenance(Maintenance maintenance) {
      this.maintenance = maintenance;
      return this;
    }

    public Builder federation(Federation federation) {
      this.federation = federation;
      return this;
    }

    /**
     * The facets set.
     *
     * @throws NullPointerException naming the first facet not set
     */
    public StoreFacets build() {
      return new StoreFacets(this);
    }
  }
}
