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
import java.util.UUID;

/**
 * The tenants' statements, each one round trip. Name uniqueness is the {@code tenants_name_uq}
 * constraint (the system tenant's row makes "system" taken); a property update is applied inside
 * the {@code UPDATE} (no read-modify-write). A deleted tenant keeps its row, with its name NULL,
 * until the purger ({@code purge/}) has removed what it owned: every statement reads a tenant's row
 * with {@code name IS NOT NULL}.
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
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      """
          .formatted(COLUMNS);

  /**
   * The system tenant is never listed, nor a deleted one (its name is NULL). Uses the index of
   * tenants_name_uq.
   */
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
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      RETURNING %s
      """
          .formatted(COLUMNS);

  /**
   * The first statement of a delete: the tenant's row, locked, its name NULL (the tombstone, V8);
   * returns the name it had, nothing if there is no such tenant. Until its transaction ends, the
   * lock keeps out every insert of something the tenant owns (they read its row FOR KEY SHARE, or
   * check their foreign key against it); those that commit first are seen by the next statement.
   */
  private static final String TOMBSTONE =
      """
      WITH old AS (
          SELECT t.tenant_id, t.name
          FROM ${schema}.tenants t
          WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
          FOR UPDATE
      )
      UPDATE ${schema}.tenants t
      SET name = NULL,
          updated_at = GREATEST(:now, t.updated_at)
      FROM old
      WHERE t.tenant_id = old.tenant_id
      RETURNING old.name
      """;

  /**
   * The second statement of a delete: deletes what the tenant owns outside its catalogs and
   * warehouses (reached by id, not by name; the grants naming its catalogs go with its roles and
   * users), tombstones its catalogs and warehouses (name NULL) and records the purges: one per
   * catalog, and the tenant's own, which the purger runs once they are done.
   */
  private static final String TOMBSTONE_CONTENT =
      """
      WITH users AS (
          DELETE FROM ${schema}.users WHERE tenant_id = :tenant
      ), roles AS (
          DELETE FROM ${schema}.roles WHERE tenant_id = :tenant
      ), service_users AS (
          DELETE FROM ${schema}.service_users WHERE tenant_id = :tenant
      ), revocations AS (
          DELETE FROM ${schema}.token_revocations WHERE tenant_id = :tenant
      ), settings AS (
          DELETE FROM ${schema}.tenant_settings WHERE tenant_id = :tenant
      ), warehouses AS (
          UPDATE ${schema}.warehouses w
          SET name = NULL
          WHERE w.tenant_id = :tenant AND w.name IS NOT NULL
      ), old_catalogs AS (
          SELECT c.tenant_id, c.catalog_id, c.name
          FROM ${schema}.catalogs c
          WHERE c.tenant_id = :tenant AND c.name IS NOT NULL
          FOR UPDATE
      ), catalogs AS (
          UPDATE ${schema}.catalogs c
          SET name = NULL,
              warehouse_id = NULL,
              updated_at = GREATEST(:now, c.updated_at)
          FROM old_catalogs o
          WHERE c.tenant_id = o.tenant_id AND c.catalog_id = o.catalog_id
          RETURNING o.catalog_id, o.name
      ), catalog_purges AS (
          INSERT INTO ${schema}.purges (tenant_id, purge_id, kind, catalog_id, name, requested_at)
          SELECT :tenant, gen_random_uuid(), 'CATALOG', c.catalog_id, c.name, :now
          FROM catalogs c
      )
      INSERT INTO ${schema}.purges (tenant_id, purge_id, kind, catalog_id, name, requested_at)
      VALUES (:tenant, :purge_id, 'TENANT', NULL, :name, :now)
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql tombstone;
  private final NamedSql tombstoneContent;

  TenantSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.tombstone = sql.compile(TOMBSTONE);
    this.tombstoneContent = sql.compile(TOMBSTONE_CONTENT);
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

  /**
   * Deletes the tenant, in the caller's transaction: whether it existed. Afterwards it and all it
   * owned are invisible to every statement, its name is free, and its purge is recorded.
   */
  boolean delete(Connection connection, TenantId tenant, Instant now) throws SQLException {
    Optional<String> name;
    try (SqlStatement statement = SqlStatement.prepare(connection, tombstone)) {
      name =
          statement
              .uuid("tenant", tenant.value())
              .timestamp("now", now)
              .queryOne(row -> row.getString("name"));
    }
    if (name.isEmpty()) {
      return false;
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, tombstoneContent)) {
      statement
          .uuid("tenant", tenant.value())
          .uuid("purge_id", UUID.randomUUID())
          .text("name", name.get())
          .timestamp("now", now)
          .update();
    }
    return true;
  }
}
