package dev.catalogstore.api.catalog;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * How a federated catalog reaches its remote catalog.
 *
 * @param connectorType the connector's name, for example {@code "iceberg-rest"} or {@code "glue"}
 * @param options the connector's settings, for example the remote URI
 */
public record ConnectorConfig(String connectorType, Map<String, String> options) {
  public ConnectorConfig {
    options = Properties.copyOf(options);
  }
}
