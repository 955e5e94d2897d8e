package dev.catalogstore.memory;

import static dev.catalogstore.api.asset.AssetKind.FILE;
import static dev.catalogstore.api.asset.AssetKind.ICEBERG_TABLE;
import static dev.catalogstore.api.asset.AssetKind.ICEBERG_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.PageTokens;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code assets().list} narrowed to some kinds reads the per-kind indexes: pages are full of
 * matching assets however many others lie between them, tokens are bound to the set of kinds, and
 * the indexes follow renames, deletions and cascades.
 */
class KindFilteredListingTest {
  private static final BranchRef MAIN = BranchRef.main("lake");
  private static final NamespaceRef SALES = NamespaceRef.of("lake", "sales");
  private static final NamespaceRef ARCHIVE = NamespaceRef.of("lake", "archive");
  private static final Set<AssetKind> TABLES_AND_VIEWS = EnumSet.of(ICEBERG_TABLE, ICEBERG_VIEW);

  private final InMemoryCatalogStore store = new InMemoryCatalogStore();
  private TenantId tenant;

  @BeforeEach
  void catalogWithTwoNamespaces() {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    StorageConfig storage = StorageConfig.of(StorageType.FILE, "file:///wh");
    store.warehouses().create(tenant, NewWarehouse.of("wh", storage)).join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    store.namespaces().create(tenant, SALES, Map.of()).join();
    store.namespaces().create(tenant, ARCHIVE, Map.of()).join();
  }

  @Test
  void pagesHoldTheLimitOfMatchingAssetsAndAnExactlyFullLastPageHasNoToken() {
    // Six matching assets, each behind a run of files that sort between them.
    for (int i = 0; i < 6; i++) {
      create(SALES, "m" + i, i % 2 == 0 ? ICEBERG_TABLE : ICEBERG_VIEW);
      for (int j = 0; j < 5; j++) {
        create(SALES, "m" + i + "-file" + j, FILE);
      }
    }

    Page<Asset> first = list(SALES, TABLES_AND_VIEWS, PageRequest.firstPage(3));
    Page<Asset> second = list(SALES, TABLES_AND_VIEWS, first.nextPage(3).orElseThrow());

    assertThat(names(first)).containsExactly("m0", "m1", "m2");
    assertThat(names(second)).containsExactly("m3", "m4", "m5");
    assertThat(second.nextPageToken()).isEmpty();
    assertThat(names(list(SALES, EnumSet.of(FILE), PageRequest.firstPage(1000))))
        .hasSize(30)
        .allMatch(name -> name.contains("-file"));
  }

  @Test
  void aTokenServesOnlyTheSetOfKindsItWasIssuedFor() {
    for (String name : List.of("a", "b", "c")) {
      create(SALES, name, ICEBERG_TABLE);
      create(SALES, name + "-view", ICEBERG_VIEW);
    }
    String tablesToken =
        list(SALES, EnumSet.of(ICEBERG_TABLE), PageRequest.firstPage(1))
            .nextPageToken()
            .orElseThrow();
    PageRequest next = PageRequest.nextPage(tablesToken, 1);

    Throwable foreign =
        Outcomes.failureOf(store.assets().list(tenant, MAIN, SALES.path(), TABLES_AND_VIEWS, next));
    assertThat(foreign)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo(PageTokens.FIELD));
    assertThat(names(list(SALES, Set.of(ICEBERG_TABLE), next))).containsExactly("b");

    // The same set of kinds, however it is built and iterated, is the same list.
    String mixedToken =
        list(SALES, Set.of(ICEBERG_VIEW, ICEBERG_TABLE), PageRequest.firstPage(2))
            .nextPageToken()
            .orElseThrow();
    assertThat(names(list(SALES, TABLES_AND_VIEWS, PageRequest.nextPage(mixedToken, 2))))
        .containsExactly("b", "b-view");
    // Listing every kind, by either method, is one list too.
    String everyKindToken =
        store
            .assets()
            .list(tenant, MAIN, SALES.path(), PageRequest.firstPage(4))
            .join()
            .nextPageToken()
            .orElseThrow();
    assertThat(
            names(
                list(
                    SALES,
                    EnumSet.allOf(AssetKind.class),
                    PageRequest.nextPage(everyKindToken, 4))))
        .containsExactly("c", "c-view");
  }

  @Test
  void theKindIndexesFollowRenamesDeletionsAndCascades() {
    AssetRef orders = create(SALES, "orders", ICEBERG_TABLE).ref();
    create(SALES, "orders-view", ICEBERG_VIEW);
    create(SALES, "notes", FILE);

    AssetRef moved = AssetRef.onMain(ARCHIVE, "orders-2023");
    store.assets().rename(tenant, orders, moved).join();
    assertThat(names(list(SALES, EnumSet.of(ICEBERG_TABLE), PageRequest.firstPage()))).isEmpty();
    assertThat(names(list(ARCHIVE, EnumSet.of(ICEBERG_TABLE), PageRequest.firstPage())))
        .containsExactly("orders-2023");

    store.assets().delete(tenant, AssetRef.onMain(SALES, "orders-view")).join();
    assertThat(names(list(SALES, TABLES_AND_VIEWS, PageRequest.firstPage()))).isEmpty();
    assertThat(names(list(SALES, EnumSet.of(FILE), PageRequest.firstPage())))
        .containsExactly("notes");

    // The freed name, taken by another kind, is listed under that kind only.
    create(SALES, "orders-view", ICEBERG_TABLE);
    assertThat(names(list(SALES, EnumSet.of(ICEBERG_VIEW), PageRequest.firstPage()))).isEmpty();
    assertThat(names(list(SALES, EnumSet.of(ICEBERG_TABLE), PageRequest.firstPage())))
        .containsExactly("orders-view");

    store.catalogs().delete(tenant, "lake").join();
    catalogWithTwoNamespacesAgain();
    assertThat(names(list(ARCHIVE, TABLES_AND_VIEWS, PageRequest.firstPage()))).isEmpty();
  }

  private void catalogWithTwoNamespacesAgain() {
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    store.namespaces().create(tenant, SALES, Map.of()).join();
    store.namespaces().create(tenant, ARCHIVE, Map.of()).join();
  }

  private Asset create(NamespaceRef namespace, String name, AssetKind kind) {
    return store
        .assets()
        .create(tenant, AssetRef.onMain(namespace, name), NewAsset.of(kind))
        .join();
  }

  private Page<Asset> list(NamespaceRef namespace, Set<AssetKind> kinds, PageRequest page) {
    return store.assets().list(tenant, MAIN, namespace.path(), kinds, page).join();
  }

  private static List<String> names(Page<Asset> page) {
    List<String> names = new ArrayList<>();
    page.items().forEach(asset -> names.add(asset.ref().name()));
    return names;
  }
}
