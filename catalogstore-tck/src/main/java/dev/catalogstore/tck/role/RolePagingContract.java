package dev.catalogstore.tck.role;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code roles().list}, {@code roles().listUserRoles} (a user's roles, by name: an item
 * is a role assigned to the user, removed by taking the role back) and {@code
 * roles().listRoleUsers} (a role's users, by username: an item is a user assigned the role, removed
 * by taking the role from it): the rules of {@link TenantScopedPagingSuite}, each list under a
 * fresh tenant; a token is bound to its list and to the user or role it lists.
 */
public abstract class RolePagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(
        new PagedList("ROLES", () -> new RoleListing(newTenant())),
        new PagedList("USER_ROLES", () -> new UserRoleListing(newTenant())),
        new PagedList("ROLE_USERS", () -> new RoleUserListing(newTenant())));
  }

  @Test
  void aTokenOfOneUsersRolesIsRefusedForAnotherUserAndByTheRolesList() {
    TenantId tenant = newTenant();
    UserRoleListing one = new UserRoleListing(tenant);
    List.of("a", "b").forEach(one::create);
    UserId other = newUser(tenant, "other");
    String token =
        tokenAfterFirst(store().roles().listUserRoles(tenant, one.user, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().roles().listUserRoles(tenant, other, PageRequest.nextPage(token, 1)));
    assertInvalid(TOKEN, () -> store().roles().list(tenant, PageRequest.nextPage(token, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .permissions()
                .listUserPermissions(tenant, one.user, PageRequest.nextPage(token, 1)));
  }

  @Test
  void aTokenOfOneRolesUsersIsRefusedForAnotherRoleAndByTheUsersList() {
    TenantId tenant = newTenant();
    RoleUserListing one = new RoleUserListing(tenant);
    List.of("a", "b").forEach(one::create);
    RoleId other = await(store().roles().create(tenant, NewRole.of("other"))).id();
    String token =
        tokenAfterFirst(store().roles().listRoleUsers(tenant, one.role, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().roles().listRoleUsers(tenant, other, PageRequest.nextPage(token, 1)));
    assertInvalid(TOKEN, () -> store().users().list(tenant, PageRequest.nextPage(token, 1)));
  }

  @Test
  void aTokenOfTheRolesListIsRefusedByAUsersRoles() {
    TenantId tenant = newTenant();
    RoleListing roles = new RoleListing(tenant);
    List.of("a", "b").forEach(roles::create);
    UserId user = newUser(tenant, "user");
    String token = tokenAfterFirst(store().roles().list(tenant, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().roles().listUserRoles(tenant, user, PageRequest.nextPage(token, 1)));
  }

  private UserId newUser(TenantId tenant, String name) {
    return await(store().users().create(tenant, NewUser.of(name, RoleKind.TENANT_USER))).id();
  }

  private final class RoleListing extends Listing {
    private final TenantId tenant;
    private final Map<String, RoleId> roles = new ConcurrentHashMap<>();

    RoleListing(TenantId tenant) {
      this.tenant = tenant;
    }

    @Override
    protected void create(String name) {
      roles.put(name, await(store().roles().create(tenant, NewRole.of(name))).id());
    }

    @Override
    protected void delete(String name) {
      await(store().roles().delete(tenant, roles.remove(name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store().roles().list(tenant, request).thenApply(page -> names(page, Role::name));
    }
  }

  private final class UserRoleListing extends Listing {
    private final TenantId tenant;
    private final UserId user;
    private final Map<String, RoleId> roles = new ConcurrentHashMap<>();

    UserRoleListing(TenantId tenant) {
      this.tenant = tenant;
      this.user = newUser(tenant, "holder");
      // A role the user does not hold, which its list must never show.
      await(store().roles().create(tenant, NewRole.of("b-unassigned")));
    }

    @Override
    protected void create(String name) {
      RoleId role = await(store().roles().create(tenant, NewRole.of(name))).id();
      await(store().roles().assign(tenant, role, user));
      roles.put(name, role);
    }

    @Override
    protected void delete(String name) {
      await(store().roles().revoke(tenant, roles.remove(name), user));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .roles()
          .listUserRoles(tenant, user, request)
          .thenApply(page -> names(page, Role::name));
    }
  }

  private final class RoleUserListing extends Listing {
    private final TenantId tenant;
    private final RoleId role;
    private final Map<String, UserId> users = new ConcurrentHashMap<>();

    RoleUserListing(TenantId tenant) {
      this.tenant = tenant;
      this.role = await(store().roles().create(tenant, NewRole.of("listed"))).id();
      // A user without the role, which the role's list must never show.
      newUser(tenant, "b-unassigned");
    }

    @Override
    protected void create(String name) {
      UserId user = newUser(tenant, name);
      await(store().roles().assign(tenant, role, user));
      users.put(name, user);
    }

    @Override
    protected void delete(String name) {
      await(store().roles().revoke(tenant, role, users.remove(name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .roles()
          .listRoleUsers(tenant, role, request)
          .thenApply(page -> names(page, User::username));
    }
  }
}
