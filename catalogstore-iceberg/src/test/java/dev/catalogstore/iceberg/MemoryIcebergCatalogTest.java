package dev.catalogstore.iceberg;

import dev.catalogstore.memory.InMemoryCatalogStore;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Iceberg's {@code CatalogTests} on the in-memory store. */
class MemoryIcebergCatalogTest extends AdapterCatalogTests<CatalogStoreCatalog> {
  private InMemoryCatalogStore store;
  private CatalogStoreCatalog catalog;

  @BeforeEach
  void open() {
    store = new InMemoryCatalogStore();
    catalog = SuiteCatalogs.over(store, "memory-suite", Map.of());
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
  protected CatalogStoreCatalog initCatalog(String name, Map<String, String> properties) {
    return SuiteCatalogs.over(store, name, properties);
  }
}
