package dev.catalogstore.jdbc.serviceuser;

import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads service users from the rows of {@link ServiceUserSql}; never their key digest. */
final class ServiceUserRows {
  /** The columns {@link #serviceUser} reads, of a row aliased {@code s}: no digest among them. */
  static final String COLUMNS =
      "s.tenant_id, s.service_user_id, s.name, s.description, s.role_kind, s.active,"
          + " s.expires_at, s.last_used_at, s.created_at, s.updated_at";

  private ServiceUserRows() {}

  /** The service user in {@code row}'s {@link #COLUMNS}, of the row's tenant. */
  static ServiceUser serviceUser(ResultSet row) throws SQLException {
    return new ServiceUser(
        new ServiceUserId(Rows.uuid(row, "service_user_id")),
        new TenantId(Rows.uuid(row, "tenant_id")),
        row.getString("name"),
        row.getString("description"),
        RoleKind.valueOf(row.getString("role_kind")),
        row.getBoolean("active"),
        Rows.optionalInstant(row, "expires_at"),
        Rows.optionalInstant(row, "last_used_at"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
