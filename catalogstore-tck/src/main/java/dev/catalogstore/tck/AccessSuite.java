package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the suites of users, roles and permissions: whole lists read page by page, grants
 * built in one line, and a snapshot of everything a tenant's access holds, so that a test can prove
 * a refused call changed nothing.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public abstract class AccessSuite extends GovernanceSuite {
  /** The name of the catalog the tests' grants name, when they need one. */
  protected static final String LAKE = "lake";

  /** Every user of {@code tenant}, in list order. */
  protected List<User> users(TenantId tenant) {
    return PagedReads.all(page -> store().users().list(tenant, page));
  }

  /** Every role of {@code tenant}, in list order. */
  protected List<Role> roles(TenantId tenant) {
    return PagedReads.all(page -> store().roles().list(tenant, page));
  }

  /** Every role assigned to {@code user}, in list order. */
  protected List<Role> userRoles(TenantId tenant, UserId user) {
    return PagedReads.all(page -> store().roles().listUserRoles(tenant, user, page));
  }

  /** Every user assigned {@code role}, in list order. */
  protected List<User> roleUsers(TenantId tenant, RoleId role) {
    return PagedReads.all(page -> store().roles().listRoleUsers(tenant, role, page));
  }

  /** Every direct permission of {@code tenant}, in list order. */
  protected List<Permission> permissions(TenantId tenant) {
    return PagedReads.all(page -> store().permissions().list(tenant, page));
  }

  /** Everything {@code user} holds, in list order. */
  protected List<EffectivePermission> effective(TenantId tenant, UserId user) {
    return PagedReads.all(page -> store().permissions().listUserPermissions(tenant, user, page));
  }

  /** Grants {@code grant} to {@code user} directly. */
  protected Permission grant(TenantId tenant, UserId user, Grant grant) {
    return await(store().permissions().grant(tenant, user, grant));
  }

  /** Assigns {@code role} to {@code user}; returns whether that changed anything. */
  protected boolean assign(TenantId tenant, RoleId role, UserId user) {
    return await(store().roles().assign(tenant, role, user));
  }

  /** A grant of {@code actions} on the catalog {@code catalog} of {@code tenant}. */
  protected static Grant onCatalog(TenantId tenant, String catalog, Action... actions) {
    return Grant.of(new CatalogScope(tenant, catalog), actions);
  }

  /** A grant of {@code actions} on {@code scope}. */
  protected static Grant on(PermissionScope scope, Action... actions) {
    return Grant.of(scope, actions);
  }

  /**
   * Everything the access of a tenant holds: its users, roles, direct permissions, and for each
   * user its roles and effective grants.
   */
  protected record AccessSnapshot(
      List<User> users,
      List<Role> roles,
      List<Permission> permissions,
      Map<UserId, List<Role>> userRoles,
      Map<UserId, List<EffectivePermission>> effective) {}

  /** Everything the access of {@code tenant} holds now. */
  protected AccessSnapshot access(TenantId tenant) {
    List<User> users = users(tenant);
    Map<UserId, List<Role>> userRoles = new LinkedHashMap<>();
    Map<UserId, List<EffectivePermission>> effective = new LinkedHashMap<>();
    for (User user : users) {
      userRoles.put(user.id(), userRoles(tenant, user.id()));
      effective.put(user.id(), effective(tenant, user.id()));
    }
    return new AccessSnapshot(users, roles(tenant), permissions(tenant), userRoles, effective);
  }

  /** Asserts that the access of {@code tenant} is exactly what it was in {@code before}. */
  protected void assertAccessUnchanged(TenantId tenant, AccessSnapshot before) {
    assertThat(access(tenant))
        .as("the users, roles and permissions of %s", tenant)
        .isEqualTo(before);
  }
}
