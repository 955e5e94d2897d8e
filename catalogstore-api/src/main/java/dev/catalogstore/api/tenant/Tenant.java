package dev.catalogstore.api.tenant;

import java.time.Instant;
import java.util.Map;

/**
 * A tenant. Tenant names are unique across the store.
 *
 * @param id the tenant's id
 * @param name the tenant's unique name
 * @param properties free-form key/value settings
 * @param createdAt when the tenant was created (microsecond precision)
 * @param updatedAt when the tenant was last changed (microsecond precision)
 */
public record Tenant(
    TenantId id,
    String name,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt) {
  public Tenant {
    properties = Map.copyOf(properties);
  }
}
