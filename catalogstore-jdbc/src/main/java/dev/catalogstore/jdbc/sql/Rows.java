package dev.catalogstore.jdbc.sql;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads the schema's column types from a result row. */
public final class Rows {
  private Rows() {}

  public static UUID uuid(ResultSet row, String column) throws SQLException {
    return row.getObject(column, UUID.class);
  }

  public static Instant instant(ResultSet row, String column) throws SQLException {
    return row.getObject(column, OffsetDateTime.class).toInstant();
  }

  /** A nullable {@code timestamptz} column; SQL NULL reads as empty. */
  public static Optional<Instant> optionalInstant(ResultSet row, String column)
      throws SQLException {
    return Optional.ofNullable(row.getObject(column, OffsetDateTime.class))
        .map(OffsetDateTime::toInstant);
  }

  /** A jsonb object column as an unmodifiable map; SQL NULL reads as {@code null}. */
  public static Map<String, String> json(ResultSet row, String column) throws SQLException {
    return Json.read(row.getString(column));
  }

  public static Optional<String> optionalText(ResultSet row, String column) throws SQLException {
    return Optional.ofNullable(row.getString(column));
  }

  public static List<String> textArray(ResultSet row, String column) throws SQLException {
    Array array = row.getArray(column);
    try {
      return List.of((String[]) array.getArray());
    } finally {
      array.free();
    }
  }
}
