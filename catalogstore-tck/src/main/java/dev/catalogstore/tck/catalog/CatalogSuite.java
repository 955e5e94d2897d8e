package dev.catalogstore.tck.catalog;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.tck.TckSuite;
import java.util.Map;

/**
 * The base of the suites specifying {@link dev.catalogstore.api.catalog.Catalogs}: a sample
 * connector for federated catalogs.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class CatalogSuite extends TckSuite {
  protected static final ConnectorConfig REST =
      new ConnectorConfig(
          "iceberg-rest", Map.of("uri", "https://remote.example/api/catalog", "warehouse", "prod"));
}
