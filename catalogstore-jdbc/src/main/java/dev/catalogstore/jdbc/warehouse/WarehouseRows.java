package dev.catalogstore.jdbc.warehouse;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseId;
import dev.catalogstore.jdbc.secret.CredentialSealing;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads warehouses from the rows of {@link WarehouseSql}'s statements, opening credentials. */
final class WarehouseRows {
  /** The columns {@link #warehouse} reads, from the table aliased {@code w}. */
  static final String COLUMNS =
      """
      w.warehouse_id, w.name, w.storage_type, w.root_location, w.storage_options, w.credentials,
      w.properties, w.created_at, w.updated_at""";

  private final CredentialSealing sealing;

  WarehouseRows(CredentialSealing sealing) {
    this.sealing = sealing;
  }

  /** The tenant's warehouse in {@code row}, its credentials opened. */
  Warehouse warehouse(TenantId tenant, ResultSet row) throws SQLException {
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
}
