package dev.catalogstore.jdbc.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A prepared statement whose parameters are bound in the order they appear in the SQL text, with
 * the column types the schema uses: {@code uuid}, {@code text}, {@code text[]}, {@code jsonb},
 * {@code bytea}, {@code timestamptz} and {@code bigint}.
 */
public final class SqlStatement implements AutoCloseable {
  private final Connection connection;
  private final PreparedStatement statement;
  private int index;

  private SqlStatement(Connection connection, PreparedStatement statement) {
    this.connection = connection;
    this.statement = statement;
  }

  /** Prepares {@code sql} on {@code connection}. */
  public static SqlStatement prepare(Connection connection, String sql) throws SQLException {
    return new SqlStatement(connection, connection.prepareStatement(sql));
  }

  public SqlStatement uuid(UUID value) throws SQLException {
    statement.setObject(++index, value, Types.OTHER);
    return this;
  }

  /** A text parameter; {@code null} binds SQL NULL. */
  public SqlStatement text(String value) throws SQLException {
    statement.setString(++index, value);
    return this;
  }

  /** A {@code text[]} parameter; write {@code ?::text[]} in the SQL. */
  public SqlStatement textArray(Collection<String> values) throws SQLException {
    statement.setArray(++index, connection.createArrayOf("text", values.toArray()));
    return this;
  }

  /** A JSON object parameter; write {@code ?::jsonb} in the SQL. {@code null} binds SQL NULL. */
  public SqlStatement json(Map<String, String> value) throws SQLException {
    statement.setString(++index, value == null ? null : Json.write(value));
    return this;
  }

  /** A {@code bytea} parameter; {@code null} binds SQL NULL. */
  public SqlStatement bytes(byte[] value) throws SQLException {
    statement.setBytes(++index, value);
    return this;
  }

  public SqlStatement timestamp(Instant value) throws SQLException {
    statement.setObject(++index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    return this;
  }

  public SqlStatement bool(boolean value) throws SQLException {
    statement.setBoolean(++index, value);
    return this;
  }

  public SqlStatement bigint(long value) throws SQLException {
    statement.setLong(++index, value);
    return this;
  }

  public SqlStatement integer(int value) throws SQLException {
    statement.setInt(++index, value);
    return this;
  }

  /** Runs a statement that returns rows, mapping each with {@code mapper}. */
  public <T> List<T> query(RowMapper<T> mapper) throws SQLException {
    try (ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /** Runs a statement that returns no rows, and returns how many rows it changed. */
  public int update() throws SQLException {
    return statement.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }

  /**
   * Maps the current row of a result set.
   *
   * @param <T> the mapped value
   */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }
}
