package dev.catalogstore.bench;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Deleting a tenant that owns {@code rows} assets (1,000,000) on the PostgreSQL store, with the
 * store's default configuration (its 30 s statement timeout included): each measured iteration is
 * one deletion of a freshly filled tenant (JMH single-shot time; the fill is outside the measured
 * time).
 *
 * <ul>
 *   <li>{@link #deleteTenant}: the time of {@code tenants().delete(tenant).join()}, the call the
 *       user waits for. Whether the rows are removed in that call or, after it, by a background
 *       purge is the store's choice; either way, the tenant is gone for every reader when the call
 *       returns.
 *   <li>{@link #deleteTenantUntilPurged}: the same call, then until no row of the tenant is left in
 *       any of the store's tables (polled every {@value #POLL_MILLIS} ms through a separate
 *       connection, one {@code EXISTS} probe per table in one statement): the time the database
 *       takes to give the space back. With a deletion done within the call, both figures are the
 *       same.
 * </ul>
 *
 * <p>Fill: a warehouse, a catalog and a namespace through the API, one asset through the API and
 * {@code rows - 1} copies of its row by one {@code INSERT … SELECT generate_series} ({@link
 * StoreRows#copyAsset}), then {@code ANALYZE}. A deletion that fails (for example past the
 * statement timeout) fails the benchmark: the report then shows no figure for it, never a time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 2)
@Fork(1)
public class TenantDeletionBenchmark {
  static final String SCHEMA = "catalogstore_bench_delete";
  static final long POLL_MILLIS = 50;

  /** A purge that has not finished by then fails the benchmark rather than hang the suite. */
  static final long PURGE_LIMIT_MINUTES = 15;

  @Param({"1000000"})
  public int rows;

  private String url;
  private JdbcCatalogStore store;
  private TenantId tenant;
  // The purge check's own connection and statement, prepared once: polling costs one round trip.
  private Connection checker;
  private PreparedStatement anyRow;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    url = JdbcRoundTripBenchmark.jdbcUrl().orElseThrow();
    store = JdbcCatalogStore.open(JdbcStoreConfig.builder().jdbcUrl(url).schema(SCHEMA).build());
    checker = DriverManager.getConnection(url);
    anyRow = checker.prepareStatement(StoreRows.anyRowOfTenantSql(checker, SCHEMA));
  }

  /** A fresh tenant of {@code rows} assets for each deletion. */
  @Setup(Level.Iteration)
  public void fill() {
    tenant = store.tenants().create(NewTenant.named("delete-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef namespace = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, namespace, Map.of()).join();
    store
        .assets()
        .create(
            tenant,
            AssetRef.onMain(namespace, StoreRows.assetName(0)),
            NewAsset.of(AssetKind.ICEBERG_TABLE))
        .join();
    StoreRows.copyAsset(url, SCHEMA, tenant, StoreRows.assetName(0), 1, rows);
    long filled = StoreRows.assetsOf(url, SCHEMA, tenant);
    if (filled != rows) {
      throw new IllegalStateException("expected " + rows + " assets, found " + filled);
    }
  }

  /**
   * After each iteration, outside the measured time: the deleted tenant is gone for the store, and
   * its rows are purged before the next fill, so that one deletion's purge never overlaps the next
   * measurement.
   */
  @TearDown(Level.Iteration)
  public void checkGone() throws InterruptedException, SQLException {
    if (store.tenants().get(tenant).join().isPresent()) {
      throw new IllegalStateException("the deleted tenant is still there");
    }
    awaitPurged();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    anyRow.close();
    checker.close();
    store.close();
  }

  @Benchmark
  public void deleteTenant() {
    store.tenants().delete(tenant).join();
  }

  @Benchmark
  public void deleteTenantUntilPurged() throws InterruptedException, SQLException {
    store.tenants().delete(tenant).join();
    awaitPurged();
  }

  private void awaitPurged() throws InterruptedException, SQLException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PURGE_LIMIT_MINUTES);
    while (StoreRows.anyRowOf(anyRow, tenant)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "rows of the deleted tenant are still there after " + PURGE_LIMIT_MINUTES + " min");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
