package dev.catalogstore.memory;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.time.Clock;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Direct permissions and effective grants in memory. A grant is checked against the tenant's
 * catalogs under the tenant's write lock, in the same step as it is written.
 *
 * <p>Cost: a grant or revoke is a hash lookup; a page of the tenant's permissions O(log n + page
 * size); a page of a user's effective permissions O(g log g) for the g grants the user holds,
 * directly and through its roles, which are gathered and sorted by id for each page.
 */
final class MemoryPermissions implements Permissions {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryPermissions(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Permission> grant(TenantId tenant, UserId user, Grant grant) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          GovernanceRequests.grant(grant, "grant");
          return registry.write(
              tenant,
              state -> {
                AccessState access = state.access();
                access.requireUser(user);
                state.requireGrantCatalogs(List.of(grant));
                Permission held = access.permissionsOf(user).get(GrantRules.key(grant));
                if (held != null) {
                  return held;
                }
                PermissionId id;
                do {
                  id = PermissionId.random();
                } while (access.permissionsById().containsKey(id.toString()));
                Permission granted = new Permission(id, tenant, user, grant, Timestamps.now(clock));
                access.addPermission(granted);
                return granted;
              });
        });
  }

  @Override
  public CompletableFuture<Boolean> revoke(TenantId tenant, PermissionId permission) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(permission, "permission");
          return registry.write(
              tenant,
              state -> {
                Permission held = state.access().permissionsById().get(permission.toString());
                if (held == null) {
                  return false;
                }
                state.access().removePermission(held);
                return true;
              });
        });
  }

  @Override
  public CompletableFuture<Page<Permission>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.permissions(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state ->
                  query.page(
                      SortedReads.fetch(state.access().permissionsById(), cursor),
                      cursor,
                      held -> held.id().toString()));
        });
  }

  @Override
  public CompletableFuture<Page<EffectivePermission>> listUserPermissions(
      TenantId tenant, UserId user, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userPermissions(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                AccessState access = state.access();
                access.requireUser(user);
                NavigableMap<String, EffectivePermission> effective =
                    new TreeMap<>(CodePointOrder.STRINGS);
                for (Permission held : access.permissionsOf(user).values()) {
                  effective.put(
                      held.id().toString(),
                      new EffectivePermission(held.id(), held.grant(), PermissionOrigin.direct()));
                }
                for (RoleId roleId : access.rolesOf(user).values()) {
                  Role role = access.role(roleId);
                  for (Grant grant : role.grants()) {
                    PermissionId id = GrantRules.roleGrantId(roleId, grant);
                    effective.put(
                        id.toString(),
                        new EffectivePermission(id, grant, PermissionOrigin.role(roleId)));
                  }
                }
                return query.page(
                    SortedReads.fetch(effective, cursor), cursor, found -> found.id().toString());
              });
        });
  }
}
