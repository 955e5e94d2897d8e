package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The PostgreSQL store's simple operations beside the floors they are measured against, on a pooled
 * connection of the same database: for reads, one bare {@code SELECT 1} round trip; for the
 * metadata commit, one {@code UPDATE} of a one-row table committed on its own (a durable commit
 * costs a WAL flush that no read pays). The contract aims at one round trip per simple operation,
 * so each operation's ratio to its floor says how close it comes; what remains above 1 is the
 * statement's own work and the hop to the store's thread.
 *
 * <p>A metadata commit also appends a commit to its branch and moves the branch's head. Its own
 * floor, {@link #floorChangeWithCommit}, does the same work with the fewest plain statements in one
 * transaction on tables of the same shape ({@link ChangeWithCommitFloor}).
 *
 * <p>Reads the database from {@code CATALOGSTORE_BENCH_JDBC_URL} (or {@code
 * CATALOGSTORE_TEST_JDBC_URL}); works in its own schema.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class JdbcRoundTripBenchmark {
  /** The schema the benchmark's store works in, apart from anything else in the database. */
  static final String SCHEMA = "catalogstore_bench";

  private HikariDataSource floorPool;
  private ChangeWithCommitFloor changeWithCommitFloor;
  private JdbcCatalogStore store;
  private TenantId tenant;
  private AssetRef table;
  private String currentLocation;
  private long nextVersion;

  /** The database URL the benchmarks use, if one is configured. */
  static Optional<String> jdbcUrl() {
    return Optional.ofNullable(System.getenv("CATALOGSTORE_BENCH_JDBC_URL"))
        .or(() -> Optional.ofNullable(System.getenv("CATALOGSTORE_TEST_JDBC_URL")));
  }

  @Setup(Level.Trial)
  public void open() {
    String url =
        jdbcUrl()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "set CATALOGSTORE_BENCH_JDBC_URL to a PostgreSQL JDBC URL"));
    floorPool = new HikariDataSource();
    floorPool.setJdbcUrl(url);
    floorPool.setMaximumPoolSize(2);
    try (Connection c = floorPool.getConnection();
        Statement ddl = c.createStatement()) {
      ddl.execute(
          "CREATE TABLE IF NOT EXISTS public.catalogstore_bench_floor"
              + " (id int PRIMARY KEY, location text NOT NULL)");
      ddl.execute(
          "INSERT INTO public.catalogstore_bench_floor VALUES (1, '') ON CONFLICT DO NOTHING");
      changeWithCommitFloor = ChangeWithCommitFloor.create(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the write floor's table", e);
    }
    store = JdbcCatalogStore.open(JdbcStoreConfig.builder().jdbcUrl(url).schema(SCHEMA).build());

    tenant = store.tenants().create(NewTenant.named("bench-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef ns = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, ns, Map.of()).join();
    for (int i = 0; i < 1000; i++) {
      store
          .assets()
          .create(
              tenant,
              AssetRef.onMain(ns, String.format("t%04d", i)),
              NewAsset.of(AssetKind.ICEBERG_TABLE))
          .join();
    }
    analyze(floorPool, SCHEMA);
    table = AssetRef.onMain(ns, "t0500");
    currentLocation = "s3://bench/t0500/v0.metadata.json";
    store
        .assets()
        .commitMetadataLocation(tenant, table, MetadataCommit.first(currentLocation))
        .join();
    nextVersion = 1;
  }

  /**
   * Gathers planner statistics for the store's tables in {@code schema}, as autovacuum does in a
   * running database: a freshly filled schema without them is planned for empty tables, which is
   * not the steady state a benchmark should measure.
   */
  static void analyze(DataSource dataSource, String schema) {
    try (Connection c = dataSource.getConnection();
        Statement analyze = c.createStatement()) {
      for (String table :
          new String[] {
            "assets", "branches", "namespaces", "metadata_history", "commits", "commit_changes"
          }) {
        analyze.execute("ANALYZE " + schema + "." + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze the benchmark's schema " + schema, e);
    }
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    try (Connection c = floorPool.getConnection();
        Statement ddl = c.createStatement()) {
      ddl.execute("DROP TABLE public.catalogstore_bench_floor");
      ChangeWithCommitFloor.drop(c);
    }
    store.tenants().delete(tenant).join();
    store.close();
    floorPool.close();
  }

  @Benchmark
  public int floorSelectOne() throws SQLException {
    try (Connection c = floorPool.getConnection();
        PreparedStatement select = c.prepareStatement("SELECT 1");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Benchmark
  public int floorUpdateOneRow() throws SQLException {
    try (Connection c = floorPool.getConnection();
        PreparedStatement update =
            c.prepareStatement(
                "UPDATE public.catalogstore_bench_floor SET location = ? WHERE id = 1")) {
      update.setString(1, "s3://bench/floor/v" + nextVersion++ + ".metadata.json");
      return update.executeUpdate();
    }
  }

  @Benchmark
  public long floorChangeWithCommit() throws SQLException {
    try (Connection c = floorPool.getConnection()) {
      return changeWithCommitFloor.commitOnce(c);
    }
  }

  @Benchmark
  public Optional<Asset> getAsset() {
    return store.assets().get(tenant, table).join();
  }

  @Benchmark
  public Page<Asset> listAssetsPage() {
    return store
        .assets()
        .list(tenant, BranchRef.main("cat"), table.namespace(), PageRequest.firstPage(100))
        .join();
  }

  @Benchmark
  public Asset commitMetadataLocation() {
    String next = "s3://bench/t0500/v" + nextVersion++ + ".metadata.json";
    Asset committed =
        store
            .assets()
            .commitMetadataLocation(tenant, table, MetadataCommit.replacing(currentLocation, next))
            .join();
    currentLocation = next;
    return committed;
  }
}
