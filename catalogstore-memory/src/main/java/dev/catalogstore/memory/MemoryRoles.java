package dev.catalogstore.memory;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.role.Roles;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Roles and their assignments in memory. Every grant is checked against the tenant's catalogs under
 * the tenant's write lock, in the same step as the role is written, so a role can never hold a
 * grant on a catalog that is gone (a catalog's deletion removes its grants under the same lock).
 *
 * <p>Cost: a get is a hash lookup; a list page O(log n + page size), also of a user's roles and of
 * a role's users.
 */
final class MemoryRoles implements Roles {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryRoles(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Role> create(TenantId tenant, NewRole role) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.newRole(role, "role");
          return registry.write(
              tenant,
              state -> {
                state.requireGrantCatalogs(role.grants());
                AccessState access = state.access();
                if (access.roleNamed(role.name()) != null) {
                  throw Taken.roleName(role.name());
                }
                Instant now = Timestamps.now(clock);
                RoleId id;
                do {
                  id = RoleId.random();
                } while (access.role(id) != null);
                Role created =
                    new Role(id, tenant, role.name(), role.description(), role.grants(), now, now);
                access.putRole(created);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Role>> get(TenantId tenant, RoleId role) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          return registry.find(tenant, state -> Optional.ofNullable(state.access().role(role)));
        });
  }

  @Override
  public CompletableFuture<Optional<Role>> findByName(TenantId tenant, String name) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return registry.find(
              tenant,
              state ->
                  Optional.ofNullable(state.access().roleNamed(name)).map(state.access()::role));
        });
  }

  @Override
  public CompletableFuture<Page<Role>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.roles(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state ->
                  query.page(
                      SortedReads.fetch(state.access().rolesByName(), cursor).stream()
                          .map(state.access()::role)
                          .toList(),
                      cursor,
                      Role::name));
        });
  }

  @Override
  public CompletableFuture<Role> update(TenantId tenant, RoleId role, RoleUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          GovernanceRequests.roleUpdate(update, "update");
          return registry.write(
              tenant,
              state -> {
                AccessState access = state.access();
                Role current = access.requireRole(role);
                if (update.replacesGrants()) {
                  state.requireGrantCatalogs(update.grants());
                }
                String name = update.name().orElse(current.name());
                RoleId holder = access.roleNamed(name);
                if (holder != null && !holder.equals(role)) {
                  throw Taken.roleName(name);
                }
                Role next =
                    new Role(
                        role,
                        tenant,
                        name,
                        update.description().orElse(current.description()),
                        update.replacesGrants() ? update.grants() : current.grants(),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                access.putRole(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, RoleId role) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          return registry.write(
              tenant,
              state -> {
                state.access().requireRole(role);
                state.access().removeRole(role);
                return null;
              });
        });
  }

  @Override
  public CompletableFuture<Boolean> assign(TenantId tenant, RoleId role, UserId user) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          Inputs.required(user, "user");
          return registry.write(
              tenant,
              state -> {
                Role found = state.access().requireRole(role);
                User assignee = state.access().requireUser(user);
                return state.access().assign(found, assignee);
              });
        });
  }

  @Override
  public CompletableFuture<Boolean> revoke(TenantId tenant, RoleId role, UserId user) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          Inputs.required(user, "user");
          return registry.write(
              tenant,
              state -> {
                Role found = state.access().requireRole(role);
                User assignee = state.access().requireUser(user);
                return state.access().revoke(found, assignee);
              });
        });
  }

  @Override
  public CompletableFuture<Page<Role>> listUserRoles(
      TenantId tenant, UserId user, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userRoles(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                AccessState access = state.access();
                access.requireUser(user);
                return query.page(
                    SortedReads.fetch(access.rolesOf(user), cursor).stream()
                        .map(access::role)
                        .toList(),
                    cursor,
                    Role::name);
              });
        });
  }

  @Override
  public CompletableFuture<Page<User>> listRoleUsers(
      TenantId tenant, RoleId role, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          ListQuery query = ListQuery.roleUsers(tenant, role);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                AccessState access = state.access();
                access.requireRole(role);
                return query.page(
                    SortedReads.fetch(access.usersOf(role), cursor).stream()
                        .map(access::user)
                        .toList(),
                    cursor,
                    User::username);
              });
        });
  }
}
