package dev.catalogstore.jdbc.permission;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionOrigin;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The permissions' statements. A grant is one transaction: {@link GrantLookup} (locking the user
 * and the catalog named), then an insert that does nothing if the user already holds the grant
 * ({@code permissions_grant_uq} on its {@link GrantRules#key}), then, only if it did nothing, the
 * read of the permission held, in a statement of its own that sees a rival's committed insert.
 * Lists are one statement each; the effective permissions are the union of the direct ones and the
 * grants of the user's roles, ordered by id (uuid order, which is the order of its string form).
 */
final class PermissionSql {
  private static final String COLUMNS =
      "g.permission_id, g.user_id, g.created_at, " + GrantColumns.COLUMNS;

  private static final String LOOKUP =
      GrantLookup.template(
          """
          SELECT 1 FROM ${schema}.users u
              WHERE u.tenant_id = :tenant AND u.user_id = :user
              FOR KEY SHARE""");

  private static final String INSERT =
      """
      INSERT INTO ${schema}.permissions AS g
          (tenant_id, permission_id, user_id, grant_key, scope_kind, catalog_id, catalog_name,
           namespace, asset_name, tag_name, actions, created_at)
      SELECT :tenant, s.grant_id, :user, s.grant_key, s.scope_kind, s.catalog_id, s.catalog_name,
             s.namespace, s.asset_name, s.tag_name, s.actions, :now
      FROM (%s) s
      ON CONFLICT (tenant_id, user_id, grant_key) DO NOTHING
      RETURNING %s
      """
          .formatted(GrantColumns.RECORDSET, COLUMNS);

  private static final String SELECT_HELD =
      """
      SELECT %s
      FROM ${schema}.permissions g
      WHERE g.tenant_id = :tenant AND g.user_id = :user AND g.grant_key = :grant_key
      """
          .formatted(COLUMNS);

  /**
   * Deletes the permission; one row: whether the tenant exists and whether this statement deleted.
   */
  private static final String REVOKE =
      """
      WITH revoked AS (
          DELETE FROM ${schema}.permissions
          WHERE tenant_id = :tenant AND permission_id = :permission
          RETURNING 1
      )
      SELECT EXISTS (SELECT FROM ${schema}.tenants t
                     WHERE t.tenant_id = :tenant AND t.name IS NOT NULL) AS tenant_found,
             EXISTS (SELECT FROM revoked) AS revoked
      """;

  /** Uses permissions_pk. */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, g.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.permissions g
          WHERE g.tenant_id = t.tenant_id AND g.permission_id > :after
          ORDER BY g.permission_id
          LIMIT :limit
      ) g ON true
      ORDER BY g.permission_id
      """
          .formatted(COLUMNS);

  /**
   * A user's effective permissions: its direct ones (permissions_grant_uq) and every grant of every
   * role assigned to it (role_assignments_pk, role_grants_pk), by id. A direct permission has no
   * role_id.
   */
  private static final String SELECT_USER_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, u.user_id IS NOT NULL AS user_found, e.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      LEFT JOIN LATERAL (
          SELECT *
          FROM (
              SELECT g.permission_id AS id, NULL::uuid AS role_id, %1$s
              FROM ${schema}.permissions g
              WHERE g.tenant_id = u.tenant_id AND g.user_id = u.user_id
                AND g.permission_id > :after
              UNION ALL
              -- Grants of one role sharing a key share their id: the later one stands.
              SELECT *
              FROM (
                  SELECT DISTINCT ON (g.grant_id) g.grant_id AS id, g.role_id, %1$s
                  FROM ${schema}.role_assignments a
                  JOIN ${schema}.role_grants g
                      ON g.tenant_id = a.tenant_id AND g.role_id = a.role_id
                  WHERE a.tenant_id = u.tenant_id AND a.user_id = u.user_id
                    AND g.grant_id > :after
                  ORDER BY g.grant_id, g.position DESC
              ) r
          ) x
          ORDER BY x.id
          LIMIT :limit
      ) e ON true
      ORDER BY e.id
      """
          .formatted(GrantColumns.COLUMNS);

  /** Failure paths only: whether the tenant and the user exist. Always one row. */
  private static final String FOUND =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             u.user_id IS NOT NULL AS user_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      """;

  private final NamedSql lookup;
  private final NamedSql insert;
  private final NamedSql selectHeld;
  private final NamedSql revoke;
  private final NamedSql selectPage;
  private final NamedSql selectUserPage;
  private final NamedSql found;

  PermissionSql(SqlText sql) {
    this.lookup = sql.compile(LOOKUP);
    this.insert = sql.compile(INSERT);
    this.selectHeld = sql.compile(SELECT_HELD);
    this.revoke = sql.compile(REVOKE);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.selectUserPage = sql.compile(SELECT_USER_PAGE);
    this.found = sql.compile(FOUND);
  }

  /** Whether the tenant and the user exist (the user locked), and the catalogs, locked. */
  GrantLookup.Found lookup(
      Connection connection, TenantId tenant, UserId user, List<String> catalogs)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, lookup)) {
      return GrantLookup.run(
          statement.uuid("tenant", tenant.value()).uuid("user", user.value()), catalogs);
    }
  }

  /** The permission inserted; empty if the user already holds an equal grant. */
  Optional<Permission> insert(
      Connection connection,
      TenantId tenant,
      UserId user,
      PermissionId id,
      Grant grant,
      UUID catalogId,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .text(
              "grants",
              GrantColumns.toJson(List.of(new GrantColumns.Stored(id.value(), grant, catalogId))))
          .timestamp("now", now)
          .queryOne(row -> permission(row, tenant));
    }
  }

  /** The user's direct permission of {@code grant}'s key, if it holds one. */
  Optional<Permission> selectHeld(Connection connection, TenantId tenant, UserId user, Grant grant)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectHeld)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .text("grant_key", GrantRules.key(grant))
          .queryOne(row -> permission(row, tenant));
    }
  }

  /** Revokes; empty if the tenant is missing, else whether this statement removed it. */
  Optional<Boolean> revoke(Connection connection, TenantId tenant, PermissionId permission)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, revoke)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("permission", permission.value())
          .queryOne(
              row ->
                  row.getBoolean("tenant_found")
                      ? Optional.of(row.getBoolean("revoked"))
                      : Optional.<Boolean>empty())
          .orElseThrow();
    }
  }

  /** Up to {@code limit} direct permissions of the tenant with an id above {@code after}. */
  ScopedPage.Read<Permission> page(Connection connection, TenantId tenant, UUID after, int limit)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      query.uuid("tenant", tenant.value()).uuid("after", after).integer("limit", limit);
      return ScopedPage.read(
          query, "permission_id", List.of(ObjectType.TENANT), row -> permission(row, tenant));
    }
  }

  /** Up to {@code limit} effective permissions of the user with an id above {@code after}. */
  ScopedPage.Read<EffectivePermission> userPage(
      Connection connection, TenantId tenant, UserId user, UUID after, int limit)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectUserPage)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .uuid("after", after)
          .integer("limit", limit);
      return ScopedPage.read(
          query, "id", List.of(ObjectType.TENANT, ObjectType.USER), row -> effective(row, tenant));
    }
  }

  /** The outermost missing of the tenant and the user; empty if both exist. */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, UserId user)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, found)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .queryOne(row -> NotFound.outermost(row, ObjectType.TENANT, ObjectType.USER))
          .orElseThrow();
    }
  }

  private static Permission permission(ResultSet row, TenantId tenant) throws SQLException {
    return new Permission(
        new PermissionId(Rows.uuid(row, "permission_id")),
        tenant,
        new UserId(Rows.uuid(row, "user_id")),
        GrantColumns.read(row, tenant),
        Rows.instant(row, "created_at"));
  }

  private static EffectivePermission effective(ResultSet row, TenantId tenant) throws SQLException {
    UUID role = Rows.uuid(row, "role_id");
    return new EffectivePermission(
        new PermissionId(Rows.uuid(row, "id")),
        GrantColumns.read(row, tenant),
        role == null ? PermissionOrigin.direct() : PermissionOrigin.role(new RoleId(role)));
  }
}
