package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the migrated schema back from PostgreSQL's catalog and checks the tenancy rules of its
 * design on every table, so that a future migration cannot quietly break them: every primary key
 * starts with tenant_id, every foreign key pairs tenant_id with tenant_id, every index but the
 * store-wide ones starts with tenant_id, and names compare byte-wise. The store-wide indexes are
 * exactly the tenant-name index and the two authentication look-ups by digest (API keys, tokens),
 * which must find the tenant from the secret alone.
 */
class SchemaKeysTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("keys");

  @BeforeAll
  static void migrate() {
    JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build()).close();
  }

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void theSchemaHasTheStoresTables() throws SQLException {
    assertThat(tables())
        .contains(
            "tenants",
            "warehouses",
            "catalogs",
            "branches",
            "namespaces",
            "assets",
            "metadata_history",
            "users",
            "roles",
            "role_grants",
            "role_assignments",
            "permissions",
            "service_users",
            "tokens",
            "token_revocations",
            "audit_events",
            "tenant_settings",
            "catalog_sync_stats");
  }

  @Test
  void everyTableHasAPrimaryKeyStartingWithTenantId() throws SQLException {
    Map<String, String> firstKeyColumn =
        rows(
            """
        SELECT t.relname, a.attname
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.conkey[1]
        WHERE s.nspname = ? AND k.contype = 'p'
        """);
    for (String table : tables()) {
      assertThat(firstKeyColumn)
          .as("the first primary-key column of table %s", table)
          .containsEntry(table, "tenant_id");
    }
  }

  @Test
  void everyForeignKeyPairsTenantIdWithTenantId() throws SQLException {
    Map<String, String> pairsTenant =
        rows(
            """
        SELECT t.relname || '.' || k.conname,
               EXISTS (
                   SELECT 1
                   FROM unnest(k.conkey, k.confkey) AS pair(local_column, remote_column)
                   JOIN pg_attribute l
                       ON l.attrelid = k.conrelid AND l.attnum = pair.local_column
                   JOIN pg_attribute r
                       ON r.attrelid = k.confrelid AND r.attnum = pair.remote_column
                   WHERE l.attname = 'tenant_id' AND r.attname = 'tenant_id')::text
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        WHERE s.nspname = ? AND k.contype = 'f'
        """);
    assertThat(pairsTenant).isNotEmpty();
    pairsTenant.forEach(
        (foreignKey, pairs) ->
            assertThat(pairs)
                .as("foreign key %s pairs tenant_id with tenant_id", foreignKey)
                .isEqualTo("true"));
  }

  @Test
  void everyTableButTenantsAndAuditEventsReferencesItsTenantsData() throws SQLException {
    Map<String, String> foreignKeys =
        rows(
            """
        SELECT t.relname, count(*)::text
        FROM pg_constraint k
        JOIN pg_class t ON t.oid = k.conrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        WHERE s.nspname = ? AND k.contype = 'f'
        GROUP BY t.relname
        """);
    for (String table : tables()) {
      if (!table.equals("tenants") && !table.equals("audit_events")) {
        assertThat(foreignKeys).as("foreign keys of table %s", table).containsKey(table);
      }
    }
    // Audit events outlive their tenant (DESIGN 2.5): they are the one table with no key to it.
    assertThat(foreignKeys).doesNotContainKey("audit_events");
  }

  @Test
  void everyIndexButTheStoreWideOnesStartsWithTenantId() throws SQLException {
    Map<String, String> firstIndexColumn =
        rows(
            """
        SELECT i.relname, a.attname
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class t ON t.oid = x.indrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]
        WHERE s.nspname = ? AND t.relname <> '%s'
        """
                .formatted(SchemaMigrator.HISTORY_TABLE));
    assertThat(firstIndexColumn)
        .containsEntry("tenants_name_uq", "name")
        .containsEntry("service_users_api_key_hash_uq", "api_key_hash")
        .containsEntry("tokens_hash_uq", "token_hash")
        // The expiry sweep's, a system operation across tenants like the two digest look-ups.
        .containsEntry("tokens_expiry_ix", "expires_at")
        .containsEntry("token_revocations_expiry_ix", "expires_at");
    firstIndexColumn.remove("tenants_name_uq");
    firstIndexColumn.remove("service_users_api_key_hash_uq");
    firstIndexColumn.remove("tokens_hash_uq");
    firstIndexColumn.remove("tokens_expiry_ix");
    firstIndexColumn.remove("token_revocations_expiry_ix");
    firstIndexColumn.forEach(
        (index, column) ->
            assertThat(column).as("the first column of index %s", index).isEqualTo("tenant_id"));
  }

  @Test
  void namesAndPathsCompareByteWise() throws SQLException {
    Map<String, String> collations =
        rows(
            """
        SELECT t.relname || '.' || a.attname, c.collname
        FROM pg_attribute a
        JOIN pg_class t ON t.oid = a.attrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace
        JOIN pg_collation c ON c.oid = a.attcollation
        WHERE s.nspname = ? AND t.relkind = 'r'
          AND a.attname IN ('name', 'path', 'username', 'grant_key', 'catalog_name', 'namespace',
                            'asset_name', 'tag_name')
        """);
    assertThat(collations)
        .containsKeys(
            "tenants.name",
            "catalogs.name",
            "namespaces.path",
            "users.username",
            "roles.name",
            "service_users.name",
            "role_grants.grant_key",
            "role_grants.namespace",
            "permissions.catalog_name",
            "permissions.asset_name",
            "permissions.tag_name");
    collations.forEach(
        (column, collation) ->
            assertThat(collation).as("the collation of %s", column).isEqualTo("C"));
  }

  /** The store's tables; Flyway's history table is Flyway's, not tenant data. */
  private static List<String> tables() throws SQLException {
    List<String> tables =
        new ArrayList<>(
            rows("""
        SELECT t.relname, t.relname
        FROM pg_class t
        JOIN pg_namespace s ON s.oid = t.relnamespace
        WHERE s.nspname = ? AND t.relkind IN ('r', 'p')
        """)
                .keySet());
    assertThat(tables).contains(SchemaMigrator.HISTORY_TABLE);
    tables.remove(SchemaMigrator.HISTORY_TABLE);
    return tables;
  }

  /** Two-column rows of {@code sql}, whose one parameter is the schema, as a map. */
  private static Map<String, String> rows(String sql) throws SQLException {
    Map<String, String> rows = new LinkedHashMap<>();
    try (Connection connection = TestPostgres.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, SCHEMA);
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.put(result.getString(1), result.getString(2));
        }
      }
    }
    return rows;
  }
}
