package dev.catalogstore.tck.serviceuser;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code serviceUsers().list}: the rules of {@link TenantScopedPagingSuite}, each list
 * under a fresh tenant; its token is refused by the users list.
 */
public abstract class ServiceUserPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("SERVICE_USERS", () -> new ServiceUserListing(newTenant())));
  }

  @Test
  void aTokenOfTheServiceUsersListIsRefusedByTheUsersList() {
    TenantId tenant = newTenant();
    ServiceUserListing listing = new ServiceUserListing(tenant);
    List.of("a", "b").forEach(listing::create);
    String token = tokenAfterFirst(store().serviceUsers().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().users().list(tenant, PageRequest.nextPage(token, 1)));
  }

  private final class ServiceUserListing extends Listing {
    private final TenantId tenant;
    private final Map<String, ServiceUser> serviceUsers = new ConcurrentHashMap<>();

    ServiceUserListing(TenantId tenant) {
      this.tenant = tenant;
    }

    @Override
    protected void create(String name) {
      ApiKeyHash key = ApiKeyHash.sha256Of(UUID.randomUUID() + "-" + UUID.randomUUID());
      serviceUsers.put(
          name,
          await(
              store()
                  .serviceUsers()
                  .create(tenant, NewServiceUser.of(name, RoleKind.TENANT_USER, key))));
    }

    @Override
    protected void delete(String name) {
      await(store().serviceUsers().delete(tenant, serviceUsers.remove(name).id()));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .serviceUsers()
          .list(tenant, request)
          .thenApply(page -> names(page, ServiceUser::name));
    }
  }
}
