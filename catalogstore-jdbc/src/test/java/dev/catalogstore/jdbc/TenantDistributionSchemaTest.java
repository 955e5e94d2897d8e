package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.jdbc.TenantDistributionRules.Report;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's schema, as its migrations leave it, can be distributed by {@code tenant_id} (README,
 * "Scale-out: distributing by tenant"): every table is keyed and foreign-keyed by {@code tenant_id}
 * first, but for the exceptions on {@link #ALLOW_LIST}, each with its reason. A new table, key or
 * foreign key that breaks the rule fails this test; {@code TenantDistributionRulesTest} shows the
 * check catching each kind of break.
 */
class TenantDistributionSchemaTest {
  /**
   * What is not distributed by tenant, and the two unique indexes that break the rule. The last two
   * are known breaks, not excuses: the contract makes an API-key digest and a token digest unique
   * in the whole store (so that authentication finds the one tenant from the secret alone), and a
   * database distributed by tenant_id cannot enforce a unique index without it.
   */
  static final DistributionAllowList ALLOW_LIST =
      DistributionAllowList.none()
          .referenceTable(
              "tenants",
              "the tenants themselves: its key is the distribution value, and tenant names are"
                  + " unique across the store (tenants_name_uq), which only a table copied whole to"
                  + " every node can enforce; every distributed table references it")
          .localTable(
              SchemaMigrator.HISTORY_TABLE,
              "Flyway's history of migrations, written by migrations only and never joined")
          .globalUniqueIndex(
              "service_users_api_key_hash_uq",
              "BREAKS THE RULE: an API-key digest is unique in the whole store"
                  + " (ServiceUsers.create) and is looked up without a tenant"
                  + " (findByApiKeyHash); distributing service_users needs this uniqueness moved"
                  + " to a table of its own, distributed by the digest or copied to every node")
          .globalUniqueIndex(
              "tokens_hash_uq",
              "BREAKS THE RULE: a token digest is unique in the whole store and is looked up"
                  + " without a tenant (Tokens.validate); distributing tokens needs the same"
                  + " redesign as service_users_api_key_hash_uq");

  private static final String SCHEMA = TestPostgres.uniqueSchema("distribution");

  @BeforeAll
  static void migrate() {
    JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build()).close();
  }

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void everyTableIsKeyedAndForeignKeyedByTenantIdFirstButTheAllowListedOnes() throws SQLException {
    Report report = check();

    // A check that read no table would find nothing wrong: these are the store's tables.
    assertThat(report.distributedTables())
        .contains(
            "warehouses",
            "catalogs",
            "branches",
            "namespaces",
            "assets",
            "metadata_history",
            "commits",
            "commit_changes",
            "tags",
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
            "catalog_sync_stats",
            "purges")
        .doesNotContain("tenants", SchemaMigrator.HISTORY_TABLE);
    assertThat(report.violations())
        .as("breaks of the tenant-first rule in the migrated schema")
        .isEmpty();
    System.out.printf(
        "Tenant distribution: %d tables distributed by tenant_id, reference %s, local %s,"
            + " known global unique indexes %s%n",
        report.distributedTables().size(),
        ALLOW_LIST.referenceTables().keySet(),
        ALLOW_LIST.localTables().keySet(),
        ALLOW_LIST.globalUniqueIndexes().keySet());
  }

  @Test
  void aNewTableOutsideTheRuleInTheStoresSchemaFailsTheCheck() throws SQLException {
    // A lookup keyed by the digest alone, as a careless redesign of the digest indexes might add.
    execute("CREATE TABLE \"%s\".api_key_lookup (api_key_hash bytea PRIMARY KEY, tenant_id uuid)");
    try {
      assertThat(check().violations())
          .extracting(violation -> violation.rule() + " " + violation.object())
          .containsExactlyInAnyOrder("PRIMARY_KEY api_key_lookup", "TENANT_COLUMN api_key_lookup");
    } finally {
      execute("DROP TABLE \"%s\".api_key_lookup");
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql.formatted(SCHEMA));
    }
  }

  private static Report check() throws SQLException {
    try (Connection connection = TestPostgres.connect()) {
      return TenantDistributionRules.check(connection, SCHEMA, ALLOW_LIST);
    }
  }
}
