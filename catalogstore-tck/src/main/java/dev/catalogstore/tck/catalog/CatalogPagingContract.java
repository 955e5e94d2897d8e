package dev.catalogstore.tck.catalog;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
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

    assertInvalid(TOKEN,
        () -> store().catalogs().list(tenant, PageRequest.nextPage(warehouses, 1)));
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
