package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.spi.HistoryPruning;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of what maintenance prunes: runs that gather too few references (forgetting the
 * asset's own current location, the tags, the other branches or the other assets), and runs that
 * reach another tenant. The other broken runs are in {@link MaintenanceRunBrokenStores}.
 *
 * <p>A broken run that prunes more than the honest one is simulated over it: the honest run prunes
 * what it prunes and records its event; the simulation then decides, with the shared {@link
 * HistoryPruning} and the references the defect gathers ({@link CatalogReferences}), which further
 * entries the broken backend would have removed, returns them with the honest ones, and hides them
 * from every later read of the history.
 */
final class MaintenanceBrokenStores {
  private MaintenanceBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        pruningTheCurrentLocation(),
        pruningWhatOnlyATagReaches(),
        pruningWhatOnlyAnotherBranchHolds(),
        pruningWhatOnlyAnotherAssetHolds(),
        pruningTheTwinsHistoryToo(),
        findingTheAssetInAnyTenant());
  }

  /** A history entry removed by a broken run, which the history then no longer shows. */
  private record Removed(TenantId tenant, AssetRef asset, long sequence) {}

  /** The locations a broken run takes as referenced, read before the run. */
  @FunctionalInterface
  private interface References {
    Set<String> gather(CatalogReferences catalog, AssetRef asset);
  }

  /**
   * {@code referenced} built from the heads of every asset but the one being pruned (a {@code WHERE
   * asset_id <> ?} meant to skip its history, not its head): its own current location can go.
   */
  static BrokenStore pruningTheCurrentLocation() {
    return pruningWith(
        "expiry-prunes-the-current-location",
        "maintenance.expireSnapshots may prune the asset's current metadata location",
        (catalog, asset) -> {
          Set<String> referenced =
              catalog.atHeads(
                  (branch, key) ->
                      !(branch.ref().equals(asset.branch())
                          && key.equals(CatalogReferences.key(asset))));
          referenced.addAll(catalog.atTags());
          return referenced;
        },
        List.of(
            test("ExpireSnapshots", "theCurrentLocationIsNeverPruned"),
            test("ExpireSnapshots", "aZeroRetentionPrunesEverythingNotReferenced")));
  }

  /** {@code referenced} built from the branch heads only: tagged commits are forgotten. */
  static BrokenStore pruningWhatOnlyATagReaches() {
    return pruningWith(
        "expiry-ignores-tags",
        "maintenance.expireSnapshots prunes locations that only a tagged commit holds",
        (catalog, asset) -> catalog.atHeads((branch, key) -> true),
        List.of(
            test("ExpireSnapshots", "aLocationATagReachesIsNeverPruned"),
            test("ExpireSnapshots", "aLocationATagOnAnOlderCommitReachesIsNeverPruned")));
  }

  /** {@code referenced} built from the head of the asset's own branch (and the tags) only. */
  static BrokenStore pruningWhatOnlyAnotherBranchHolds() {
    return pruningWith(
        "expiry-ignores-other-branches",
        "maintenance.expireSnapshots prunes locations that only another branch's head holds",
        (catalog, asset) -> {
          Set<String> referenced =
              catalog.atHeads((branch, key) -> branch.ref().equals(asset.branch()));
          referenced.addAll(catalog.atTags());
          return referenced;
        },
        List.of(test("ExpireSnapshots", "aLocationAnotherBranchsHeadHoldsIsNeverPruned")));
  }

  /** {@code referenced} built from the asset's own locations at the heads (and the tags) only. */
  static BrokenStore pruningWhatOnlyAnotherAssetHolds() {
    return pruningWith(
        "expiry-ignores-other-assets",
        "maintenance.expireSnapshots prunes locations that only another asset holds",
        (catalog, asset) -> {
          Set<String> referenced =
              catalog.atHeads((branch, key) -> key.equals(CatalogReferences.key(asset)));
          referenced.addAll(catalog.atTags());
          return referenced;
        },
        List.of(test("ExpireSnapshots", "aLocationAnotherAssetHoldsIsNeverPruned")));
  }

  /**
   * A maintenance facet whose expiry also prunes what {@code references} leaves unreferenced, and
   * whose history hides those entries from then on.
   */
  private static BrokenStore pruningWith(
      String name, String defect, References references, List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Set<Removed> removed = ConcurrentHashMap.newKeySet();
          return hidingRemoved(facets, removed)
              .withMaintenance(
                  Intercept.facet(Maintenance.class, facets.maintenance())
                      .replace(
                          "expireSnapshots",
                          4,
                          call ->
                              attempt(
                                  () -> {
                                    TenantId tenant = call.arg(0, TenantId.class);
                                    AssetRef asset = call.arg(1, AssetRef.class);
                                    List<MetadataLocation> history;
                                    Set<String> referenced;
                                    try {
                                      history = visibleHistory(facets, removed, tenant, asset);
                                      referenced =
                                          references.gather(
                                              new CatalogReferences(
                                                  facets, tenant, asset.catalog()),
                                              asset);
                                    } catch (RuntimeException missingOrInvalid) {
                                      // The honest run refuses the call as it must.
                                      return (CompletableFuture<?>) call.proceed();
                                    }
                                    ExpiredSnapshots honest = outcome(call.proceed());
                                    List<MetadataLocation> pruned =
                                        new ArrayList<>(
                                            HistoryPruning.prunable(
                                                history,
                                                MetadataLocation::committedAt,
                                                MetadataLocation::location,
                                                honest.cutoff(),
                                                referenced));
                                    for (MetadataLocation entry : pruned) {
                                      removed.add(new Removed(tenant, asset, entry.sequence()));
                                    }
                                    for (MetadataLocation entry : honest.pruned()) {
                                      if (!pruned.contains(entry)) {
                                        pruned.add(entry);
                                      }
                                    }
                                    pruned.sort(
                                        Comparator.comparingLong(MetadataLocation::sequence));
                                    return completedFuture(
                                        new ExpiredSnapshots(
                                            honest.cutoff(), pruned, honest.auditEvent()));
                                  }))
                      .build());
        },
        caught);
  }

  /** The facets with each entry of {@code removed} missing from the history of its asset. */
  private static StoreFacets hidingRemoved(StoreFacets facets, Set<Removed> removed) {
    return facets.withAssets(
        Intercept.facet(Assets.class, facets.assets())
            .replace(
                "history",
                3,
                call ->
                    BrokenStoreKit.<Page<MetadataLocation>>proceeding(call)
                        .thenApply(
                            page -> {
                              TenantId tenant = call.arg(0, TenantId.class);
                              AssetRef asset = call.arg(1, AssetRef.class);
                              List<MetadataLocation> kept = new ArrayList<>(page.items());
                              kept.removeIf(
                                  entry ->
                                      removed.contains(
                                          new Removed(tenant, asset, entry.sequence())));
                              return new Page<>(kept, page.nextPageToken());
                            }))
            .build());
  }

  private static List<MetadataLocation> visibleHistory(
      StoreFacets facets, Set<Removed> removed, TenantId tenant, AssetRef asset) {
    List<MetadataLocation> history =
        new ArrayList<>(allPages(page -> facets.assets().history(tenant, asset, page)));
    history.removeIf(entry -> removed.contains(new Removed(tenant, asset, entry.sequence())));
    return history;
  }

  /**
   * The pruned entries deleted by {@code (catalog, branch, namespace, name, sequence)} without the
   * tenant: a run prunes the same entries of every tenant's asset at that address.
   */
  static BrokenStore pruningTheTwinsHistoryToo() {
    return new BrokenStore(
        "expiry-prunes-every-tenants-history",
        "maintenance.expireSnapshots removes the pruned sequences from every tenant's asset of that"
            + " address",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          Set<Removed> removed = ConcurrentHashMap.newKeySet();
          return hidingRemoved(OperationsKit.recordingTenants(facets, tenants), removed)
              .withMaintenance(
                  Intercept.facet(Maintenance.class, facets.maintenance())
                      .replace(
                          "expireSnapshots",
                          4,
                          call ->
                              BrokenStoreKit.<ExpiredSnapshots>proceeding(call)
                                  .thenApply(
                                      expired -> {
                                        TenantId caller = call.arg(0, TenantId.class);
                                        AssetRef asset = call.arg(1, AssetRef.class);
                                        for (TenantId other : tenants) {
                                          for (MetadataLocation entry : expired.pruned()) {
                                            if (!other.equals(caller)) {
                                              removed.add(
                                                  new Removed(other, asset, entry.sequence()));
                                            }
                                          }
                                        }
                                        return expired;
                                      }))
                      .build());
        },
        List.of(
            test("MaintenanceIsolation", "expiringOneTenantsSnapshotsChangesNothingOfItsTwin")));
  }

  /**
   * The asset looked up by its address without the tenant: a run under one tenant on an asset only
   * another tenant has runs on that tenant's asset.
   */
  static BrokenStore findingTheAssetInAnyTenant() {
    return new BrokenStore(
        "maintenance-finds-the-asset-in-any-tenant",
        "maintenance runs on an asset the tenant does not have run on another tenant's of that"
            + " address",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          return OperationsKit.recordingTenants(facets, tenants)
              .withMaintenance(
                  Intercept.facet(Maintenance.class, facets.maintenance())
                      .replace(
                          "expireSnapshots",
                          4,
                          call -> OperationsKit.inAnyTenant(call, tenants, ObjectType.ASSET))
                      .replace(
                          "removeOrphanFiles",
                          4,
                          call -> OperationsKit.inAnyTenant(call, tenants, ObjectType.ASSET))
                      .build());
        },
        List.of(
            test("MaintenanceIsolation", "expiringAnAssetOnlyTheTwinHasIsNotFound"),
            test("MaintenanceIsolation", "sweepingAnAssetOnlyTheTwinHasIsNotFound")));
  }
}
