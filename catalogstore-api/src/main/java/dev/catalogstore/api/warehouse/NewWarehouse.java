package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * What {@link Warehouses#create} needs.
 *
 * @param name the name, unique within the tenant
 * @param storage where files live
 * @param credentials the secrets to reach the storage ({@link Credentials#NONE} for none)
 * @param properties initial properties
 */
public record NewWarehouse(
    String name, StorageConfig storage, Credentials credentials, Map<String, String> properties) {
  public NewWarehouse {
    properties = Properties.copyOf(properties);
  }

  /** A warehouse with no credentials and no properties. */
  public static NewWarehouse of(String name, StorageConfig storage) {
    return new NewWarehouse(name, storage, Credentials.NONE, Map.of());
  }
}
