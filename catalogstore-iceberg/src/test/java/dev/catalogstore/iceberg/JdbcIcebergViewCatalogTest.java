package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Iceberg's {@code ViewCatalogTests} on PostgreSQL, the catalog opened from its properties. */
class JdbcIcebergViewCatalogTest extends AdapterViewCatalogTests<CatalogStoreCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_view_suite");

  private CatalogStoreCatalog catalog;

  @BeforeEach
  void open() {
    catalog = SuiteCatalogs.onPostgres(SCHEMA, "jdbc-view-suite", Map.of());
  }

  @AfterEach
  void close() throws IOException {
    catalog.close();
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
  protected Catalog tableCatalog() {
    return catalog;
  }
}
