package dev.catalogstore.api.catalog;

import dev.catalogstore.api.common.PropertyUpdate;
import java.util.Optional;

/**
 * A change to a catalog: a change to its properties and, for a federated catalog, optionally a
 * replacement connector. A catalog's name and type never change.
 */
public final class CatalogUpdate {
  private final ConnectorConfig connector;
  private final PropertyUpdate properties;

  private CatalogUpdate(ConnectorConfig connector, PropertyUpdate properties) {
    this.connector = connector;
    this.properties = properties;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The replacement connector, if any; only a federated catalog accepts one. */
  public Optional<ConnectorConfig> connector() {
    return Optional.ofNullable(connector);
  }

  /** The change to the properties. */
  public PropertyUpdate properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "CatalogUpdate[connector=" + connector + ", properties=" + properties + "]";
  }

  /** Builds a {@link CatalogUpdate}. */
  public static final class Builder {
    private ConnectorConfig connector;
    private PropertyUpdate properties = PropertyUpdate.NONE;

    private Builder() {}

    public Builder connector(ConnectorConfig connector) {
      this.connector = connector;
      return this;
    }

    public Builder properties(PropertyUpdate properties) {
      this.properties = properties;
      return this;
    }

    public CatalogUpdate build() {
      return new CatalogUpdate(connector, properties);
    }
  }
}
