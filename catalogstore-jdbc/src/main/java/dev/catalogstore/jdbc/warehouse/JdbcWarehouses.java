package dev.catalogstore.jdbc.warehouse;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseId;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.api.warehouse.Warehouses;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.secret.SecretCodec;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The warehouses facet on PostgreSQL, credentials sealed by the configured {@link SecretCodec}:
 * validation and outcomes here, the statements in {@link WarehouseSql}. Every operation is one
 * statement; only a failed one reads again, to tell a missing tenant from a missing warehouse.
 * Internal to the JDBC store.
 */
public final class JdbcWarehouses implements Warehouses {
  private final Database db;
  private final CredentialSealing sealing;
  private final WarehouseSql sql;

  public JdbcWarehouses(Database db, SqlText sqlText, Optional<SecretCodec> secretCodec) {
    this.db = db;
    this.sealing = new CredentialSealing(secretCodec, CredentialSealing.Owner.WAREHOUSE);
    this.sql = new WarehouseSql(sqlText, new WarehouseRows(sealing));
  }

  @Override
  public CompletableFuture<Warehouse> create(TenantId tenant, NewWarehouse warehouse) {
    return db.submit(
        "warehouses.create",
        () -> {
          Requests.tenant(tenant);
          Requests.newWarehouse(warehouse, "warehouse");
          byte[] sealed = sealing.seal(tenant, warehouse.name(), warehouse.credentials());
          Instant now = db.now();
          Warehouse row =
              new Warehouse(
                  WarehouseId.random(),
                  warehouse.name(),
                  warehouse.storage(),
                  warehouse.credentials(),
                  warehouse.properties(),
                  now,
                  now);
          Violations violations =
              Violations.NONE
                  .onUnique(() -> Taken.warehouse(warehouse.name()))
                  .onForeignKey(() -> Missing.tenant(tenant));
          boolean inserted =
              db.run(
                  "warehouses.create",
                  violations,
                  connection -> sql.insert(connection, tenant, row, sealed));
          if (!inserted) {
            throw Missing.tenant(tenant);
          }
          return row;
        });
  }

  @Override
  public CompletableFuture<Optional<Warehouse>> get(TenantId tenant, String name) {
    return db.submit(
        "warehouses.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return db.run(
              "warehouses.get",
              Violations.NONE,
              connection -> sql.select(connection, tenant, name));
        });
  }

  @Override
  public CompletableFuture<Page<Warehouse>> list(TenantId tenant, PageRequest page) {
    return db.submit(
        "warehouses.list",
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.warehouses(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          List<Optional<Warehouse>> rows =
              db.run(
                  "warehouses.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, cursor));
          if (rows.isEmpty()) {
            throw Missing.tenant(tenant);
          }
          List<Warehouse> items = rows.stream().flatMap(Optional::stream).toList();
          return query.page(items, cursor, Warehouse::name);
        });
  }

  @Override
  public CompletableFuture<Warehouse> update(TenantId tenant, String name, WarehouseUpdate update) {
    return db.submit(
        "warehouses.update",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Requests.warehouseUpdate(update, "update");
          byte[] sealed = update.credentials().map(c -> sealing.seal(tenant, name, c)).orElse(null);
          Instant now = db.now();
          Violations violations = Violations.NONE.onPropertyLimit("update.properties");
          return db.run(
                  "warehouses.update",
                  violations,
                  connection -> sql.update(connection, tenant, name, update, sealed, now))
              .orElseThrow(() -> missing(tenant, name));
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, String name) {
    return db.submit(
        "warehouses.delete",
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Violations violations = Violations.NONE.onForeignKey(() -> stillUsed(tenant, name));
          boolean deleted =
              db.run(
                  "warehouses.delete",
                  violations,
                  connection -> sql.delete(connection, tenant, name));
          if (!deleted) {
            throw missing(tenant, name);
          }
          return null;
        });
  }

  /**
   * The failure path of a delete refused by a foreign key: the warehouse is its tenant's default
   * warehouse (settings), or a catalog uses it.
   */
  private PreconditionFailedException stillUsed(TenantId tenant, String name) {
    boolean isDefault =
        db.run(
            "warehouses.locate",
            Violations.NONE,
            connection -> sql.isDefault(connection, tenant, name));
    return new PreconditionFailedException(
        isDefault
            ? "warehouse '" + name + "' is the tenant's default warehouse"
            : "warehouse '" + name + "' is still used by a catalog");
  }

  /** The failure path of a change that matched no warehouse: is the tenant missing, or it? */
  private NotFoundException missing(TenantId tenant, String name) {
    boolean tenantExists =
        db.run(
            "warehouses.locate",
            Violations.NONE,
            connection -> sql.tenantExists(connection, tenant));
    return tenantExists ? Missing.warehouse(name) : Missing.tenant(tenant);
  }
}
