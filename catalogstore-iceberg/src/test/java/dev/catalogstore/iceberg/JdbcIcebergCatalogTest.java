package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's {@code CatalogTests} on PostgreSQL, in one database schema. The suite's main catalog
 * shares one store per class (opening a store per test would mostly measure connection pools);
 * every catalog a test initialises itself is opened from its properties, as an engine opens it.
 */
class JdbcIcebergCatalogTest extends AdapterCatalogTests<CatalogStoreCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_suite");
  private static JdbcCatalogStore store;

  private final List<CatalogStoreCatalog> opened = new ArrayList<>();
  private CatalogStoreCatalog catalog;

  @BeforeAll
  static void openStore() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @BeforeEach
  void open() {
    catalog = SuiteCatalogs.over(store, "jdbc-suite", Map.of());
    opened.add(catalog);
  }

  @AfterEach
  void close() throws IOException {
    for (CatalogStoreCatalog each : opened) {
      each.close();
    }
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
  protected CatalogStoreCatalog initCatalog(String name, Map<String, String> properties) {
    CatalogStoreCatalog created = SuiteCatalogs.onPostgres(SCHEMA, name, properties);
    opened.add(created);
    return created;
  }
}
