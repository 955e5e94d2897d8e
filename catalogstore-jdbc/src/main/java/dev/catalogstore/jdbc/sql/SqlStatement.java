package dev.catalogstore.jdbc.sql;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A prepared {@link NamedSql} statement whose parameters are bound by name, with the column types
 * the schema uses: {@code uuid}, {@code text}, {@code jsonb}, {@code bytea}, {@code timestamptz},
 * {@code bigint}, {@code integer}, {@code boolean} and arrays of them. A statement runs only once
 * every name is bound, so a parameter forgotten by a change fails loudly, in the store.
 */
public final class SqlStatement implements AutoCloseable {
  private final Connection connection;
  private final NamedSql sql;
  private final PreparedStatement statement;
  private final BitSet bound = new BitSet();

  private SqlStatement(Connection connection, NamedSql sql, PreparedStatement statement) {
    this.connection = connection;
    this.sql = sql;
    this.statement = statement;
  }

  /** Prepares {@code sql} on {@code connection}. */
  public static SqlStatement prepare(Connection connection, NamedSql sql) throws SQLException {
    return new SqlStatement(connection, sql, connection.prepareStatement(sql.jdbc()));
  }

  public SqlStatement uuid(String name, UUID value) throws SQLException {
    return bind(name, at -> statement.setObject(at, value, Types.OTHER));
  }

  /** A text parameter; {@code null} binds SQL NULL (write {@code :name::text} where untyped). */
  public SqlStatement text(String name, String value) throws SQLException {
    return bind(name, at -> statement.setString(at, value));
  }

  /** A JSON object parameter; write {@code :name::jsonb}. {@code null} binds SQL NULL. */
  public SqlStatement json(String name, Map<String, String> value) throws SQLException {
    String json = value == null ? null : Json.write(value);
    return bind(name, at -> statement.setString(at, json));
  }

  /** A {@code bytea} parameter; {@code null} binds SQL NULL. */
  public SqlStatement bytes(String name, byte[] value) throws SQLException {
    return bind(name, at -> statement.setBytes(at, value));
  }

  public SqlStatement timestamp(String name, Instant value) throws SQLException {
    OffsetDateTime utc = OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
    return bind(name, at -> statement.setObject(at, utc));
  }

  /** A {@code timestamptz} parameter; {@code null} binds SQL NULL. */
  public SqlStatement timestampOrNull(String name, Instant value) throws SQLException {
    if (value != null) {
      return timestamp(name, value);
    }
    return bind(name, at -> statement.setNull(at, Types.TIMESTAMP_WITH_TIMEZONE));
  }

  public SqlStatement bool(String name, boolean value) throws SQLException {
    return bind(name, at -> statement.setBoolean(at, value));
  }

  /** A {@code boolean} parameter; {@code null} binds SQL NULL. */
  public SqlStatement boolOrNull(String name, Boolean value) throws SQLException {
    if (value != null) {
      return bool(name, value);
    }
    return bind(name, at -> statement.setNull(at, Types.BOOLEAN));
  }

  public SqlStatement bigint(String name, long value) throws SQLException {
    return bind(name, at -> statement.setLong(at, value));
  }

  public SqlStatement integer(String name, int value) throws SQLException {
    return bind(name, at -> statement.setInt(at, value));
  }

  /** A {@code text[]} parameter (elements may be null); write {@code :name::text[]}. */
  public SqlStatement textArray(String name, Collection<String> values) throws SQLException {
    return array(name, "text", values.toArray(new String[0]));
  }

  /** A {@code uuid[]} parameter; write {@code :name::uuid[]}. */
  public SqlStatement uuidArray(String name, Collection<UUID> values) throws SQLException {
    return array(name, "uuid", values.toArray(new UUID[0]));
  }

  /** A {@code bytea[]} parameter; write {@code :name::bytea[]}. */
  public SqlStatement bytesArray(String name, List<byte[]> values) throws SQLException {
    return array(name, "bytea", values.toArray(new byte[0][]));
  }

  /** An {@code integer[]} parameter; write {@code :name::integer[]}. */
  public SqlStatement integerArray(String name, Collection<Integer> values) throws SQLException {
    return array(name, "int4", values.toArray(new Integer[0]));
  }

  /** A {@code bigint[]} parameter; write {@code :name::bigint[]}. */
  public SqlStatement bigintArray(String name, Collection<Long> values) throws SQLException {
    return array(name, "int8", values.toArray(new Long[0]));
  }

  /** Runs a statement that returns rows, mapping each with {@code mapper}. */
  public <T> List<T> query(RowMapper<T> mapper) throws SQLException {
    requireAllBound();
    try (ResultSet rows = statement.executeQuery()) {
      List<T> result = new ArrayList<>();
      while (rows.next()) {
        result.add(mapper.map(rows));
      }
      return result;
    }
  }

  /** Runs a statement that returns at most one row. */
  public <T> Optional<T> queryOne(RowMapper<T> mapper) throws SQLException {
    List<T> rows = query(mapper);
    if (rows.size() > 1) {
      throw new IllegalStateException("more than one row from: " + sql);
    }
    return rows.stream().findFirst();
  }

  /** Runs a statement that returns no rows, and returns how many rows it changed. */
  public int update() throws SQLException {
    requireAllBound();
    return statement.executeUpdate();
  }

  @Override
  public void close() throws SQLException {
    statement.close();
  }

  private SqlStatement array(String name, String elementType, Object[] elements)
      throws SQLException {
    Array array = connection.createArrayOf(elementType, elements);
    return bind(name, at -> statement.setArray(at, array));
  }

  private SqlStatement bind(String name, Binder binder) throws SQLException {
    for (int at : sql.positions(name)) {
      binder.bind(at);
      bound.set(at);
    }
    return this;
  }

  private void requireAllBound() {
    if (bound.cardinality() == sql.parameterCount()) {
      return;
    }
    TreeSet<String> unbound = new TreeSet<>();
    for (String name : sql.names()) {
      if (!bound.get(sql.positions(name)[0])) {
        unbound.add(":" + name);
      }
    }
    throw new IllegalStateException("unbound parameters " + unbound + " in: " + sql);
  }

  @FunctionalInterface
  private interface Binder {
    void bind(int position) throws SQLException;
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
