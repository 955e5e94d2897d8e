package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog's properties: every bad value fails {@code initialize} with an {@link
 * IllegalArgumentException} naming the property; the tenant, store catalog and branch configured
 * are the ones used, found by name or id, created only when {@code create-missing} allows.
 */
class CatalogConfigTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @TempDir Path warehouse;
  private CatalogStore store;

  @BeforeEach
  void open() {
    store = new InMemoryCatalogStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of(StoreCatalogConfig.BACKEND, "oracle"),
        Arguments.of(StoreCatalogConfig.JDBC_POOL_SIZE, "0"),
        Arguments.of(StoreCatalogConfig.JDBC_POOL_SIZE, "many"),
        Arguments.of(StoreCatalogConfig.CREATE_MISSING, "yes"),
        Arguments.of(StoreCatalogConfig.UNAVAILABLE_RETRIES, "-1"),
        Arguments.of(StoreCatalogConfig.UNAVAILABLE_RETRY_WAIT_MS, "soon"),
        Arguments.of(StoreCatalogConfig.UNAVAILABLE_RETRY_WAIT_MS, "-5"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void aBadValueNamesItsProperty(String property, String value) {
    assertThatThrownBy(() -> initialize(TestCatalogs.properties(warehouse, property, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(property)
        .hasMessageContaining(value);
  }

  @Test
  void jdbcWithoutUrlNamesTheUrlProperty() {
    assertThatThrownBy(
            () ->
                new CatalogStoreCatalog()
                    .initialize(
                        "cat",
                        TestCatalogs.properties(warehouse, StoreCatalogConfig.BACKEND, "jdbc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StoreCatalogConfig.JDBC_URL);
  }

  @Test
  void icebergsUriStandsInForTheJdbcUrl() {
    StoreCatalogConfig config =
        StoreCatalogConfig.parse(
            "cat",
            Map.of(
                StoreCatalogConfig.BACKEND,
                "jdbc",
                CatalogProperties.URI,
                "jdbc:postgresql://h/db"));

    assertThat(config.jdbcUrl()).contains("jdbc:postgresql://h/db");
  }

  @Test
  void aCatalogToCreateNeedsAWarehouse() {
    Map<String, String> properties = TestCatalogs.properties(warehouse);
    properties.remove(CatalogProperties.WAREHOUSE_LOCATION);

    assertThatThrownBy(() -> initialize(properties))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CatalogProperties.WAREHOUSE_LOCATION);
  }

  @Test
  void aWarehouseOfAnUnknownSchemeIsRejected() {
    assertThatThrownBy(
            () ->
                initialize(
                    TestCatalogs.properties(
                        warehouse, CatalogProperties.WAREHOUSE_LOCATION, "hdfs://nn/wh")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(CatalogProperties.WAREHOUSE_LOCATION)
        .hasMessageContaining("hdfs");
  }

  @Test
  void aBranchThatDoesNotExistIsRejected() {
    assertThatThrownBy(
            () -> initialize(TestCatalogs.properties(warehouse, StoreCatalogConfig.BRANCH, "dev")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StoreCatalogConfig.BRANCH)
        .hasMessageContaining("dev");
  }

  @Test
  void aTenantIdThatDoesNotExistIsRejected() {
    String id = UUID.randomUUID().toString();

    assertThatThrownBy(
            () -> initialize(TestCatalogs.properties(warehouse, StoreCatalogConfig.TENANT, id)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(StoreCatalogConfig.TENANT)
        .hasMessageContaining(id);
  }

  @Test
  void withoutCreateMissingAMissingTenantFails() {
    assertThatThrownBy(
            () ->
                initialize(
                    TestCatalogs.properties(warehouse, StoreCatalogConfig.CREATE_MISSING, "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenant 'default'")
        .hasMessageContaining(StoreCatalogConfig.CREATE_MISSING);
    assertThat(tenantCount()).isZero();
  }

  @Test
  void withoutCreateMissingAMissingCatalogFails() {
    store.tenants().create(NewTenant.named("default")).join();

    assertThatThrownBy(
            () ->
                initialize(
                    TestCatalogs.properties(warehouse, StoreCatalogConfig.CREATE_MISSING, "false")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("catalog 'cat'")
        .hasMessageContaining(StoreCatalogConfig.CREATE_MISSING);
  }

  @Test
  void createMissingCreatesTenantWarehouseAndCatalogOnce() throws Exception {
    initialize(TestCatalogs.properties(warehouse)).close();
    initialize(TestCatalogs.properties(warehouse)).close();

    assertThat(tenantCount()).isEqualTo(1);
    TenantId tenant = tenantNamed("default").id();
    assertThat(store.catalogs().get(tenant, "cat").join()).isPresent();
    assertThat(store.warehouses().get(tenant, "cat").join()).isPresent();
  }

  @Test
  void anExistingTenantIsFoundByName() throws Exception {
    TenantId acme = store.tenants().create(NewTenant.named("acme")).join().id();

    try (CatalogStoreCatalog catalog =
        initialize(TestCatalogs.properties(warehouse, StoreCatalogConfig.TENANT, "acme"))) {
      catalog.createNamespace(NS);
      TestCatalogs.createTable(catalog, ID);
    }

    assertThat(tenantCount()).isEqualTo(1);
    assertThat(store.assets().get(acme, mainRef("cat")).join()).isPresent();
  }

  @Test
  void anExistingTenantIsFoundById() throws Exception {
    TenantId acme = store.tenants().create(NewTenant.named("acme")).join().id();

    try (CatalogStoreCatalog catalog =
        initialize(
            TestCatalogs.properties(
                warehouse,
                StoreCatalogConfig.TENANT,
                acme.toString(),
                StoreCatalogConfig.CREATE_MISSING,
                "true"))) {
      catalog.createNamespace(NS);
      TestCatalogs.createTable(catalog, ID);
    }

    assertThat(tenantCount()).isEqualTo(1);
    assertThat(store.assets().get(acme, mainRef("cat")).join()).isPresent();
  }

  @Test
  void theStoreCatalogPropertyNamesTheCatalogShown() throws Exception {
    try (CatalogStoreCatalog catalog =
        TestCatalogs.open(
            store,
            "engine",
            TestCatalogs.properties(warehouse, StoreCatalogConfig.CATALOG, "sales"))) {
      catalog.createNamespace(NS);
      TestCatalogs.createTable(catalog, ID);
      assertThat(catalog.name()).isEqualTo("engine");
    }

    TenantId tenant = tenantNamed("default").id();
    assertThat(store.catalogs().get(tenant, "engine").join()).isEmpty();
    assertThat(store.assets().get(tenant, mainRef("sales")).join()).isPresent();
  }

  @Test
  void thePasswordNeverAppearsInToString() throws Exception {
    Map<String, String> properties =
        TestCatalogs.properties(
            warehouse,
            StoreCatalogConfig.BACKEND,
            "jdbc",
            StoreCatalogConfig.JDBC_URL,
            "jdbc:postgresql://db.example:5432/cat?user=svc&password=url-secret&ssl=true",
            StoreCatalogConfig.JDBC_PASSWORD,
            "property-secret",
            StoreCatalogConfig.CREATE_MISSING,
            "true");

    // The given store is used; the backend properties are parsed but not connected to.
    try (CatalogStoreCatalog catalog = initialize(properties)) {
      assertThat(catalog.toString())
          .contains("db.example")
          .doesNotContain("url-secret")
          .doesNotContain("property-secret");
    }
    assertThat(StoreCatalogConfig.parse("cat", properties).toString())
        .doesNotContain("url-secret")
        .doesNotContain("property-secret");
  }

  @Test
  void everyFormOfUrlPasswordIsRedacted() {
    assertThat(
            StoreCatalogConfig.redact(
                "jdbc:postgresql://h/db?user=u&PASSWORD=a1&sslpassword=b2;password=c3"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&PASSWORD=***&sslpassword=***;password=***");
    assertThat(StoreCatalogConfig.redact("jdbc:other://u:d4@h:5432/db"))
        .isEqualTo("jdbc:other://u:***@h:5432/db");
    assertThat(StoreCatalogConfig.redact("jdbc:postgresql://h:5432/db?user=u"))
        .isEqualTo("jdbc:postgresql://h:5432/db?user=u");
  }

  private CatalogStoreCatalog initialize(Map<String, String> properties) {
    return TestCatalogs.open(store, "cat", properties);
  }

  private static AssetRef mainRef(String catalog) {
    return new AssetRef(BranchRef.main(catalog), NamespacePath.of("ns"), "t");
  }

  private int tenantCount() {
    return store.tenants().list(PageRequest.firstPage(PageRequest.MAX_LIMIT)).join().items().size();
  }

  private Tenant tenantNamed(String name) {
    return store
        .tenants()
        .list(PageRequest.firstPage(PageRequest.MAX_LIMIT))
        .join()
        .items()
        .stream()
        .filter(tenant -> tenant.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
