package dev.catalogstore.bench;

import dev.catalogstore.api.tenant.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Bulk fills and checks on a PostgreSQL store's own tables, behind the store's back, for the
 * benchmarks that need a million rows in seconds rather than the hours a million API calls take.
 *
 * <p>{@link #copyAsset} copies one asset the store created through its API, changing only its id
 * and name: the copies are whatever rows the store itself writes for an asset, whatever columns its
 * schema has (the row goes through {@code jsonb}, so no column list is written here), and a schema
 * that gains a column stays filled correctly.
 */
final class StoreRows {
  private StoreRows() {}

  /** Asset {@code i}'s name in a filled namespace: zero-padded, so name order is number order. */
  static String assetName(long i) {
    return String.format("table_%07d", i);
  }

  /**
   * Inserts assets {@code from} to {@code to - 1} (named by {@link #assetName}) beside the asset
   * {@code template} of {@code tenant}, each a copy of it with a new id, in one statement, then
   * gathers the table's statistics as autovacuum would.
   */
  static void copyAsset(
      String url, String schema, TenantId tenant, String template, long from, long to) {
    // The template is read once (a materialized CTE) and then copied: joined directly, the
    // planner may scan the growing assets table once per generated row, quadratic in the fill.
    String sql =
        "WITH template AS MATERIALIZED (SELECT to_jsonb(a) AS row FROM "
            + schema
            + ".assets a WHERE a.tenant_id = ? AND a.name = ?)"
            + " INSERT INTO "
            + schema
            + ".assets SELECT (jsonb_populate_record(NULL::"
            + schema
            + ".assets, t.row || jsonb_build_object('asset_id', gen_random_uuid(),"
            + " 'name', 'table_' || lpad(g::text, 7, '0')))).*"
            + " FROM template t, generate_series(?::bigint, ?::bigint - 1) AS g";
    try (Connection c = DriverManager.getConnection(url)) {
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        insert.setObject(1, tenant.value());
        insert.setString(2, template);
        insert.setLong(3, from);
        insert.setLong(4, to);
        int inserted = insert.executeUpdate();
        if (inserted != to - from) {
          throw new IllegalStateException(
              "expected to copy " + (to - from) + " assets, copied " + inserted);
        }
      }
      try (Statement analyze = c.createStatement()) {
        analyze.execute("ANALYZE " + schema + ".assets");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fill " + schema + ".assets", e);
    }
  }

  /**
   * A statement that answers whether any row of a tenant (its one parameter, given once per table)
   * is left in any table of {@code schema} that has a {@code tenant_id} column: one {@code EXISTS}
   * probe of each table's index, so that polling it costs about one round trip.
   */
  static String anyRowOfTenantSql(Connection c, String schema) throws SQLException {
    List<String> probes = new ArrayList<>();
    try (PreparedStatement query =
        c.prepareStatement(
            "SELECT c.table_name FROM information_schema.columns c"
                + " JOIN information_schema.tables t"
                + " ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
                + " WHERE c.table_schema = ? AND c.column_name = 'tenant_id'"
                + " AND t.table_type = 'BASE TABLE' ORDER BY c.table_name")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          probes.add(
              "EXISTS (SELECT 1 FROM "
                  + schema
                  + "."
                  + rows.getString(1)
                  + " WHERE tenant_id = ?)");
        }
      }
    }
    if (probes.isEmpty()) {
      throw new IllegalStateException("schema " + schema + " has no table with a tenant_id");
    }
    return "SELECT " + String.join(" OR ", probes);
  }

  /** Runs {@link #anyRowOfTenantSql}'s statement for {@code tenant}. */
  static boolean anyRowOf(PreparedStatement anyRow, TenantId tenant) throws SQLException {
    int parameters = anyRow.getParameterMetaData().getParameterCount();
    for (int i = 1; i <= parameters; i++) {
      anyRow.setObject(i, tenant.value());
    }
    try (ResultSet rows = anyRow.executeQuery()) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  /** The number of assets of {@code tenant} in {@code schema}. */
  static long assetsOf(String url, String schema, TenantId tenant) {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement count =
            c.prepareStatement("SELECT count(*) FROM " + schema + ".assets WHERE tenant_id = ?")) {
      count.setObject(1, tenant.value());
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the assets of tenant " + tenant, e);
    }
  }

  /** Drops {@code schema} and everything in it, so that the next run fills it afresh. */
  static void dropSchema(String url, String schema) {
    AuditLogData.dropSchema(url, schema);
  }
}
