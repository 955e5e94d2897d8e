package dev.catalogstore.jdbc.role;

import static dev.catalogstore.jdbc.role.RoleRows.COLUMNS;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.permission.GrantColumns;
import dev.catalogstore.jdbc.permission.GrantLookup;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.user.UserRows;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The roles' statements. Reads are one statement each, a role's grants aggregated into its row. A
 * create or an update that writes grants is one transaction: {@link GrantLookup} (locking the
 * catalogs named, and on update the role's row), the role's row, then its grants in one statement.
 * A taken name is a violation of {@code roles_name_uq}; deleting a role removes its grants and
 * assignments through {@code ON DELETE CASCADE}. An assignment is one statement that says in its
 * own row which of tenant, role and user is missing.
 */
final class RoleSql {
  private static final String LOOKUP_FOR_CREATE = GrantLookup.template("SELECT 1");

  /** Locks the role's row first, so that the update's reads and writes see one role. */
  private static final String LOOKUP_FOR_UPDATE =
      GrantLookup.template(
          """
          SELECT 1 FROM ${schema}.roles r
              WHERE r.tenant_id = :tenant AND r.role_id = :role
              FOR UPDATE""");

  private static final String INSERT =
      """
      INSERT INTO ${schema}.roles (tenant_id, role_id, name, description, created_at, updated_at)
      SELECT t.tenant_id, :role, :name, :description, :now, :now
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
      FOR KEY SHARE
      """;

  private static final String INSERT_GRANTS =
      """
      INSERT INTO ${schema}.role_grants
          (tenant_id, role_id, position, grant_id, grant_key, scope_kind, catalog_id,
           catalog_name, namespace, asset_name, tag_name, actions)
      SELECT :tenant, :role, s.position, s.grant_id, s.grant_key, s.scope_kind, s.catalog_id,
             s.catalog_name, s.namespace, s.asset_name, s.tag_name, s.actions
      FROM (%s) s
      """
          .formatted(GrantColumns.RECORDSET);

  private static final String DELETE_GRANTS =
      """
      DELETE FROM ${schema}.role_grants
      WHERE tenant_id = :tenant AND role_id = :role
      """;

  /** Unset parts of the update are NULL parameters and keep the stored value. */
  private static final String UPDATE =
      """
      UPDATE ${schema}.roles r
      SET name = COALESCE(:name::text, r.name),
          description = COALESCE(:description::text, r.description),
          updated_at = GREATEST(:now, r.updated_at)
      WHERE r.tenant_id = :tenant AND r.role_id = :role
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.roles r
      WHERE r.tenant_id = :tenant AND r.role_id = :role
      """
          .formatted(COLUMNS);

  private static final String SELECT_BY_NAME =
      """
      SELECT %s
      FROM ${schema}.roles r
      WHERE r.tenant_id = :tenant AND r.name = :name
      """
          .formatted(COLUMNS);

  /** Uses the index of roles_name_uq. */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, r.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.roles r
          WHERE r.tenant_id = t.tenant_id AND r.name > :after
          ORDER BY r.name
          LIMIT :limit
      ) r ON true
      ORDER BY r.name
      """
          .formatted(COLUMNS);

  /** A user's roles by name: its assignments (role_assignments_pk), each role's row. */
  private static final String SELECT_USER_ROLES =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, u.user_id IS NOT NULL AS user_found, r.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.role_assignments a
          JOIN ${schema}.roles r ON r.tenant_id = a.tenant_id AND r.role_id = a.role_id
          WHERE a.tenant_id = u.tenant_id AND a.user_id = u.user_id AND r.name > :after
          ORDER BY r.name
          LIMIT :limit
      ) r ON true
      ORDER BY r.name
      """
          .formatted(COLUMNS);

  /** A role's users by username: its assignments (role_assignments_role_ix), each user's row. */
  private static final String SELECT_ROLE_USERS =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, r.role_id IS NOT NULL AS role_found, u.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.roles r ON r.tenant_id = t.tenant_id AND r.role_id = :role
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.role_assignments a
          JOIN ${schema}.users u ON u.tenant_id = a.tenant_id AND u.user_id = a.user_id
          WHERE a.tenant_id = r.tenant_id AND a.role_id = r.role_id AND u.username > :after
          ORDER BY u.username
          LIMIT :limit
      ) u ON true
      ORDER BY u.username
      """
          .formatted(UserRows.COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.roles
      WHERE tenant_id = :tenant AND role_id = :role
      """;

  /** Which of the tenant, the role and the user exist. Always one row. */
  private static final String FOUND =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             r.role_id IS NOT NULL AS role_found,
             u.user_id IS NOT NULL AS user_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.roles r ON r.tenant_id = t.tenant_id AND r.role_id = :role
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user::uuid
      """;

  /**
   * Assigns if the tenant, role and user exist, doing nothing if the assignment exists; one row:
   * which exist, and whether this statement assigned. A role or user deleted meanwhile is a
   * foreign-key violation.
   */
  private static final String ASSIGN =
      """
      WITH found AS (
      %s
      ), assigned AS (
          INSERT INTO ${schema}.role_assignments (tenant_id, user_id, role_id)
          SELECT :tenant, :user, :role
          FROM found f
          WHERE f.role_found AND f.user_found
          ON CONFLICT DO NOTHING
          RETURNING 1
      )
      SELECT f.*, EXISTS (SELECT FROM assigned) AS changed
      FROM found f
      """
          .formatted(FOUND.indent(4));

  private static final String REVOKE =
      """
      WITH found AS (
      %s
      ), revoked AS (
          DELETE FROM ${schema}.role_assignments a
          USING found f
          WHERE f.role_found AND f.user_found
            AND a.tenant_id = :tenant AND a.user_id = :user AND a.role_id = :role
          RETURNING 1
      )
      SELECT f.*, EXISTS (SELECT FROM revoked) AS changed
      FROM found f
      """
          .formatted(FOUND.indent(4));

  private final NamedSql lookupForCreate;
  private final NamedSql lookupForUpdate;
  private final NamedSql insert;
  private final NamedSql insertGrants;
  private final NamedSql deleteGrants;
  private final NamedSql update;
  private final NamedSql select;
  private final NamedSql selectByName;
  private final NamedSql selectPage;
  private final NamedSql selectUserRoles;
  private final NamedSql selectRoleUsers;
  private final NamedSql delete;
  private final NamedSql found;
  private final NamedSql assign;
  private final NamedSql revoke;

  RoleSql(SqlText sql) {
    this.lookupForCreate = sql.compile(LOOKUP_FOR_CREATE);
    this.lookupForUpdate = sql.compile(LOOKUP_FOR_UPDATE);
    this.insert = sql.compile(INSERT);
    this.insertGrants = sql.compile(INSERT_GRANTS);
    this.deleteGrants = sql.compile(DELETE_GRANTS);
    this.update = sql.compile(UPDATE);
    this.select = sql.compile(SELECT);
    this.selectByName = sql.compile(SELECT_BY_NAME);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.selectUserRoles = sql.compile(SELECT_USER_ROLES);
    this.selectRoleUsers = sql.compile(SELECT_ROLE_USERS);
    this.delete = sql.compile(DELETE);
    this.found = sql.compile(FOUND);
    this.assign = sql.compile(ASSIGN);
    this.revoke = sql.compile(REVOKE);
  }

  /** Whether the tenant exists, and the catalogs named, locked. */
  GrantLookup.Found lookupForCreate(Connection connection, TenantId tenant, List<String> catalogs)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, lookupForCreate)) {
      return GrantLookup.run(statement.uuid("tenant", tenant.value()), catalogs);
    }
  }

  /** Whether the tenant and the role exist (the role's row locked), and the catalogs, locked. */
  GrantLookup.Found lookupForUpdate(
      Connection connection, TenantId tenant, RoleId role, List<String> catalogs)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, lookupForUpdate)) {
      return GrantLookup.run(
          statement.uuid("tenant", tenant.value()).uuid("role", role.value()), catalogs);
    }
  }

  /** Whether the role was inserted: false if its tenant does not exist (or was just deleted). */
  boolean insert(Connection connection, Role role) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
              .uuid("tenant", role.tenant().value())
              .uuid("role", role.id().value())
              .text("name", role.name())
              .text("description", role.description())
              .timestamp("now", role.createdAt())
              .update()
          > 0;
    }
  }

  /** Writes {@code grants} (see {@link GrantColumns#toJson}) as the role's. */
  void insertGrants(
      Connection connection, TenantId tenant, RoleId role, List<GrantColumns.Stored> grants)
      throws SQLException {
    if (grants.isEmpty()) {
      return;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, insertGrants)) {
      statement
          .uuid("tenant", tenant.value())
          .uuid("role", role.value())
          .text("grants", GrantColumns.toJson(grants))
          .update();
    }
  }

  void deleteGrants(Connection connection, TenantId tenant, RoleId role) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, deleteGrants)) {
      statement.uuid("tenant", tenant.value()).uuid("role", role.value()).update();
    }
  }

  /** Whether the role was found and changed. */
  boolean update(
      Connection connection, TenantId tenant, RoleId role, RoleUpdate change, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
              .uuid("tenant", tenant.value())
              .uuid("role", role.value())
              .text("name", change.name().orElse(null))
              .text("description", change.description().orElse(null))
              .timestamp("now", now)
              .update()
          > 0;
    }
  }

  Optional<Role> select(Connection connection, TenantId tenant, RoleId role) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("role", role.value())
          .queryOne(row -> RoleRows.role(row, tenant));
    }
  }

  Optional<Role> selectByName(Connection connection, TenantId tenant, String name)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectByName)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> RoleRows.role(row, tenant));
    }
  }

  ScopedPage.Read<Role> page(Connection connection, TenantId tenant, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      query
          .uuid("tenant", tenant.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize());
      return ScopedPage.read(
          query, "role_id", List.of(ObjectType.TENANT), row -> RoleRows.role(row, tenant));
    }
  }

  ScopedPage.Read<Role> userRoles(
      Connection connection, TenantId tenant, UserId user, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectUserRoles)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize());
      return ScopedPage.read(
          query,
          "role_id",
          List.of(ObjectType.TENANT, ObjectType.USER),
          row -> RoleRows.role(row, tenant));
    }
  }

  ScopedPage.Read<User> roleUsers(
      Connection connection, TenantId tenant, RoleId role, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectRoleUsers)) {
      query
          .uuid("tenant", tenant.value())
          .uuid("role", role.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize());
      return ScopedPage.read(
          query,
          "user_id",
          List.of(ObjectType.TENANT, ObjectType.ROLE),
          row -> UserRows.user(row, tenant));
    }
  }

  /** Whether the role existed and is now deleted, with its grants and assignments. */
  boolean delete(Connection connection, TenantId tenant, RoleId role) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement.uuid("tenant", tenant.value()).uuid("role", role.value()).update() > 0;
    }
  }

  /** Assigns; what is missing (tenant, role, then user), or whether this call assigned. */
  Changed assign(Connection connection, TenantId tenant, RoleId role, UserId user)
      throws SQLException {
    return change(connection, assign, tenant, role, user);
  }

  /** Revokes; what is missing (tenant, role, then user), or whether this call revoked. */
  Changed revoke(Connection connection, TenantId tenant, RoleId role, UserId user)
      throws SQLException {
    return change(connection, revoke, tenant, role, user);
  }

  /**
   * The outermost missing of the tenant, the role and (if {@code user} is given) the user; empty if
   * all exist.
   */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, RoleId role, UserId user)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, found)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("role", role.value())
          .text("user", user == null ? null : user.toString())
          .queryOne(
              row ->
                  user == null
                      ? NotFound.outermost(row, ObjectType.TENANT, ObjectType.ROLE)
                      : NotFound.outermost(
                          row, ObjectType.TENANT, ObjectType.ROLE, ObjectType.USER))
          .orElseThrow();
    }
  }

  private static Changed change(
      Connection connection, NamedSql sql, TenantId tenant, RoleId role, UserId user)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, sql)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("role", role.value())
          .uuid("user", user.value())
          .queryOne(
              row ->
                  new Changed(
                      NotFound.outermost(row, ObjectType.TENANT, ObjectType.ROLE, ObjectType.USER),
                      row.getBoolean("changed")))
          .orElseThrow();
    }
  }

  /**
   * What an assign or revoke did.
   *
   * @param missing the outermost missing part, if any (then nothing changed)
   * @param changed whether this call changed the assignment
   */
  record Changed(Optional<ObjectType> missing, boolean changed) {}
}
