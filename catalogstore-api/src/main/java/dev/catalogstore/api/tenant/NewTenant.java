package dev.catalogstore.api.tenant;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * What {@link Tenants#create} needs.
 *
 * @param name the new tenant's name, unique across the store
 * @param properties its initial properties
 */
public record NewTenant(String name, Map<String, String> properties) {
  public NewTenant {
    properties = Properties.copyOf(properties);
  }

  /** A tenant with no properties. */
  public static NewTenant named(String name) {
    return new NewTenant(name, Map.of());
  }
}
