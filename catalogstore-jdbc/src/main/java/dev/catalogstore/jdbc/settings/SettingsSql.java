package dev.catalogstore.jdbc.settings;

import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements of a tenant's settings ({@code tenant_settings}, migration V6). The default
 * warehouse is stored by id with a foreign key, and read back by name with a join.
 *
 * <p>An update is a read-modify-write in one transaction: {@link #placeholder} makes sure the
 * tenant's row exists (a row with {@code updated_at} NULL, which reads as the defaults and is never
 * committed as it is), so that {@link #lock} always has a row to lock and two first updates of a
 * tenant are serialised on it rather than both starting from the defaults.
 */
final class SettingsSql {
  /**
   * One row if the tenant exists: the settings columns, NULL if never set. The warehouse's name is
   * read by its id.
   */
  private static final String SELECT =
      """
      SELECT s.allow_public_signing, s.default_retention_micros, w.name AS default_warehouse,
             s.extra, s.updated_at
      FROM ${schema}.tenants t
      LEFT JOIN ${schema}.tenant_settings s ON s.tenant_id = t.tenant_id
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = s.tenant_id AND w.warehouse_id = s.default_warehouse_id
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      """;

  /** The defaults' row, unless the tenant has a row (or no tenant: then nothing). */
  private static final String PLACEHOLDER =
      """
      INSERT INTO ${schema}.tenant_settings
          (tenant_id, allow_public_signing, default_retention_micros, default_warehouse_id, extra,
           updated_at)
      SELECT t.tenant_id, :allow, :retention, NULL, '{}'::jsonb, NULL
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      -- Locks the tenant as its foreign key would, and skips it if a delete got there first.
      FOR KEY SHARE
      ON CONFLICT (tenant_id) DO NOTHING
      """;

  /** The tenant's row, locked; no row if the tenant does not exist. */
  private static final String LOCK =
      """
      WITH s AS (
          SELECT *
          FROM ${schema}.tenant_settings
          WHERE tenant_id = :tenant
          FOR UPDATE
      )
      SELECT s.allow_public_signing, s.default_retention_micros, w.name AS default_warehouse,
             s.default_warehouse_id, s.extra, s.updated_at
      FROM s
      LEFT JOIN ${schema}.warehouses w
          ON w.tenant_id = s.tenant_id AND w.warehouse_id = s.default_warehouse_id
      """;

  /**
   * The tenant's warehouse of that name, locked against its deletion until the transaction ends; no
   * row if it does not exist.
   */
  private static final String WAREHOUSE =
      """
      SELECT w.warehouse_id
      FROM ${schema}.warehouses w
      WHERE w.tenant_id = :tenant AND w.name = :name
      FOR KEY SHARE
      """;

  private static final String WRITE =
      """
      UPDATE ${schema}.tenant_settings
      SET allow_public_signing = :allow,
          default_retention_micros = :retention,
          default_warehouse_id = :warehouse_id::uuid,
          extra = :extra::jsonb,
          updated_at = :updated_at
      WHERE tenant_id = :tenant
      """;

  private final NamedSql select;
  private final NamedSql placeholder;
  private final NamedSql lock;
  private final NamedSql warehouse;
  private final NamedSql write;

  SettingsSql(SqlText sql) {
    this.select = sql.compile(SELECT);
    this.placeholder = sql.compile(PLACEHOLDER);
    this.lock = sql.compile(LOCK);
    this.warehouse = sql.compile(WAREHOUSE);
    this.write = sql.compile(WRITE);
  }

  /** The tenant's settings; empty if the tenant does not exist. */
  Optional<SystemSettings> select(Connection connection, TenantId tenant) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, select)) {
      return statement.uuid("tenant", tenant.value()).queryOne(SettingsSql::settings);
    }
  }

  /**
   * Locks the tenant's settings row (made first if missing) and reads it; empty if there is no
   * tenant.
   */
  Optional<Locked> lock(Connection connection, TenantId tenant) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, placeholder)) {
      statement
          .uuid("tenant", tenant.value())
          .bool("allow", SystemSettings.DEFAULTS.allowPublicSigning())
          .bigint("retention", micros(SystemSettings.DEFAULTS.defaultRetention()))
          .update();
    }
    try (SqlStatement statement = SqlStatement.prepare(connection, lock)) {
      return statement
          .uuid("tenant", tenant.value())
          .queryOne(row -> new Locked(settings(row), Rows.uuid(row, "default_warehouse_id")));
    }
  }

  /**
   * A tenant's settings row, locked.
   *
   * @param settings the settings it holds
   * @param warehouseId the id of its default warehouse; null if none
   */
  record Locked(SystemSettings settings, UUID warehouseId) {}

  /** The id of the tenant's warehouse {@code name}, locked; empty if there is none. */
  Optional<UUID> warehouse(Connection connection, TenantId tenant, String name)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, warehouse)) {
      return statement
          .uuid("tenant", tenant.value())
          .text("name", name)
          .queryOne(row -> Rows.uuid(row, "warehouse_id"));
    }
  }

  /** Writes the locked row: {@code settings}, with the default warehouse as {@code warehouseId}. */
  void write(Connection connection, TenantId tenant, SystemSettings settings, UUID warehouseId)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, write)) {
      int written =
          statement
              .uuid("tenant", tenant.value())
              .bool("allow", settings.allowPublicSigning())
              .bigint("retention", micros(settings.defaultRetention()))
              .uuid("warehouse_id", warehouseId)
              .json("extra", settings.extra())
              .timestamp("updated_at", settings.updatedAt().orElseThrow())
              .update();
      if (written != 1) {
        throw new IllegalStateException("the locked settings row of " + tenant + " is gone");
      }
    }
  }

  /** A row's settings; the defaults where never set. */
  private static SystemSettings settings(ResultSet row) throws SQLException {
    Optional<Instant> updatedAt = Rows.optionalInstant(row, "updated_at");
    if (updatedAt.isEmpty()) {
      return SystemSettings.DEFAULTS;
    }
    return new SystemSettings(
        row.getBoolean("allow_public_signing"),
        Duration.of(row.getLong("default_retention_micros"), ChronoUnit.MICROS),
        Rows.optionalText(row, "default_warehouse"),
        Rows.json(row, "extra"),
        updatedAt);
  }

  private static long micros(Duration duration) {
    return duration.getSeconds() * 1_000_000L + duration.getNano() / 1_000;
  }
}
