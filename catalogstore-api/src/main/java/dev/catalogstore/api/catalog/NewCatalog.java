package dev.catalogstore.api.catalog;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * What {@link Catalogs#create} needs.
 *
 * @param name the name, unique within the tenant
 * @param source a local warehouse of the tenant, or a federated connector
 * @param properties initial properties
 */
public record NewCatalog(String name, CatalogSource source, Map<String, String> properties) {
  public NewCatalog {
    properties = Properties.copyOf(properties);
  }

  /** A local catalog on the tenant's warehouse {@code warehouse}. */
  public static NewCatalog local(String name, String warehouse) {
    return new NewCatalog(name, new CatalogSource.Local(warehouse), Map.of());
  }

  /** A federated catalog reached through {@code connector}. */
  public static NewCatalog federated(String name, ConnectorConfig connector) {
    return new NewCatalog(name, new CatalogSource.Federated(connector), Map.of());
  }

  /** This request with {@code properties} instead. */
  public NewCatalog withProperties(Map<String, String> properties) {
    return new NewCatalog(name, source, properties);
  }
}
