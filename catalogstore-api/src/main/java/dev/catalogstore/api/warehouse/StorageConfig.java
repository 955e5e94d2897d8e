package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.Properties;
import java.util.Map;

/**
 * Where a warehouse keeps its files. Nothing here is secret; secrets go into {@link Credentials}.
 *
 * @param type the kind of storage
 * @param rootLocation the URI under which tables are created, for example {@code s3://bucket/wh}
 * @param options storage options such as region or endpoint
 */
public record StorageConfig(StorageType type, String rootLocation, Map<String, String> options) {
  public StorageConfig {
    options = Properties.copyOf(options);
  }

  public static StorageConfig of(StorageType type, String rootLocation) {
    return new StorageConfig(type, rootLocation, Map.of());
  }
}
