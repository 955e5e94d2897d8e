package dev.catalogstore.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The plain-JDBC floors of the store's simple calls (issue 11's table): the least a PostgreSQL
 * store could do for each, one prepared statement on one table of the same columns as the store's,
 * every column read by position as the driver's own type ({@code UUID}, {@code String}, {@code
 * OffsetDateTime}; {@code jsonb} as its text, not parsed).
 *
 * <ul>
 *   <li>{@link #selectById}: a one-row {@code SELECT} by primary key (the floor of {@code
 *       assets().get} and {@code namespaces().get});
 *   <li>{@link #page}: {@code SELECT … WHERE namespace = ? AND name > ? ORDER BY name LIMIT 100} on
 *       an index of {@code (namespace, name)} (the floor of a page of {@code assets().list});
 *   <li>{@link #insert}: a one-row {@code INSERT} with a primary key and a unique name (the floor
 *       of {@code namespaces().create}).
 * </ul>
 */
final class JdbcFloors {
  private static final String ROWS = "public.catalogstore_bench_floor_rows";
  private static final String INSERTS = "public.catalogstore_bench_floor_inserts";
  private static final String COLUMNS =
      "id, name, kind, location, metadata_location, properties, created_at, updated_at";

  private final UUID namespace;
  private final UUID probe;

  private JdbcFloors(UUID namespace, UUID probe) {
    this.namespace = namespace;
    this.probe = probe;
  }

  /** Creates the floors' tables afresh; the read table holds {@code rows} rows in one namespace. */
  static JdbcFloors create(Connection c, int rows) throws SQLException {
    drop(c);
    try (Statement ddl = c.createStatement()) {
      ddl.execute(
          "CREATE TABLE "
              + ROWS
              + " (id uuid PRIMARY KEY, namespace uuid NOT NULL, name text COLLATE \"C\" NOT NULL,"
              + " kind text NOT NULL, location text, metadata_location text,"
              + " properties jsonb NOT NULL, created_at timestamptz NOT NULL,"
              + " updated_at timestamptz NOT NULL, UNIQUE (namespace, name))");
      ddl.execute(
          "CREATE TABLE "
              + INSERTS
              + " (id uuid PRIMARY KEY, name text COLLATE \"C\" NOT NULL UNIQUE,"
              + " properties jsonb NOT NULL, created_at timestamptz NOT NULL,"
              + " updated_at timestamptz NOT NULL)");
    }
    UUID namespace = UUID.randomUUID();
    UUID probe = null;
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + ROWS
                + " VALUES (?, ?, ?, 'ICEBERG_TABLE', NULL, NULL, '{}', now(), now())")) {
      for (int i = 0; i < rows; i++) {
        UUID id = UUID.randomUUID();
        if (i == rows / 2) {
          probe = id;
        }
        insert.setObject(1, id);
        insert.setObject(2, namespace);
        insert.setString(3, String.format("t%04d", i));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement analyze = c.createStatement()) {
      analyze.execute("ANALYZE " + ROWS);
    }
    return new JdbcFloors(namespace, probe);
  }

  static void drop(Connection c) throws SQLException {
    try (Statement ddl = c.createStatement()) {
      ddl.execute("DROP TABLE IF EXISTS " + ROWS);
      ddl.execute("DROP TABLE IF EXISTS " + INSERTS);
    }
  }

  /** The row of the read table in the middle of its namespace, by primary key. */
  Row selectById(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement("SELECT " + COLUMNS + " FROM " + ROWS + " WHERE id = ?")) {
      select.setObject(1, probe);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return Row.of(rows);
      }
    }
  }

  /** The first 100 rows of the namespace by name. */
  List<Row> page(Connection c) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM "
                + ROWS
                + " WHERE namespace = ? AND name > ? ORDER BY name LIMIT ?")) {
      select.setObject(1, namespace);
      select.setString(2, "");
      select.setInt(3, 100);
      List<Row> page = new ArrayList<>(100);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          page.add(Row.of(rows));
        }
      }
      return page;
    }
  }

  /** Inserts one row named {@code name}. */
  int insert(Connection c, String name) throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO " + INSERTS + " VALUES (?, ?, ?::jsonb, ?, ?)")) {
      Timestamp now = Timestamp.from(Instant.now());
      insert.setObject(1, UUID.randomUUID());
      insert.setString(2, name);
      insert.setString(3, "{}");
      insert.setTimestamp(4, now);
      insert.setTimestamp(5, now);
      return insert.executeUpdate();
    }
  }

  /** One row as plain JDBC reads it. */
  record Row(
      UUID id,
      String name,
      String kind,
      String location,
      String metadataLocation,
      String properties,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {
    static Row of(ResultSet rows) throws SQLException {
      return new Row(
          rows.getObject(1, UUID.class),
          rows.getString(2),
          rows.getString(3),
          rows.getString(4),
          rows.getString(5),
          rows.getString(6),
          rows.getObject(7, OffsetDateTime.class),
          rows.getObject(8, OffsetDateTime.class));
    }
  }
}
