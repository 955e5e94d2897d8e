package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fresh tenant with catalog {@code lake} and namespace {@code sales} in an in-memory store, and
 * the few steps the versioning tests of this package repeat.
 */
final class Lake {
  static final String CATALOG = "lake";
  static final NamespaceRef SALES = NamespaceRef.of(CATALOG, "sales");
  static final BranchRef MAIN = BranchRef.main(CATALOG);

  final InMemoryCatalogStore store;
  final TenantId tenant;

  Lake() {
    this(java.time.Clock.systemUTC());
  }

  /** A lake whose store takes its time from {@code clock}. */
  Lake(java.time.Clock clock) {
    store = new InMemoryCatalogStore(clock);
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    StorageConfig storage = StorageConfig.of(StorageType.FILE, "file:///wh");
    store.warehouses().create(tenant, NewWarehouse.of("wh", storage)).join();
    store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
    store.namespaces().create(tenant, SALES, Map.of()).join();
  }

  static AssetRef table(BranchRef branch, String name) {
    return new AssetRef(branch, SALES.path(), name);
  }

  static String metadata(String name, int version) {
    return "s3://wh/" + name + "/metadata/v" + version + ".json";
  }

  /** Creates table {@code name} on {@code branch} at version 0. */
  Asset create(BranchRef branch, String name) {
    NewAsset request = NewAsset.icebergTable("s3://wh/" + name, metadata(name, 0));
    return store.assets().create(tenant, table(branch, name), request).join();
  }

  /** Commits version {@code version} of table {@code name} on {@code branch}. */
  Asset commit(BranchRef branch, String name, int version) {
    MetadataCommit commit =
        MetadataCommit.replacing(metadata(name, version - 1), metadata(name, version));
    return store.assets().commitMetadataLocation(tenant, table(branch, name), commit).join();
  }

  /** The whole first-parent ancestry of {@code from}, newest first, read page by page. */
  List<Commit> ancestry(CommitRef from, int pageSize) {
    List<Commit> all = new ArrayList<>();
    PageRequest page = PageRequest.firstPage(pageSize);
    while (true) {
      Page<Commit> read = store.commits().ancestry(tenant, from, page).join();
      all.addAll(read.items());
      Optional<PageRequest> next = read.nextPage(pageSize);
      if (next.isEmpty()) {
        return all;
      }
      page = next.get();
    }
  }

  /**
   * The content of every asset on {@code branch}, by key, read under the tenant's and the branch's
   * locks.
   */
  NavigableMap<AssetKey, AssetContent> contents(BranchRef branch) {
    return store
        .registry()
        .read(
            tenant,
            state -> {
              NavigableMap<AssetKey, AssetContent> contents = new TreeMap<>();
              BranchState found = state.requireCatalog(CATALOG).requireBranch(branch);
              // The branch's read lock too: changes confined to one branch hold only the tenant's
              // read lock.
              found.reading(
                  () -> {
                    for (AssetEntry entry : found.allAssets()) {
                      contents.put(
                          AssetKey.of(entry.asset().ref()), AssetContent.of(entry.asset()));
                    }
                    return null;
                  });
              return contents;
            });
  }

  /** The catalog's commits, for a test that reads what the facets do not show. */
  <T> T withLog(java.util.function.Function<CommitLog, T> read) {
    return store
        .registry()
        .read(tenant, state -> read.apply(state.requireCatalog(CATALOG).commits()));
  }
}
