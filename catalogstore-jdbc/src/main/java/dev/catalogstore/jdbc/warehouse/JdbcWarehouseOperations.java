package dev.catalogstore.jdbc.warehouse;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.validation.Inputs;
import dev.catalogstore.api.validation.Requests;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseId;
import dev.catalogstore.api.warehouse.WarehouseOperations;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.Keyset;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Warehouses on PostgreSQL, credentials sealed by the configured {@link SecretCodec}. Every
 * operation is one statement: a missing tenant is the {@code warehouses_tenant_fk} violation, a
 * taken name {@code warehouses_name_uq}, and a warehouse still used by a catalog cannot be deleted
 * because of {@code catalogs_warehouse_fk}. Internal to the JDBC store.
 */
public final class JdbcWarehouseOperations implements WarehouseOperations {
  private static final String COLUMNS = """
      warehouse_id, name, storage_type, root_location, storage_options, credentials, properties,
      created_at, updated_at""";

  private static final String INSERT = """
      INSERT INTO ${schema}.warehouses
          (tenant_id, warehouse_id, name, storage_type, root_location, storage_options,
           credentials, properties, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)
      """;

  private static final String SELECT = """
      SELECT %s
      FROM ${schema}.warehouses
      WHERE tenant_id = ? AND name = ?
      """.formatted(COLUMNS);

  /**
   * The tenant's row tells a missing tenant (no row) from an empty list (one row of NULLs). The
   * page itself uses the index of warehouses_name_uq.
   */
  private static final String SELECT_PAGE = """
      SELECT w.*
      FROM ${schema}.tenants t
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.warehouses
          WHERE tenant_id = t.tenant_id AND name > ?
          ORDER BY name
          LIMIT ?
      ) w ON true
      WHERE t.tenant_id = ?
      """.formatted(COLUMNS);

  /** Unset parts of the update are NULL parameters and keep the stored value. */
  private static final String UPDATE = """
      UPDATE ${schema}.warehouses
      SET storage_type = COALESCE(?::text, storage_type),
          root_location = COALESCE(?::text, root_location),
          storage_options = COALESCE(?::jsonb, storage_options),
          credentials = CASE WHEN ?::boolean THEN ?::bytea ELSE credentials END,
          properties = (properties - ?::text[]) || ?::jsonb,
          updated_at = ?
      WHERE tenant_id = ? AND name = ?
      RETURNING %s
      """.formatted(COLUMNS);

  private static final String DELETE = """
      DELETE FROM ${schema}.warehouses
      WHERE tenant_id = ? AND name = ?
      """;

  private final Database db;
  private final CredentialSealing sealing;
  private final String insert;
  private final String select;
  private final String selectPage;
  private final String update;
  private final String delete;

  public JdbcWarehouseOperations(Database db, SqlText sql, Optional<SecretCodec> secretCodec) {
    this.db = db;
    this.sealing = new CredentialSealing(secretCodec);
    this.insert = sql.render(INSERT);
    this.select = sql.render(SELECT);
    this.selectPage = sql.render(SELECT_PAGE);
    this.update = sql.render(UPDATE);
    this.delete = sql.render(DELETE);
  }

