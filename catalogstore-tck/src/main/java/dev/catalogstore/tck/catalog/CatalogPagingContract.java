package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code catalogs().list}: the rules of {@link TenantScopedPagingSuite}, and tokens that
 * no other list accepts.
 */
public abstract class CatalogPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("CATALOGS", () -> new CatalogListing(newTenant())));
  }

  @Test
  void warehouseAndCatalogTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    for (String name : List.of("a", "b", "c")) {
      newWarehouse(tenant, name);
      await(store().catalogs().create(tenant, NewCatalog.local(name, "a")));
    }
    String warehouses =
        tokenAfterFirst(store().warehouses().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().catalogs().list(tenant, PageRequest.nextPage(warehouses, 1)));
  }

  /**
   * The contract's choice for a last page that is exactly full (see {@link Page}): it has no
   * next-page token, since no more catalogs existed when it was read.
   */
  @Test
  void aLastPageExactlyFullHasNoNextPageToken() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    for (String name : List.of("a", "b", "c", "d")) {
      await(store().catalogs().create(tenant, NewCatalog.local(name, "lake")));
    }

    Page<Catalog> all = await(store().catalogs().list(tenant, PageRequest.firstPage(4)));
    Page<Catalog> first = await(store().catalogs().list(tenant, PageRequest.firstPage(2)));
    Page<Catalog> last =
        await(
            store()
                .catalogs()
                .list(tenant, PageRequest.nextPage(first.nextPageToken().orElseThrow(), 2)));

    assertThat(all.items()).extracting(Catalog::name).containsExactly("a", "b", "c", "d");
    assertThat(all.nextPageToken()).as("the token of a first page holding everything").isEmpty();
    assertThat(last.items()).extracting(Catalog::name).containsExactly("c", "d");
    assertThat(last.nextPageToken()).as("the token of an exactly full last page").isEmpty();
  }

  /**
   * Keyset paging with the smallest page while catalogs are created before, inside and after the
   * part already read, and others deleted: one that exists throughout is listed exactly once.
   */
  @Test
  void pagedOneByOneWhileOthersInsertAndDeleteNoCatalogRepeatsOrIsSkipped() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    List<String> throughout = List.of("b", "d", "f", "h", "j");
    List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "i"));
    for (String name : throughout) {
      await(store().catalogs().create(tenant, NewCatalog.local(name, "lake")));
    }
    for (String name : deletedOnTheWay) {
      await(store().catalogs().create(tenant, NewCatalog.local(name, "lake")));
    }

    List<String> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    for (int change = 0; ; change++) {
      Page<Catalog> page = await(store().catalogs().list(tenant, request));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
      page.items().forEach(c -> read.add(c.name()));
      if (page.nextPageToken().isEmpty() || change > 50) {
        break;
      }
      if (change < 8) {
        for (String name : List.of("a" + change, "e" + change, "z" + change)) {
          await(
              store()
                  .catalogs()
                  .create(
                      tenant,
                      NewCatalog.federated(name, new ConnectorConfig("iceberg-rest", Map.of()))));
        }
        if (!deletedOnTheWay.isEmpty()) {
          await(store().catalogs().delete(tenant, deletedOnTheWay.remove(0)));
        }
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 1);
    }

    assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
    assertThat(read).containsAll(throughout);
  }

  private final class CatalogListing extends Listing {
    private final TenantId tenant;

    CatalogListing(TenantId tenant) {
      this.tenant = tenant;
      newWarehouse(tenant, "lake");
    }

    @Override
    protected void create(String name) {
      await(store().catalogs().create(tenant, NewCatalog.local(name, "lake")));
    }

    @Override
    protected void delete(String name) {
      await(store().catalogs().delete(tenant, name));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().catalogs().list(tenant, request).thenApply(p -> names(p, Catalog::name));
    }
  }
}
