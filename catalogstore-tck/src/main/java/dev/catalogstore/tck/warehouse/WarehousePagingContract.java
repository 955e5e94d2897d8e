package dev.catalogstore.tck.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code warehouses().list}: the rules of {@link TenantScopedPagingSuite}, the cap of a
 * page at {@link PageRequest#MAX_LIMIT}, and tokens that no other list accepts.
 */
public abstract class WarehousePagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("WAREHOUSES", () -> new WarehouseListing(newTenant())));
  }

  @Test
  void aLimitAboveTheMaximumIsCappedTo1000() {
    TenantId tenant = newTenant();
    List<String> names =
        IntStream.rangeClosed(0, PageRequest.MAX_LIMIT)
            .mapToObj(i -> String.format("w%04d", i))
            .toList();
    createAll(
        names,
        name -> store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage(name))));

    Page<Warehouse> first =
        await(store().warehouses().list(tenant, PageRequest.firstPage(PageRequest.MAX_LIMIT + 1)));
    Page<Warehouse> second =
        await(
            store()
                .warehouses()
                .list(
                    tenant,
                    PageRequest.nextPage(first.nextPageToken().orElseThrow(), Integer.MAX_VALUE)));

    assertThat(first.items())
        .extracting(Warehouse::name)
        .containsExactlyElementsOf(names.subList(0, PageRequest.MAX_LIMIT));
    assertThat(second.items()).extracting(Warehouse::name).containsExactly("w1000");
    assertThat(second.nextPageToken()).isEmpty();
  }

  @Test
  void warehouseAndCatalogTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    for (String name : List.of("a", "b", "c")) {
      newWarehouse(tenant, name);
      await(store().catalogs().create(tenant, NewCatalog.local(name, "a")));
    }
    String catalogs = tokenAfterFirst(store().catalogs().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().warehouses().list(tenant, PageRequest.nextPage(catalogs, 1)));
  }

  @Test
  void tenantAndWarehouseTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    newTenant();
    List.of("a", "b").forEach(name -> newWarehouse(tenant, name));
    String tenants = tokenAfterFirst(store().tenants().list(PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().warehouses().list(tenant, PageRequest.nextPage(tenants, 1)));
    assertInvalid(
        TOKEN, () -> store().warehouses().list(TenantId.SYSTEM, PageRequest.nextPage(tenants, 1)));
  }

  /**
   * The contract's choice for a last page that is exactly full (see {@link Page}): it has no
   * next-page token, since no more warehouses existed when it was read.
   */
  @Test
  void aLastPageExactlyFullHasNoNextPageToken() {
    TenantId tenant = newTenant();
    List.of("a", "b", "c", "d").forEach(name -> newWarehouse(tenant, name));

    Page<Warehouse> all = await(store().warehouses().list(tenant, PageRequest.firstPage(4)));
    Page<Warehouse> first = await(store().warehouses().list(tenant, PageRequest.firstPage(2)));
    Page<Warehouse> last =
        await(
            store()
                .warehouses()
                .list(tenant, PageRequest.nextPage(first.nextPageToken().orElseThrow(), 2)));

    assertThat(all.items()).extracting(Warehouse::name).containsExactly("a", "b", "c", "d");
    assertThat(all.nextPageToken()).as("the token of a first page holding everything").isEmpty();
    assertThat(last.items()).extracting(Warehouse::name).containsExactly("c", "d");
    assertThat(last.nextPageToken()).as("the token of an exactly full last page").isEmpty();
  }

  /**
   * Keyset paging with the smallest page while warehouses are created before, inside and after the
   * part already read, and others deleted: one that exists throughout is listed exactly once.
   */
  @Test
  void pagedOneByOneWhileOthersInsertAndDeleteNoWarehouseRepeatsOrIsSkipped() {
    TenantId tenant = newTenant();
    List<String> throughout = List.of("b", "d", "f", "h", "j");
    List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "i"));
    throughout.forEach(name -> newWarehouse(tenant, name));
    deletedOnTheWay.forEach(name -> newWarehouse(tenant, name));

    List<String> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    for (int change = 0; ; change++) {
      Page<Warehouse> page = await(store().warehouses().list(tenant, request));
      assertThat(page.items()).hasSizeLessThanOrEqualTo(1);
      page.items().forEach(w -> read.add(w.name()));
      if (page.nextPageToken().isEmpty() || change > 50) {
        break;
      }
      if (change < 8) {
        newWarehouse(tenant, "a" + change);
        newWarehouse(tenant, "e" + change);
        newWarehouse(tenant, "z" + change);
        if (!deletedOnTheWay.isEmpty()) {
          await(store().warehouses().delete(tenant, deletedOnTheWay.remove(0)));
        }
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 1);
    }

    assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
    assertThat(read).containsAll(throughout);
  }

  /** Creates an item per name, a bounded batch of calls in flight at a time. */
  private static <T> void createAll(
      List<String> names, Function<String, CompletableFuture<T>> create) {
    int batch = 50;
    for (int from = 0; from < names.size(); from += batch) {
      await(
          CompletableFuture.allOf(
              names.subList(from, Math.min(from + batch, names.size())).stream()
                  .map(create)
                  .toArray(CompletableFuture[]::new)));
    }
  }

  private final class WarehouseListing extends Listing {
    private final TenantId tenant;

    WarehouseListing(TenantId tenant) {
      this.tenant = tenant;
    }

    @Override
    protected void create(String name) {
      newWarehouse(tenant, name);
    }

    @Override
    protected void delete(String name) {
      await(store().warehouses().delete(tenant, name));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().warehouses().list(tenant, request).thenApply(p -> names(p, Warehouse::name));
    }
  }
}
