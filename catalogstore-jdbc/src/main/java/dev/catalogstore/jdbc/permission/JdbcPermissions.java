package dev.catalogstore.jdbc.permission;

import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.IdPosition;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The permissions facet on PostgreSQL: validation and outcomes here, the statements in {@link
 * PermissionSql}. A grant is one transaction (see there); a revoke and the lists are one statement
 * each. Internal to the JDBC store.
 */
public final class JdbcPermissions implements Permissions {
  /** How often a grant is tried again when a rival revokes the equal grant it found. */
  private static final int MAX_GRANT_ROUNDS = 3;

  private final Database db;
  private final PermissionSql sql;

  public JdbcPermissions(Database db, SqlText sqlText) {
    this.db = db;
    this.sql = new PermissionSql(sqlText);
  }

  @Override
  public CompletableFuture<Permission> grant(TenantId tenant, UserId user, Grant grant) {
    return db.submit(
        "permissions.grant",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          GovernanceRequests.grant(grant, "grant");
          GrantTargets targets = GrantTargets.of(tenant, List.of(grant));
          Instant now = db.now();
          PermissionId id = PermissionId.random();
          // The user was deleted between the lookup and the insert (the lookup locks it, so this
          // is a defence in depth).
          Violations violations = Violations.NONE.onForeignKey(() -> missing(tenant, user));
          return db.transaction(
              "permissions.grant",
              violations,
              connection -> {
                GrantLookup.Found found = sql.lookup(connection, tenant, user, targets.catalogs());
                if (!found.tenantFound()) {
                  throw Missing.tenant(tenant);
                }
                if (!found.ownerFound()) {
                  throw Missing.user(user);
                }
                Map<String, UUID> catalogs = targets.resolve(found.catalogs());
                UUID catalogId =
                    GrantRules.catalogOf(grant.scope()).map(catalogs::get).orElse(null);
                // The user may hold this grant already (perhaps by a rival's insert, which the
                // next statement's fresh snapshot sees); and a rival may revoke that one between
                // the two statements, so the insert is tried again then. Each round needs a rival
                // to commit in between, so this ends.
                for (int round = 1; ; round++) {
                  Optional<Permission> inserted =
                      sql.insert(connection, tenant, user, id, grant, catalogId, now);
                  if (inserted.isPresent()) {
                    return inserted.get();
                  }
                  Optional<Permission> held = sql.selectHeld(connection, tenant, user, grant);
                  if (held.isPresent() || round == MAX_GRANT_ROUNDS) {
                    return held.orElseThrow(
                        () ->
                            new ConflictException(
                                "the same grant was revoked by others while it was being granted;"
                                    + " try again"));
                  }
                }
              });
        });
  }

  @Override
  public CompletableFuture<Boolean> revoke(TenantId tenant, PermissionId permission) {
    return db.submit(
        "permissions.revoke",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(permission, "permission");
          return db.run(
                  "permissions.revoke",
                  Violations.NONE,
                  connection -> sql.revoke(connection, tenant, permission))
              .orElseThrow(() -> Missing.tenant(tenant));
        });
  }

  @Override
  public CompletableFuture<Page<Permission>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "permissions.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.permissions(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          UUID after = IdPosition.after(cursor);
          ScopedPage.Read<Permission> read =
              db.run(
                  "permissions.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, after, cursor.fetchSize()));
          if (read.missing().isPresent()) {
            throw Missing.tenant(tenant);
          }
          return query.page(read.items(), cursor, p -> p.id().toString());
        });
  }

  @Override
  public CompletableFuture<Page<EffectivePermission>> listUserPermissions(
      TenantId tenant, UserId user, PageRequest page) {
    return db.submit(
        "permissions.listUserPermissions",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userPermissions(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          UUID after = IdPosition.after(cursor);
          ScopedPage.Read<EffectivePermission> read =
              db.run(
                  "permissions.listUserPermissions",
                  Violations.NONE,
                  connection -> sql.userPage(connection, tenant, user, after, cursor.fetchSize()));
          if (read.missing().isPresent()) {
            throw read.missing().get() == ObjectType.TENANT
                ? Missing.tenant(tenant)
                : Missing.user(user);
          }
          return query.page(read.items(), cursor, p -> p.id().toString());
        });
  }

  /** The outermost missing of the tenant and the user. */
  private NotFoundException missing(TenantId tenant, UserId user) {
    ObjectType missing =
        db.run(
                "permissions.lookup",
                Violations.NONE,
                connection -> sql.missing(connection, tenant, user))
            .orElse(ObjectType.USER);
    return missing == ObjectType.TENANT ? Missing.tenant(tenant) : Missing.user(user);
  }
}
