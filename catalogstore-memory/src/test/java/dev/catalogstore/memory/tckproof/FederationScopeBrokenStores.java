package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.FederationBrokenStores.failureOf;
import static dev.catalogstore.memory.tckproof.FederationBrokenStores.key;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.tckproof.FederationBrokenStores.Key;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of what a sync reaches and whose stats it keeps: dropped tables never removed, or
 * removed from every catalog of the tenant or every branch of the catalog, stats of any tenant's
 * catalog of that name or of a deleted catalog, and a catalog found in any tenant.
 */
final class FederationScopeBrokenStores {
  private FederationScopeBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        neverRemovingDroppedTables(),
        removingDroppedTablesFromEveryCatalog(),
        removingDroppedTablesFromEveryBranch(),
        statsOfTheCatalogNameInAnyTenant(),
        statsOutlivingTheirCatalog(),
        findingTheCatalogInAnyTenant());
  }

  /**
   * A sync that only upserts what the remote lists and never removes what it stopped listing:
   * simulated by reading the remote through a view that still lists every table it ever listed in a
   * namespace the remote still has.
   */
  static BrokenStore neverRemovingDroppedTables() {
    return new BrokenStore(
        "sync-never-removes-dropped-tables",
        "federation.sync keeps mirrored tables the remote no longer lists",
        facets -> facets,
        List.of(
            test(
                "FederationSync",
                "aLaterSyncMovesAddsAndRemovesTablesAndNamespacesWithExactCounts")),
        RememberingConnector::new);
  }

  /** A connector that lists, besides a namespace's tables, every table it listed there before. */
  private static final class RememberingConnector implements FederatedCatalogConnector {
    private final FederatedCatalogConnector remote;
    private final Map<List<Object>, Map<String, String>> listed = new ConcurrentHashMap<>();

    RememberingConnector(FederatedCatalogConnector remote) {
      this.remote = remote;
    }

    @Override
    public String type() {
      return remote.type();
    }

    @Override
    public List<RemoteNamespace> listNamespaces(ConnectorConfig config) throws Exception {
      return remote.listNamespaces(config);
    }

    @Override
    public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace)
        throws Exception {
      Map<String, String> seen =
          listed.computeIfAbsent(List.of(config, namespace), k -> new ConcurrentHashMap<>());
      Set<String> names = new TreeSet<>();
      List<RemoteTable> tables = new ArrayList<>();
      for (RemoteTable table : remote.listTables(config, namespace)) {
        if (table != null && table.name() != null && table.metadataLocation() != null) {
          seen.put(table.name(), table.metadataLocation());
        }
        tables.add(table);
        if (table != null) {
          names.add(table.name());
        }
      }
      seen.forEach(
          (name, location) -> {
            if (!names.contains(name)) {
              tables.add(new RemoteTable(name, location));
            }
          });
      return tables;
    }
  }

  /**
   * {@code DELETE FROM assets WHERE tenant_id = ? AND namespace = ? AND name = ?} without the
   * catalog: a table the remote dropped is deleted from every catalog of the tenant.
   */
  static BrokenStore removingDroppedTablesFromEveryCatalog() {
    return removingDroppedTablesFrom(
        "sync-removes-from-every-catalog",
        "federation.sync deletes a dropped table from the main branch of every catalog of the tenant",
        (facets, key) ->
            allPages(page -> facets.catalogs().list(key.tenant(), page)).stream()
                .map(Catalog::name)
                .filter(name -> !name.equals(key.catalog()))
                .map(BranchRef::main)
                .toList(),
        List.of(test("FederationScope", "aSyncLeavesTheTenantsOtherCatalogsAlone")));
  }

  /**
   * {@code DELETE FROM assets WHERE catalog_id = ? AND namespace = ? AND name = ?} without the
   * branch: a table the remote dropped is deleted from every branch of the catalog.
   */
  static BrokenStore removingDroppedTablesFromEveryBranch() {
    return removingDroppedTablesFrom(
        "sync-removes-from-every-branch",
        "federation.sync deletes a dropped table from every branch of its catalog",
        (facets, key) ->
            allPages(page -> facets.branches().list(key.tenant(), key.catalog(), page)).stream()
                .map(Branch::ref)
                .filter(branch -> !branch.branch().equals(BranchRef.MAIN))
                .toList(),
        List.of(test("FederationScope", "aSyncLeavesTheOtherBranchesOfItsCatalogAlone")));
  }

  /** The branches, besides the mirror's own main, that a broken sync's deletions reach. */
  @FunctionalInterface
  private interface Reach {
    List<BranchRef> beyondTheMirror(StoreFacets facets, Key key);
  }

  /**
   * A federation facet whose successful sync also deletes, from each branch {@code reach} names,
   * the assets at the addresses of the tables it removed from the mirror.
   */
  private static BrokenStore removingDroppedTablesFrom(
      String name, String defect, Reach reach, List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets ->
            facets.withFederation(
                Intercept.facet(Federation.class, facets.federation())
                    .replace(
                        "sync",
                        3,
                        call ->
                            attempt(
                                () -> {
                                  Key key = key(call);
                                  Set<AssetKey> before;
                                  try {
                                    before = mirroredTables(facets, key);
                                  } catch (RuntimeException missingOrInvalid) {
                                    return (CompletableFuture<?>) call.proceed();
                                  }
                                  CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                  if (failureOf(synced) != null) {
                                    return synced;
                                  }
                                  before.removeAll(mirroredTables(facets, key));
                                  for (BranchRef branch : reach.beyondTheMirror(facets, key)) {
                                    for (AssetKey dropped : before) {
                                      facets
                                          .assets()
                                          .delete(
                                              key.tenant(),
                                              new AssetRef(
                                                  branch, dropped.namespace(), dropped.name()))
                                          .exceptionally(missing -> null)
                                          .join();
                                    }
                                  }
                                  return synced;
                                }))
                    .build()),
        caught);
  }

  /** The addresses of the assets on the mirror's main branch. */
  private static Set<AssetKey> mirroredTables(StoreFacets facets, Key key) {
    return new HashSet<>(
        new CatalogReferences(facets, key.tenant(), key.catalog())
            .locationsAt(CommitRef.head(BranchRef.main(key.catalog())))
            .keySet());
  }

  /**
   * {@code SELECT ... FROM catalog_sync_stats WHERE catalog_name = ?}: the stats of the last sync
   * of a catalog of that name, in whichever tenant.
   */
  static BrokenStore statsOfTheCatalogNameInAnyTenant() {
    return new BrokenStore(
        "sync-stats-of-any-tenant",
        "federation.stats returns the last stats of a catalog of that name in any tenant",
        facets -> {
          Map<String, Optional<SyncStats>> byName = new ConcurrentHashMap<>();
          Federation honest = facets.federation();
          return facets.withFederation(
              Intercept.facet(Federation.class, honest)
                  .replace(
                      "sync",
                      3,
                      call ->
                          attempt(
                              () -> {
                                CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                failureOf(synced);
                                Key key = key(call);
                                if (key.tenant() != null && key.catalog() != null) {
                                  honest
                                      .stats(key.tenant(), key.catalog())
                                      .thenAccept(
                                          last -> {
                                            if (last.isPresent()) {
                                              byName.put(key.catalog(), last);
                                            }
                                          })
                                      .exceptionally(missing -> null)
                                      .join();
                                }
                                return synced;
                              }))
                  .replace(
                      "stats",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<SyncStats>>proceeding(call)
                              .thenApply(
                                  stats -> byName.getOrDefault(call.arg(1, String.class), stats)))
                  .build());
        },
        List.of(test("FederationIsolation", "eachTwinReadsTheStatsOfItsOwnSyncs")));
  }

  /**
   * Stats keyed by the tenant and the catalog's name, not its id, and not deleted with it: a new
   * catalog of a deleted one's name has its stats.
   */
  static BrokenStore statsOutlivingTheirCatalog() {
    return new BrokenStore(
        "sync-stats-outlive-their-catalog",
        "federation.stats of a new catalog returns the last stats of a deleted catalog of its name",
        facets -> {
          Map<Key, Optional<SyncStats>> last = new ConcurrentHashMap<>();
          Federation honest = facets.federation();
          return facets.withFederation(
              Intercept.facet(Federation.class, honest)
                  .replace(
                      "sync",
                      3,
                      call ->
                          attempt(
                              () -> {
                                CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                failureOf(synced);
                                Key key = key(call);
                                if (key.tenant() != null && key.catalog() != null) {
                                  honest
                                      .stats(key.tenant(), key.catalog())
                                      .thenAccept(
                                          stats -> {
                                            if (stats.isPresent()) {
                                              last.put(key, stats);
                                            }
                                          })
                                      .exceptionally(missing -> null)
                                      .join();
                                }
                                return synced;
                              }))
                  .replace(
                      "stats",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<SyncStats>>proceeding(call)
                              .thenApply(
                                  stats ->
                                      stats.isPresent()
                                          ? stats
                                          : last.getOrDefault(key(call), stats)))
                  .build());
        },
        List.of(test("FederationSync", "statsAreForgottenWhenTheCatalogIsDeleted")));
  }

  /**
   * The catalog looked up by name without the tenant: a sync under one tenant of a catalog only
   * another tenant has syncs that tenant's catalog.
   */
  static BrokenStore findingTheCatalogInAnyTenant() {
    return new BrokenStore(
        "sync-finds-the-catalog-in-any-tenant",
        "federation.sync of a catalog the tenant does not have syncs another tenant's of that name",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          return OperationsKit.recordingTenants(facets, tenants)
              .withFederation(
                  Intercept.facet(Federation.class, facets.federation())
                      .replace(
                          "sync",
                          3,
                          call -> OperationsKit.inAnyTenant(call, tenants, ObjectType.CATALOG))
                      .build());
        },
        List.of(
            test("FederationIsolation", "aFederatedCatalogOnlyTheTwinHasIsMissing"),
            test(
                "FederationIsolation",
                "aFederatedCatalogOnlyTheTwinHasIsMissingWithoutAnActorToo")));
  }
}
