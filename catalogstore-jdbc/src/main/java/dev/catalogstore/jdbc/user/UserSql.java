package dev.catalogstore.jdbc.user;

import static dev.catalogstore.jdbc.user.UserRows.COLUMNS;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The users' statements, each one round trip. A taken username is a violation of {@code
 * users_username_uq}; a create inserts only under an existing tenant, so it tells a missing tenant
 * by inserting nothing; deleting a user removes its role assignments, direct permissions and tokens
 * through the foreign keys' {@code ON DELETE CASCADE}, in the same statement.
 */
final class UserSql {
  /** Inserts nothing if the tenant does not exist (a tenant deleted meanwhile: users_tenant_fk). */
  private static final String INSERT =
      """
      INSERT INTO ${schema}.users
          (tenant_id, user_id, username, email, display_name, role_kind, active, created_at,
           updated_at)
      SELECT t.tenant_id, :user, :username, :email, :display_name, :role_kind, :active, :now, :now
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
      FOR KEY SHARE
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.users u
      WHERE u.tenant_id = :tenant AND u.user_id = :user
      """
          .formatted(COLUMNS);

  private static final String SELECT_BY_USERNAME =
      """
      SELECT %s
      FROM ${schema}.users u
      WHERE u.tenant_id = :tenant AND u.username = :username
      """
          .formatted(COLUMNS);

  /** Uses the index of users_username_uq. */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, u.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.users u
          WHERE u.tenant_id = t.tenant_id AND u.username > :after
          ORDER BY u.username
          LIMIT :limit
      ) u ON true
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY u.username
      """
          .formatted(COLUMNS);

  /** Unset parts of the update are NULL parameters and keep the stored value. */
  private static final String UPDATE =
      """
      UPDATE ${schema}.users u
      SET email = CASE WHEN :clear_email THEN NULL ELSE COALESCE(:email::text, u.email) END,
          display_name = CASE WHEN :clear_display_name THEN NULL
                              ELSE COALESCE(:display_name::text, u.display_name) END,
          active = COALESCE(:active::boolean, u.active),
          role_kind = COALESCE(:role_kind::text, u.role_kind),
          updated_at = GREATEST(:now, u.updated_at)
      WHERE u.tenant_id = :tenant AND u.user_id = :user
      RETURNING %s
      """
          .formatted(COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.users
      WHERE tenant_id = :tenant AND user_id = :user
      """;

  /** Failure paths only: whether the tenant and the user exist. Always one row. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             u.user_id IS NOT NULL AS user_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.users u ON u.tenant_id = t.tenant_id AND u.user_id = :user
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectByUsername;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql delete;
  private final NamedSql lookup;

  UserSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectByUsername = sql.compile(SELECT_BY_USERNAME);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
  }

  /** Whether the user was inserted: false if the tenant does not exist. */
  boolean insert(Connection connection, User user) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
              .uuid("tenant", user.tenant().value())
              .uuid("user", user.id().value())
              .text("username", user.username())
              .text("email", user.email().orElse(null))
              .text("display_name", user.displayName().orElse(null))
              .text("role_kind", user.roleKind().name())
              .bool("active", user.active())
              .timestamp("now", user.createdAt())
              .update()
          > 0;
    }
  }

  Optional<User> select(Connection connection, TenantId tenant, UserId user) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .queryOne(row -> UserRows.user(row, tenant));
    }
  }

  Optional<User> selectByUsername(Connection connection, TenantId tenant, String username)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectByUsername)) {
      return query
          .uuid("tenant", tenant.value())
          .text("username", username)
          .queryOne(row -> UserRows.user(row, tenant));
    }
  }

  /** Up to {@code cursor.fetchSize()} users after the cursor, or the tenant missing. */
  ScopedPage.Read<User> page(Connection connection, TenantId tenant, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      query
          .uuid("tenant", tenant.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize());
      return ScopedPage.read(
          query, "user_id", List.of(ObjectType.TENANT), row -> UserRows.user(row, tenant));
    }
  }

  /** The updated user; empty if it does not exist. */
  Optional<User> update(
      Connection connection, TenantId tenant, UserId user, UserUpdate change, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .bool("clear_email", change.clearsEmail())
          .text("email", change.email().orElse(null))
          .bool("clear_display_name", change.clearsDisplayName())
          .text("display_name", change.displayName().orElse(null))
          .boolOrNull("active", change.active().orElse(null))
          .text("role_kind", change.roleKind().map(Enum::name).orElse(null))
          .timestamp("now", now)
          .queryOne(row -> UserRows.user(row, tenant));
    }
  }

  /** Whether the user existed and is now deleted, with what it held. */
  boolean delete(Connection connection, TenantId tenant, UserId user) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement.uuid("tenant", tenant.value()).uuid("user", user.value()).update() > 0;
    }
  }

  /** The outermost missing part: the tenant, else the user (empty if both exist). */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, UserId user)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("user", user.value())
          .queryOne(row -> NotFound.outermost(row, ObjectType.TENANT, ObjectType.USER))
          .orElseThrow();
    }
  }
}
