package dev.catalogstore.tck.tenant;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagingSuite;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code tenants().list}: the rules of {@link PagingSuite}, and tokens that no other
 * list accepts.
 *
 * <p>The tenant list is shared by the whole store, so its cases work in a name range of their own
 * and delete their tenants afterwards; the rules that need a list of the test's own (exact page
 * sizes, the empty list) do not apply to it.
 */
public abstract class TenantPagingContract extends PagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("TENANTS", TenantListing::new));
  }

  @Test
  void tenantAndWarehouseTokensAreNotInterchangeable() {
    TenantId tenant = newTenant();
    newTenant();
    List.of("a", "b").forEach(name -> newWarehouse(tenant, name));
    String warehouses =
        tokenAfterFirst(store().warehouses().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().tenants().list(PageRequest.nextPage(warehouses, 1)));
  }

  /**
   * The store-wide tenant list. This scope's tenants share a random prefix that starts with
   * {@code '!'}, which sorts before letters and digits, so reading from the start reaches the
   * scope quickly; reading stops once past it.
   */
  private final class TenantListing extends Listing {
    private final String prefix = "!" + uniqueName("paging") + "/";
    private final Map<String, TenantId> ids = new HashMap<>();

    @Override
    protected void create(String name) {
      ids.put(name, await(store().tenants().create(NewTenant.named(prefix + name))).id());
    }

    @Override
    protected void delete(String name) {
      await(store().tenants().delete(ids.remove(name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().tenants().list(request).thenApply(p -> names(p, Tenant::name));
    }

    @Override
    protected List<String> own(List<String> listed) {
      return listed.stream()
          .filter(name -> name.startsWith(prefix))
          .map(name -> name.substring(prefix.length()))
          .toList();
    }

    @Override
    protected boolean isPast(String listed) {
      return !listed.startsWith(prefix) && CodePointOrder.compare(listed, prefix) > 0;
    }

    @Override
    protected void release() {
      for (TenantId id : ids.values()) {
        await(store().tenants().delete(id));
      }
      ids.clear();
    }
  }
}
