package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * {@code assets().get} and a page of 100 of {@code assets().list} in one namespace of {@code
 * assets} assets (1,000, 100,000 and 1,000,000): the first page, and a page after a token {@value
 * #DEEP_PERCENT} % into the listing (keyset paging: it should cost what the first page costs). The
 * contract asks for one indexed read per get and O(page + log n) per page, so no figure should grow
 * much with the namespace.
 *
 * <p>Each get reads another asset, in turn from {@value #SAMPLE} spread evenly over the namespace,
 * so no one row stays hot. On PostgreSQL two plain-JDBC floors run on the same table and indexes:
 * {@link #floorGetAsset}, one {@code SELECT} of the asset's row by its unique key, and {@link
 * #floorDeepPage}, {@code SELECT … WHERE name > ? ORDER BY name LIMIT 101} at the same position as
 * the deep page, both reading every column.
 *
 * <p>The in-memory store is filled through the API. PostgreSQL: one asset through the API, then
 * {@code assets - 1} copies of its row by one {@code INSERT … SELECT generate_series} ({@link
 * StoreRows#copyAsset}) and {@code ANALYZE}, in a schema per size that the forks of that size share
 * (the report drops the schemas before a run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class AssetScaleBenchmark {
  static final int PAGE = 100;
  static final int SAMPLE = 1024;
  static final int DEEP_PERCENT = 90;
  static final String TENANT = "scale-bench";

  @Param({"memory"})
  public String backend;

  @Param({"1000", "100000", "1000000"})
  public int assets;

  private CatalogStore store;
  private HikariDataSource floorPool;
  private TenantId tenant;
  private final BranchRef main = BranchRef.main("cat");
  private final NamespaceRef namespace = NamespaceRef.of("cat", "db");
  private final List<AssetRef> sample = new ArrayList<>();
  private String deepToken;
  private String deepAfter;
  private UUID namespaceId;
  private UUID branchId;
  private int next;

  @Setup(Level.Trial)
  public void fill(BenchmarkParams params) {
    if (backend.equals("memory")) {
      store = new InMemoryCatalogStore();
      tenant = createTenant();
      fillThroughApi();
    } else {
      String url = JdbcRoundTripBenchmark.jdbcUrl().orElseThrow();
      store =
          JdbcCatalogStore.open(
              JdbcStoreConfig.builder().jdbcUrl(url).schema(schema(assets)).build());
      Optional<Tenant> filled =
          store.tenants().list(PageRequest.firstPage()).join().items().stream()
              .filter(t -> t.name().equals(TENANT))
              .findFirst();
      if (filled.isPresent()) {
        tenant = filled.get().id();
      } else {
        tenant = createTenant();
        create(0).join();
        StoreRows.copyAsset(url, schema(assets), tenant, StoreRows.assetName(0), 1, assets);
      }
      floorPool = new HikariDataSource();
      floorPool.setJdbcUrl(url);
      floorPool.setMaximumPoolSize(2);
      readIds();
    }
    for (int s = 0; s < SAMPLE; s++) {
      sample.add(AssetRef.onMain(namespace, StoreRows.assetName((long) s * assets / SAMPLE)));
    }
    long deep = (long) assets * DEEP_PERCENT / 100;
    deepAfter = StoreRows.assetName(deep - 1);
    if (params.getBenchmark().endsWith(".deepPage")) {
      deepToken = tokenAfter(deep);
    }
    check();
  }

  private TenantId createTenant() {
    TenantId id = store.tenants().create(NewTenant.named(TENANT)).join().id();
    store
        .warehouses()
        .create(id, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(id, NewCatalog.local("cat", "wh")).join();
    store.namespaces().create(id, namespace, Map.of()).join();
    return id;
  }

  private CompletableFuture<Asset> create(long i) {
    return store
        .assets()
        .create(
            tenant,
            AssetRef.onMain(namespace, StoreRows.assetName(i)),
            NewAsset.of(AssetKind.ICEBERG_TABLE));
  }

  private void fillThroughApi() {
    List<CompletableFuture<Asset>> batch = new ArrayList<>();
    for (long i = 0; i < assets; i++) {
      batch.add(create(i));
      if (batch.size() == 1024) {
        batch.forEach(CompletableFuture::join);
        batch.clear();
      }
    }
    batch.forEach(CompletableFuture::join);
  }

  /**
   * The token that resumes the listing after {@code count} assets, got as a client gets it: by
   * reading pages of the largest size up to there (outside the measured time).
   */
  private String tokenAfter(long count) {
    PageRequest request = PageRequest.firstPage((int) Math.min(PageRequest.MAX_LIMIT, count));
    long read = 0;
    while (true) {
      Page<Asset> page = store.assets().list(tenant, main, namespace.path(), request).join();
      read += page.items().size();
      String token = page.nextPageToken().orElseThrow();
      if (read == count) {
        return token;
      }
      request = PageRequest.nextPage(token, (int) Math.min(PageRequest.MAX_LIMIT, count - read));
    }
  }

  private void readIds() {
    try (Connection c = floorPool.getConnection();
        PreparedStatement query =
            c.prepareStatement(
                "SELECT branch_id, namespace_id FROM "
                    + schema(assets)
                    + ".assets WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, StoreRows.assetName(0));
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        branchId = rows.getObject(1, UUID.class);
        namespaceId = rows.getObject(2, UUID.class);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the filled namespace's ids", e);
    }
  }

  /** Before the measurement: every call measured returns what it should. */
  private void check() {
    require(getAsset().isPresent(), "a sampled asset exists");
    Page<Asset> first = firstPage();
    require(
        first.items().size() == Math.min(PAGE, assets)
            && first.items().get(0).ref().name().equals(StoreRows.assetName(0)),
        "the first page starts at asset 0");
    if (deepToken != null) {
      Page<Asset> deep = deepPage();
      require(
          deep.items().get(0).ref().name().equals(StoreRows.assetName(assets * DEEP_PERCENT / 100)),
          "the deep page starts right after its token");
    }
  }

  private static void require(boolean holds, String what) {
    if (!holds) {
      throw new IllegalStateException("the scale benchmark's data is wrong: expected " + what);
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    if (floorPool != null) {
      floorPool.close();
    }
  }

  @Benchmark
  public Optional<Asset> getAsset() {
    return store.assets().get(tenant, sample.get(next++ & (SAMPLE - 1))).join();
  }

  @Benchmark
  public Page<Asset> firstPage() {
    return store.assets().list(tenant, main, namespace.path(), PageRequest.firstPage(PAGE)).join();
  }

  @Benchmark
  public Page<Asset> deepPage() {
    return store
        .assets()
        .list(tenant, main, namespace.path(), PageRequest.nextPage(deepToken, PAGE))
        .join();
  }

  /** PostgreSQL only: the asset's row by its unique key, every column read. */
  @Benchmark
  public int floorGetAsset() throws SQLException {
    String name = sample.get(next++ & (SAMPLE - 1)).name();
    try (Connection c = floorPool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT * FROM "
                    + schema(assets)
                    + ".assets WHERE tenant_id = ? AND namespace_id = ? AND branch_id = ?"
                    + " AND name = ?")) {
      select.setObject(1, tenant.value());
      select.setObject(2, namespaceId);
      select.setObject(3, branchId);
      select.setString(4, name);
      return readAll(select);
    }
  }

  /** PostgreSQL only: 101 rows after the deep page's position, every column read. */
  @Benchmark
  public int floorDeepPage() throws SQLException {
    try (Connection c = floorPool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT * FROM "
                    + schema(assets)
                    + ".assets WHERE tenant_id = ? AND namespace_id = ? AND branch_id = ?"
                    + " AND name > ? ORDER BY name LIMIT "
                    + (PAGE + 1))) {
      select.setObject(1, tenant.value());
      select.setObject(2, namespaceId);
      select.setObject(3, branchId);
      select.setString(4, deepAfter);
      return readAll(select);
    }
  }

  private static int readAll(PreparedStatement select) throws SQLException {
    int values = 0;
    try (ResultSet rows = select.executeQuery()) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          if (rows.getObject(i) != null) {
            values++;
          }
        }
      }
    }
    if (values == 0) {
      throw new IllegalStateException("the floor read no row");
    }
    return values;
  }

  /** The schema of the PostgreSQL fill of {@code assets} assets. */
  static String schema(int assets) {
    return "catalogstore_bench_scale_" + assets;
  }

  /** Drops the schemas of {@code sizes}, so that the next run fills them afresh. */
  static void dropSchemas(String url, String[] sizes) {
    for (String size : sizes) {
      StoreRows.dropSchema(url, schema(Integer.parseInt(size)));
    }
  }
}
