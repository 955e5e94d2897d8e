package dev.catalogstore.jdbc.user;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.jdbc.sql.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads users from the rows of the store's statements. Internal to the JDBC store. */
public final class UserRows {
  /** The columns {@link #user} reads, of a row aliased {@code u}. */
  public static final String COLUMNS =
      "u.user_id, u.username, u.email, u.display_name, u.role_kind, u.active, u.created_at,"
          + " u.updated_at";

  private UserRows() {}

  /** The user in {@code row}'s {@link #COLUMNS}, of {@code tenant}. */
  public static User user(ResultSet row, TenantId tenant) throws SQLException {
    return new User(
        new UserId(Rows.uuid(row, "user_id")),
        tenant,
        row.getString("username"),
        Rows.optionalText(row, "email"),
        Rows.optionalText(row, "display_name"),
        RoleKind.valueOf(row.getString("role_kind")),
        row.getBoolean("active"),
        Rows.instant(row, "created_at"),
        Rows.instant(row, "updated_at"));
  }
}
