package dev.catalogstore.jdbc.federation;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.MirrorPlan;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.RemoteSnapshot;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.audit.AuditSql;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The federation facet on PostgreSQL. A sync runs in three steps, on two kinds of thread:
 *
 * <ol>
 *   <li>on a store thread, one statement reads the catalog and its connector settings (a missing or
 *       LOCAL catalog fails here, recording nothing);
 *   <li>on a {@link ConnectorThreads connector thread}, holding no connection and no lock, {@link
 *       RemoteSnapshot#read} reads and checks the remote through the connector;
 *   <li>on a store thread, one transaction locks the catalog's {@code main} branch, reads the
 *       mirror, applies the {@link MirrorPlan} ({@link MirrorWrites}: one set-based statement per
 *       kind of change, and the one commit of every asset change on {@code main}), and records the
 *       stats and the audit event ({@link FederationSql}).
 * </ol>
 *
 * A failure after the first step (no connector for the type, the connector failing, a remote the
 * store cannot hold, the transaction failing) leaves the mirror as it was, and is recorded as
 * failed stats and a {@code FAILURE} audit event in a transaction of its own before the sync's
 * future fails. Internal to the JDBC store.
 */
public final class JdbcFederation implements Federation {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcFederation.class);

  private final Database db;
  private final FederationSql sql;
  private final MirrorWrites writes;
  private final AuditSql audit;
  private final FederatedConnectors connectors;
  private final ConnectorThreads threads;

  public JdbcFederation(
      Database db,
      SqlText sqlText,
      AuditSql audit,
      FederatedConnectors connectors,
      ConnectorThreads threads,
      Optional<SecretCodec> secretCodec) {
    this.db = db;
    this.sql =
        new FederationSql(
            sqlText, new CredentialSealing(secretCodec, CredentialSealing.Owner.CONNECTOR));
    this.writes = new MirrorWrites(sql);
    this.audit = audit;
    this.connectors = connectors;
    this.threads = threads;
  }

  @Override
  public CompletableFuture<SyncStats> sync(TenantId tenant, String catalog, AuditActor actor) {
    CompletableFuture<SyncStats> result = new CompletableFuture<>();
    db.submit("federation.sync", () -> begin(tenant, catalog, actor))
        .thenCompose(this::readAndApply)
        .whenComplete(
            (stats, error) -> {
              if (error == null) {
                result.complete(stats);
              } else {
                // Stages wrap what they relay; the caller sees the store's exception itself.
                result.completeExceptionally(unwrap(error));
              }
            });
    return result;
  }

  @Override
  public CompletableFuture<Optional<SyncStats>> stats(TenantId tenant, String catalog) {
    return db.submit(
        "federation.stats",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          FederationSql.StatsRead read =
              db.run(
                  "federation.stats",
                  Violations.NONE,
                  connection -> sql.stats(connection, tenant, catalog));
          if (read.missing().isPresent()) {
            throw missing(read.missing().get(), tenant, catalog);
          }
          return read.stats();
        });
  }

  /** Step 1: the catalog to sync, read without a lock; nothing is recorded if this fails. */
  private Started begin(TenantId tenant, String catalog, AuditActor actor) {
    Requests.tenant(tenant);
    Inputs.name(catalog, "catalog");
    OperationsRequests.actor(actor, "actor");
    FederationSql.Target target =
        db.run(
            "federation.sync",
            Violations.NONE,
            connection -> sql.catalog(connection, tenant, catalog));
    if (target.missing().isPresent()) {
      throw missing(target.missing().get(), tenant, catalog);
    }
    if (target.type() != CatalogType.FEDERATED) {
      throw new PreconditionFailedException(
          "catalog '" + catalog + "' is " + target.type() + ": only a FEDERATED catalog is synced");
    }
    return new Started(tenant, target, actor, db.now());
  }

  /** Steps 2 and 3: the remote read on a connector thread, then applied on a store thread. */
  private CompletableFuture<SyncStats> readAndApply(Started started) {
    String type = started.target().connector().connectorType();
    Optional<FederatedCatalogConnector> connector = connectors.find(type);
    if (connector.isEmpty()) {
      return db.submit(
          "federation.sync",
          () -> {
            throw failed(
                started,
                new PreconditionFailedException(
                    "no connector is registered for connector type '" + type + "'"));
          });
    }
    return threads
        .call(
            "federation.sync",
            () -> RemoteSnapshot.read(connector.get(), started.target().connector()))
        .handle(
            (remote, error) ->
                error == null
                    ? db.submit("federation.sync", () -> apply(started, remote))
                    : db.<SyncStats>submit(
                        "federation.sync",
                        () -> {
                          throw failed(started, asStoreFailure(started, unwrap(error)));
                        }))
        .thenCompose(applied -> applied);
  }

  /** Step 3, or the failure recorded if it fails. */
  private SyncStats apply(Started started, RemoteSnapshot remote) {
    Violations violations =
        Violations.NONE
            // A namespace created by hand in the catalog while the sync read the mirror.
            .onUnique(
                () ->
                    new ConflictException(
                        "the catalog '"
                            + started.target().name()
                            + "' changed while it was synced; sync again"))
            // A namespace the remote dropped still holds assets of another branch (a mirror owns
            // only main), or one the plan puts tables in was deleted by hand meanwhile.
            .onForeignKey(
                () ->
                    new PreconditionFailedException(
                        "a namespace of catalog '"
                            + started.target().name()
                            + "' cannot be mirrored: one the remote no longer lists still holds"
                            + " assets on a branch other than main, or one was deleted while the"
                            + " sync ran"));
    try {
      return db.transaction(
          "federation.sync", violations, connection -> applyIn(connection, started, remote));
    } catch (CatalogStoreException e) {
      throw failed(started, e);
    } catch (RuntimeException e) {
      throw failed(
          started, new InternalStoreException("federation.sync failed unexpectedly: " + e, e));
    }
  }

  private SyncStats applyIn(Connection connection, Started started, RemoteSnapshot remote)
      throws SQLException {
    TenantId tenant = started.tenant();
    UUID catalogId = started.target().catalogId();
    FederationSql.Main main =
        sql.lockMain(connection, tenant, catalogId)
            .orElseThrow(() -> Missing.catalog(started.target().name()));
    Map<NamespacePath, FederationSql.MirroredNamespace> namespaces =
        sql.namespaces(connection, tenant, catalogId);
    Map<AssetKey, FederationSql.MirroredAsset> assets =
        sql.mainAssets(connection, tenant, main.branchId());
    Map<NamespacePath, Map<String, String>> namespaceProperties = new HashMap<>();
    namespaces.forEach((path, namespace) -> namespaceProperties.put(path, namespace.properties()));
    Map<AssetKey, MirrorPlan.MirroredAsset> mirrored = new HashMap<>();
    assets.forEach(
        (key, asset) ->
            mirrored.put(
                key,
                new MirrorPlan.MirroredAsset(
                    asset.content().kind(), asset.content().metadataLocation())));
    MirrorPlan plan = MirrorPlan.between(remote, namespaceProperties, mirrored);
    // Read after the lock: a sync that waited for a change of main is stamped after it.
    Instant now = db.now();
    writes.apply(connection, tenant, catalogId, main, namespaces, assets, plan, now);
    SyncStats stats =
        plan.succeeded(
            started.target().name(),
            started.startedAt(),
            Timestamps.notBefore(now, started.startedAt()));
    if (!sql.upsertStats(connection, tenant, catalogId, stats)) {
      throw new IllegalStateException("the locked catalog " + catalogId + " is gone");
    }
    audit
        .insert(
            connection,
            tenant,
            AuditEventId.random(),
            now,
            OperationsAudit.synced(started.actor(), new CatalogId(catalogId), stats))
        .orElseThrow(() -> Missing.tenant(tenant));
    return stats;
  }

  /**
   * Records the failed sync (stats and a {@code FAILURE} audit event) in a transaction of its own,
   * and returns {@code failure} for the caller to throw. A catalog deleted meanwhile has no stats
   * to keep, but the event is recorded all the same; a tenant deleted meanwhile has nothing to
   * record to. A failure to record is logged and does not hide the sync's own.
   */
  private CatalogStoreException failed(Started started, CatalogStoreException failure) {
    Instant finishedAt = Timestamps.notBefore(db.now(), started.startedAt());
    String error = OperationsAudit.syncError(failure);
    SyncStats stats =
        SyncStats.failed(started.target().name(), started.startedAt(), finishedAt, error);
    try {
      db.transaction(
          "federation.sync",
          Violations.NONE,
          connection -> {
            TenantId tenant = started.tenant();
            UUID catalogId = started.target().catalogId();
            // The stats only while the catalog exists; the event in any case (the audit log
            // outlives what it names), unless the tenant itself is gone.
            sql.upsertStats(connection, tenant, catalogId, stats);
            audit.insert(
                connection,
                tenant,
                AuditEventId.random(),
                finishedAt,
                OperationsAudit.synced(started.actor(), new CatalogId(catalogId), stats));
            return null;
          });
    } catch (RuntimeException e) {
      LOG.warn("federation.sync could not record its failure ({})", error, e);
      failure.addSuppressed(e);
    }
    return failure;
  }

  /**
   * What a failed remote read reports: the store's own exception as it is (RemoteSnapshot already
   * redacted the connector's credentials from it), anything else wrapped, its words quoted with the
   * credentials redacted, as they are recorded.
   */
  private static CatalogStoreException asStoreFailure(Started started, Throwable error) {
    return error instanceof CatalogStoreException storeFailure
        ? storeFailure
        : new InternalStoreException(
            started
                .target()
                .connector()
                .credentials()
                .redactedIn("federation.sync failed unexpectedly: " + error),
            error);
  }

  private static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static RuntimeException missing(ObjectType type, TenantId tenant, String catalog) {
    return type == ObjectType.TENANT ? Missing.tenant(tenant) : Missing.catalog(catalog);
  }

  /**
   * A sync under way.
   *
   * @param tenant the tenant
   * @param target the catalog, FEDERATED
   * @param actor who asked
   * @param startedAt when it started
   */
  private record Started(
      TenantId tenant, FederationSql.Target target, AuditActor actor, Instant startedAt) {}
}
