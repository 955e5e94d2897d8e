package dev.catalogstore.jdbc.tenant;

import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads tenants from the rows of {@link TenantSql}'s statements. */
final class TenantRows {
  /** The columns {@link #tenant} reads, from the table aliased {@code t}. */
  static final String COLUMNS = "t.tenant_id, t.name, t.properties, t.created_at, t.updated_at";

  private TenantRows() {}

  static Tenant tenant(ResultSet row) throws SQLException {
    return new Tenant(
        new TenantId(Rows.uuid(row, "tenant_id")),
        row.getString("name"),
        Rows.json(row, "properties"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
