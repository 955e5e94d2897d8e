package dev.catalogstore.bench;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.util.Map;

/**
 * The data {@link MemoryStoreBenchmark} and {@link MemoryStoreHeap} work on: one tenant, one
 * catalog, one namespace, {@link #ASSETS} Iceberg tables on {@code main}, and as many more branches
 * copied from {@code main} as asked.
 *
 * @param store the filled store
 * @param tenant its tenant
 * @param refs the assets' coordinates, per branch: index 0 is {@code main}, k is {@code b<k>}
 */
record MemoryStoreData(InMemoryCatalogStore store, TenantId tenant, AssetRef[][] refs) {
  /** Assets per branch. */
  static final int ASSETS = 1_000;

  /** Branches the commit benchmark's store has: one per thread, for up to 8 threads. */
  static final int BRANCHES = 8;

  /** The floor map's key: the same shape as the store's lookup, tenant and coordinates. */
  record Key(TenantId tenant, AssetRef ref) {}

  AssetRef[] refs(int branch) {
    return refs[branch];
  }

  /** The metadata location asset {@code i} is created with. */
  static String metadataLocation(int i) {
    return "s3://bench/warehouse/db/table_" + i + "/metadata/00000.json";
  }

  /** A fresh store holding {@link #ASSETS} assets on each of {@code branches} branches. */
  static MemoryStoreData filled(int branches) {
    InMemoryCatalogStore store = new InMemoryCatalogStore();
    TenantId tenant = store.tenants().create(NewTenant.named("bench")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef ns = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, ns, Map.of()).join();
    AssetRef[][] refs = new AssetRef[branches][ASSETS];
    for (int i = 0; i < ASSETS; i++) {
      refs[0][i] = AssetRef.onMain(ns, "table_" + i);
      store
          .assets()
          .create(
              tenant,
              refs[0][i],
              NewAsset.icebergTable("s3://bench/warehouse/db/table_" + i, metadataLocation(i)))
          .join();
    }
    for (int b = 1; b < branches; b++) {
      BranchRef branch = new BranchRef("cat", "b" + b);
      store
          .branches()
          .create(tenant, branch, NewBranch.from(CommitRef.head(BranchRef.main("cat"))))
          .join();
      for (int i = 0; i < ASSETS; i++) {
        refs[b][i] = new AssetRef(branch, ns.path(), "table_" + i);
      }
    }
    return new MemoryStoreData(store, tenant, refs);
  }
}
