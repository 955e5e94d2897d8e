package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.MirrorPlan;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.RemoteSnapshot;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Broken stores of how a sync runs and how it ends: a sync that half-mirrors a remote failing
 * half-way, reads it on the caller's thread or applies its plan piece by piece, a failed sync that
 * records nothing or claims success, an unknown connector taken as an empty remote, a local
 * catalog's refused sync recorded, and the actor lost. What a sync reaches, and whose stats it
 * keeps, is in {@link FederationScopeBrokenStores}.
 *
 * <p>Each simulates a backend's mistake over the honest facet: the broken sync runs the honest one
 * and, from how it ended, does what the broken backend would have done besides.
 */
final class FederationBrokenStores {
  private FederationBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        applyingNamespacesAsTheyAreListed(),
        readingTheRemoteOnTheCallersThread(),
        applyingThePlanPieceByPiece(),
        recordingNothingOfAFailedSync(),
        claimingSuccessWhenTheConnectorFails(),
        takingAnUnknownConnectorAsAnEmptyRemote(),
        recordingARefusedSyncOfALocalCatalog(),
        recordingTheSystemAsTheActor());
  }

  /** A catalog of a tenant, by name: the key of its stats. */
  record Key(TenantId tenant, String catalog) {}

  static Key key(Intercept.Call call) {
    return new Key(call.arg(0, TenantId.class), call.arg(1, String.class));
  }

  /** How the honest call ended: its error, or null if it succeeded. */
  static Throwable failureOf(CompletableFuture<?> honest) {
    Throwable failure = honest.handle((value, error) -> error).join();
    return failure == null ? null : unwrap(failure);
  }

  private static Optional<Catalog> catalog(StoreFacets facets, Key key) {
    return facets
        .catalogs()
        .get(key.tenant(), key.catalog())
        .exceptionally(missing -> Optional.empty())
        .join();
  }

  private static Optional<ConnectorConfig> federated(Optional<Catalog> catalog) {
    return catalog
        .map(Catalog::source)
        .filter(CatalogSource.Federated.class::isInstance)
        .map(source -> ((CatalogSource.Federated) source).connector());
  }

  /**
   * A streaming sync: each namespace is created (or its properties replaced) as soon as the
   * connector lists it, before the tables are read; a remote failing while its tables are listed
   * leaves the mirror with the namespaces of a sync that then fails.
   */
  static BrokenStore applyingNamespacesAsTheyAreListed() {
    return new BrokenStore(
        "sync-half-mirrors",
        "federation.sync applies the remote's namespaces before it finds the remote failing",
        facets ->
            facets.withFederation(
                Intercept.facet(Federation.class, facets.federation())
                    .replace(
                        "sync",
                        3,
                        call ->
                            attempt(
                                () -> {
                                  CompletableFuture<?> honest = BrokenStoreKit.proceeding(call);
                                  if (failureOf(honest) instanceof UnavailableException) {
                                    Key key = key(call);
                                    federated(catalog(facets, key))
                                        .ifPresent(config -> mirrorNamespaces(facets, key, config));
                                  }
                                  return honest;
                                }))
                    .build()),
        List.of(
            test(
                "FederationFailures",
                "aRemoteFailingHalfWayThroughTheListingLeavesTheMirrorAsItWas")));
  }

  /**
   * The remote read inside the call, before it returns its future (or in a future that runs on the
   * caller's thread): a sync ties up the caller's thread for as long as the remote takes. Simulated
   * by reading the remote on the caller's thread before the honest sync reads it again.
   */
  static BrokenStore readingTheRemoteOnTheCallersThread() {
    return new BrokenStore(
        "sync-reads-on-the-callers-thread",
        "federation.sync calls the connector on the caller's thread",
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
                                  if (key.tenant() != null && key.catalog() != null) {
                                    federated(catalog(facets, key))
                                        .ifPresent(
                                            config -> {
                                              try {
                                                RemoteSnapshot.read(
                                                    TckRemoteCatalog.CONNECTOR, config);
                                              } catch (RuntimeException failed) {
                                                // The honest sync reads it again, and fails.
                                              }
                                            });
                                  }
                                  return (CompletableFuture<?>) call.proceed();
                                }))
                    .build()),
        List.of(test("FederationSync", "theConnectorIsNeverCalledOnTheCallersThread")));
  }

  /**
   * The plan applied statement by statement with no transaction around them: a sync whose plan
   * cannot be applied whole (a dropped namespace another branch still uses) has removed the
   * mirror's dropped tables before it finds the namespace cannot go. Simulated by removing them
   * when the honest sync refuses the plan.
   */
  static BrokenStore applyingThePlanPieceByPiece() {
    return new BrokenStore(
        "sync-applies-the-plan-piece-by-piece",
        "federation.sync removes the dropped tables before it fails on a namespace it cannot remove",
        facets ->
            facets.withFederation(
                Intercept.facet(Federation.class, facets.federation())
                    .replace(
                        "sync",
                        3,
                        call ->
                            attempt(
                                () -> {
                                  CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                  Key key = key(call);
                                  Optional<ConnectorConfig> config =
                                      federated(catalog(facets, key))
                                          .filter(
                                              c -> c.connectorType().equals(TckRemoteCatalog.TYPE));
                                  if (failureOf(synced) instanceof PreconditionFailedException
                                      && config.isPresent()) {
                                    MirrorPlan plan =
                                        MirrorPlan.between(
                                            RemoteSnapshot.read(
                                                TckRemoteCatalog.CONNECTOR, config.get()),
                                            mirroredNamespaces(facets, key),
                                            mirroredAssets(facets, key));
                                    for (AssetKey dropped : plan.assetsToRemove()) {
                                      join(
                                          facets
                                              .assets()
                                              .delete(
                                                  key.tenant(),
                                                  AssetRef.onMain(
                                                      key.catalog(),
                                                      dropped.namespace(),
                                                      dropped.name())));
                                    }
                                  }
                                  return synced;
                                }))
                    .build()),
        List.of(
            test(
                "FederationFailures",
                "aSyncThatCannotBeAppliedChangesNothingAndRecordsItsFailure")));
  }

  /** Every namespace of the mirror, with its properties. */
  private static Map<NamespacePath, Map<String, String>> mirroredNamespaces(
      StoreFacets facets, Key key) {
    Map<NamespacePath, Map<String, String>> namespaces = new HashMap<>();
    for (Namespace namespace :
        BrokenStoreKit.subtree(
            facets.namespaces(), key.tenant(), NamespaceRef.root(key.catalog()))) {
      namespaces.put(namespace.ref().path(), namespace.properties());
    }
    return namespaces;
  }

  /** Every asset on the mirror's main branch, with its kind and metadata location. */
  private static Map<AssetKey, MirrorPlan.MirroredAsset> mirroredAssets(
      StoreFacets facets, Key key) {
    Map<AssetKey, MirrorPlan.MirroredAsset> assets = new HashMap<>();
    for (NamespacePath namespace : mirroredNamespaces(facets, key).keySet()) {
      for (Asset asset :
          allPages(
              page ->
                  facets
                      .assets()
                      .list(key.tenant(), BranchRef.main(key.catalog()), namespace, page))) {
        assets.put(
            new AssetKey(namespace, asset.ref().name()),
            new MirrorPlan.MirroredAsset(asset.kind(), asset.metadataLocation()));
      }
    }
    return assets;
  }

  /** Creates or updates the namespaces the remote lists (with their ancestors), parents first. */
  private static void mirrorNamespaces(StoreFacets facets, Key key, ConnectorConfig config) {
    List<RemoteNamespace> listed;
    try {
      listed = TckRemoteCatalog.CONNECTOR.listNamespaces(config);
    } catch (Exception remoteDown) {
      return;
    }
    Map<NamespacePath, Map<String, String>> wanted = new TreeMap<>(RemoteSnapshot.PARENTS_FIRST);
    for (RemoteNamespace namespace : listed) {
      for (NamespacePath at = namespace.path().parent(); !at.isRoot(); at = at.parent()) {
        wanted.putIfAbsent(at, Map.of());
      }
    }
    for (RemoteNamespace namespace : listed) {
      wanted.put(namespace.path(), namespace.properties());
    }
    wanted.forEach(
        (path, properties) -> {
          NamespaceRef ref = new NamespaceRef(key.catalog(), path);
          Optional<Namespace> held = join(facets.namespaces().get(key.tenant(), ref));
          if (held.isEmpty()) {
            join(facets.namespaces().create(key.tenant(), ref, properties));
          } else if (!held.get().properties().equals(properties)) {
            join(facets.namespaces().replaceProperties(key.tenant(), ref, properties));
          }
        });
  }

  /**
   * The failed stats and the failure event written in the sync's own transaction, which the failure
   * then rolls back: a failed sync leaves no trace.
   */
  static BrokenStore recordingNothingOfAFailedSync() {
    return new BrokenStore(
        "failed-sync-unrecorded",
        "federation.sync records neither stats nor an audit event when it fails",
        facets -> {
          Map<Key, Optional<SyncStats>> before = new ConcurrentHashMap<>();
          Federation honest = facets.federation();
          return facets
              .withAuditLog(
                  OperationsKit.withoutEvents(
                      facets.audit(),
                      event ->
                          event.action().equals(OperationsAudit.SYNC)
                              && event.result() == AuditResult.FAILURE))
              .withFederation(
                  Intercept.facet(Federation.class, honest)
                      .replace(
                          "sync",
                          3,
                          call ->
                              attempt(
                                  () -> {
                                    Key key = key(call);
                                    Optional<SyncStats> last =
                                        key.tenant() == null
                                            ? Optional.empty()
                                            : honest
                                                .stats(key.tenant(), key.catalog())
                                                .exceptionally(missing -> Optional.empty())
                                                .join();
                                    CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                    if (failureOf(synced) == null) {
                                      before.remove(key);
                                    } else if (key.tenant() != null) {
                                      before.putIfAbsent(key, last);
                                    }
                                    return synced;
                                  }))
                      .replace("stats", 2, call -> statsOverridden(call, before))
                      .build());
        },
        List.of(
            test(
                "FederationFailures",
                "aFailingConnectorIsUnavailableLeavesTheMirrorAndRecordsTheFailure"),
            test("FederationFailures", "aFailedSyncIsTheLastStatsUntilTheNextSync"),
            test("FederationFailures", "anUnknownConnectorTypeIsRefusedAfterRecordingTheFailure")));
  }

  /** The honest stats (which check the catalog), replaced by {@code overrides}' if it has any. */
  private static CompletableFuture<?> statsOverridden(
      Intercept.Call call, Map<Key, Optional<SyncStats>> overrides) {
    return BrokenStoreKit.<Optional<SyncStats>>proceeding(call)
        .thenApply(stats -> overrides.getOrDefault(key(call), stats));
  }

  /**
   * A connector failure caught and logged, and the sync carried on with nothing read: it reports
   * success with nothing changed.
   */
  static BrokenStore claimingSuccessWhenTheConnectorFails() {
    return claimingSuccess(
        "failed-sync-claims-success",
        "federation.sync reports success, changing nothing, when the connector fails",
        (failure, catalog) -> failure instanceof UnavailableException,
        List.of(
            test(
                "FederationFailures",
                "aFailingConnectorIsUnavailableLeavesTheMirrorAndRecordsTheFailure"),
            test(
                "FederationFailures",
                "aRemoteFailingHalfWayThroughTheListingLeavesTheMirrorAsItWas")));
  }

  /**
   * A connector looked up with a default of "no connector, nothing to read": a catalog of a type no
   * connector serves syncs as an empty remote would, and claims success.
   */
  static BrokenStore takingAnUnknownConnectorAsAnEmptyRemote() {
    return claimingSuccess(
        "unknown-connector-syncs-as-empty",
        "federation.sync of a catalog whose connector type is not registered succeeds, changing"
            + " nothing",
        (failure, catalog) ->
            failure instanceof PreconditionFailedException && federated(catalog).isPresent(),
        List.of(
            test("FederationFailures", "anUnknownConnectorTypeIsRefusedAfterRecordingTheFailure")));
  }

  /**
   * A federation facet whose sync, when the honest one fails as {@code claims} says, returns stats
   * of a sync that succeeded and changed nothing, and keeps them as the last stats.
   */
  private static BrokenStore claimingSuccess(
      String name,
      String defect,
      BiPredicate<Throwable, Optional<Catalog>> claims,
      List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<Key, Optional<SyncStats>> claimed = new ConcurrentHashMap<>();
          return facets.withFederation(
              Intercept.facet(Federation.class, facets.federation())
                  .replace(
                      "sync",
                      3,
                      call ->
                          attempt(
                              () -> {
                                CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                Throwable failure = failureOf(synced);
                                Key key = key(call);
                                if (failure == null) {
                                  claimed.remove(key);
                                  return synced;
                                }
                                if (!claims.test(failure, catalog(facets, key))) {
                                  return synced;
                                }
                                Instant now = Timestamps.now(BrokenStoreTck.runningClock());
                                SyncStats nothing =
                                    new SyncStats(
                                        key.catalog(),
                                        now,
                                        now,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        0,
                                        SyncStatus.SUCCEEDED,
                                        Optional.empty());
                                claimed.put(key, Optional.of(nothing));
                                return completedFuture(nothing);
                              }))
                  .replace("stats", 2, call -> statsOverridden(call, claimed))
                  .build());
        },
        caught);
  }

  /**
   * The catalog's kind checked after the failed stats and the failure event are written: a refused
   * sync of a local catalog is recorded as a failed sync.
   */
  static BrokenStore recordingARefusedSyncOfALocalCatalog() {
    return new BrokenStore(
        "local-catalog-sync-recorded",
        "federation.sync of a local catalog records failed stats and a failure event before it"
            + " refuses",
        facets -> {
          Map<Key, Optional<SyncStats>> recorded = new ConcurrentHashMap<>();
          return facets.withFederation(
              Intercept.facet(Federation.class, facets.federation())
                  .replace(
                      "sync",
                      3,
                      call ->
                          attempt(
                              () -> {
                                CompletableFuture<?> synced = BrokenStoreKit.proceeding(call);
                                Key key = key(call);
                                Optional<Catalog> catalog = catalog(facets, key);
                                if (failureOf(synced) instanceof PreconditionFailedException
                                    && catalog.isPresent()
                                    && federated(catalog).isEmpty()) {
                                  Instant now = Timestamps.now(BrokenStoreTck.runningClock());
                                  SyncStats failed =
                                      SyncStats.failed(
                                          key.catalog(), now, now, "catalog is not federated");
                                  join(
                                      facets
                                          .audit()
                                          .append(
                                              key.tenant(),
                                              OperationsAudit.synced(
                                                  call.arg(2, AuditActor.class),
                                                  catalog.get().id(),
                                                  failed)));
                                  recorded.put(key, Optional.of(failed));
                                }
                                return synced;
                              }))
                  .replace("stats", 2, call -> statsOverridden(call, recorded))
                  .build());
        },
        List.of(test("FederationFailures", "aLocalCatalogIsRefusedAndNothingIsRecorded")));
  }

  /**
   * The actor checked and then lost on the way down (the full method delegating to the overload
   * without one): every sync is recorded as done by the system.
   */
  static BrokenStore recordingTheSystemAsTheActor() {
    return new BrokenStore(
        "sync-actor-dropped",
        "federation.sync records the system as the actor, whoever the caller named",
        facets ->
            facets.withFederation(
                Intercept.facet(Federation.class, facets.federation())
                    .replace("sync", 3, OperationsKit::asTheSystem)
                    .build()),
        List.of(test("FederationSync", "eachSyncRecordsAnAuditEventOfItsActorNamingTheCatalog")));
  }
}
