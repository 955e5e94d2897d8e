package dev.catalogstore.jdbc.warehouse;

import static dev.catalogstore.jdbc.warehouse.WarehouseRows.COLUMNS;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The warehouses' statements, each one round trip: a missing tenant is the {@code
 * warehouses_tenant_fk} violation, a taken name {@code warehouses_name_uq}, and a warehouse still
 * used by a catalog, or that is its tenant's default warehouse, cannot be deleted because of {@code
 * catalogs_warehouse_fk} and {@code tenant_settings_warehouse_fk}. Credentials arrive here sealed.
 */
final class WarehouseSql {
  private static final String INSERT =
      """
      INSERT INTO ${schema}.warehouses
          (tenant_id, warehouse_id, name, storage_type, root_location, storage_options,
           credentials, properties, created_at, updated_at)
      SELECT t.tenant_id, :warehouse_id, :name, :storage_type, :root_location,
             :storage_options::jsonb, :credentials, :properties::jsonb, :now, :now
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
      FOR KEY SHARE
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.warehouses w
      WHERE w.tenant_id = :tenant AND w.name = :name
      """
          .formatted(COLUMNS);

  /**
   * The tenant's row tells a missing tenant (no row) from an empty list (one row of NULLs). The
   * page itself uses the index of warehouses_name_uq.
   */
  private static final String SELECT_PAGE =
      """
      SELECT w.*
      FROM ${schema}.tenants t
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.warehouses w
          WHERE w.tenant_id = t.tenant_id AND w.name > :after
          ORDER BY w.name
          LIMIT :limit
      ) w ON true
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY w.name
      """
          .formatted(COLUMNS);

  /** Unset parts of the update are NULL parameters and keep the stored value. */
  private static final String UPDATE =
      """
      UPDATE ${schema}.warehouses w
      SET storage_type = COALESCE(:storage_type::text, w.storage_type),
          root_location = COALESCE(:root_location::text, w.root_location),
          storage_options = COALESCE(:storage_options::jsonb, w.storage_options),
          credentials = CASE WHEN :replace_credentials THEN :credentials::bytea
                             ELSE w.credentials END,
          properties = (w.properties - :remove::text[]) || :set::jsonb,
          updated_at = GREATEST(:now, w.updated_at)
      WHERE w.tenant_id = :tenant AND w.name = :name
      RETURNING %s
      """
          .formatted(COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.warehouses
      WHERE tenant_id = :tenant AND name = :name
      """;

  /** Failure paths only: tells a missing tenant from a missing warehouse. */
  private static final String TENANT_EXISTS =
      """
      SELECT EXISTS (
          SELECT 1 FROM ${schema}.tenants WHERE tenant_id = :tenant AND name IS NOT NULL
      ) AS tenant_found
      """;

  /** Failure path of a delete only: is the warehouse its tenant's default warehouse? */
  private static final String IS_DEFAULT =
      """
      SELECT EXISTS (
          SELECT
          FROM ${schema}.tenant_settings s
          JOIN ${schema}.warehouses w
              ON w.tenant_id = s.tenant_id AND w.warehouse_id = s.default_warehouse_id
          WHERE s.tenant_id = :tenant AND w.name = :name
      ) AS is_default
      """;

  private final WarehouseRows rows;
  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql update;
  private final NamedSql delete;
  private final NamedSql tenantExists;
  private final NamedSql isDefault;

  WarehouseSql(SqlText sql, WarehouseRows rows) {
    this.rows = rows;
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.update = sql.compile(UPDATE);
    this.delete = sql.compile(DELETE);
    this.tenantExists = sql.compile(TENANT_EXISTS);
    this.isDefault = sql.compile(IS_DEFAULT);
  }

  /** Whether the warehouse was inserted: false if its tenant does not exist. */
  boolean insert(Connection connection, TenantId tenant, Warehouse warehouse, byte[] sealed)
      throws SQLException {
    StorageConfig storage = warehouse.storage();
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return statement
              .uuid("tenant", tenant.value())
              .uuid("warehouse_id", warehouse.id().value())
              .text("name", warehouse.name())
              .text("storage_type", storage.type().name())
              .text("root_location", storage.rootLocation())
              .json("storage_options", storage.options())
              .bytes("credentials", sealed)
              .json("properties", warehouse.properties())
              .timestamp("now", warehouse.createdAt())
              .update()
          > 0;
    }
  }

  Optional<Warehouse> select(Connection connection, TenantId tenant, String name)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> rows.warehouse(tenant, row));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} warehouses after the cursor; empty if the tenant does not
   * exist, a list of empties (one) if it has no more warehouses.
   */
  List<Optional<Warehouse>> page(Connection connection, TenantId tenant, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
      return query
          .uuid("tenant", tenant.value())
          .text("after", cursor.afterName())
          .integer("limit", cursor.fetchSize())
          .query(
              row ->
                  row.getObject("warehouse_id") == null
                      ? Optional.<Warehouse>empty()
                      : Optional.of(rows.warehouse(tenant, row)));
    }
  }

  /**
   * The updated warehouse; empty if it does not exist.
   *
   * @param sealed the new credentials, sealed, if {@code change} replaces them
   */
  Optional<Warehouse> update(
      Connection connection,
      TenantId tenant,
      String name,
      WarehouseUpdate change,
      byte[] sealed,
      Instant now)
      throws SQLException {
    Optional<StorageConfig> storage = change.storage();
    PropertyUpdate properties = change.properties();
    try (SqlStatement statement = SqlStatement.prepare(connection, update)) {
      return statement
          .uuid("tenant", tenant.value())
          .text("name", name)
          .text("storage_type", storage.map(s -> s.type().name()).orElse(null))
          .text("root_location", storage.map(StorageConfig::rootLocation).orElse(null))
          .json("storage_options", storage.map(StorageConfig::options).orElse(null))
          .bool("replace_credentials", change.credentials().isPresent())
          .bytes("credentials", sealed)
          .textArray("remove", properties.remove())
          .json("set", properties.set())
          .timestamp("now", now)
          .queryOne(row -> rows.warehouse(tenant, row));
    }
  }

  /** Whether the warehouse existed and is now deleted. */
  boolean delete(Connection connection, TenantId tenant, String name) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement.uuid("tenant", tenant.value()).text("name", name).update() > 0;
    }
  }

  boolean tenantExists(Connection connection, TenantId tenant) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, tenantExists)) {
      return query
          .uuid("tenant", tenant.value())
          .queryOne(row -> row.getBoolean("tenant_found"))
          .orElseThrow();
    }
  }

  /** Whether warehouse {@code name} is its tenant's default warehouse (settings). */
  boolean isDefault(Connection connection, TenantId tenant, String name) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, isDefault)) {
      return query
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> row.getBoolean("is_default"))
          .orElseThrow();
    }
  }
}
