package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * The cost of one three-way merge of 10 changed tables, in catalogs of {@code assets} tables.
 * Before each merge (outside the measured time), 10 tables change on branch {@code feature} and one
 * other table on {@code main}, so every merge is a real merge with a merge commit, never a
 * fast-forward. The contract says a merge costs in the changes since the merge base, not in the
 * catalog's size: the figure should not move from 1,000 to 100,000 tables.
 *
 * <p>Runs on the in-memory store ({@code backend=memory}) and, when the report is given a database,
 * on PostgreSQL ({@code backend=jdbc}, in its own schema).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MergeCostBenchmark {
  static final int CHANGED = 10;
  static final String SCHEMA = "catalogstore_bench_merge";

  @Param({"memory"})
  public String backend;

  @Param({"1000", "100000"})
  public int assets;

  private CatalogStore store;
  private TenantId tenant;
  private final BranchRef main = BranchRef.main("cat");
  private final BranchRef feature = new BranchRef("cat", "feature");
  private final NamespacePath namespace = NamespacePath.of("db");
  private final List<String> locationsOnFeature = new ArrayList<>();
  private String mainOnlyLocation;
  private long round;

  @Setup(Level.Trial)
  public void fill() {
    store = open(backend);
    tenant = store.tenants().create(NewTenant.named("merge-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    store.namespaces().create(tenant, NamespaceRef.of("cat", "db"), Map.of()).join();
    createTables();
    for (int i = 0; i < CHANGED; i++) {
      locationsOnFeature.add(metadata(table(i), 0));
    }
    mainOnlyLocation = metadata(table(assets - 1), 0);
    store.branches().create(tenant, feature, NewBranch.from(CommitRef.head(main))).join();
    if (backend.equals("jdbc")) {
      try (HikariDataSource analyzer = new HikariDataSource()) {
        analyzer.setJdbcUrl(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
        analyzer.setMaximumPoolSize(1);
        JdbcRoundTripBenchmark.analyze(analyzer, SCHEMA);
      }
    }
  }

  /** Creates the tables in bounded batches of concurrent calls, each with a metadata location. */
  private void createTables() {
    List<CompletableFuture<Asset>> batch = new ArrayList<>();
    for (int i = 0; i < assets; i++) {
      String name = table(i);
      batch.add(
          store
              .assets()
              .create(
                  tenant,
                  new AssetRef(main, namespace, name),
                  NewAsset.icebergTable("file:///wh/db/" + name, metadata(name, 0))));
      if (batch.size() == 64) {
        batch.forEach(CompletableFuture::join);
        batch.clear();
      }
    }
    batch.forEach(CompletableFuture::join);
  }

  /**
   * Outside the measured time: the feature branch catches up with main (a fast-forward, as a
   * feature branch that syncs does), then 10 tables change on it and another one on main. So every
   * merge has the same few commits since its base, however many rounds ran before: what grows
   * between the two runs is the catalog, nothing else.
   */
  @Setup(Level.Invocation)
  public void diverge() {
    MergeOutcome sync = store.branches().merge(tenant, main, feature).join().outcome();
    if (round > 0 && sync != MergeOutcome.FAST_FORWARD) {
      throw new IllegalStateException("the feature branch did not fast-forward to main: " + sync);
    }
    round++;
    for (int i = 0; i < CHANGED; i++) {
      String next = metadata(table(i), round);
      store
          .assets()
          .commitMetadataLocation(
              tenant,
              new AssetRef(feature, namespace, table(i)),
              MetadataCommit.replacing(locationsOnFeature.get(i), next))
          .join();
      locationsOnFeature.set(i, next);
    }
    String next = metadata(table(assets - 1), round);
    store
        .assets()
        .commitMetadataLocation(
            tenant,
            new AssetRef(main, namespace, table(assets - 1)),
            MetadataCommit.replacing(mainOnlyLocation, next))
        .join();
    mainOnlyLocation = next;
  }

  @Benchmark
  public MergeResult merge() {
    MergeResult result = store.branches().merge(tenant, feature, main).join();
    if (result.outcome() != MergeOutcome.MERGED || result.applied().size() != CHANGED) {
      throw new IllegalStateException("not the merge this benchmark measures: " + result);
    }
    return result;
  }

  @TearDown(Level.Trial)
  public void close() {
    store.tenants().delete(tenant).join();
    store.close();
  }

  private static CatalogStore open(String backend) {
    if (backend.equals("memory")) {
      return new InMemoryCatalogStore();
    }
    String url =
        JdbcRoundTripBenchmark.jdbcUrl()
            .orElseThrow(() -> new IllegalStateException("set CATALOGSTORE_BENCH_JDBC_URL"));
    return JdbcCatalogStore.open(JdbcStoreConfig.builder().jdbcUrl(url).schema(SCHEMA).build());
  }

  private static String table(int i) {
    return String.format("t%06d", i);
  }

  private static String metadata(String table, long version) {
    return "file:///wh/db/" + table + "/metadata/v" + version + ".metadata.json";
  }
}
