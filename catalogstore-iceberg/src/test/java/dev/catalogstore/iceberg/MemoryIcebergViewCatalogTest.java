package dev.catalogstore.iceberg;

import dev.catalogstore.memory.InMemoryCatalogStore;
import java.io.IOException;
import java.util.Map;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Iceberg's {@code ViewCatalogTests} on the in-memory store. */
class MemoryIcebergViewCatalogTest extends AdapterViewCatalogTests<CatalogStoreCatalog> {
  private InMemoryCatalogStore store;
  private CatalogStoreCatalog catalog;

  @BeforeEach
  void open() {
    store = new InMemoryCatalogStore();
    catalog = SuiteCatalogs.over(store, "memory-view-suite", Map.of());
  }

  @AfterEach
  void close() throws IOException {
    catalog.close();
    store.close();
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
