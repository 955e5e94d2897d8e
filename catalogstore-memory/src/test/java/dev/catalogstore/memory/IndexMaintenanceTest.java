package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
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
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's secondary indexes (warehouse use counts, children by parent, assets by namespace,
 * assets by id, history by sequence) stay in step with the data through every change.
 */
class IndexMaintenanceTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();
  private TenantId tenant;

  @BeforeEach
  void newTenant() {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
  }

  @Test
  void aWarehouseStaysInUseUntilItsLastCatalogIsDeleted() {
    store.catalogs().create(tenant, NewCatalog.local("one", "wh")).join();
    store.catalogs().create(tenant, NewCatalog.local("two", "wh")).join();

    store.catalogs().delete(tenant, "one").join();
    assertThat(Outcomes.failureOf(store.warehouses().delete(tenant, "wh")))
        .isInstanceOf(PreconditionFailedException.class);

    store.catalogs().delete(tenant, "two").join();
    store.warehouses().delete(tenant, "wh").join();
    assertThat(store.warehouses().get(tenant, "wh").join()).isEmpty();
  }

  @Test
  void deletingACatalogForgetsTheIdsOfItsAssets() {
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    NamespaceRef sales = NamespaceRef.of("lake", "sales");
    store.namespaces().create(tenant, sales, Map.of()).join();
    AssetRef ref = AssetRef.onMain(sales, "orders");
    Asset orders = store.assets().create(tenant, ref, NewAsset.of(AssetKind.FILE)).join();

    store.catalogs().delete(tenant, "lake").join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();

    assertThat(store.assets().getById(tenant, orders.id()).join()).isEmpty();
    assertThat(store.namespaces().get(tenant, sales).join()).isEmpty();
  }

  @Test
  void aParentIsEmptyAgainOnceItsLastChildAndAssetHaveGone() {
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    NamespaceRef parent = NamespaceRef.of("lake", "p");
    NamespaceRef child = parent.child("c");
    NamespaceRef other = NamespaceRef.of("lake", "other");
    store.namespaces().create(tenant, parent, Map.of()).join();
    store.namespaces().create(tenant, child, Map.of()).join();
    store.namespaces().create(tenant, other, Map.of()).join();
    AssetRef inParent = AssetRef.onMain(parent, "a");
    Asset asset = store.assets().create(tenant, inParent, NewAsset.of(AssetKind.FILE)).join();

    assertThat(Outcomes.failureOf(store.namespaces().delete(tenant, parent)))
        .isInstanceOf(PreconditionFailedException.class);
    store.namespaces().delete(tenant, child).join();
    assertThat(Outcomes.failureOf(store.namespaces().delete(tenant, parent)))
        .isInstanceOf(PreconditionFailedException.class);

    AssetRef moved = AssetRef.onMain(other, "a");
    store.assets().rename(tenant, inParent, moved).join();
    store.namespaces().delete(tenant, parent).join();

    assertThat(store.assets().getById(tenant, asset.id()).join().map(Asset::ref)).contains(moved);
    PageRequest first = PageRequest.firstPage();
    assertThat(
            names(store.assets().list(tenant, BranchRef.main("lake"), other.path(), first).join()))
        .containsExactly("a");
    assertThat(store.namespaces().list(tenant, NamespaceRef.root("lake"), first).join().items())
        .extracting(namespace -> namespace.path().lastSegment())
        .containsExactly("other");
  }

  @Test
  void childrenAreListedByCodePointOnePageAtATimeWithoutGrandchildren() {
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    NamespaceRef root = NamespaceRef.root("lake");
    // U+1F600 sorts after U+FFFD by code point, although String.compareTo puts it before.
    List<String> segments = List.of("a", "a.b", "b", "\uFFFD", "\uD83D\uDE00");
    for (String segment : segments) {
      store.namespaces().create(tenant, root.child(segment), Map.of()).join();
      store.namespaces().create(tenant, root.child(segment).child("grandchild"), Map.of()).join();
    }

    List<String> listed = new ArrayList<>();
    PageRequest page = PageRequest.firstPage(2);
    while (true) {
      Page<Namespace> result = store.namespaces().list(tenant, root, page).join();
      result.items().forEach(namespace -> listed.add(namespace.path().lastSegment()));
      Optional<PageRequest> next = result.nextPage(2);
      if (next.isEmpty()) {
        break;
      }
      page = next.get();
    }

    assertThat(listed).containsExactlyElementsOf(segments);
  }

  @Test
  void historyPagesRunNewestFirstAndResumeBelowTheirPosition() {
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    NamespaceRef sales = NamespaceRef.of("lake", "sales");
    store.namespaces().create(tenant, sales, Map.of()).join();
    AssetRef orders = AssetRef.onMain(sales, "orders");
    store.assets().create(tenant, orders, NewAsset.icebergTable("s3://o", "m1")).join();
    for (int i = 2; i <= 5; i++) {
      MetadataCommit commit = MetadataCommit.replacing("m" + (i - 1), "m" + i);
      store.assets().commitMetadataLocation(tenant, orders, commit).join();
    }

    Page<MetadataLocation> first = history(orders, PageRequest.firstPage(2));
    // A commit between pages is newer than the position, so later pages neither repeat nor skip.
    store
        .assets()
        .commitMetadataLocation(tenant, orders, MetadataCommit.replacing("m5", "m6"))
        .join();
    Page<MetadataLocation> second = history(orders, first.nextPage(2).orElseThrow());
    Page<MetadataLocation> third = history(orders, second.nextPage(2).orElseThrow());

    assertThat(first.items()).extracting(MetadataLocation::sequence).containsExactly(5L, 4L);
    assertThat(second.items()).extracting(MetadataLocation::sequence).containsExactly(3L, 2L);
    assertThat(third.items()).extracting(MetadataLocation::location).containsExactly("m1");
    assertThat(third.nextPageToken()).isEmpty();
    assertThat(third.items().get(0).previousLocation()).isEmpty();
    assertThat(second.items().get(0).previousLocation()).contains("m2");
  }

  private Page<MetadataLocation> history(AssetRef asset, PageRequest page) {
    return store.assets().history(tenant, asset, page).join();
  }

  private static List<String> names(Page<Asset> page) {
    return page.items().stream().map(asset -> asset.ref().name()).toList();
  }
}
