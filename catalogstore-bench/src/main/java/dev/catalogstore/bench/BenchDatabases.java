package dev.catalogstore.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two databases {@link IcebergCatalogBenchmark} runs in, on the server of the configured URL:
 * one created with the server's default collation and one with {@code LC_COLLATE 'C' LC_CTYPE 'C'}.
 * Collation decides whether PostgreSQL can answer a {@code LIKE 'prefix%'} from a plain B-tree
 * index, which Iceberg's {@code JdbcCatalog} relies on; the store compares its names with {@code
 * COLLATE "C"} in every database.
 */
enum BenchDatabases {
  /** Created from {@code template1}, with whatever collation the server defaults to. */
  DEFAULT("catalogstore_bench_default", ""),
  /** Byte-wise collation, as a database created for a catalog may be. */
  C("catalogstore_bench_c", " LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");

  private static final Pattern URL =
      Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

  private final String database;
  private final String createOptions;

  BenchDatabases(String database, String createOptions) {
    this.database = database;
    this.createOptions = createOptions;
  }

  /** The database for a benchmark's {@code collation} parameter ({@code default} or {@code c}). */
  static BenchDatabases forParameter(String collation) {
    return valueOf(collation.toUpperCase(Locale.ROOT));
  }

  /** The JDBC URL of this database: the configured URL with its database name replaced. */
  String url(String serverUrl) {
    Matcher matcher = URL.matcher(serverUrl);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "expected a URL like jdbc:postgresql://host:port/database?user=..., not " + serverUrl);
    }
    return matcher.group(1) + database + (matcher.group(3) == null ? "" : matcher.group(3));
  }

  /** Creates this database on the server unless it exists; returns its URL. */
  String ensureCreated(String serverUrl) {
    try (Connection c = DriverManager.getConnection(serverUrl);
        PreparedStatement exists =
            c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, database);
      try (ResultSet rows = exists.executeQuery()) {
        if (!rows.next()) {
          try (Statement create = c.createStatement()) {
            create.execute("CREATE DATABASE " + database + createOptions);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create database " + database, e);
    }
    return url(serverUrl);
  }

  /**
   * Drops this database if it exists, so that the next run fills it afresh (the fill is kept
   * between the benchmark's forks, not between runs).
   */
  void drop(String serverUrl) {
    try (Connection c = DriverManager.getConnection(serverUrl);
        Statement drop = c.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop database " + database, e);
    }
  }

  /** The collation this database was created with, as PostgreSQL reports it. */
  String collation(String serverUrl) {
    try (Connection c = DriverManager.getConnection(url(serverUrl));
        Statement query = c.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT datcollate FROM pg_database WHERE datname = current_database()")) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the collation of " + database, e);
    }
  }

  /**
   * Gathers planner statistics for every table of the database at {@code url}, as autovacuum would
   * in a running database: a freshly filled table without them is planned as if empty.
   */
  static void analyze(String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement analyze = c.createStatement()) {
      analyze.execute("ANALYZE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot analyze " + url, e);
    }
  }
}
