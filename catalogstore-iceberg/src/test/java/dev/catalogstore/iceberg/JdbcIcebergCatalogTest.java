package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's {@code CatalogTests} on PostgreSQL, each catalog opened from its properties as an
 * engine opens it (its own connection pool), all in one database schema.
 */
class JdbcIcebergCatalogTest extends AdapterCatalogTests<CatalogStoreCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_suite");

  private final List<CatalogStoreCatalog> opened = new ArrayList<>();
  private CatalogStoreCatalog catalog;

  @BeforeEach
  void open() {
    catalog = initCatalog("jdbc-suite", Map.of());
  }

  @AfterEach
  void close() throws IOException {
    for (CatalogStoreCatalog each : opened) {
      each.close();
    }
  }

  @AfterAll
  static void dropSchema() {
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
