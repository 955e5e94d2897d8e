package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sync of 10,000 remote tables in 100 namespaces, then a re-sync that moves, drops and adds some:
 * each applies in a fixed number of set-based statements, whatever the number of tables (the
 * statement count is asserted; the time is only logged).
 */
class FederationScaleTest {
  private static final Logger LOG = LoggerFactory.getLogger(FederationScaleTest.class);
  private static final String SCHEMA = TestPostgres.uniqueSchema("fedscale");
  private static final int NAMESPACES = 100;
  private static final int TABLES_PER_NAMESPACE = 100;

  private static HikariDataSource pool;
  private static CountingDataSource counting;
  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    hikari.setMaximumPoolSize(4);
    pool = new HikariDataSource(hikari);
    counting = new CountingDataSource(pool);
    store =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .dataSource(counting.dataSource())
                .schema(SCHEMA)
                .maximumPoolSize(4)
                .connectors(FederatedConnectors.of(TckRemoteCatalog.CONNECTOR))
                // The purger's look for work would count among the calls' statements.
                .pausePurgeForTests()
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    pool.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void tenThousandTablesSyncInAFixedNumberOfStatements() {
    TenantId tenant =
        store.tenants().create(NewTenant.named("fed-" + UUID.randomUUID())).join().id();
    TckRemoteCatalog remote = TckRemoteCatalog.create();
    try {
      for (int n = 0; n < NAMESPACES; n++) {
        NamespacePath namespace = NamespacePath.of("warehouse", "ns" + n);
        remote.namespace(namespace, Map.of("n", Integer.toString(n)));
        for (int t = 0; t < TABLES_PER_NAMESPACE; t++) {
          remote.table(namespace, "t" + t, "s3://remote/ns" + n + "/t" + t + "/v1.metadata.json");
        }
      }
      store.catalogs().create(tenant, NewCatalog.federated("big", remote.config())).join();

      counting.reset();
      long start = System.nanoTime();
      SyncStats first = store.federation().sync(tenant, "big").join();
      long firstMillis = (System.nanoTime() - start) / 1_000_000;
      int firstStatements = counting.statements();

      assertThat(first.tablesAdded()).isEqualTo(NAMESPACES * TABLES_PER_NAMESPACE);
      assertThat(first.namespacesAdded()).isEqualTo(NAMESPACES + 1);
      assertThat(
              store
                  .assets()
                  .get(tenant, AssetRef.onMain("big", NamespacePath.of("warehouse", "ns42"), "t99"))
                  .join()
                  .orElseThrow()
                  .metadataLocation())
          .contains("s3://remote/ns42/t99/v1.metadata.json");

      for (int n = 0; n < NAMESPACES; n += 2) {
        NamespacePath namespace = NamespacePath.of("warehouse", "ns" + n);
        remote.table(namespace, "t0", "s3://remote/ns" + n + "/t0/v2.metadata.json");
        remote.dropTable(namespace, "t1");
        remote.table(namespace, "new", "s3://remote/ns" + n + "/new/v1.metadata.json");
      }
      counting.reset();
      start = System.nanoTime();
      SyncStats second = store.federation().sync(tenant, "big").join();
      long secondMillis = (System.nanoTime() - start) / 1_000_000;
      int secondStatements = counting.statements();

      assertThat(second.tablesUpdated()).isEqualTo(NAMESPACES / 2);
      assertThat(second.tablesRemoved()).isEqualTo(NAMESPACES / 2);
      assertThat(second.tablesAdded()).isEqualTo(NAMESPACES / 2);
      // Read, lock and read the mirror, one statement per kind of change, the commit, the stats
      // and the event: never one per table.
      assertThat(firstStatements).isLessThanOrEqualTo(15);
      assertThat(secondStatements).isLessThanOrEqualTo(15);
      LOG.info(
          "Synced {} remote tables in {} ms ({} statements); re-synced with {} changes in {} ms"
              + " ({} statements)",
          first.tablesAdded(),
          firstMillis,
          firstStatements,
          second.tablesAdded() + second.tablesUpdated() + second.tablesRemoved(),
          secondMillis,
          secondStatements);
    } finally {
      remote.close();
    }
  }
}
