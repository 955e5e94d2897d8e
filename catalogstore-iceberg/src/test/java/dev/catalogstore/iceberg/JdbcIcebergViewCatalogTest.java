package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Iceberg's {@code ViewCatalogTests} on PostgreSQL, over one store per class. */
class JdbcIcebergViewCatalogTest extends AdapterViewCatalogTests<CatalogStoreCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_view_suite");
  private static JdbcCatalogStore store;

  private CatalogStoreCatalog catalog;

  @BeforeAll
  static void openStore() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @BeforeEach
  void open() {
    catalog = SuiteCatalogs.over(store, "jdbc-view-suite", Map.of());
  }

  @AfterEach
  void close() throws IOException {
    catalog.close();
  }

  @AfterAll
  static void dropSchema() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Override
  protected CatalogStoreCatalog catalog() {
    return catalog;
  }

  @Override
  protected Catalog tableCatalog() {
    return catalog;
  }
}
