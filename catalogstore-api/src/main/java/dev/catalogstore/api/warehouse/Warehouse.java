package dev.catalogstore.api.warehouse;

import java.time.Instant;
import java.util.Map;

/**
 * A warehouse: a storage location and the credentials to reach it. Names are unique within a tenant
 * and cannot change, since catalogs refer to their warehouse by name.
 *
 * @param id the warehouse's id
 * @param name its name, unique in the tenant
 * @param storage where files live
 * @param credentials the secrets to reach the storage, opened (never sealed) on read
 * @param properties free-form key/value settings
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Warehouse(
    WarehouseId id,
    String name,
    StorageConfig storage,
    Credentials credentials,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt) {
  public Warehouse {
    properties = Map.copyOf(properties);
  }
}
