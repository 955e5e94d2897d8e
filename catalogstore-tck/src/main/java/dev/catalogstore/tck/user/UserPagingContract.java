package dev.catalogstore.tck.user;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code users().list}: the rules of {@link TenantScopedPagingSuite}, each list under a
 * fresh tenant; a token of the users list is refused by the other lists of the tenant.
 */
public abstract class UserPagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(new PagedList("USERS", () -> new UserListing(newTenant())));
  }

  @Test
  void aTokenOfTheUsersListIsRefusedByTheRolesAndServiceUsersLists() {
    TenantId tenant = newTenant();
    UserListing users = new UserListing(tenant);
    List.of("a", "b").forEach(users::create);
    String token = tokenAfterFirst(store().users().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(TOKEN, () -> store().roles().list(tenant, PageRequest.nextPage(token, 1)));
    assertInvalid(TOKEN, () -> store().serviceUsers().list(tenant, PageRequest.nextPage(token, 1)));
    assertInvalid(TOKEN, () -> store().catalogs().list(tenant, PageRequest.nextPage(token, 1)));
  }

  private final class UserListing extends Listing {
    private final TenantId tenant;
    private final Map<String, User> users = new ConcurrentHashMap<>();

    UserListing(TenantId tenant) {
      this.tenant = tenant;
    }

    @Override
    protected void create(String name) {
      users.put(
          name, await(store().users().create(tenant, NewUser.of(name, RoleKind.TENANT_USER))));
    }

    @Override
    protected void delete(String name) {
      await(store().users().delete(tenant, users.remove(name).id()));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().users().list(tenant, request).thenApply(page -> names(page, User::username));
    }
  }
}
