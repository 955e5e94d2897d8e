package dev.catalogstore.jdbc.role;

import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.permission.GrantColumns;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads roles, with their grants, from the rows of {@link RoleSql}. */
final class RoleRows {
  /** The columns {@link #role} reads, of a row aliased {@code r}: its grants as one jsonb array. */
  static final String COLUMNS =
      "r.role_id, r.name, r.description, r.created_at, r.updated_at, "
          + GrantColumns.ROLE_GRANTS_JSON
          + " AS grants";

  private RoleRows() {}

  /** The role in {@code row}'s {@link #COLUMNS}, of {@code tenant}. */
  static Role role(ResultSet row, TenantId tenant) throws SQLException {
    return new Role(
        new RoleId(Rows.uuid(row, "role_id")),
        tenant,
        row.getString("name"),
        row.getString("description"),
        GrantColumns.readJson(row.getString("grants"), tenant),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
