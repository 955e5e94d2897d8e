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
import java.util.function.UnaryOperator;

/**
 * A {@link CatalogStore} assembled from one implementation per facet. Backends extend it so that
 * each area lives in its own class and the store only wires them together and says what {@link
 * #close()} releases. A decorator uses {@link #decorate} and replaces only the facets it changes:
 * there is no per-method forwarding to keep in step with the contract.
 */
public abstract class ComposedCatalogStore implements CatalogStore {
  private final StoreFacets facets;

  /** A store whose calls go to {@code facets}. */
  protected ComposedCatalogStore(StoreFacets facets) {
    this.facets = Objects.requireNonNull(facets, "facets");
  }

  /**
   * A store serving {@code change} applied to {@code base}'s facets, for example {@code
   * decorate(store, f -> f.withAssets(new TimedAssets(f.assets())))}. Closing it closes {@code
   * base}.
   */
  public static CatalogStore decorate(CatalogStore base, UnaryOperator<StoreFacets> change) {
    Objects.requireNonNull(base, "base");
    StoreFacets changed = Objects.requireNonNull(change.apply(StoreFacets.of(base)), "facets");
    return new ComposedCatalogStore(changed) {
      @Override
      public void close() {
        base.close();
      }

      @Override
      public String toString() {
        return "decorated " + base;
      }
    };
  }

  @Override
  public final Tenants tenants() {
    return facets.tenants();
  }

  @Override
  public final Warehouses warehouses() {
    return facets.warehouses();
  }

  @Override
  public final Catalogs catalogs() {
    return facets.catalogs();
  }

  @Override
  public final Namespaces namespaces() {
    return facets.namespaces();
  }

  @Override
  public final Assets assets() {
    return facets.assets();
  }

  @Override
  public final Commits commits() {
    return facets.commits();
  }

  @Override
  public final Branches branches() {
    return facets.branches();
  }

  @Override
  public final Tags tags() {
    return facets.tags();
  }

  @Override
  public final Users users() {
    return facets.users();
  }

  @Override
  public final Roles roles() {
    return facets.roles();
  }

  @Override
  public final Permissions permissions() {
    return facets.permissions();
  }

  @Override
  public final ServiceUsers serviceUsers() {
    return facets.serviceUsers();
  }

  @Override
  public final Tokens tokens() {
    return facets.tokens();
  }

  @Override
  public final AuditLog audit() {
    return facets.audit();
  }

  @Override
  public final Settings settings() {
    return facets.settings();
  }

  @Override
  public final Maintenance maintenance() {
    return facets.maintenance();
  }

  @Override
  public final Federation federation() {
    return facets.federation();
  }
}
