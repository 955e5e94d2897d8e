package dev.catalogstore.jdbc.serviceuser;

import static dev.catalogstore.jdbc.serviceuser.ServiceUserRows.COLUMNS;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.ScopedPage;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The service users' statements, each one round trip. A taken name is a violation of {@code
 * service_users_name_uq}, a digest held by any service user of the store one of {@code
 * service_users_api_key_hash_uq}; the digest is written as bytes and never read back. {@link
 * #selectByHash} is the authentication look-up: one read on the digest's unique index, whatever the
 * number of tenants.
 */
final class ServiceUserSql {
  /**
   * Inserts nothing if the tenant does not exist, so that a missing tenant is reported as such even
   * when the digest is taken elsewhere.
   */
  private static final String INSERT =
      """
      INSERT INTO ${schema}.service_users
          (tenant_id, service_user_id, name, description, role_kind, api_key_hash, active,
           expires_at, last_used_at, created_at, updated_at)
      SELECT t.tenant_id, :service_user, :name, :description, :role_kind, :api_key_hash, true,
             :expires_at, NULL, :now, :now
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
      FOR KEY SHARE
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.service_users s
      WHERE s.tenant_id = :tenant AND s.service_user_id = :service_user
      """
          .formatted(COLUMNS);

  /** Only an active, unexpired service user's digest resolves; the time is the store's clock. */
  private static final String SELECT_BY_HASH =
      """
      SELECT %s
      FROM ${schema}.service_users s
      WHERE s.api_key_hash = :api_key_hash
        AND s.active
        AND (s.expires_at IS NULL OR s.expires_at > :now)
      """
          .formatted(COLUMNS);

  /** Uses the index of service_users_name_uq. */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found, s.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.service_users s
          WHERE s.tenant_id = t.tenant_id AND s.name > :after
          ORDER BY s.name
          LIMIT :limit
      ) s ON true
      ORDER BY s.name
      """
          .formatted(COLUMNS);

  /** Unset parts of the update are NULL parameters and keep the stored value. */
  private static final String UPDATE =
      """
      UPDATE ${schema}.service_users s
      SET name = COALESCE(:name::text, s.name),
          description = COALESCE(:description::text, s.description),
          active = COALESCE(:active::boolean, s.active),
          expires_at = CASE WHEN :clear_expiry THEN NULL
                            ELSE COALESCE(:expires_at::timestamptz, s.expires_at) END,
          role_kind = COALESCE(:role_kind::text, s.role_kind),
          updated_at = GREATEST(:now, s.updated_at)
      WHERE s.tenant_id = :tenant AND s.service_user_id = :service_user
      RETURNING %s
      """
          .formatted(COLUMNS);

  /**
   * A digest held by any other service user of the store is service_users_api_key_hash_uq; the
   * service user's own digest updates nothing (a rotation needs a new key).
   */
  private static final String REPLACE_KEY =
      """
      UPDATE ${schema}.service_users s
      SET api_key_hash = :api_key_hash,
          updated_at = GREATEST(:now, s.updated_at)
      WHERE s.tenant_id = :tenant AND s.service_user_id = :service_user
        AND s.api_key_hash <> :api_key_hash
      RETURNING %s
      """
          .formatted(COLUMNS);

  /** Never earlier than the use it records last; updated_at is not touched. */
  private static final String RECORD_USE =
      """
      UPDATE ${schema}.service_users s
      SET last_used_at = GREATEST(:now, s.last_used_at)
      WHERE s.tenant_id = :tenant AND s.service_user_id = :service_user
      RETURNING %s
      """
          .formatted(COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.service_users
      WHERE tenant_id = :tenant AND service_user_id = :service_user
      """;

  /** Failure paths only: whether the tenant and the service user exist. Always one row. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             s.service_user_id IS NOT NULL AS service_user_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.service_users s
          ON s.tenant_id = t.tenant_id AND s.service_user_id = :service_user
      """;

  /** Failure paths only: whether the tenant has a service user of that name. */
  private static final String NAME_TAKEN =
      """
      SELECT EXISTS (
          SELECT FROM ${schema}.service_users s WHERE s.tenant_id = :tenant AND s.name = :name
      ) AS taken
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectByHash;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql recordUse;
  private final NamedSql replaceKey;
  private final NamedSql delete;
  private final NamedSql lookup;
  private final NamedSql nameTaken;

  ServiceUserSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectByHash = sql.compile(SELECT_BY_HASH);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.recordUse = sql.compile(RECORD_USE);
    this.replaceKey = sql.compile(REPLACE_KEY);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
    this.nameTaken = sql.compile(NAME_TAKEN);
  }

  /** Whether the service user was inserted: false if the tenant does not exist. */
  boolean insert(Connection connection, ServiceUser serviceUser, ApiKeyHash hash)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
              .uuid("tenant", serviceUser.tenant().value())
              .uuid("service_user", serviceUser.id().value())
              .text("name", serviceUser.name())
              .text("description", serviceUser.description())
              .text("role_kind", serviceUser.roleKind().name())
              .bytes("api_key_hash", digest(hash))
              .timestampOrNull("expires_at", serviceUser.expiresAt().orElse(null))
              .timestamp("now", serviceUser.createdAt())
              .update()
          > 0;
    }
  }

  Optional<ServiceUser> select(Connection connection, TenantId tenant, ServiceUserId serviceUser)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("service_user", serviceUser.value())
          .queryOne(ServiceUserRows::serviceUser);
    }
  }

  /** The active, unexpired service user of digest {@code hash} at {@code now}, in any tenant. */
  Optional<ServiceUser> selectByHash(Connection connection, ApiKeyHash hash, Instant now)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectByHash)) {
      return query
          .bytes("api_key_hash", digest(hash))
          .timestamp("now", now)
          .queryOne(ServiceUserRows::serviceUser);
    }
  }

  ScopedPage.Read<ServiceUser> page(Connection connection, TenantId tenant, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      query
          .uuid("tenant", tenant.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize());
      return ScopedPage.read(
          query, "service_user_id", List.of(ObjectType.TENANT), ServiceUserRows::serviceUser);
    }
  }

  /** The updated service user; empty if it does not exist. */
  Optional<ServiceUser> update(
      Connection connection,
      TenantId tenant,
      ServiceUserId serviceUser,
      ServiceUserUpdate change,
      Optional<Instant> expiresAt,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("service_user", serviceUser.value())
          .text("name", change.name().orElse(null))
          .text("description", change.description().orElse(null))
          .boolOrNull("active", change.active().orElse(null))
          .bool("clear_expiry", change.clearsExpiry())
          .timestampOrNull("expires_at", expiresAt.orElse(null))
          .text("role_kind", change.roleKind().map(Enum::name).orElse(null))
          .timestamp("now", now)
          .queryOne(ServiceUserRows::serviceUser);
    }
  }

  /** The service user with its new digest; empty if it does not exist or already has it. */
  Optional<ServiceUser> replaceKey(
      Connection connection,
      TenantId tenant,
      ServiceUserId serviceUser,
      ApiKeyHash hash,
      Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, replaceKey)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("service_user", serviceUser.value())
          .bytes("api_key_hash", digest(hash))
          .timestamp("now", now)
          .queryOne(ServiceUserRows::serviceUser);
    }
  }

  /** The service user with its use recorded; empty if it does not exist. */
  Optional<ServiceUser> recordUse(
      Connection connection, TenantId tenant, ServiceUserId serviceUser, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, recordUse)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("service_user", serviceUser.value())
          .timestamp("now", now)
          .queryOne(ServiceUserRows::serviceUser);
    }
  }

  /** Whether the service user existed and is now deleted. */
  boolean delete(Connection connection, TenantId tenant, ServiceUserId serviceUser)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement
              .uuid("tenant", tenant.value())
              .uuid("service_user", serviceUser.value())
              .update()
          > 0;
    }
  }

  /** The outermost missing of the tenant and the service user; empty if both exist. */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, ServiceUserId serviceUser)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("service_user", serviceUser.value())
          .queryOne(row -> NotFound.outermost(row, ObjectType.TENANT, ObjectType.SERVICE_USER))
          .orElseThrow();
    }
  }

  /** Whether the tenant has a service user named {@code name}. */
  boolean nameTaken(Connection connection, TenantId tenant, String name) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, nameTaken)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> row.getBoolean("taken"))
          .orElseThrow();
    }
  }

  /** The digest as stored: its bytes. Validated lowercase hex, so this cannot fail. */
  private static byte[] digest(ApiKeyHash hash) {
    return HexFormat.of().parseHex(hash.hex());
  }
}
