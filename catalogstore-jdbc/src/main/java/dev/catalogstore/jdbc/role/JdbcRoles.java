package dev.catalogstore.jdbc.role;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.role.Roles;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.permission.GrantColumns;
import dev.catalogstore.jdbc.permission.GrantLookup;
import dev.catalogstore.jdbc.permission.GrantTargets;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The roles facet on PostgreSQL: validation and outcomes here, the statements in {@link RoleSql}.
 * Reads, deletes, assignments and revocations are one statement each; a create, and an update, is
 * one transaction that locks the catalogs its grants name before it writes them, so a grant never
 * names a catalog deleted meanwhile. Internal to the JDBC store.
 */
public final class JdbcRoles implements Roles {
  private final Database db;
  private final RoleSql sql;

  public JdbcRoles(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new RoleSql(sqlText);
  }

  @Override
  public CompletableFuture<Role> create(TenantId tenant, NewRole role) {
    return db.submit(
        "roles.create",
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.newRole(role, "role");
          GrantTargets targets = GrantTargets.of(tenant, role.grants());
          Instant now = db.now();
          Role created =
              new Role(
                  RoleId.random(),
                  tenant,
                  role.name(),
                  role.description(),
                  role.grants(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> Taken.roleName(role.name()))
                  // The tenant was deleted while the role was being written.
                  .onForeignKey(() -> Missing.tenant(tenant));
          return db.transaction(
              "roles.create",
              violations,
              connection -> {
                GrantLookup.Found found =
                    sql.lookupForCreate(connection, tenant, targets.catalogs());
                if (!found.tenantFound()) {
                  throw Missing.tenant(tenant);
                }
                Map<String, UUID> catalogs = targets.resolve(found.catalogs());
                if (!sql.insert(connection, created)) {
                  throw Missing.tenant(tenant);
                }
                sql.insertGrants(
                    connection,
                    tenant,
                    created.id(),
                    GrantColumns.ofRole(created.id(), role.grants(), catalogs));
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Role>> get(TenantId tenant, RoleId role) {
    return db.submit(
        "roles.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          return db.run(
              "roles.get", Violations.NONE, connection -> sql.select(connection, tenant, role));
        });
  }

  @Override
  public CompletableFuture<Optional<Role>> findByName(TenantId tenant, String name) {
    return db.submit(
        "roles.findByName",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return db.run(
              "roles.findByName",
              Violations.NONE,
              connection -> sql.selectByName(connection, tenant, name));
        });
  }

  @Override
  public CompletableFuture<Page<Role>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "roles.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.roles(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          ScopedPage.Read<Role> read =
              db.run(
                  "roles.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, cursor));
          if (read.missing().isPresent()) {
            throw Missing.tenant(tenant);
          }
          return query.page(read.items(), cursor, Role::name);
        });
  }

  @Override
  public CompletableFuture<Role> update(TenantId tenant, RoleId role, RoleUpdate update) {
    return db.submit(
        "roles.update",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          GovernanceRequests.roleUpdate(update, "update");
          Set<Grant> grants = update.grants();
          GrantTargets targets = GrantTargets.of(tenant, grants);
          Instant now = db.now();
          Violations violations =
              Violations.NONE.onUnique(() -> Taken.roleName(update.name().orElseThrow()));
          return db.transaction(
              "roles.update",
              violations,
              connection -> {
                GrantLookup.Found found =
                    sql.lookupForUpdate(connection, tenant, role, targets.catalogs());
                if (!found.tenantFound()) {
                  throw Missing.tenant(tenant);
                }
                if (!found.ownerFound()) {
                  throw Missing.role(role);
                }
                Map<String, UUID> catalogs = targets.resolve(found.catalogs());
                sql.update(connection, tenant, role, update, now);
                if (update.replacesGrants()) {
                  sql.deleteGrants(connection, tenant, role);
                  sql.insertGrants(
                      connection, tenant, role, GrantColumns.ofRole(role, grants, catalogs));
                }
                return sql.select(connection, tenant, role).orElseThrow();
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, RoleId role) {
    return db.submit(
        "roles.delete",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          boolean deleted =
              db.run(
                  "roles.delete",
                  Violations.NONE,
                  connection -> sql.delete(connection, tenant, role));
          if (!deleted) {
            throw missing(tenant, role, null);
          }
          return null;
        });
  }

  @Override
  public CompletableFuture<Boolean> assign(TenantId tenant, RoleId role, UserId user) {
    return change("roles.assign", tenant, role, user, true);
  }

  @Override
  public CompletableFuture<Boolean> revoke(TenantId tenant, RoleId role, UserId user) {
    return change("roles.revoke", tenant, role, user, false);
  }

  private CompletableFuture<Boolean> change(
      String operation, TenantId tenant, RoleId role, UserId user, boolean assign) {
    return db.submit(
        operation,
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          Inputs.required(user, "user");
          // The role or the user was deleted between the statement's read and its insert.
          Violations violations = Violations.NONE.onForeignKey(() -> missing(tenant, role, user));
          RoleSql.Changed changed =
              db.run(
                  operation,
                  violations,
                  connection ->
                      assign
                          ? sql.assign(connection, tenant, role, user)
                          : sql.revoke(connection, tenant, role, user));
          if (changed.missing().isPresent()) {
            throw along(changed.missing().get(), tenant, role, user);
          }
          return changed.changed();
        });
  }

  @Override
  public CompletableFuture<Page<Role>> listUserRoles(
      TenantId tenant, UserId user, PageRequest page) {
    return db.submit(
        "roles.listUserRoles",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userRoles(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          ScopedPage.Read<Role> read =
              db.run(
                  "roles.listUserRoles",
                  Violations.NONE,
                  connection -> sql.userRoles(connection, tenant, user, cursor));
          if (read.missing().isPresent()) {
            throw read.missing().get() == ObjectType.TENANT
                ? Missing.tenant(tenant)
                : Missing.user(user);
          }
          return query.page(read.items(), cursor, Role::name);
        });
  }

  @Override
  public CompletableFuture<Page<User>> listRoleUsers(
      TenantId tenant, RoleId role, PageRequest page) {
    return db.submit(
        "roles.listRoleUsers",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(role, "role");
          ListQuery query = ListQuery.roleUsers(tenant, role);
          ListQuery.Cursor cursor = query.cursor(page);
          ScopedPage.Read<User> read =
              db.run(
                  "roles.listRoleUsers",
                  Violations.NONE,
                  connection -> sql.roleUsers(connection, tenant, role, cursor));
          if (read.missing().isPresent()) {
            throw read.missing().get() == ObjectType.TENANT
                ? Missing.tenant(tenant)
                : Missing.role(role);
          }
          return query.page(read.items(), cursor, User::username);
        });
  }

  /**
   * The failure path of a change that matched nothing: the outermost missing of the tenant, the
   * role and (if given) the user.
   */
  private NotFoundException missing(TenantId tenant, RoleId role, UserId user) {
    ObjectType missing =
        db.run(
                "roles.lookup",
                Violations.NONE,
                connection -> sql.missing(connection, tenant, role, user))
            .orElse(ObjectType.ROLE);
    return along(missing, tenant, role, user);
  }

  private static NotFoundException along(
      ObjectType missing, TenantId tenant, RoleId role, UserId user) {
    return switch (missing) {
      case TENANT -> Missing.tenant(tenant);
      case USER -> Missing.user(user);
      default -> Missing.role(role);
    };
  }
}
