package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import java.sql.Connection;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A store on the application's own DataSource: it works whatever the connections' search path and
 * commit mode, commits its writes, and leaves the DataSource open when it closes.
 */
class ApplicationDataSourceTest {
  @Test
  void aStoreOnTheApplicationsDataSourceWorksAndLeavesItOpen() throws Exception {
    String schema = TestPostgres.uniqueSchema("appds");
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    hikari.setMaximumPoolSize(3);
    // The application's own habits, which the store must not depend on.
    hikari.setAutoCommit(false);
    hikari.setSchema("public");
    try (HikariDataSource dataSource = new HikariDataSource(hikari)) {
      TenantId tenant;
      AssetRef asset = AssetRef.onMain(NamespaceRef.of("sales", "eu"), "orders");
      try (JdbcCatalogStore store =
          JdbcCatalogStore.open(
              JdbcStoreConfig.builder()
                  .dataSource(dataSource)
                  .schema(schema)
                  .maximumPoolSize(3)
                  .secretCodec(AesGcmSecretCodec.of(1, TestPostgres.TEST_KEY))
                  .build())) {
        tenant = store.tenants().create(NewTenant.named("appds-" + UUID.randomUUID())).join().id();
        store
            .warehouses()
            .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
            .join();
        store.catalogs().create(tenant, NewCatalog.local("sales", "wh")).join();
        store.namespaces().create(tenant, NamespaceRef.of("sales", "eu"), Map.of()).join();
        store.assets().create(tenant, asset, NewAsset.of(AssetKind.ICEBERG_TABLE)).join();
      }

      assertThat(dataSource.isClosed()).isFalse();
      try (JdbcCatalogStore reopened =
          JdbcCatalogStore.open(
              JdbcStoreConfig.builder()
                  .dataSource(dataSource)
                  .schema(schema)
                  .migrationMode(MigrationMode.VALIDATE)
                  .build())) {
        assertThat(reopened.assets().get(tenant, asset).join()).isPresent();
      }
      try (Connection connection = dataSource.getConnection()) {
        assertThat(connection.isValid(5)).isTrue();
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }
}
