package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The simple calls' statements are planned once per connection, not once per call: the driver
 * prepares each on the server after a few executions, and PostgreSQL then settles on the
 * statement's generic plan (planning a custom plan costs the page query about 0.6 ms for 0.2 ms of
 * execution). A parameter bound with a different type from call to call, or a statement whose
 * generic plan PostgreSQL judges worse than a custom one, would keep it planning on every call;
 * this reads {@code pg_prepared_statements} of every pooled connection after repeated calls.
 */
class CachedPlansTest {
  private static final int CALLS = 40;

  @Test
  void theSimpleCallsRunOnGenericPlansAfterTheFirstFewCalls() throws Exception {
    String schema = TestPostgres.uniqueSchema("plans");
    TenantId tenant;
    NamespaceRef namespace = NamespaceRef.of("cat", "db");
    AssetRef table = AssetRef.onMain(namespace, "t");
    try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
      tenant = store.tenants().create(NewTenant.named("plans-" + UUID.randomUUID())).join().id();
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
      store.namespaces().create(tenant, namespace, Map.of()).join();
      store.assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)).join();
    }
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    // Two connections: opening the store (validating the schema) needs two at once.
    hikari.setMaximumPoolSize(2);
    try (HikariDataSource dataSource = new HikariDataSource(hikari);
        JdbcCatalogStore store =
            JdbcCatalogStore.open(
                JdbcStoreConfig.builder()
                    .dataSource(dataSource)
                    .schema(schema)
                    .maximumPoolSize(1)
                    .migrationMode(MigrationMode.VALIDATE)
                    .build())) {
      String location = "s3://plans/v0.metadata.json";
      store.assets().commitMetadataLocation(tenant, table, MetadataCommit.first(location)).join();
      for (int i = 1; i <= CALLS; i++) {
        assertThat(store.assets().get(tenant, table).join()).isPresent();
        assertThat(store.namespaces().get(tenant, namespace).join()).isPresent();
        assertThat(
                store
                    .assets()
                    .list(
                        tenant, BranchRef.main("cat"), namespace.path(), PageRequest.firstPage(100))
                    .join()
                    .items())
            .hasSize(1);
        store.namespaces().create(tenant, NamespaceRef.of("cat", "n" + i), Map.of()).join();
        String next = "s3://plans/v" + i + ".metadata.json";
        store
            .assets()
            .commitMetadataLocation(tenant, table, MetadataCommit.replacing(location, next))
            .join();
        location = next;
      }

      Map<String, long[]> plans = plansOfEveryConnection(dataSource);
      for (String statement :
          List.of(
              "SELECT a.asset_id", // assets().get
              "SELECT n.properties", // namespaces().get
              "SELECT a.* FROM", // a page of assets().list
              "INSERT INTO \"" + schema + "\".namespaces", // namespaces().create
              "WITH head AS")) { // commitMetadataLocation
        long[] generic = plans.get(statement);
        assertThat(generic).as("prepared on the server: %s", statement).isNotNull();
        // At most the first five executions on each connection are custom-planned; every later
        // one reuses the generic plan.
        assertThat(generic[0]).as("generic plans of %s", statement).isGreaterThan(0);
        assertThat(generic[1]).as("custom plans of %s", statement).isLessThanOrEqualTo(5 * 2);
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  /**
   * Generic and custom plan counts of the server-side prepared statements of both pooled
   * connections, by the start of their text (whitespace collapsed).
   */
  private static Map<String, long[]> plansOfEveryConnection(HikariDataSource dataSource)
      throws SQLException {
    Map<String, long[]> plans = new HashMap<>();
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        held.add(dataSource.getConnection());
      }
      for (Connection connection : held) {
        try (Statement query = connection.createStatement();
            ResultSet rows =
                query.executeQuery(
                    "SELECT regexp_replace(statement, '\\s+', ' ', 'g'), generic_plans,"
                        + " custom_plans FROM pg_prepared_statements")) {
          while (rows.next()) {
            String text = rows.getString(1).trim();
            for (String prefix :
                List.of(
                    "SELECT a.asset_id",
                    "SELECT n.properties",
                    "SELECT a.* FROM",
                    "INSERT INTO",
                    "WITH head AS")) {
              if (text.startsWith(prefix)) {
                String key = prefix.equals("INSERT INTO") ? insertTarget(text) : prefix;
                long[] counts = plans.computeIfAbsent(key, k -> new long[2]);
                counts[0] += rows.getLong(2);
                counts[1] += rows.getLong(3);
              }
            }
          }
        }
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
    return plans;
  }

  /** {@code INSERT INTO "schema".table} of an insert's text. */
  private static String insertTarget(String text) {
    String[] words = text.split(" ");
    return words[0] + " " + words[1] + " " + words[2];
  }
}
