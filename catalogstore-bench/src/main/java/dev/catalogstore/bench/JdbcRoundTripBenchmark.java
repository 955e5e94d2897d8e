package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.Namespace;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * The PostgreSQL store's simple calls beside their plain-JDBC floors (issue 11), on pooled
 * connections of the same database, run by the report at 1 and at 8 callers ({@code threads}):
 *
 * <ul>
 *   <li>{@link #getAsset} and {@link #getNamespace} against {@link #floorSelectById}, a one-row
 *       {@code SELECT} by primary key on one table ({@link JdbcFloors});
 *   <li>{@link #listAssetsPage}, the first page of 100 of a namespace of 1,000 assets, against
 *       {@link #floorPage}, {@code SELECT … ORDER BY name LIMIT 100} on one table;
 *   <li>{@link #createNamespace} against {@link #floorInsert}, a one-row {@code INSERT};
 *   <li>{@link #commitMetadataLocation} (the compare-and-set, its history row and its version
 *       commit) against {@link #floorChangeWithCommit}, the same work as the fewest plain
 *       statements in one transaction ({@link ChangeWithCommitFloor}). Each caller commits to an
 *       asset on its own catalog's branch, and to its own rows of the floor: commits to one branch
 *       are serialised by design, on the store and on the floor alike.
 * </ul>
 *
 * <p>Two references say where the rest goes: {@link #floorSelectOne}, a bare {@code SELECT 1} round
 * trip, and {@link #floorSelectByIdHandedOff}, the primary-key floor run on a pool of other threads
 * that the caller waits for, as every store call is: its distance from {@link #floorSelectById} is
 * the thread hand-off's share.
 *
 * <p>Reads the database from {@code CATALOGSTORE_BENCH_JDBC_URL} (or {@code
 * CATALOGSTORE_TEST_JDBC_URL}); the store works in its own schema, the floors in tables {@code
 * public.catalogstore_bench_floor_*}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(1)
public class JdbcRoundTripBenchmark {
  /** The schema the benchmark's store works in, apart from anything else in the database. */
  static final String SCHEMA = "catalogstore_bench";

  /** The store's pool size, and the floors' and the hand-off's: the same for both sides. */
  static final int CONNECTIONS = 10;

  private static final int ASSETS = 1000;

  private HikariDataSource floorPool;
  private JdbcFloors floors;
  private ExecutorService handOff;
  private JdbcCatalogStore store;
  private TenantId tenant;
  private NamespaceRef namespace;
  private AssetRef table;
  private final AtomicInteger callers = new AtomicInteger();
  private final AtomicLong created = new AtomicLong();

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
    floorPool.setMaximumPoolSize(CONNECTIONS);
    try (Connection c = floorPool.getConnection()) {
      dropSchema(c);
      floors = JdbcFloors.create(c, ASSETS);
      ChangeWithCommitFloor.createTables(c);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot prepare the floors' tables", e);
    }
    handOff = Executors.newFixedThreadPool(CONNECTIONS);
    store =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .jdbcUrl(url)
                .schema(SCHEMA)
                .maximumPoolSize(CONNECTIONS)
                .build());

    tenant = store.tenants().create(NewTenant.named("bench-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    namespace = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, namespace, Map.of()).join();
    List<CompletableFuture<Asset>> fill = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      fill.add(
          store
              .assets()
              .create(
                  tenant,
                  AssetRef.onMain(namespace, String.format("t%04d", i)),
                  NewAsset.of(AssetKind.ICEBERG_TABLE)));
    }
    fill.forEach(CompletableFuture::join);
    analyze(floorPool, SCHEMA);
    table = AssetRef.onMain(namespace, "t0500");
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
            "catalogs",
            "assets",
            "branches",
            "namespaces",
            "metadata_history",
            "commits",
            "commit_changes"
          }) {
        analyze.execute("ANALYZE " + schema + "." + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze the benchmark's schema " + schema, e);
    }
  }

  /** Ends the iteration's CPU readings before anything is closed ({@link CpuCostProfiler}). */
  @TearDown(Level.Iteration)
  public void endOfIteration() {
    CpuCostProfiler.mark();
  }

  /**
   * Drops the floors' tables and the store's schema: each trial starts from an empty schema, and
   * leaves none behind. (Not by deleting the tenant: the namespaces {@link #createNamespace} made
   * are too many to delete within the store's statement timeout on a loaded machine.)
   */
  @TearDown(Level.Trial)
  public void close() throws SQLException {
    store.close();
    handOff.shutdown();
    try (Connection c = floorPool.getConnection()) {
      JdbcFloors.drop(c);
      ChangeWithCommitFloor.drop(c);
      dropSchema(c);
    }
    floorPool.close();
  }

  private static void dropSchema(Connection c) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      ddl.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  /**
   * One caller's own asset, on its own catalog's branch, and its own rows of the commit floor, set
   * up once per thread.
   */
  @State(Scope.Thread)
  public static class Caller {
    AssetRef asset;
    String currentLocation;
    long nextVersion;
    ChangeWithCommitFloor commitFloor;

    @Setup(Level.Trial)
    public void open(JdbcRoundTripBenchmark bench) throws SQLException {
      int index = bench.callers.incrementAndGet();
      String catalog = "commits-" + index;
      bench.store.catalogs().create(bench.tenant, NewCatalog.local(catalog, "wh")).join();
      NamespaceRef ns = NamespaceRef.of(catalog, "db");
      bench.store.namespaces().create(bench.tenant, ns, Map.of()).join();
      asset = AssetRef.onMain(ns, "t");
      bench.store.assets().create(bench.tenant, asset, NewAsset.of(AssetKind.ICEBERG_TABLE)).join();
      currentLocation = "s3://bench/" + catalog + "/v0.metadata.json";
      bench
          .store
          .assets()
          .commitMetadataLocation(bench.tenant, asset, MetadataCommit.first(currentLocation))
          .join();
      nextVersion = 1;
      try (Connection c = bench.floorPool.getConnection()) {
        commitFloor = ChangeWithCommitFloor.insert(c, index);
      }
    }
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
  public JdbcFloors.Row floorSelectById() throws SQLException {
    try (Connection c = floorPool.getConnection()) {
      return floors.selectById(c);
    }
  }

  @Benchmark
  public JdbcFloors.Row floorSelectByIdHandedOff() {
    return CompletableFuture.supplyAsync(
            () -> {
              try (Connection c = floorPool.getConnection()) {
                return floors.selectById(c);
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            },
            handOff)
        .join();
  }

  @Benchmark
  public List<JdbcFloors.Row> floorPage() throws SQLException {
    try (Connection c = floorPool.getConnection()) {
      return floors.page(c);
    }
  }

  @Benchmark
  public int floorInsert() throws SQLException {
    try (Connection c = floorPool.getConnection()) {
      return floors.insert(c, "n" + created.incrementAndGet());
    }
  }

  @Benchmark
  public long floorChangeWithCommit(Caller caller) throws SQLException {
    try (Connection c = floorPool.getConnection()) {
      return caller.commitFloor.commitOnce(c);
    }
  }

  @Benchmark
  public Optional<Asset> getAsset() {
    return store.assets().get(tenant, table).join();
  }

  @Benchmark
  public Optional<Namespace> getNamespace() {
    return store.namespaces().get(tenant, namespace).join();
  }

  @Benchmark
  public Page<Asset> listAssetsPage() {
    return store
        .assets()
        .list(tenant, BranchRef.main("cat"), namespace.path(), PageRequest.firstPage(100))
        .join();
  }

  @Benchmark
  public Namespace createNamespace() {
    return store
        .namespaces()
        .create(tenant, NamespaceRef.of("cat", "n" + created.incrementAndGet()), Map.of())
        .join();
  }

  @Benchmark
  public Asset commitMetadataLocation(Caller caller) {
    String next = "s3://bench/v" + caller.nextVersion++ + ".metadata.json";
    Asset committed =
        store
            .assets()
            .commitMetadataLocation(
                tenant, caller.asset, MetadataCommit.replacing(caller.currentLocation, next))
            .join();
    caller.currentLocation = next;
    return committed;
  }
}