  @Override
  public CompletableFuture<Warehouse> createWarehouse(TenantId tenant, NewWarehouse warehouse) {
    return db.submit("createWarehouse", () -> {
      Requests.tenant(tenant);
      Requests.newWarehouse(warehouse, "warehouse");
      byte[] sealed = sealing.seal(tenant, warehouse.name(), warehouse.credentials());
      Instant now = db.now();
      Warehouse row = new Warehouse(WarehouseId.random(), warehouse.name(), warehouse.storage(),
          warehouse.credentials(), warehouse.properties(), now, now);
      StorageConfig storage = warehouse.storage();
      return db.run(
          "createWarehouse",
          new Violations(
              () -> new AlreadyExistsException(
                  "warehouse '" + warehouse.name() + "' already exists"),
              () -> tenantNotFound(tenant)),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
              statement.uuid(tenant.value()).uuid(row.id().value()).text(row.name())
                  .text(storage.type().name()).text(storage.rootLocation()).json(storage.options())
                  .bytes(sealed).json(row.properties()).timestamp(now).timestamp(now)
                  .update();
            }
            return row;
          });
    });
  }

  @Override
  public CompletableFuture<Optional<Warehouse>> getWarehouse(TenantId tenant, String name) {
    return db.submit("getWarehouse", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      return db.run("getWarehouse", Violations.none("getWarehouse"), connection -> {
        try (SqlStatement query = SqlStatement.prepare(connection, select)) {
          return query.uuid(tenant.value()).text(name)
              .query(row -> warehouse(tenant, row)).stream().findFirst();
        }
      });
    });
  }

  @Override
  public CompletableFuture<Page<Warehouse>> listWarehouses(TenantId tenant, PageRequest page) {
    return db.submit("listWarehouses", () -> {
      Requests.tenant(tenant);
      Keyset keyset = new Keyset(tenant, "warehouses", List.of());
      Keyset.Cursor cursor = keyset.cursor(page, 1);
      List<Optional<Warehouse>> rows =
          db.run("listWarehouses", Violations.none("listWarehouses"), connection -> {
            try (SqlStatement query = SqlStatement.prepare(connection, selectPage)) {
              return query.text(cursor.afterName()).integer(cursor.fetchSize()).uuid(tenant.value())
                  .query(row -> row.getObject("warehouse_id") == null
                      ? Optional.<Warehouse>empty()
                      : Optional.of(warehouse(tenant, row)));
            }
          });
      if (rows.isEmpty()) {
        throw tenantNotFound(tenant);
      }
      List<Warehouse> items = rows.stream().flatMap(Optional::stream).toList();
      return keyset.page(items, cursor, w -> List.of(w.name()));
    });
  }

  @Override
  public CompletableFuture<Warehouse> updateWarehouse(
      TenantId tenant, String name, WarehouseUpdate update) {
    return db.submit("updateWarehouse", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      Requests.warehouseUpdate(update, "update");
      Optional<StorageConfig> storage = update.storage();
      Optional<Credentials> credentials = update.credentials();
      byte[] sealed = credentials.map(c -> sealing.seal(tenant, name, c)).orElse(null);
      PropertyUpdate properties = update.properties();
      Instant now = db.now();
      Optional<Warehouse> updated =
          db.run("updateWarehouse", Violations.none("updateWarehouse"), connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, this.update)) {
              return statement
                  .text(storage.map(s -> s.type().name()).orElse(null))
                  .text(storage.map(StorageConfig::rootLocation).orElse(null))
                  .json(storage.map(StorageConfig::options).orElse(null))
                  .bool(credentials.isPresent()).bytes(sealed)
                  .textArray(properties.remove()).json(properties.set())
                  .timestamp(now).uuid(tenant.value()).text(name)
                  .query(row -> warehouse(tenant, row)).stream().findFirst();
            }
          });
      return updated.orElseThrow(() -> warehouseNotFound(name));
    });
  }

  @Override
  public CompletableFuture<Void> deleteWarehouse(TenantId tenant, String name) {
    return db.submit("deleteWarehouse", () -> {
      Requests.tenant(tenant);
      Inputs.name(name, "name");
      int deleted = db.run(
          "deleteWarehouse",
          Violations.onForeignKey("deleteWarehouse", () -> new PreconditionFailedException(
              "warehouse '" + name + "' is still used by a catalog")),
          connection -> {
            try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
              return statement.uuid(tenant.value()).text(name).update();
            }
          });
      if (deleted == 0) {
        throw warehouseNotFound(name);
      }
      return null;
    });
  }

  private Warehouse warehouse(TenantId tenant, ResultSet row) throws SQLException {
    String name = row.getString("name");
    return new Warehouse(
        new WarehouseId(Rows.uuid(row, "warehouse_id")),
        name,
        new StorageConfig(
            StorageType.valueOf(row.getString("storage_type")),
            row.getString("root_location"),
            Rows.json(row, "storage_options")),
        sealing.open(tenant, name, row.getBytes("credentials")),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }

  private static NotFoundException tenantNotFound(TenantId tenant) {
    return new NotFoundException("tenant " + tenant + " does not exist");
  }

  private static NotFoundException warehouseNotFound(String name) {
    return new NotFoundException("warehouse '" + name + "' does not exist");
  }
}
