package dev.catalogstore.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.iceberg.StoreCatalogConfig.Backend;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a catalog does with the properties a user leaves out. */
class ConfigDefaultsTest {
  @TempDir Path warehouse;

  @Test
  void aJdbcUrlWithoutABackendMeansPostgresNotAPrivateMemoryStore() {
    StoreCatalogConfig config =
        StoreCatalogConfig.parse(
            "lake", Map.of(StoreCatalogConfig.JDBC_URL, "jdbc:postgresql://db/c"));

    assertThat(config.backend()).isEqualTo(Backend.JDBC);
  }

  @Test
  void icebergsJdbcUriAndCredentialsAreReadWhenOursAreNotSet() {
    StoreCatalogConfig config =
        StoreCatalogConfig.parse(
            "lake",
            Map.of(
                CatalogProperties.URI,
                "jdbc:postgresql://db/c",
                "jdbc.user",
                "svc",
                "jdbc.password",
                "pw"));

    assertThat(config.backend()).isEqualTo(Backend.JDBC);
    assertThat(config.jdbcUrl()).contains("jdbc:postgresql://db/c");
    assertThat(config.jdbcUser()).contains("svc");
    assertThat(config.jdbcPassword()).contains("pw");
  }

  @Test
  void aUriThatIsNoJdbcUrlLeavesTheBackendInMemory() {
    StoreCatalogConfig config =
        StoreCatalogConfig.parse("lake", Map.of(CatalogProperties.URI, "http://rest:8181"));

    assertThat(config.backend()).isEqualTo(Backend.MEMORY);
    assertThat(config.jdbcUrl()).isEmpty();
  }

  @Test
  void onPostgresNothingIsCreatedUnaskedInMemoryTheEmptyStoreIsFilled() {
    assertThat(
            StoreCatalogConfig.parse(
                    "lake", Map.of(StoreCatalogConfig.JDBC_URL, "jdbc:postgresql://db/c"))
                .createMissing())
        .isFalse();
    assertThat(StoreCatalogConfig.parse("lake", Map.of()).createMissing()).isTrue();
  }

  @Test
  void theStoreCatalogNameDefaultsToTheIcebergCatalogsAndMayBeGivenWithoutOne() {
    assertThat(StoreCatalogConfig.parse("lake", Map.of()).catalog()).isEqualTo("lake");
    assertThat(StoreCatalogConfig.parse(null, Map.of(StoreCatalogConfig.CATALOG, "sea")).catalog())
        .isEqualTo("sea");
    assertThatThrownBy(() -> StoreCatalogConfig.parse(" ", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StoreCatalogConfig.CATALOG);
  }

  @Test
  void withoutAWarehousePropertyNewTablesGoUnderTheStoreWarehouseRoot() throws Exception {
    try (InMemoryCatalogStore store = new InMemoryCatalogStore()) {
      TenantId tenant = store.tenants().create(NewTenant.named("acme")).join().id();
      store
          .warehouses()
          .create(
              tenant,
              NewWarehouse.of("lake", StorageConfig.of(StorageType.FILE, warehouse + "/root/")))
          .join();
      Map<String, String> properties = new HashMap<>(TestCatalogs.properties(warehouse));
      properties.remove(CatalogProperties.WAREHOUSE_LOCATION);
      properties.put(StoreCatalogConfig.TENANT, "acme");
      store
          .catalogs()
          .create(tenant, dev.catalogstore.api.catalog.NewCatalog.local("lake", "lake"))
          .join();

      try (CatalogStoreCatalog catalog = TestCatalogs.open(store, "lake", properties)) {
        catalog.createNamespace(TestCatalogs.NS);
        Table table = TestCatalogs.createTable(catalog, TableIdentifier.of(TestCatalogs.NS, "t"));

        assertThat(table.location()).isEqualTo(warehouse + "/root/lake/ns/t");
      }
    }
  }

  @Test
  void aCatalogIsInitializedOnce() throws Exception {
    try (InMemoryCatalogStore store = new InMemoryCatalogStore();
        CatalogStoreCatalog catalog =
            TestCatalogs.open(store, "lake", TestCatalogs.properties(warehouse))) {
      assertThatThrownBy(() -> catalog.initialize("lake", TestCatalogs.properties(warehouse)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already initialized");
      catalog.createNamespace(TestCatalogs.NS); // the first initialization still holds
      assertThat(catalog.namespaceExists(TestCatalogs.NS)).isTrue();
    }
  }

  @Test
  void aUniqueTableLocationEndsInARandomSuffix() throws Exception {
    try (InMemoryCatalogStore store = new InMemoryCatalogStore();
        CatalogStoreCatalog catalog =
            TestCatalogs.open(
                store,
                "lake",
                TestCatalogs.properties(
                    warehouse, StoreCatalogConfig.UNIQUE_TABLE_LOCATION, "true"))) {
      catalog.createNamespace(TestCatalogs.NS);
      TableIdentifier id = TableIdentifier.of(TestCatalogs.NS, "t");
      String first = TestCatalogs.createTable(catalog, id).location();
      catalog.dropTable(id, false);
      String second = TestCatalogs.createTable(catalog, id).location();

      assertThat(first).startsWith(warehouse + "/ns/t-").isNotEqualTo(second);
      assertThat(second).startsWith(warehouse + "/ns/t-");
    }
  }
}
