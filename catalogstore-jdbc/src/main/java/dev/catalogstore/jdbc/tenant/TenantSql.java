package dev.catalogstore.jdbc.tenant;

import static dev.catalogstore.jdbc.tenant.TenantRows.COLUMNS;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenants' statements, each one round trip. Name uniqueness is the {@code tenants_name_uq}
 * constraint (the system tenant's row makes "system" taken); a property update is applied inside
 * the {@code UPDATE} (no read-modify-write); deleting a tenant removes all it owns through the
 * foreign keys' {@code ON DELETE CASCADE}, atomically.
 */
final class TenantSql {
  private static final String INSERT =
      """
      INSERT INTO ${schema}.tenants (tenant_id, name, properties, created_at, updated_at)
      VALUES (:tenant, :name, :properties::jsonb, :now, :now)
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant
      """
          .formatted(COLUMNS);

  /** The system tenant is never listed. Uses the index of tenants_name_uq. */
  private static final String SELECT_PAGE =
      """
      SELECT %s
      FROM ${schema}.tenants t
      WHERE t.name > :after AND t.tenant_id <> :system
      ORDER BY t.name
      LIMIT :limit
      """
          .formatted(COLUMNS);

  private static final String UPDATE =
      """
      UPDATE ${schema}.tenants t
      SET name = COALESCE(:name::text, t.name),
          properties = (t.properties - :remove::text[]) || :set::jsonb,
          updated_at = GREATEST(:now, t.updated_at)
      WHERE t.tenant_id = :tenant
      RETURNING %s
      """
          .formatted(COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.tenants
      WHERE tenant_id = :tenant
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql delete;

  TenantSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.delete = sql.compile(DELETE);
  }

  void insert(Connection connection, Tenant tenant) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      statement
          .uuid("tenant", tenant.id().value())
          .text("name", tenant.name())
          .json("properties", tenant.properties())
          .timestamp("now", tenant.createdAt())
          .update();
    }
  }

  Optional<Tenant> select(Connection connection, TenantId tenant) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query.uuid("tenant", tenant.value()).queryOne(TenantRows::tenant);
    }
  }

  /** Up to {@code cursor.fetchSize()} tenants after the cursor, the system tenant left out. */
  List<Tenant> page(Connection connection, ListQuery.Cursor cursor) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      return query
          .text("after", cursor.afterName())
          .uuid("system", TenantId.SYSTEM.value())
          .integer("limit", cursor.fetchSize())
          .query(TenantRows::tenant);
    }
  }

  /** The updated tenant; empty if it does not exist. */
  Optional<Tenant> update(Connection connection, TenantId tenant, TenantUpdate change, Instant now)
      throws SQLException {
    PropertyUpdate properties = change.properties();
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
          .uuid("tenant", tenant.value())
          .text("name", change.name().orElse(null))
          .textArray("remove", properties.remove())
          .json("set", properties.set())
          .timestamp("now", now)
          .queryOne(TenantRows::tenant);
    }
  }

  /** Whether the tenant existed and is now deleted, with everything it owned. */
  boolean delete(Connection connection, TenantId tenant) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement.uuid("tenant", tenant.value()).update() > 0;
    }
  }
}
