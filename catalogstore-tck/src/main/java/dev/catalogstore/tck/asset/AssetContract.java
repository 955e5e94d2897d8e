package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link dev.catalogstore.api.asset.Assets}, except the metadata compare-and-set,
 * which {@link MetadataPointerContract} covers: creating, reading (by coordinates and by id),
 * listing, renaming, updating properties and deleting assets, their input rules, and names that
 * must be kept exactly: every field given at creation read back by every read path for every kind,
 * renames that keep everything but the coordinates and free the old name, partial property updates
 * that keep what they do not name, and deletes that remove exactly the named asset. Their tenant
 * isolation is in {@link AssetIsolationContract}, name exactness in {@link AssetNamesContract},
 * input rules and validation order in {@link AssetInputRulesContract}, paging of the list and the
 * history in {@link AssetPagingContract}, timestamps in {@link AssetTimeContract}.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetContract extends TckSuite {
  private static final String CATALOG = "lake";

  private TenantId tenant;
  private NamespaceRef sales;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, CATALOG);
    sales = newNamespaces(tenant, CATALOG, "sales");
  }

  // ---------------------------------------------------------------------------------------------
  // createAsset

  @Test
  void createStoresEveryFieldAndReturnsTheStoredAsset() {
    AssetRef orders = assetOnMain(sales, "orders");
    NewAsset request =
        NewAsset.builder(AssetKind.DELTA_TABLE)
            .location("s3://lake/sales/orders")
            .metadataLocation("s3://lake/sales/orders/_delta_log/00000.json")
            .properties(Map.of("owner", "ops", "format-version", "2", "comment", ""))
            .build();

    Asset created = await(store().assets().create(tenant, orders, request));

    assertThat(created.id()).isNotNull();
    assertThat(created.ref()).isEqualTo(orders);
    assertThat(created.kind()).isEqualTo(AssetKind.DELTA_TABLE);
    assertThat(created.location()).contains("s3://lake/sales/orders");
    assertThat(created.metadataLocation()).contains("s3://lake/sales/orders/_delta_log/00000.json");
    assertThat(created.properties())
        .isEqualTo(Map.of("owner", "ops", "format-version", "2", "comment", ""));
    assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
    assertThat(get(orders)).contains(created);
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(created);
  }

  @Test
  void createWithOnlyAKindLeavesLocationMetadataAndPropertiesEmpty() {
    AssetRef notes = assetOnMain(sales, "notes");

    Asset created = await(store().assets().create(tenant, notes, NewAsset.of(AssetKind.FILE)));

    assertThat(created.kind()).isEqualTo(AssetKind.FILE);
    assertThat(created.location()).isEmpty();
    assertThat(created.metadataLocation()).isEmpty();
    assertThat(created.properties()).isEmpty();
    assertThat(get(notes)).contains(created);
    assertThat(history(notes)).isEmpty();
  }

  @Test
  void createWithAMetadataLocationMakesItHistoryEntryOne() {
    AssetRef orders = assetOnMain(sales, "orders");

    createTable(orders);

    assertThat(history(orders))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo(metadata(orders, 1));
              assertThat(entry.previousLocation()).isEmpty();
              assertThat(entry.committedAt()).isNotNull();
            });
  }

  @Test
  void everyAssetKindCanBeCreatedAndReadBack() {
    Map<String, AssetId> ids = new HashMap<>();
    for (AssetKind kind : AssetKind.values()) {
      AssetRef ref = assetOnMain(sales, kind.name());
      Asset created = await(store().assets().create(tenant, ref, NewAsset.of(kind)));
      assertThat(created.kind()).as("created %s", kind).isEqualTo(kind);
      assertThat(get(ref)).as("read back %s", kind).contains(created);
      ids.put(kind.name(), created.id());
    }

    List<Asset> listed = listAll(sales);

    assertThat(listed).hasSize(AssetKind.values().length);
    for (Asset asset : listed) {
      assertThat(asset.kind().name()).isEqualTo(asset.ref().name());
      assertThat(asset.id()).isEqualTo(ids.get(asset.ref().name()));
    }
  }

  @Test
  void createInAMissingCatalogIsNotFound() {
    AssetRef ref = AssetRef.onMain("no-such-catalog", sales.path(), "orders");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(await(store().catalogs().get(tenant, "no-such-catalog"))).isEmpty();
  }

  @Test
  void createInAMissingNamespaceIsNotFound() {
    AssetRef ref = AssetRef.onMain(CATALOG, path("marketing"), "leads");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of(CATALOG, "marketing"))))
        .as("the missing namespace is not created on the way")
        .isEmpty();
    assertThat(get(ref)).isEmpty();
  }

  @Test
  void createOnABranchOtherThanMainIsNotFound() {
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, onDev, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(listAll(sales)).as("nothing was created on main instead").isEmpty();
  }

  @Test
  void createOnATakenNameFailsAndKeepsTheOriginal() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset original = createTable(orders);
    NewAsset other =
        NewAsset.builder(AssetKind.HUDI_TABLE)
            .location("s3://elsewhere/orders")
            .metadataLocation("s3://elsewhere/orders/metadata.json")
            .properties(Map.of("owner", "intruder"))
            .build();

    assertFails(AlreadyExistsException.class, () -> store().assets().create(tenant, orders, other));

    assertThat(get(orders)).contains(original);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
  }

  @Test
  void namesAreUniquePerNamespaceAndCatalogOnly() {
    NamespaceRef hr = newNamespaces(tenant, CATALOG, "hr");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");

    Asset inSales = createTable(assetOnMain(sales, "orders"));
    Asset inHr = createTable(assetOnMain(hr, "orders"));
    Asset inPond = createTable(assetOnMain(pondSales, "orders"));

    assertThat(List.of(inSales.id(), inHr.id(), inPond.id())).doesNotHaveDuplicates();
    assertThat(get(assetOnMain(sales, "orders"))).contains(inSales);
    assertThat(get(assetOnMain(hr, "orders"))).contains(inHr);
    assertThat(get(assetOnMain(pondSales, "orders"))).contains(inPond);
  }

  @Test
  void createRejectsBadInputNamingTheFieldAndChangesNothing() {
    AssetRef orders = assetOnMain(sales, "orders");
    NewAsset table = NewAsset.of(AssetKind.ICEBERG_TABLE);

    assertInvalid("tenant", () -> store().assets().create(null, orders, table));
    assertInvalid("asset", () -> store().assets().create(tenant, null, table));
    assertInvalid(
        "asset.branch",
        () -> store().assets().create(tenant, new AssetRef(null, sales.path(), "orders"), table));
    assertInvalid(
        "asset.branch.catalog",
        () -> store().assets().create(tenant, AssetRef.onMain(" ", sales.path(), "orders"), table));
    assertInvalid(
        "asset.branch.branch",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    new AssetRef(new BranchRef(CATALOG, "ma\u0000in"), sales.path(), "orders"),
                    table));
    assertInvalid(
        "asset.namespace",
        () -> store().assets().create(tenant, orders.inNamespace(NamespacePath.ROOT), table));
    assertInvalid(
        "asset.namespace[0]",
        () -> store().assets().create(tenant, orders.inNamespace(path("sa\u0007les")), table));
    assertInvalid(
        "asset.name", () -> store().assets().create(tenant, orders.withName(null), table));
    assertInvalid(
        "asset.name", () -> store().assets().create(tenant, orders.withName(" \t"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\u0007"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\u009f"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("x".repeat(256)), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\ud800"), table));
    assertInvalid("request", () -> store().assets().create(tenant, orders, null));
    assertInvalid(
        "request.kind",
        () -> store().assets().create(tenant, orders, NewAsset.builder(null).build()));
    assertInvalid(
        "request.location",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE).location("").build()));
    assertInvalid(
        "request.metadataLocation",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .metadataLocation("s3://m\u0000")
                        .build()));
    assertInvalid(
        "request.properties[owner]",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(mapOf("owner", null))
                        .build()));
    assertInvalid(
        "request.properties key",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(Map.of(" ", "v"))
                        .build()));

    assertThat(listAll(sales)).as("no bad request created anything").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // getAsset and getAssetById

  @Test
  void getOfAMissingAssetIsEmptyNotAFailure() {
    createTable(assetOnMain(sales, "orders"));

    assertThat(get(assetOnMain(sales, "no-such-asset"))).isEmpty();
    assertThat(get(AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders"))).isEmpty();
    assertThat(get(AssetRef.onMain("no-such-catalog", sales.path(), "orders"))).isEmpty();
  }

  @Test
  void getAssetByIdReturnsTheAssetAtItsCurrentCoordinates() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    Asset created = createTable(assetOnMain(sales, "orders"));
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(created);

    Asset renamed =
        await(store().assets().rename(tenant, created.ref(), assetOnMain(archive, "orders-2023")));

    assertThat(renamed.ref()).isEqualTo(assetOnMain(archive, "orders-2023"));
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(renamed);
  }

  @Test
  void getAssetByIdOfAnUnknownIdIsEmpty() {
    createTable(assetOnMain(sales, "orders"));

    assertThat(await(store().assets().getById(tenant, AssetId.random()))).isEmpty();
  }

  @Test
  void getRejectsBadInputNamingTheField() {
    AssetRef orders = assetOnMain(sales, "orders");

    assertInvalid("tenant", () -> store().assets().get(null, orders));
    assertInvalid("asset", () -> store().assets().get(tenant, null));
    assertInvalid(
        "asset.namespace",
        () -> store().assets().get(tenant, orders.inNamespace(NamespacePath.ROOT)));
    assertInvalid("asset.name", () -> store().assets().get(tenant, orders.withName("a\u0000b")));
    assertInvalid("tenant", () -> store().assets().getById(null, AssetId.random()));
    assertInvalid("id", () -> store().assets().getById(tenant, null));
  }

  // ---------------------------------------------------------------------------------------------
  // listAssets

  @Test
  void listAssetsReturnsOnlyTheDirectAssetsOfTheNamespace() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    createTable(assetOnMain(newNamespaces(tenant, CATALOG, "sales", "eu"), "customers"));
    createTable(assetOnMain(newNamespaces(tenant, CATALOG, "sales.eu"), "dotted"));
    createTable(assetOnMain(newNamespaces(tenant, CATALOG, "salesforce"), "leads"));
    newLocalCatalog(tenant, "pond");
    createTable(assetOnMain(newNamespaces(tenant, "pond", "sales"), "fish"));

    assertThat(listAll(sales)).containsExactly(orders);
  }

  @Test
  void listAssetsOrdersByNameInCodePointOrder() {
    for (String name : List.of("😀emoji", "orders", "ｚebra", "Orders", "éclair", "_tmp")) {
      createTable(assetOnMain(sales, name));
    }

    assertThat(listAll(sales))
        .extracting(a -> a.ref().name())
        .containsExactly("Orders", "_tmp", "orders", "éclair", "ｚebra", "😀emoji");
  }

  @Test
  void listAssetsPagesByLimitAndTokenWithoutRepeatsOrGaps() {
    for (String name : List.of("a1", "a2", "a3", "a4", "a5")) {
      createTable(assetOnMain(sales, name));
    }

    Page<Asset> first = list(sales, PageRequest.firstPage(2));
    Page<Asset> second = list(sales, first.nextPage(2).orElseThrow());
    Page<Asset> third = list(sales, second.nextPage(2).orElseThrow());

    assertThat(names(first.items())).containsExactly("a1", "a2");
    assertThat(names(second.items())).containsExactly("a3", "a4");
    assertThat(names(third.items())).containsExactly("a5");
    assertThat(third.nextPageToken()).as("no token after the last item").isEmpty();
    Page<Asset> exact = list(sales, PageRequest.firstPage(5));
    assertThat(names(exact.items())).containsExactly("a1", "a2", "a3", "a4", "a5");
    assertThat(exact.nextPageToken()).as("no token when the page holds the last item").isEmpty();
  }

  @Test
  void listAssetsRefusesAPageTokenOfAnotherNamespace() {
    NamespaceRef hr = newNamespaces(tenant, CATALOG, "hr");
    for (String name : List.of("a1", "a2")) {
      createTable(assetOnMain(sales, name));
      createTable(assetOnMain(hr, name));
    }
    String salesToken = list(sales, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(
                    tenant,
                    BranchRef.main(CATALOG),
                    hr.path(),
                    PageRequest.nextPage(salesToken, 1)));
  }

  @Test
  void listAssetsRefusesAPageTokenOfAnotherTenant() {
    TenantId twin = newTenant();
    newLocalCatalog(twin, CATALOG);
    NamespaceRef twinSales = newNamespaces(twin, CATALOG, "sales");
    for (String name : List.of("a1", "a2")) {
      createTable(assetOnMain(sales, name));
      await(
          store().assets().create(twin, assetOnMain(twinSales, name), NewAsset.of(AssetKind.FILE)));
    }
    String token = list(sales, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(twin, BranchRef.main(CATALOG), sales.path(), PageRequest.nextPage(token, 1)));
  }

  @Test
  void listAssetsOfAMissingCatalogBranchOrNamespaceIsNotFound() {
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(
                    tenant,
                    BranchRef.main("no-such-catalog"),
                    sales.path(),
                    PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(
                    tenant, new BranchRef(CATALOG, "dev"), sales.path(), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(
                    tenant,
                    BranchRef.main(CATALOG),
                    path("no-such-namespace"),
                    PageRequest.firstPage()));
  }

  @Test
  void listAssetsRejectsBadInputNamingTheField() {
    BranchRef main = BranchRef.main(CATALOG);
    NamespacePath path = sales.path();
    PageRequest page = PageRequest.firstPage();

    assertInvalid("tenant", () -> store().assets().list(null, main, path, page));
    assertInvalid("branch", () -> store().assets().list(tenant, null, path, page));
    assertInvalid(
        "branch.catalog", () -> store().assets().list(tenant, BranchRef.main(""), path, page));
    assertInvalid(
        "branch.branch",
        () -> store().assets().list(tenant, new BranchRef(CATALOG, " "), path, page));
    assertInvalid("namespace", () -> store().assets().list(tenant, main, null, page));
    assertInvalid(
        "namespace[0]", () -> store().assets().list(tenant, main, path("sa\u0000les"), page));
    assertInvalid("page", () -> store().assets().list(tenant, main, path, null));
    assertInvalid(
        "page.limit", () -> store().assets().list(tenant, main, path, PageRequest.firstPage(0)));
    assertInvalid(
        "page.limit", () -> store().assets().list(tenant, main, path, PageRequest.firstPage(-1)));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(tenant, main, path, PageRequest.nextPage("not a page token", 10)));
  }

  // ---------------------------------------------------------------------------------------------
  // renameAsset

  @Test
  void renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory() {
    AssetRef orders = assetOnMain(sales, "orders");
    createTable(orders);
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant,
                orders,
                MetadataCommit.replacing(metadata(orders, 1), metadata(orders, 2))));
    Asset before =
        await(
            store()
                .assets()
                .updateProperties(tenant, orders, PropertyUpdate.setting("owner", "ops")));
    List<MetadataLocation> historyBefore = history(orders);
    AssetRef sales2024 = orders.withName("orders-2024");

    Asset renamed = await(store().assets().rename(tenant, orders, sales2024));

    assertThat(renamed.ref()).isEqualTo(sales2024);
    assertThat(renamed.id()).isEqualTo(before.id());
    assertThat(renamed.kind()).isEqualTo(before.kind());
    assertThat(renamed.location()).isEqualTo(before.location());
    assertThat(renamed.metadataLocation()).isEqualTo(before.metadataLocation());
    assertThat(renamed.properties()).isEqualTo(before.properties());
    assertThat(renamed.createdAt()).isEqualTo(before.createdAt());
    assertThat(renamed.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    assertThat(get(sales2024)).contains(renamed);
    assertThat(get(orders)).isEmpty();
    assertThat(history(sales2024)).isEqualTo(historyBefore);
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
  }

  @Test
  void renameAcrossNamespacesMovesTheAsset() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive", "2023");
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before = createTable(orders);
    AssetRef archived = assetOnMain(archive, "orders");

    Asset moved = await(store().assets().rename(tenant, orders, archived));

    assertThat(moved.id()).isEqualTo(before.id());
    assertThat(moved.ref()).isEqualTo(archived);
    assertThat(listAll(sales)).isEmpty();
    assertThat(listAll(archive)).containsExactly(moved);
    assertThat(history(archived))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
  }

  @Test
  void renameOntoATakenNameFailsAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    Asset returns = createTable(assetOnMain(sales, "returns"));

    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, orders.ref(), returns.ref()));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, orders.ref(), orders.ref()));

    assertThat(listAll(sales)).containsExactly(orders, returns);
  }

  @Test
  void renameIntoAMissingNamespaceIsNotFoundAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders.ref(),
                    AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders")));

    assertThat(listAll(sales)).containsExactly(orders);
  }

  @Test
  void renameOfAMissingAssetIsNotFound() {
    AssetRef missing = assetOnMain(sales, "no-such-asset");

    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(tenant, missing, missing.withName("renamed")));

    assertThat(listAll(sales)).isEmpty();
  }

  @Test
  void renameToAnotherCatalogOrBranchIsInvalidOnToBranch() {
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertInvalid(
        "to.branch",
        () -> store().assets().rename(tenant, orders.ref(), assetOnMain(pondSales, "orders")));
    assertInvalid(
        "to.branch",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders.ref(),
                    new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders")));

    assertThat(listAll(sales)).containsExactly(orders);
    assertThat(listAll(pondSales)).isEmpty();
  }

  @Test
  void renameRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    AssetRef from = orders.ref();
    AssetRef to = from.withName("renamed");

    assertInvalid("tenant", () -> store().assets().rename(null, from, to));
    assertInvalid("from", () -> store().assets().rename(tenant, null, to));
    assertInvalid("to", () -> store().assets().rename(tenant, from, null));
    assertInvalid("from.name", () -> store().assets().rename(tenant, from.withName(""), to));
    assertInvalid("to.name", () -> store().assets().rename(tenant, from, to.withName("re\nnamed")));
    assertInvalid(
        "to.namespace",
        () -> store().assets().rename(tenant, from, to.inNamespace(NamespacePath.ROOT)));
    assertInvalid(
        "to.namespace[1]",
        () -> store().assets().rename(tenant, from, to.inNamespace(path("sales", "\u0000"))));

    assertThat(listAll(sales)).containsExactly(orders);
  }

  // ---------------------------------------------------------------------------------------------
  // updateAssetProperties

  @Test
  void updatePropertiesRemovesThenSetsKeysAndKeepsTheRest() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .metadataLocation(metadata(orders, 1))
                        .properties(Map.of("a", "1", "b", "2", "c", "3"))
                        .build()));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant,
                    orders,
                    new PropertyUpdate(Map.of("b", "20", "d", "4"), Set.of("a", "not-there"))));

    assertThat(updated.properties()).isEqualTo(Map.of("b", "20", "c", "3", "d", "4"));
    assertThat(updated.id()).isEqualTo(before.id());
    assertThat(updated.ref()).isEqualTo(orders);
    assertThat(updated.metadataLocation()).isEqualTo(before.metadataLocation());
    assertThat(updated.createdAt()).isEqualTo(before.createdAt());
    assertThat(updated.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    assertThat(get(orders)).contains(updated);
    assertThat(history(orders)).as("a property change is not a metadata commit").hasSize(1);
  }

  @Test
  void updatePropertiesOfAMissingAssetIsNotFound() {
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, assetOnMain(sales, "no-such-asset"), PropertyUpdate.setting("k", "v")));

    assertThat(listAll(sales)).isEmpty();
  }

  @Test
  void updatePropertiesRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    assetOnMain(sales, "orders"),
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(Map.of("a", "1"))
                        .build()));
    AssetRef ref = orders.ref();

    assertInvalid(
        "tenant",
        () -> store().assets().updateProperties(null, ref, PropertyUpdate.setting("a", "2")));
    assertInvalid(
        "asset",
        () -> store().assets().updateProperties(tenant, null, PropertyUpdate.setting("a", "2")));
    assertInvalid(
        "asset.name",
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, ref.withName("or\u001bders"), PropertyUpdate.setting("a", "2")));
    assertInvalid("update", () -> store().assets().updateProperties(tenant, ref, null));
    assertInvalid(
        "update.set[a]",
        () ->
            store()
                .assets()
                .updateProperties(tenant, ref, PropertyUpdate.setting(mapOf("a", null))));
    assertInvalid(
        "update.set key",
        () -> store().assets().updateProperties(tenant, ref, PropertyUpdate.setting("", "v")));
    assertInvalid(
        "update.remove",
        () -> store().assets().updateProperties(tenant, ref, PropertyUpdate.removing(Set.of(" "))));
    assertInvalid(
        "update.remove",
        () ->
            store()
                .assets()
                .updateProperties(tenant, ref, new PropertyUpdate(Map.of("a", "2"), Set.of("a"))));

    assertThat(get(ref)).contains(orders);
  }

  // ---------------------------------------------------------------------------------------------
  // deleteAsset

  @Test
  void deleteRemovesTheAssetAndItsHistory() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset created = createTable(orders);
    Asset returns = createTable(assetOnMain(sales, "returns"));

    await(store().assets().delete(tenant, orders));

    assertThat(get(orders)).isEmpty();
    assertThat(await(store().assets().getById(tenant, created.id()))).isEmpty();
    assertThat(listAll(sales)).containsExactly(returns);
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
  }

  @Test
  void aDeletedNameCanBeReusedByANewAssetWithANewId() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset old = createTable(orders);
    await(store().assets().delete(tenant, orders));

    Asset reborn =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.SQL_VIEW)
                        .metadataLocation("s3://lake/sales/orders/view.json")
                        .build()));

    assertThat(reborn.id()).isNotEqualTo(old.id());
    assertThat(reborn.kind()).isEqualTo(AssetKind.SQL_VIEW);
    assertThat(get(orders)).contains(reborn);
    assertThat(await(store().assets().getById(tenant, old.id()))).isEmpty();
    assertThat(history(orders))
        .as("the old asset's history is gone")
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo("s3://lake/sales/orders/view.json");
            });
  }

  @Test
  void deleteOfAMissingAssetIsNotFound() {
    AssetRef orders = assetOnMain(sales, "orders");
    createTable(orders);
    await(store().assets().delete(tenant, orders));

    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    assertFails(
        NotFoundException.class,
        () -> store().assets().delete(tenant, assetOnMain(sales, "never-existed")));
  }

  @Test
  void deleteRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertInvalid("tenant", () -> store().assets().delete(null, orders.ref()));
    assertInvalid("asset", () -> store().assets().delete(tenant, null));
    assertInvalid(
        "asset.branch.branch",
        () ->
            store()
                .assets()
                .delete(tenant, new AssetRef(new BranchRef(CATALOG, ""), sales.path(), "orders")));
    assertInvalid(
        "asset.name", () -> store().assets().delete(tenant, orders.ref().withName("orders\u0000")));

    assertThat(get(orders.ref())).contains(orders);
  }

  // ---------------------------------------------------------------------------------------------
  // Branches and names

  @Test
  void aBranchOtherThanMainBehavesAsMissing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    BranchRef dev = new BranchRef(CATALOG, "dev");
    AssetRef onDev = new AssetRef(dev, sales.path(), "orders");

    assertThat(get(onDev)).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().assets().list(tenant, dev, sales.path(), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () -> store().assets().updateProperties(tenant, onDev, PropertyUpdate.setting("k", "v")));
    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(tenant, onDev, onDev.withName("renamed")));
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, onDev));
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, onDev, PageRequest.firstPage()));

    assertThat(get(orders.ref())).contains(orders);
  }

  @Test
  void trickyNamesAreKeptExactly() {
    NamespaceRef tricky = newNamespaces(tenant, CATALOG, "a.b", "50% off_/x y");
    List<String> names =
        List.of(
            ".",
            "..",
            "%",
            "_",
            "/",
            "a_c",
            "abc",
            "100%",
            "100x",
            "with space",
            " padded ",
            "it's",
            "\"quoted\"",
            "back\\slash",
            "naïve",
            "数据",
            "😀",
            "a.b",
            "😀".repeat(255));
    Map<String, AssetId> ids = new LinkedHashMap<>();
    for (String name : names) {
      ids.put(
          name,
          await(
                  store()
                      .assets()
                      .create(
                          tenant, assetOnMain(tricky, name), NewAsset.of(AssetKind.PARQUET_TABLE)))
              .id());
    }

    for (String name : names) {
      AssetRef ref = assetOnMain(tricky, name);
      assertThat(get(ref))
          .as("get %s", name)
          .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(ids.get(name)));
      assertThat(await(store().assets().getById(tenant, ids.get(name))))
          .as("getAssetById %s", name)
          .hasValueSatisfying(a -> assertThat(a.ref()).isEqualTo(ref));
    }
    List<String> inCodePointOrder = new ArrayList<>(names);
    inCodePointOrder.sort(CodePointOrder.STRINGS);
    assertThat(names(listAll(tricky))).containsExactlyElementsOf(inCodePointOrder);
  }

  @Test
  void dottedSegmentsAndNestedPathsAreDifferentNamespaces() {
    NamespaceRef dotted = newNamespaces(tenant, CATALOG, "a.b");
    NamespaceRef nested = newNamespaces(tenant, CATALOG, "a", "b");

    Asset inDotted = createTable(assetOnMain(dotted, "t"));
    Asset inNested = createTable(assetOnMain(nested, "t"));

    assertThat(inDotted.id()).isNotEqualTo(inNested.id());
    assertThat(listAll(dotted)).containsExactly(inDotted);
    assertThat(listAll(nested)).containsExactly(inNested);
    assertThat(get(assetOnMain(dotted, "t"))).contains(inDotted);
    assertThat(get(assetOnMain(nested, "t"))).contains(inNested);
  }

  // ---------------------------------------------------------------------------------------------
  // Every field given at creation, read back by every read path

  @Test
  void everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind() {
    Map<AssetKind, Asset> created = new LinkedHashMap<>();
    for (AssetKind kind : AssetKind.values()) {
      AssetRef ref = assetOnMain(sales, "asset-of-kind-" + kind.name());
      NewAsset request = everyField(kind, ref);

      Asset stored = await(store().assets().create(tenant, ref, request));

      assertThat(stored.ref()).as("ref of %s", kind).isEqualTo(ref);
      assertThat(stored.kind()).as("kind of %s", kind).isEqualTo(kind);
      assertThat(stored.location()).as("location of %s", kind).isEqualTo(request.location());
      assertThat(stored.metadataLocation())
          .as("metadata location of %s", kind)
          .isEqualTo(request.metadataLocation());
      assertThat(stored.properties()).as("properties of %s", kind).isEqualTo(request.properties());
      assertThat(stored.createdAt()).as("createdAt of %s", kind).isEqualTo(stored.updatedAt());
      created.put(kind, stored);
    }

    for (Asset asset : created.values()) {
      assertThat(get(asset.ref())).as("get of %s", asset.kind()).contains(asset);
      assertThat(await(store().assets().getById(tenant, asset.id())))
          .as("getById of %s", asset.kind())
          .contains(asset);
      assertThat(history(asset.ref()))
          .as("history of %s", asset.kind())
          .singleElement()
          .satisfies(
              entry ->
                  assertThat(entry.location()).isEqualTo(asset.metadataLocation().orElseThrow()));
    }
    assertThat(listAll(sales))
        .as("the list, by name")
        .containsExactlyElementsOf(
            created.values().stream()
                .sorted((x, y) -> CodePointOrder.STRINGS.compare(x.ref().name(), y.ref().name()))
                .toList());
  }

  @Test
  void everyFieldIsReadBackByEveryReadPathInPagesOfOne() {
    List<Asset> created = new ArrayList<>();
    for (AssetKind kind : List.of(AssetKind.ML_MODEL, AssetKind.FILE, AssetKind.SQL_VIEW)) {
      AssetRef ref = assetOnMain(sales, kind.name().toLowerCase());
      created.add(await(store().assets().create(tenant, ref, everyField(kind, ref))));
    }
    created.sort((x, y) -> CodePointOrder.STRINGS.compare(x.ref().name(), y.ref().name()));

    List<Asset> paged = new ArrayList<>();
    Page<Asset> page = list(sales, PageRequest.firstPage(1));
    paged.addAll(page.items());
    while (page.nextPageToken().isPresent()) {
      page = list(sales, page.nextPage(1).orElseThrow());
      paged.addAll(page.items());
    }

    assertThat(paged).isEqualTo(created);
  }

  // ---------------------------------------------------------------------------------------------
  // Renames keep everything but the coordinates

  @Test
  void renameFreesTheOldNameForANewAsset() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset original = createTable(orders);
    AssetRef renamedRef = orders.withName("orders-old");
    Asset renamed = await(store().assets().rename(tenant, orders, renamedRef));

    Asset newcomer =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.SQL_VIEW)
                        .metadataLocation("s3://lake/views/orders.json")
                        .build()));

    assertThat(newcomer.id()).isNotEqualTo(original.id());
    assertThat(get(orders)).contains(newcomer);
    assertThat(get(renamedRef)).contains(renamed);
    assertThat(await(store().assets().getById(tenant, original.id()))).contains(renamed);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .as("the newcomer's history is its own")
        .containsExactly("s3://lake/views/orders.json");
    assertThat(history(renamedRef))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
    assertThat(listAll(sales)).containsExactly(newcomer, renamed);
  }

  @Test
  void renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive", "2023");
    AssetRef orders = assetOnMain(sales, "orders");
    await(store().assets().create(tenant, orders, everyField(AssetKind.HUDI_TABLE, orders)));
    String first = get(orders).orElseThrow().metadataLocation().orElseThrow();
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(first, metadata(orders, 2))));
    Asset before =
        await(
            store()
                .assets()
                .updateProperties(tenant, orders, PropertyUpdate.setting("stage", "archived")));
    List<MetadataLocation> historyBefore = history(orders);
    AssetRef archived = assetOnMain(archive, "orders-2023");

    Asset moved = await(store().assets().rename(tenant, orders, archived));

    assertKeptAllButCoordinates(before, moved, archived);
    assertThat(get(archived)).contains(moved);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(moved);
    assertThat(listAll(archive)).containsExactly(moved);
    assertThat(listAll(sales)).isEmpty();
    assertThat(get(orders)).isEmpty();
    assertThat(history(archived)).isEqualTo(historyBefore);
    assertFails(
        NotFoundException.class,
        () -> store().assets().updateProperties(tenant, orders, PropertyUpdate.setting("k", "v")));
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    Asset newcomer = await(store().assets().create(tenant, orders, NewAsset.of(AssetKind.FILE)));
    assertThat(newcomer.id()).isNotEqualTo(before.id());
    assertThat(get(archived)).contains(moved);
  }

  @Test
  void getByIdFollowsEveryRenameAndMove() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    NamespaceRef deep = newNamespaces(tenant, CATALOG, "archive", "deep");
    Asset created = createTable(assetOnMain(sales, "orders"));
    List<AssetRef> hops =
        List.of(
            assetOnMain(sales, "orders-1"),
            assetOnMain(archive, "orders-1"),
            assetOnMain(deep, "Orders-1"),
            assetOnMain(sales, "orders"));

    AssetRef at = created.ref();
    for (AssetRef next : hops) {
      Asset renamed = await(store().assets().rename(tenant, at, next));

      assertThat(await(store().assets().getById(tenant, created.id())))
          .as("getById after the rename to %s", next)
          .contains(renamed);
      assertThat(get(next)).contains(renamed);
      assertThat(get(at)).as("the old coordinates %s", at).isEmpty();
      assertKeptAllButCoordinates(created, renamed, next);
      at = next;
    }
  }

  @Test
  void renameToADifferentlyWrittenNameIsARenameNotATakenName() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset created = createTable(orders);

    for (String name : List.of("Orders", "orders ", "orders_", "ordersX")) {
      Asset renamed = await(store().assets().rename(tenant, orders, orders.withName(name)));
      assertThat(renamed.ref().name()).isEqualTo(name);
      assertThat(names(listAll(sales))).containsExactly(name);
      Asset back = await(store().assets().rename(tenant, orders.withName(name), orders));
      assertThat(back.id()).isEqualTo(created.id());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Partial property updates

  @Test
  void updatePropertiesWithOnlyKeysToSetKeepsEveryOtherKey() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2", "c", "3"));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(tenant, before.ref(), PropertyUpdate.setting("b", "20")));

    assertThat(updated.properties()).isEqualTo(Map.of("a", "1", "b", "20", "c", "3"));
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void updatePropertiesWithOnlyKeysToRemoveKeepsEveryOtherKey() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2", "c", "3"));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant,
                    before.ref(),
                    PropertyUpdate.removing(Set.of("a", "c", "never-there"))));

    assertThat(updated.properties()).isEqualTo(Map.of("b", "2"));
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(updated);
  }

  @Test
  void updatePropertiesOfOneKeyOfSeveralKeepsTheOthersExactly() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("empty", "");
    properties.put("lines", "one\ntwo");
    properties.put("数据", "😀");
    properties.put("k", "v");
    Asset before = createWithProperties("orders", properties);

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(tenant, before.ref(), PropertyUpdate.setting("k", "w")));

    Map<String, String> expected = new HashMap<>(properties);
    expected.put("k", "w");
    assertThat(updated.properties()).isEqualTo(expected);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void anEmptyPropertyUpdateChangesNoProperty() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2"));

    Asset updated =
        await(store().assets().updateProperties(tenant, before.ref(), PropertyUpdate.NONE));

    assertThat(updated.properties()).isEqualTo(before.properties());
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void updatePropertiesLeavesTheAssetsOtherFieldsAndHistoryUnchanged() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before =
        await(store().assets().create(tenant, orders, everyField(AssetKind.PAIMON_TABLE, orders)));
    List<MetadataLocation> historyBefore = history(orders);

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant, orders, new PropertyUpdate(Map.of("new", "x"), Set.of("owner"))));

    assertKeptAllButProperties(before, updated);
    assertThat(updated.properties()).doesNotContainKey("owner").containsEntry("new", "x");
    assertThat(history(orders)).isEqualTo(historyBefore);
    assertThat(listAll(sales)).containsExactly(updated);
  }

  // ---------------------------------------------------------------------------------------------
  // Delete precision

  @Test
  void deleteRemovesExactlyTheNamedAsset() {
    NamespaceRef salesEu = newNamespaces(tenant, CATALOG, "sales", "eu");
    NamespaceRef hr = newNamespaces(tenant, CATALOG, "hr");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    TenantId twin = newTenant();
    newLocalCatalog(twin, CATALOG);
    NamespaceRef twinSales = newNamespaces(twin, CATALOG, "sales");
    AssetRef orders = assetOnMain(sales, "orders");
    Asset doomed = createTable(orders);
    List<Asset> survivors = new ArrayList<>();
    for (String sibling : List.of("order", "orders2", "orders_", "Orders", "orders.x")) {
      survivors.add(createTable(assetOnMain(sales, sibling)));
    }
    for (NamespaceRef elsewhere : List.of(salesEu, hr, pondSales)) {
      survivors.add(createTable(assetOnMain(elsewhere, "orders")));
    }
    Asset twinOrders =
        await(
            store()
                .assets()
                .create(
                    twin,
                    assetOnMain(twinSales, "orders"),
                    NewAsset.icebergTable("s3://twin/orders", metadata(orders, 1))));
    Map<AssetRef, List<MetadataLocation>> histories = new HashMap<>();
    survivors.forEach(a -> histories.put(a.ref(), history(a.ref())));

    await(store().assets().delete(tenant, orders));

    assertThat(get(orders)).isEmpty();
    assertThat(await(store().assets().getById(tenant, doomed.id()))).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
    for (Asset survivor : survivors) {
      assertThat(get(survivor.ref())).as("%s", survivor.ref()).contains(survivor);
      assertThat(await(store().assets().getById(tenant, survivor.id()))).contains(survivor);
      assertThat(history(survivor.ref())).isEqualTo(histories.get(survivor.ref()));
    }
    assertThat(await(store().assets().get(twin, twinOrders.ref()))).contains(twinOrders);
    assertThat(await(store().assets().getById(twin, twinOrders.id()))).contains(twinOrders);
    assertThat(names(listAll(sales)))
        .containsExactly("Orders", "order", "orders.x", "orders2", "orders_");
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    Asset reborn = await(store().assets().create(tenant, orders, NewAsset.of(AssetKind.FILE)));
    assertThat(reborn.id()).isNotEqualTo(doomed.id());
  }

  @Test
  void deleteOfAMissingNameNextToSimilarNamesIsNotFoundAndDeletesNothing() {
    List<Asset> present = new ArrayList<>();
    for (String name : List.of("orders", "Orders", "orders_2023", "a_c", "100%")) {
      present.add(createTable(assetOnMain(sales, name)));
    }

    for (String missing : List.of("order", "ORDERS", "orders_%", "abc", "100", "1000")) {
      assertFails(
          NotFoundException.class,
          () -> store().assets().delete(tenant, assetOnMain(sales, missing)));
    }

    assertThat(listAll(sales)).containsExactlyInAnyOrderElementsOf(present);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A request for an asset of {@code kind} that sets every field, with values of its own. */
  private static NewAsset everyField(AssetKind kind, AssetRef ref) {
    String base =
        "s3://"
            + ref.catalog()
            + "/"
            + String.join("/", ref.namespace().segments())
            + "/"
            + ref.name();
    return NewAsset.builder(kind)
        .location(base + "/data-" + kind.name().toLowerCase())
        .metadataLocation(base + "/metadata/00001-" + kind.name().toLowerCase() + ".json")
        .properties(Map.of("kind", kind.name(), "owner", "ops-" + kind.ordinal(), "empty", ""))
        .build();
  }

  private Asset createWithProperties(String name, Map<String, String> properties) {
    AssetRef ref = assetOnMain(sales, name);
    return await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.builder(AssetKind.ICEBERG_TABLE)
                    .location("s3://lake/sales/" + name)
                    .metadataLocation(metadata(ref, 1))
                    .properties(properties)
                    .build()));
  }

  /** Asserts that {@code after} is {@code before} moved to {@code to}, every other field kept. */
  private static void assertKeptAllButCoordinates(Asset before, Asset after, AssetRef to) {
    assertThat(after.ref()).as("ref").isEqualTo(to);
    assertThat(after.id()).as("id kept").isEqualTo(before.id());
    assertThat(after.kind()).as("kind kept").isEqualTo(before.kind());
    assertThat(after.location()).as("location kept").isEqualTo(before.location());
    assertThat(after.metadataLocation())
        .as("metadata location kept")
        .isEqualTo(before.metadataLocation());
    assertThat(after.properties()).as("properties kept").isEqualTo(before.properties());
    assertThat(after.createdAt()).as("createdAt kept").isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).as("updatedAt").isAfterOrEqualTo(before.updatedAt());
  }

  /** Asserts that {@code after} is {@code before} with, at most, other properties. */
  private static void assertKeptAllButProperties(Asset before, Asset after) {
    assertThat(after.ref()).as("ref kept").isEqualTo(before.ref());
    assertThat(after.id()).as("id kept").isEqualTo(before.id());
    assertThat(after.kind()).as("kind kept").isEqualTo(before.kind());
    assertThat(after.location()).as("location kept").isEqualTo(before.location());
    assertThat(after.metadataLocation())
        .as("metadata location kept")
        .isEqualTo(before.metadataLocation());
    assertThat(after.createdAt()).as("createdAt kept").isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).as("updatedAt").isAfterOrEqualTo(before.updatedAt());
  }

  /** An Iceberg table at {@code ref} whose first metadata location is {@code metadata(ref, 1)}. */
  private Asset createTable(AssetRef ref) {
    return await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.icebergTable(
                    "s3://"
                        + ref.catalog()
                        + "/"
                        + String.join("/", ref.namespace().segments())
                        + "/"
                        + ref.name(),
                    metadata(ref, 1))));
  }

  /** The {@code n}th metadata file of the table at {@code ref}. */
  private static String metadata(AssetRef ref, int n) {
    return "s3://"
        + ref.catalog()
        + "/"
        + String.join("/", ref.namespace().segments())
        + "/"
        + ref.name()
        + "/metadata/"
        + n
        + ".metadata.json";
  }

  private Optional<Asset> get(AssetRef ref) {
    return await(store().assets().get(tenant, ref));
  }

  private List<MetadataLocation> history(AssetRef ref) {
    return PagedReads.all(page -> store().assets().history(tenant, ref, page));
  }

  private Page<Asset> list(NamespaceRef namespace, PageRequest page) {
    return await(
        store().assets().list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page));
  }

  private List<Asset> listAll(NamespaceRef namespace) {
    return PagedReads.all(
        page ->
            store()
                .assets()
                .list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page));
  }

  private static List<String> names(List<Asset> assets) {
    return assets.stream().map(a -> a.ref().name()).toList();
  }

  /** A map that may hold a null value, to carry bad input to the store. */
  private static Map<String, String> mapOf(String key, String value) {
    Map<String, String> map = new HashMap<>();
    map.put(key, value);
    return map;
  }
}
