package dev.catalogstore.memory;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.MirrorPlan;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.RemoteSnapshot;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Federation in memory. A sync runs in three steps:
 *
 * <ol>
 *   <li>on the caller's thread, under the tenant's read lock: the catalog is found and must be
 *       federated, and its connector is looked up (none: failed stats and a failure event are
 *       recorded at once, and the sync fails);
 *   <li>on a thread of the store's executor, holding no lock: the connector reads the remote
 *       ({@link RemoteSnapshot#read}), however long it blocks; other calls on the tenant go on
 *       meanwhile;
 *   <li>on that thread, under the tenant's write lock: the mirror is planned against the catalog as
 *       it is then and applied as one commit on {@code main} ({@link MirrorWrites}), and the stats
 *       and the audit event are recorded, all in one atomic step.
 * </ol>
 *
 * A failure of the connector, of what it listed, or of the plan records failed stats and a failure
 * event (the mirror is unchanged) and fails the sync with that error. If the catalog was deleted
 * (or replaced by another of the same name) while the remote was read, the sync fails with {@code
 * NotFoundException} and records its failure event, but no stats, as there is no catalog to keep
 * them with.
 */
final class MemoryFederation implements Federation {
  private final TenantRegistry registry;
  private final Clock clock;
  private final FederatedConnectors connectors;
  private final Executor executor;

  MemoryFederation(
      TenantRegistry registry, Clock clock, FederatedConnectors connectors, Executor executor) {
    this.registry = registry;
    this.clock = clock;
    this.connectors = connectors;
    this.executor = executor;
  }

  @Override
  public CompletableFuture<SyncStats> sync(TenantId tenant, String catalog, AuditActor actor) {
    CompletableFuture<Run> started = Futures.supply(() -> start(tenant, catalog, actor));
    if (started.isCompletedExceptionally()) {
      // A failed future holds no value, so it is one of any type; its error stays unwrapped.
      @SuppressWarnings("unchecked")
      CompletableFuture<SyncStats> failed =
          (CompletableFuture<SyncStats>) (CompletableFuture<?>) started;
      return failed;
    }
    Run run = started.join();
    return Futures.supplyOn(executor, run::mirror);
  }

  @Override
  public CompletableFuture<Optional<SyncStats>> stats(TenantId tenant, String catalog) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          return registry.read(tenant, state -> state.requireCatalog(catalog).lastSync());
        });
  }

  /** Checks the call and finds the catalog's connector; a missing one is a recorded failure. */
  private Run start(TenantId tenant, String catalog, AuditActor actor) {
    Requests.tenant(tenant);
    Inputs.name(catalog, "catalog");
    OperationsRequests.actor(actor, "actor");
    Instant startedAt = Timestamps.now(clock);
    Run run =
        registry.read(
            tenant,
            state -> {
              CatalogState found = state.requireCatalog(catalog);
              if (!(found.catalog().source() instanceof CatalogSource.Federated federated)) {
                throw new PreconditionFailedException(
                    "catalog '" + catalog + "' is not federated: there is nothing to sync");
              }
              return new Run(
                  tenant, catalog, found.catalog().id(), federated.connector(), actor, startedAt);
            });
    if (connectors.find(run.config().connectorType()).isEmpty()) {
      throw run.failed(
          new PreconditionFailedException(
              "no connector is registered for type '"
                  + run.config().connectorType()
                  + "' of catalog '"
                  + catalog
                  + "' (registered: "
                  + connectors
                  + ")"));
    }
    return run;
  }

  /** One sync of one catalog, from its start. */
  private final class Run {
    private final TenantId tenant;
    private final String catalog;
    private final CatalogId id;
    private final ConnectorConfig config;
    private final AuditActor actor;
    private final Instant startedAt;

    Run(
        TenantId tenant,
        String catalog,
        CatalogId id,
        ConnectorConfig config,
        AuditActor actor,
        Instant startedAt) {
      this.tenant = tenant;
      this.catalog = catalog;
      this.id = id;
      this.config = config;
      this.actor = actor;
      this.startedAt = startedAt;
    }

    ConnectorConfig config() {
      return config;
    }

    /** Reads the remote (no lock held) and applies it; on the store's executor. */
    SyncStats mirror() {
      FederatedCatalogConnector connector = connectors.find(config.connectorType()).orElseThrow();
      RemoteSnapshot remote;
      try {
        remote = RemoteSnapshot.read(connector, config);
      } catch (CatalogStoreException e) {
        throw failed(e);
      } catch (RuntimeException | Error e) {
        // A defect of the reading itself, or an error the connector threw past the snapshot's
        // net (a StackOverflowError): still a failed sync, recorded as every other one. Its words
        // may quote the connector's credentials; the recorded message never does.
        throw failed(
            new InternalStoreException(
                config.credentials().redactedIn("reading the remote failed: " + e), e));
      }
      return registry.write(
          tenant,
          state -> {
            Instant now = Timestamps.notBefore(Timestamps.now(clock), startedAt);
            CatalogState target;
            try {
              target = sameCatalog(state);
            } catch (NotFoundException e) {
              record(state, SyncStats.failed(catalog, startedAt, now, message(e)));
              throw e;
            }
            MirrorPlan plan;
            try {
              plan = MirrorWrites.apply(state, target, remote, now);
            } catch (CatalogStoreException e) {
              // Nothing was written (every check precedes the first write): record the failure in
              // the same step, so no reader sees the catalog unsynced with no record of why.
              record(state, SyncStats.failed(catalog, startedAt, now, message(e)));
              throw e;
            }
            return record(state, plan.succeeded(catalog, startedAt, now));
          });
    }

    /**
     * Records {@code error} as this sync's failure, in its own step under the tenant's write lock,
     * and returns it to be thrown. A failure to record (the tenant is gone, the store closed) is
     * attached to it, as it is the error the caller must see.
     */
    <E extends CatalogStoreException> E failed(E error) {
      try {
        registry.write(
            tenant,
            state -> {
              Instant now = Timestamps.notBefore(Timestamps.now(clock), startedAt);
              return record(state, SyncStats.failed(catalog, startedAt, now, message(error)));
            });
      } catch (RuntimeException recording) {
        error.addSuppressed(recording);
      }
      return error;
    }

    /**
     * Keeps {@code stats} as the catalog's last sync (if it is still this catalog) and appends the
     * sync's audit event; under the tenant's write lock.
     */
    private SyncStats record(TenantState state, SyncStats stats) {
      state
          .catalog(catalog)
          .filter(c -> c.catalog().id().equals(id))
          .ifPresent(c -> c.recordSync(stats));
      registry
          .auditEvents()
          .record(tenant, OperationsAudit.synced(actor, id, stats), stats.finishedAt());
      return stats;
    }

    /** The catalog this sync started on; deleted or replaced since is {@code NotFoundException}. */
    private CatalogState sameCatalog(TenantState state) {
      return state
          .catalog(catalog)
          .filter(found -> found.catalog().id().equals(id))
          .orElseThrow(() -> Missing.catalog(catalog));
    }
  }

  private static String message(CatalogStoreException error) {
    return OperationsAudit.syncError(error);
  }
}
