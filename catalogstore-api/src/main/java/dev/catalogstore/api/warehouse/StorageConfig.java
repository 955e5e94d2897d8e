package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.Properties;
import dev.catalogstore.api.common.SecretOptions;
import java.util.Map;

/**
 * Where a warehouse keeps its files. Nothing here is secret: the options are stored and returned in
 * plain text. Secrets (secret access keys, session tokens, SAS tokens, account keys, OAuth2 tokens)
 * go into the warehouse's {@link Credentials}, which are sealed; an option whose key {@link
 * SecretOptions} names as a secret is refused ({@code InvalidArgumentException} on {@code
 * ...storage.options}, naming the key). {@link #toString()} prints such a value as {@value
 * SecretOptions#REDACTED} all the same, for a request that has not been refused yet.
 *
 * @param type the kind of storage
 * @param rootLocation the URI under which tables are created, for example {@code s3://bucket/wh}
 * @param options storage options such as region or endpoint; never secrets
 */
public record StorageConfig(StorageType type, String rootLocation, Map<String, String> options) {
  public StorageConfig {
    options = Properties.copyOf(options);
  }

  public static StorageConfig of(StorageType type, String rootLocation) {
    return new StorageConfig(type, rootLocation, Map.of());
  }

  @Override
  public String toString() {
    return "StorageConfig[type="
        + type
        + ", rootLocation="
        + rootLocation
        + ", options="
        + SecretOptions.describe(options)
        + "]";
  }
}
