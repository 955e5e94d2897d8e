package dev.catalogstore.tck;

import static dev.catalogstore.tck.TckSuite.await;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.warehouse.Warehouse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Everything one tenant holds, read through the store's public methods: its record, warehouses,
 * catalogs, its governance data ({@link GovernanceSnapshot}), its settings and its audit events,
 * and for each catalog every namespace, every branch with its history (the first-parent ancestry of
 * its head), every tag, every asset of every branch with its metadata history, and the stats of its
 * last sync. Two snapshots are equal exactly when nothing of the tenant changed, timestamps
 * included, which is how the isolation and cascade suites prove a tenant "untouched": a commit
 * written or a head moved shows as much as a changed asset.
 *
 * @param tenant the tenant's record; empty if the tenant does not exist (then all else is empty)
 * @param warehouses its warehouses in list order
 * @param catalogs its catalogs in list order, each with its content
 * @param governance its users, roles, permissions, service users and tokens (see {@link
 *     GovernanceSnapshot})
 * @param settings its system settings; {@link SystemSettings#DEFAULTS} if the tenant does not exist
 * @param auditEvents its audit events, newest first; empty if the tenant does not exist (a deleted
 *     tenant's events outlive it, but they are no longer part of what the tenant holds)
 *     <p>Support for the TCK's own suites (public so that the per-area packages can use it); a
 *     backend does not need it.
 */
public record TenantSnapshot(
    Optional<Tenant> tenant,
    List<Warehouse> warehouses,
    List<CatalogSnapshot> catalogs,
    GovernanceSnapshot governance,
    SystemSettings settings,
    List<AuditEvent> auditEvents) {

  /**
   * One catalog and what it holds.
   *
   * @param catalog the catalog's record
   * @param namespaces its namespaces, breadth first in list order
   * @param assets the assets of each branch (in the order of {@code branches}) and of each
   *     namespace on it (in the order of {@code namespaces})
   * @param branches its branches in list order, each with its history
   * @param tags its tags in list order
   * @param syncStats the stats of its last sync, if it was synced
   */
  public record CatalogSnapshot(
      Catalog catalog,
      List<Namespace> namespaces,
      List<AssetSnapshot> assets,
      List<BranchSnapshot> branches,
      List<Tag> tags,
      Optional<SyncStats> syncStats) {}

  /**
   * One branch and the history that led to its head.
   *
   * @param branch the branch's record
   * @param history the first-parent ancestry of its head, newest first, down to the root commit
   */
  public record BranchSnapshot(Branch branch, List<Commit> history) {}

  /**
   * One asset and its metadata history, newest first.
   *
   * @param asset the asset's record
   * @param history its committed metadata locations
   */
  public record AssetSnapshot(Asset asset, List<MetadataLocation> history) {}

  /** Reads all of {@code tenant} through {@code store}. */
  public static TenantSnapshot read(CatalogStore store, TenantId tenant) {
    return read(store, tenant, List.of());
  }

  /**
   * Reads all of {@code tenant} through {@code store}, with the state of the token ids {@code
   * watchedTokens} (see {@link GovernanceSnapshot#watchedTokens()}).
   */
  public static TenantSnapshot read(
      CatalogStore store, TenantId tenant, Collection<TokenId> watchedTokens) {
    Optional<Tenant> record = await(store.tenants().get(tenant));
    if (record.isEmpty()) {
      return new TenantSnapshot(
          Optional.empty(),
          List.of(),
          List.of(),
          GovernanceSnapshot.NONE,
          SystemSettings.DEFAULTS,
          List.of());
    }
    List<Warehouse> warehouses = PagedReads.all(page -> store.warehouses().list(tenant, page));
    List<CatalogSnapshot> catalogs = new ArrayList<>();
    for (Catalog catalog : PagedReads.all(page -> store.catalogs().list(tenant, page))) {
      catalogs.add(readCatalog(store, tenant, catalog));
    }
    return new TenantSnapshot(
        record,
        List.copyOf(warehouses),
        List.copyOf(catalogs),
        GovernanceSnapshot.read(store, tenant, watchedTokens),
        await(store.settings().get(tenant)),
        List.copyOf(PagedReads.all(page -> store.audit().list(tenant, AuditFilter.ALL, page))));
  }

  private static CatalogSnapshot readCatalog(CatalogStore store, TenantId tenant, Catalog catalog) {
    List<Namespace> namespaces = new ArrayList<>();
    Deque<NamespaceRef> parents = new ArrayDeque<>();
    parents.add(NamespaceRef.root(catalog.name()));
    while (!parents.isEmpty()) {
      NamespaceRef parent = parents.removeFirst();
      for (Namespace child :
          PagedReads.all(page -> store.namespaces().list(tenant, parent, page))) {
        namespaces.add(child);
        parents.addLast(child.ref());
      }
    }
    List<BranchSnapshot> branches = new ArrayList<>();
    List<AssetSnapshot> assets = new ArrayList<>();
    for (Branch branch :
        PagedReads.all(page -> store.branches().list(tenant, catalog.name(), page))) {
      CommitRef head = CommitRef.head(branch.ref());
      List<Commit> history = PagedReads.all(page -> store.commits().ancestry(tenant, head, page));
      branches.add(new BranchSnapshot(branch, List.copyOf(history)));
      for (Namespace namespace : namespaces) {
        BranchRef on = branch.ref();
        for (Asset asset :
            PagedReads.all(page -> store.assets().list(tenant, on, namespace.path(), page))) {
          List<MetadataLocation> metadata =
              PagedReads.all(page -> store.assets().history(tenant, asset.ref(), page));
          assets.add(new AssetSnapshot(asset, List.copyOf(metadata)));
        }
      }
    }
    List<Tag> tags = PagedReads.all(page -> store.tags().list(tenant, catalog.name(), page));
    return new CatalogSnapshot(
        catalog,
        List.copyOf(namespaces),
        List.copyOf(assets),
        List.copyOf(branches),
        List.copyOf(tags),
        await(store.federation().stats(tenant, catalog.name())));
  }

  /** Whether the tenant exists. */
  public boolean exists() {
    return tenant.isPresent();
  }

  /** The catalog named {@code name} with its content, if the tenant has it. */
  public Optional<CatalogSnapshot> catalog(String name) {
    return catalogs.stream().filter(c -> c.catalog().name().equals(name)).findFirst();
  }

  /**
   * This snapshot without the catalog named {@code name} and the grants naming it: what remains
   * after deleting it.
   */
  public TenantSnapshot withoutCatalog(String name) {
    return new TenantSnapshot(
        tenant,
        warehouses,
        catalogs.stream().filter(c -> !c.catalog().name().equals(name)).toList(),
        governance.withoutCatalog(name),
        settings,
        auditEvents);
  }

  /** The branch {@code ref} with its history, if the tenant has it. */
  public Optional<BranchSnapshot> branch(BranchRef ref) {
    return catalogs.stream()
        .flatMap(c -> c.branches().stream())
        .filter(b -> b.branch().ref().equals(ref))
        .findFirst();
  }

  /** The asset at {@code ref} with its history, if the tenant has it. */
  public Optional<AssetSnapshot> asset(AssetRef ref) {
    return catalogs.stream()
        .flatMap(c -> c.assets().stream())
        .filter(a -> a.asset().ref().equals(ref))
        .findFirst();
  }
}
