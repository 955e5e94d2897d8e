package dev.catalogstore.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks, from PostgreSQL's catalog, that a schema can be distributed by {@code tenant_id} (for
 * example with Citus, {@code create_distributed_table(table, 'tenant_id')} on every table), so that
 * every statement addressed by one tenant stays on one shard. Every table not on the {@link
 * DistributionAllowList} is taken for distributed, and must keep these rules:
 *
 * <ol>
 *   <li>{@link Rule#TENANT_COLUMN}: it has a {@code NOT NULL} column {@code tenant_id} of type
 *       {@value #TENANT_ID_TYPE} (a distributed row needs its distribution value, and tables are
 *       co-located only when their distribution columns have one type).
 *   <li>{@link Rule#PRIMARY_KEY}: it has a primary key, and {@code tenant_id} is its first column.
 *   <li>{@link Rule#UNIQUE_KEY}: every other unique constraint, unique index and exclusion
 *       constraint starts with {@code tenant_id}.
 *   <li>{@link Rule#FOREIGN_KEY}: every foreign key starts by pairing its {@code tenant_id} with
 *       the referenced table's {@code tenant_id} (its first column, like every key's), and
 *       references a distributed or a reference table, never a local one. A reference table may
 *       reference only reference tables; a local table takes part in no foreign key.
 *   <li>{@link Rule#ALLOW_LIST}: every allow-list entry names something that exists and needs it,
 *       so the list cannot outlive what it excuses.
 * </ol>
 *
 * <p>Citus itself asks less of keys: a primary key or unique constraint must <em>include</em> the
 * distribution column, and a foreign key between distributed tables must pair the two distribution
 * columns somewhere (Citus documentation, "Creating and Modifying Distributed Tables (DDL)",
 * "Adding/Removing Constraints"). This check asks that it come <em>first</em>, as issue 12 words
 * the rule: then every key is also a range of one tenant in its index, which is what the store's
 * single-tenant statements probe, and a key that merely includes {@code tenant_id} somewhere is
 * almost always a mistake. Non-unique indexes are no concern of distribution, and not checked here
 * ({@code SchemaKeysTest} checks their first column).
 */
final class TenantDistributionRules {
  /** The type of every distribution column: {@code TenantId} is a UUID. */
  static final String TENANT_ID_TYPE = "uuid";

  private static final String TENANT_ID = "tenant_id";

  /** Which rule a violation breaks. */
  enum Rule {
    TENANT_COLUMN,
    PRIMARY_KEY,
    UNIQUE_KEY,
    FOREIGN_KEY,
    ALLOW_LIST
  }

  /** One break of a rule by {@code object} (a table, index, constraint or allow-list entry). */
  record Violation(Rule rule, String object, String detail) {
    @Override
    public String toString() {
      return rule + " " + object + ": " + detail;
    }
  }

  /** What a check read, and what it found wrong. */
  record Report(List<String> distributedTables, List<Violation> violations) {}

  private TenantDistributionRules() {}

  /**
   * Checks every table of {@code schema} against the rules, excusing what {@code allowed} lists.
   */
  static Report check(Connection connection, String schema, DistributionAllowList allowed)
      throws SQLException {
    Map<String, TenantColumn> tables = tables(connection, schema);
    List<UniqueIndex> indexes = uniqueIndexes(connection, schema);
    List<ForeignKey> foreignKeys = foreignKeys(connection, schema);

    List<String> distributed = new ArrayList<>();
    List<Violation> violations = new ArrayList<>();
    tables.forEach(
        (table, column) -> {
          if (allowed.isDistributed(table)) {
            distributed.add(table);
            checkTenantColumn(table, column, violations);
          }
        });
    checkKeys(tables.keySet(), indexes, allowed, violations);
    for (ForeignKey key : foreignKeys) {
      checkForeignKey(key, schema, allowed, violations);
    }
    checkAllowList(tables.keySet(), indexes, allowed, violations);
    return new Report(List.copyOf(distributed), List.copyOf(violations));
  }

  private static void checkTenantColumn(
      String table, TenantColumn column, List<Violation> violations) {
    if (column == null) {
      violations.add(new Violation(Rule.TENANT_COLUMN, table, "has no tenant_id column"));
      return;
    }
    if (!column.notNull()) {
      violations.add(new Violation(Rule.TENANT_COLUMN, table, "tenant_id may be NULL"));
    }
    if (!column.type().equals(TENANT_ID_TYPE)) {
      violations.add(
          new Violation(
              Rule.TENANT_COLUMN,
              table,
              "tenant_id is " + column.type() + ", not " + TENANT_ID_TYPE + " like every other"));
    }
  }

  private static void checkKeys(
      Set<String> tables,
      List<UniqueIndex> indexes,
      DistributionAllowList allowed,
      List<Violation> violations) {
    Set<String> withPrimaryKey = new HashSet<>();
    for (UniqueIndex index : indexes) {
      if (!allowed.isDistributed(index.table())) {
        continue;
      }
      boolean tenantFirst = TENANT_ID.equals(index.firstColumn());
      String first =
          index.firstColumn() == null ? "an expression" : "column " + index.firstColumn();
      if (index.primary()) {
        withPrimaryKey.add(index.table());
        if (!tenantFirst) {
          violations.add(
              new Violation(
                  Rule.PRIMARY_KEY,
                  index.table(),
                  "primary key " + index.name() + " starts with " + first + ", not tenant_id"));
        }
      } else if (!tenantFirst && !allowed.globalUniqueIndexes().containsKey(index.name())) {
        violations.add(
            new Violation(
                Rule.UNIQUE_KEY,
                index.name(),
                "unique on table " + index.table() + " starts with " + first + ", not tenant_id"));
      }
    }
    for (String table : tables) {
      if (allowed.isDistributed(table) && !withPrimaryKey.contains(table)) {
        violations.add(new Violation(Rule.PRIMARY_KEY, table, "has no primary key"));
      }
    }
  }

  private static void checkForeignKey(
      ForeignKey key, String schema, DistributionAllowList allowed, List<Violation> violations) {
    String name = key.table() + "." + key.name();
    if (!key.referencedSchema().equals(schema)) {
      violations.add(
          new Violation(
              Rule.FOREIGN_KEY,
              name,
              "references "
                  + key.referencedSchema()
                  + "."
                  + key.referencedTable()
                  + ", outside the schema"));
      return;
    }
    if (allowed.localTables().containsKey(key.table())) {
      violations.add(
          new Violation(
              Rule.FOREIGN_KEY,
              name,
              "local table " + key.table() + " references " + key.referencedTable()));
    } else if (allowed.localTables().containsKey(key.referencedTable())) {
      violations.add(
          new Violation(Rule.FOREIGN_KEY, name, "references local table " + key.referencedTable()));
    } else if (allowed.referenceTables().containsKey(key.table())) {
      if (allowed.isDistributed(key.referencedTable())) {
        violations.add(
            new Violation(
                Rule.FOREIGN_KEY,
                name,
                "reference table "
                    + key.table()
                    + " references distributed table "
                    + key.referencedTable()));
      }
    } else if (!key.tenantIdFirst()) {
      violations.add(
          new Violation(
              Rule.FOREIGN_KEY,
              name,
              "does not start by pairing tenant_id with tenant_id of " + key.referencedTable()));
    }
  }

  private static void checkAllowList(
      Set<String> tables,
      List<UniqueIndex> indexes,
      DistributionAllowList allowed,
      List<Violation> violations) {
    Map<String, String> exemptTables = new LinkedHashMap<>(allowed.referenceTables());
    exemptTables.putAll(allowed.localTables());
    for (String table : exemptTables.keySet()) {
      if (!tables.contains(table)) {
        violations.add(new Violation(Rule.ALLOW_LIST, table, "no such table in the schema"));
      }
    }
    Map<String, UniqueIndex> byName = new HashMap<>();
    indexes.forEach(index -> byName.put(index.name(), index));
    for (String name : allowed.globalUniqueIndexes().keySet()) {
      UniqueIndex index = byName.get(name);
      if (index == null) {
        violations.add(new Violation(Rule.ALLOW_LIST, name, "no such unique index in the schema"));
      } else if (TENANT_ID.equals(index.firstColumn()) || !allowed.isDistributed(index.table())) {
        violations.add(
            new Violation(
                Rule.ALLOW_LIST,
                name,
                "needs no place on the allow-list: it starts with tenant_id, or its table is not"
                    + " distributed"));
      }
    }
  }

  /** Every table of the schema (partitions are their parent's), with its tenant_id if any. */
  private static Map<String, TenantColumn> tables(Connection connection, String schema)
      throws SQLException {
    Map<String, TenantColumn> tables = new LinkedHashMap<>();
    query(
        connection,
        """
        SELECT t.relname, a.attname IS NOT NULL AS has_tenant, a.attnotnull,
               format_type(a.atttypid, a.atttypmod) AS tenant_type
        FROM pg_class t
        JOIN pg_namespace s ON s.oid = t.relnamespace
        LEFT JOIN pg_attribute a
            ON a.attrelid = t.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
        WHERE s.nspname = ? AND t.relkind IN ('r', 'p') AND NOT t.relispartition
        ORDER BY t.relname
        """,
        schema,
        row ->
            tables.put(
                row.getString(1),
                row.getBoolean(2) ? new TenantColumn(row.getBoolean(3), row.getString(4)) : null));
    return tables;
  }

  /**
   * Every primary key, unique constraint, unique index and exclusion constraint, with its first key
   * column (null when that is an expression).
   */
  private static List<UniqueIndex> uniqueIndexes(Connection connection, String schema)
      throws SQLException {
    List<UniqueIndex> indexes = new ArrayList<>();
    query(
        connection,
        """
        SELECT t.relname, i.relname, x.indisprimary, a.attname
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE s.nspname = ? AND t.relkind IN ('r', 'p') AND NOT t.relispartition
          AND (x.indisunique OR x.indisexclusion)
        ORDER BY t.relname, i.relname
        """,
        schema,
        row ->
            indexes.add(
                new UniqueIndex(
                    row.getString(1), row.getString(2), row.getBoolean(3), row.getString(4))));
    return indexes;
  }

  /**
   * Every foreign key of a table of the schema, and whether its first column pair is tenant_id with
   * the referenced tenant_id ({@code conkey} and {@code confkey} list the pairs in the key's
   * order).
   */
  private static List<ForeignKey> foreignKeys(Connection connection, String schema)
      throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    query(
        connection,
        """
        SELECT t.relname, k.conname, rs.nspname, r.relname,
               EXISTS (
                   SELECT FROM pg_attribute l, pg_attribute f
                   WHERE l.attrelid = k.conrelid AND l.attnum = k.conkey[1]
                     AND f.attrelid = k.confrelid AND f.attnum = k.confkey[1]
                     AND l.attname = 'tenant_id' AND f.attname = 'tenant_id') AS tenant_first
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        JOIN pg_class r ON r.oid = k.confrelid
        JOIN pg_namespace rs ON rs.oid = r.relnamespace
        WHERE s.nspname = ? AND k.contype = 'f' AND k.conparentid = 0
        ORDER BY t.relname, k.conname
        """,
        schema,
        row ->
            keys.add(
                new ForeignKey(
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getString(4),
                    row.getBoolean(5))));
    return keys;
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private static void query(Connection connection, String sql, String schema, RowReader reader)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, schema);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          reader.read(rows);
        }
      }
    }
  }

  private record TenantColumn(boolean notNull, String type) {}

  private record UniqueIndex(String table, String name, boolean primary, String firstColumn) {}

  private record ForeignKey(
      String table,
      String name,
      String referencedSchema,
      String referencedTable,
      boolean tenantIdFirst) {}
}
