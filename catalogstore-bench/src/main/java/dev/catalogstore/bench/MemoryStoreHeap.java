package dev.catalogstore.bench;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Heap bytes per asset: the in-memory store holding {@link #ASSETS} Iceberg tables (each created
 * with a location and a metadata location, so each has the one history entry of its creation),
 * beside a plain {@code HashMap} from a key of the same shape (tenant and coordinates) to an {@code
 * Asset} value holding the same strings. Each figure is the growth of the heap used after a full
 * collection, divided by the number of assets; each side builds its own strings, as a caller
 * handing them over would.
 */
final class MemoryStoreHeap {
  static final int ASSETS = 200_000;
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private MemoryStoreHeap() {}

  /** The store's and the floor's bytes per asset, each the median of {@code rounds} builds. */
  static double[] measure(int rounds) {
    double[] store = new double[rounds];
    double[] floor = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      store[r] = storeBytesPerAsset();
      floor[r] = floorBytesPerAsset();
    }
    return new double[] {median(store), median(floor)};
  }

  private static double storeBytesPerAsset() {
    InMemoryCatalogStore store = new InMemoryCatalogStore();
    TenantId tenant = store.tenants().create(NewTenant.named("heap")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    store.namespaces().create(tenant, NamespaceRef.of("cat", "db"), Map.of()).join();
    long before = usedAfterGc();
    for (int i = 0; i < ASSETS; i++) {
      store
          .assets()
          .create(tenant, ref(i), NewAsset.icebergTable(location(i), metadataLocation(i)))
          .join();
    }
    long after = usedAfterGc();
    // Keeps the store reachable until the second measurement.
    if (store.assets().get(tenant, ref(0)).join().isEmpty()) {
      throw new IllegalStateException("the store lost an asset");
    }
    store.close();
    return (after - before) / (double) ASSETS;
  }

  private static double floorBytesPerAsset() {
    TenantId tenant = TenantId.random();
    Map<MemoryStoreData.Key, Asset> floor = new HashMap<>();
    long before = usedAfterGc();
    for (int i = 0; i < ASSETS; i++) {
      AssetRef ref = ref(i);
      Instant now = Instant.now();
      floor.put(
          new MemoryStoreData.Key(tenant, ref),
          new Asset(
              AssetId.random(),
              ref,
              AssetKind.ICEBERG_TABLE,
              Optional.of(location(i)),
              Optional.of(metadataLocation(i)),
              Map.of(),
              now,
              now));
    }
    long after = usedAfterGc();
    if (floor.size() != ASSETS) {
      throw new IllegalStateException("the floor lost an asset");
    }
    return (after - before) / (double) ASSETS;
  }

  // Fresh strings for every asset, as a caller would hand over.
  private static AssetRef ref(int i) {
    return AssetRef.onMain("cat", NamespacePath.of("db"), "table_" + i);
  }

  private static String location(int i) {
    return "s3://bench/warehouse/db/table_" + i;
  }

  private static String metadataLocation(int i) {
    return "s3://bench/warehouse/db/table_" + i + "/metadata/00000.json";
  }

  private static long usedAfterGc() {
    long used = Long.MAX_VALUE;
    // Several collections: the heap settles once finalizers and soft references are cleared.
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      used = Math.min(used, MEMORY.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
