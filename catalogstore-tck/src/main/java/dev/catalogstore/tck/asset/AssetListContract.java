package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().list}: the direct assets of one namespace, in code-point order of their
 * names, paged without repeats or gaps by tokens that only serve their own namespace and tenant; a
 * missing catalog, branch or namespace is not found. Paging in depth is in {@link
 * AssetPagingContract}.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetListContract extends AssetSuite {
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
}
