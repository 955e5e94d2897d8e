package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;

import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two catalogs over one in-memory store, sharing a local warehouse: {@code catalog} reaches the
 * store through {@link FaultyStore}'s planned faults, {@code rival} (another engine node) directly.
 * Namespace {@link TestCatalogs#NS} exists.
 */
abstract class RivalCatalogs {
  @TempDir Path warehouse;
  FaultyStore faults;
  CatalogStoreCatalog catalog;
  CatalogStoreCatalog rival;

  @BeforeEach
  void openCatalogs() {
    faults = new FaultyStore(new InMemoryCatalogStore());
    catalog = TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse));
    rival = TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse));
    catalog.createNamespace(NS);
  }

  @AfterEach
  void closeCatalogs() throws Exception {
    catalog.close();
    rival.close();
    faults.base().close();
  }
}
