package dev.catalogstore.api.catalog;

import java.time.Instant;
import java.util.Map;

/**
 * A catalog: the root of a tree of namespaces and assets. Names are unique within a tenant.
 *
 * @param id the catalog's id
 * @param name its name, unique in the tenant
 * @param source a local warehouse, or a federated connector
 * @param properties free-form key/value settings
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Catalog(
    CatalogId id,
    String name,
    CatalogSource source,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt) {
  public Catalog {
    properties = Map.copyOf(properties);
  }

  /** {@code LOCAL} or {@code FEDERATED}. */
  public CatalogType type() {
    return source.type();
  }
}
