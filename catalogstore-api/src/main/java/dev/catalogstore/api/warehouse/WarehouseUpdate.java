package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.common.PropertyUpdate;
import java.util.Optional;

/**
 * A change to a warehouse: optionally new storage settings, optionally new credentials (replacing
 * the old ones whole), and a change to its properties. Unset parts change nothing.
 */
public final class WarehouseUpdate {
  private final StorageConfig storage;
  private final Credentials credentials;
  private final PropertyUpdate properties;

  private WarehouseUpdate(
      StorageConfig storage, Credentials credentials, PropertyUpdate properties) {
    this.storage = storage;
    this.credentials = credentials;
    this.properties = properties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The replacement storage settings, if any. */
  public Optional<StorageConfig> storage() {
    return Optional.ofNullable(storage);
  }

  /** The replacement credentials, if any. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The change to the properties. */
  public PropertyUpdate properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "WarehouseUpdate[storage="
        + storage
        + ", credentials="
        + credentials
        + ", properties="
        + properties
        + "]";
  }

  /** Builds a {@link WarehouseUpdate}. */
  public static final class Builder {
    private StorageConfig storage;
    private Credentials credentials;
    private PropertyUpdate properties = PropertyUpdate.NONE;

    private Builder() {}

    public Builder storage(StorageConfig storage) {
      this.storage = storage;
      return this;
    }

    public Builder credentials(Credentials credentials) {
      this.credentials = credentials;
      return this;
    }

    public Builder properties(PropertyUpdate properties) {
      this.properties = properties;
      return this;
    }

    public WarehouseUpdate build() {
      return new WarehouseUpdate(storage, credentials, properties);
    }
  }
}
