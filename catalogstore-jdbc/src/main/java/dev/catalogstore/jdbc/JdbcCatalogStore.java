package dev.catalogstore.jdbc;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.jdbc.asset.JdbcAssets;
import dev.catalogstore.jdbc.audit.AuditSql;
import dev.catalogstore.jdbc.audit.JdbcAuditLog;
import dev.catalogstore.jdbc.branch.JdbcBranches;
import dev.catalogstore.jdbc.catalog.JdbcCatalogs;
import dev.catalogstore.jdbc.commit.JdbcCommits;
import dev.catalogstore.jdbc.federation.ConnectorThreads;
import dev.catalogstore.jdbc.federation.JdbcFederation;
import dev.catalogstore.jdbc.maintenance.JdbcMaintenance;
import dev.catalogstore.jdbc.namespace.JdbcNamespaces;
import dev.catalogstore.jdbc.permission.JdbcPermissions;
import dev.catalogstore.jdbc.purge.Purger;
import dev.catalogstore.jdbc.role.JdbcRoles;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.serviceuser.JdbcServiceUsers;
import dev.catalogstore.jdbc.settings.JdbcSettings;
import dev.catalogstore.jdbc.sql.ConnectionSource;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.tag.JdbcTags;
import dev.catalogstore.jdbc.tenant.JdbcTenants;
import dev.catalogstore.jdbc.token.JdbcTokens;
import dev.catalogstore.jdbc.user.JdbcUsers;
import dev.catalogstore.jdbc.warehouse.JdbcWarehouses;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link CatalogStore} on PostgreSQL.
 *
 * <pre>{@code
 * try (JdbcCatalogStore store = JdbcCatalogStore.open(
 *     JdbcStoreConfig.builder().jdbcUrl("jdbc:postgresql://localhost:5432/catalog").build())) {
 *   Tenant acme = store.tenants().create(NewTenant.named("acme")).join();
 * }
 * }</pre>
 *
 * <p><b>Start-up.</b> {@link #open} migrates (or, in {@link MigrationMode#VALIDATE}, only
 * validates) the schema with Flyway, then serves calls. Several processes may open stores on one
 * fresh database at once.
 *
 * <p><b>Calls.</b> Every method returns at once; its work runs on the store's own bounded pool of
 * threads (one per connection), or on the application's {@link JdbcStoreConfig.Builder#callExecutor
 * callExecutor}, and its future completes there, never on the caller's thread (unless the
 * application's executor runs tasks where they are submitted). Input is validated first, on that
 * thread, so a failed call has changed nothing. Each facet is one class per area ({@code
 * tenant/JdbcTenants}, ..., {@code asset/JdbcAssets}, {@code user/JdbcUsers}, ..., {@code
 * token/JdbcTokens}) with its statements next to it. Each operation is a single SQL statement,
 * atomic on its own, except the multi-asset commit, a branch creation from history, a merge, a
 * role's create or update and a direct grant (which lock the catalogs their grants name before
 * writing them), a token's record and a revocation (which lock the token id first), a settings
 * update (which locks the tenant's settings row and the default warehouse it names), a maintenance
 * run (which locks the asset, prunes its history and records its audit event) and a sync's
 * application of the remote to the mirror (which locks {@code main}, applies the plan with one
 * set-based statement per kind of change, and writes one commit, the stats and the audit event),
 * and a tenant's or a catalog's delete (which tombstones it and records its purge: see {@code
 * purge/Purger}), which are one transaction each; and the token sweep and the purge, which delete
 * in bounded batches: uniqueness, existence, cascades, the stored-property limit and the metadata
 * compare-and-set are decided by the database's constraints and conditional statements, so they
 * hold across any number of store instances on the same schema. Only a call that failed reads
 * again, to say why (which parent is missing, what the value is now).
 *
 * <p><b>Versioning.</b> Every asset change writes its commit and moves its branch's head in the
 * statement that makes the change, after locking the branch's row; a merge locks its target's row
 * first and reads the history since the merge base in batches, so its cost follows the commits
 * since the base, not the catalog's size ({@code commit/}, {@code branch/}, {@code tag/}).
 *
 * <p><b>Failures.</b> Futures fail only with the contract's exceptions. When the database is
 * unreachable, or a connection dies mid-call, calls fail with {@link UnavailableException} within
 * the bounds {@link JdbcStoreConfig} states, however many are queued, and succeed again once it is
 * back, without a restart.
 *
 * <p><b>Operations.</b> Audit events ({@code audit/}) are one insert each, append-only also to the
 * store's own database role (triggers refuse UPDATE, DELETE and TRUNCATE), and have no key to their
 * tenant, so they outlive it; a filtered page or count reads the index of its criterion. A sync
 * ({@code federation/}) reads the remote through the configured connector ({@link
 * JdbcStoreConfig.Builder#connectors}) on threads of its own, holding no connection, and only then
 * applies what it read in one transaction.
 *
 * <p><b>Secrets.</b> Warehouse credentials are sealed by the configured {@link SecretCodec} before
 * they are written and opened after every read; without a codec, warehouses cannot have
 * credentials. Of API keys and tokens the store receives and keeps only digests, which it never
 * returns; the two digest indexes ({@code serviceUsers().findByApiKeyHash}, {@code
 * tokens().validate}) are the only reads that cross tenants, one indexed statement each.
 */
public final class JdbcCatalogStore extends ComposedCatalogStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCatalogStore.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final String name;
  private final HikariDataSource ownedPool;
  private final Database db;
  private final ConnectorThreads connectorThreads;
  private final Purger purger;
  private final Duration closeGrace;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JdbcCatalogStore(
      String name,
      Database db,
      SqlText sql,
      Optional<SecretCodec> secretCodec,
      FederatedConnectors connectors,
      ConnectorThreads connectorThreads,
      Purger purger,
      HikariDataSource ownedPool,
      Duration closeGrace) {
    this(
        name,
        db,
        sql,
        new AuditSql(sql),
        secretCodec,
        connectors,
        connectorThreads,
        purger,
        ownedPool,
        closeGrace);
  }

  private JdbcCatalogStore(
      String name,
      Database db,
      SqlText sql,
      AuditSql auditSql,
      Optional<SecretCodec> secretCodec,
      FederatedConnectors connectors,
      ConnectorThreads connectorThreads,
      Purger purger,
      HikariDataSource ownedPool,
      Duration closeGrace) {
    super(
        StoreFacets.builder()
            .tenants(new JdbcTenants(db, sql, purger::wake))
            .warehouses(new JdbcWarehouses(db, sql, secretCodec))
            .catalogs(new JdbcCatalogs(db, sql, secretCodec, purger::wake))
            .namespaces(new JdbcNamespaces(db, sql))
            .assets(new JdbcAssets(db, sql))
            .commits(new JdbcCommits(db, sql))
            .branches(new JdbcBranches(db, sql))
            .tags(new JdbcTags(db, sql))
            .users(new JdbcUsers(db, sql))
            .roles(new JdbcRoles(db, sql))
            .permissions(new JdbcPermissions(db, sql))
            .serviceUsers(new JdbcServiceUsers(db, sql))
            .tokens(new JdbcTokens(db, sql))
            .audit(new JdbcAuditLog(db, auditSql))
            .settings(new JdbcSettings(db, sql))
            .maintenance(new JdbcMaintenance(db, sql, auditSql))
            .federation(
                new JdbcFederation(db, sql, auditSql, connectors, connectorThreads, secretCodec))
            .build());
    this.name = name;
    this.db = db;
    this.connectorThreads = connectorThreads;
    this.purger = purger;
    this.ownedPool = ownedPool;
    this.closeGrace = closeGrace;
  }

  /**
   * Opens a store: starts its pool (unless given a DataSource), migrates or validates the schema,
   * and returns the store ready for calls. Blocks the calling thread while it does.
   *
   * @throws UnavailableException if the database cannot be reached
   * @throws dev.catalogstore.api.error.PreconditionFailedException if the schema is not at this
   *     library's version and the migration mode is {@code VALIDATE}, or its history conflicts with
   *     this library's migrations, or the database refuses the migration or the validation for want
   *     of a privilege (SQLState 42501; not worth retrying)
   */
  public static JdbcCatalogStore open(JdbcStoreConfig config) {
    Objects.requireNonNull(config, "config");
    String name = "catalogstore-" + INSTANCES.incrementAndGet();
    LOG.info(
        "{} - Starting (schema \"{}\", {}, maximumPoolSize {}, migrationMode {})",
        name,
        config.schema(),
        config
            .jdbcUrl()
            .map(url -> "jdbcUrl " + JdbcStoreConfig.redacted(url))
            .orElse("application DataSource"),
        config.maximumPoolSize(),
        config.migrationMode());
    logSecretCodec(name, config.secretCodec());
    HikariDataSource ownedPool = null;
    try {
      if (config.dataSource().isEmpty()) {
        ownedPool = OwnedPool.open(config, name + "-pool");
      }
      DataSource dataSource = ownedPool != null ? ownedPool : config.dataSource().orElseThrow();
      SchemaMigrator migrator =
          new SchemaMigrator(
              name,
              ownedPool != null ? OwnedPool.migrationDataSource(config) : dataSource,
              config.schema());
      if (config.migrationMode() == MigrationMode.MIGRATE) {
        migrator.migrate();
      } else {
        migrator.validate();
      }
      Database db =
          new Database(
              ownedPool != null
                  ? OwnedPool.connections(ownedPool)
                  : ConnectionSource.of(config.dataSource().orElseThrow()),
              config.clock(),
              config.maximumPoolSize(),
              config.maximumQueuedCalls(),
              config.connectionTimeout(),
              config.callExecutor().orElse(null),
              name);
      // Calls still running at close may take as long as the timeouts allow.
      Duration closeGrace =
          config.dataSource().isPresent()
              ? JdbcStoreConfig.DEFAULT_QUERY_TIMEOUT
              : config.connectionTimeout().plus(config.queryTimeout());
      // Connector calls wait on remote services, never on a store thread: as many may run as
      // store calls, and as many wait.
      ConnectorThreads connectorThreads =
          new ConnectorThreads(
              config.maximumPoolSize(), config.maximumQueuedCalls(), name + "-connector");
      SqlText sqlText = new SqlText(config.schema());
      Purger purger =
          new Purger(
              name,
              db,
              sqlText,
              config.purgeBatchSize(),
              config.purgeInterval(),
              config.purgePaused());
      JdbcCatalogStore store =
          new JdbcCatalogStore(
              name,
              db,
              sqlText,
              config.secretCodec(),
              config.connectors(),
              connectorThreads,
              purger,
              ownedPool,
              closeGrace);
      purger.start();
      LOG.info("{} - Start completed.", name);
      return store;
    } catch (HikariPool.PoolInitializationException e) {
      closeQuietly(ownedPool);
      throw new UnavailableException(
          name + " - cannot open: the database cannot be reached: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(ownedPool);
      throw e;
    }
  }

  private static void logSecretCodec(String name, Optional<SecretCodec> codec) {
    if (codec.isEmpty()) {
      LOG.info(
          "{} - No secretCodec configured: warehouse and connector credentials will be refused",
          name);
    } else if (codec.get() == SecretCodec.plaintextForTesting()) {
      LOG.warn(
          "{} - Warehouse and connector credentials are stored IN PLAIN TEXT "
              + "(SecretCodec.plaintextForTesting()); never use this in production",
          name);
    } else {
      LOG.info("{} - Warehouse credentials are sealed with {}", name, codec.get().describe());
    }
  }

  private static void closeQuietly(HikariDataSource pool) {
    if (pool != null) {
      pool.close();
    }
  }

  /**
   * What the store holds and waits for now: its pool's connections (only for the pool it owns), its
   * running and queued calls, and whether it serves. Cheap (it reads counters, takes no connection)
   * and never fails, also after {@link #close()}; meant to be read by a metrics system on each
   * scrape.
   */
  public JdbcPoolMetrics poolMetrics() {
    HikariPoolMXBean pool = ownedPool == null ? null : ownedPool.getHikariPoolMXBean();
    return new JdbcPoolMetrics(
        pool == null ? OptionalInt.empty() : OptionalInt.of(pool.getActiveConnections()),
        pool == null ? OptionalInt.empty() : OptionalInt.of(pool.getIdleConnections()),
        pool == null ? OptionalInt.empty() : OptionalInt.of(pool.getThreadsAwaitingConnection()),
        db.maximumRunningCalls(),
        db.runningCalls(),
        db.queuedCalls(),
        db.maximumQueuedCalls(),
        !closed.get() && db.databaseReachable());
  }

  /**
   * Stops accepting calls (later calls fail with {@link UnavailableException}), lets running and
   * queued calls finish within the configured timeouts, and closes the pool the store owns (never
   * an application's DataSource). Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    LOG.info("{} - Shutdown initiated...", name);
    // Connector calls first: a sync they finish still records its outcome on the store threads.
    connectorThreads.close(closeGrace);
    // No batch starts after this; one running finishes (or is interrupted) with the other calls.
    purger.close();
    db.close(closeGrace);
    closeQuietly(ownedPool);
    LOG.info("{} - Shutdown completed.", name);
  }

  @Override
  public String toString() {
    return "JdbcCatalogStore[" + name + "]";
  }
}
