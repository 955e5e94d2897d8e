package dev.catalogstore.bench;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The cost of reading one page of 100 assets from a namespace of {@code assets} assets, on the
 * in-memory store and on a naive baseline that scans and sorts the namespace for every page. The
 * contract asks for O(page size + log n): the store's figure should barely move from 1,000 to
 * 100,000 assets while the baseline's grows with n.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class InMemoryPagingBenchmark {
  static final int PAGE = 100;

  @Param({"1000", "100000"})
  public int assets;

  private InMemoryCatalogStore store;
  private TenantId tenant;
  private BranchRef branch;
  private NamespacePath namespace;
  private String middleToken;
  private NaiveListing baseline;

  @Setup(Level.Trial)
  public void fill() {
    store = new InMemoryCatalogStore();
    tenant = store.tenants().create(NewTenant.named("bench")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef ns = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, ns, Map.of()).join();
    branch = BranchRef.main("cat");
    namespace = ns.path();
    List<String> names = new ArrayList<>(assets);
    for (int i = 0; i < assets; i++) {
      String name = String.format("table_%07d", i);
      names.add(name);
      store
          .assets()
          .create(tenant, AssetRef.onMain(ns, name), NewAsset.of(AssetKind.ICEBERG_TABLE))
          .join();
    }
    baseline = new NaiveListing(names);
    // A token from the middle of the namespace: reading after it must not cost a scan either.
    Page<Asset> page =
        store.assets().list(tenant, branch, namespace, PageRequest.firstPage(assets / 2)).join();
    middleToken = page.nextPageToken().orElseThrow();
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
  }

  @Benchmark
  public Page<Asset> storeFirstPage() {
    return store.assets().list(tenant, branch, namespace, PageRequest.firstPage(PAGE)).join();
  }

  @Benchmark
  public Page<Asset> storeMiddlePage() {
    return store
        .assets()
        .list(tenant, branch, namespace, PageRequest.nextPage(middleToken, PAGE))
        .join();
  }

  @Benchmark
  public List<String> naiveMiddlePage() {
    return baseline.pageAfter(String.format("table_%07d", assets / 2 - 1), PAGE);
  }
}
