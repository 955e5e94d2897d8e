package dev.catalogstore.api.asset;

import dev.catalogstore.api.common.Properties;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Assets#create} needs: the kind and, optionally, a storage location, an initial
 * metadata location (which becomes the first entry of the asset's history) and properties.
 */
public final class NewAsset {
  private final AssetKind kind;
  private final String location;
  private final String metadataLocation;
  private final Map<String, String> properties;

  private NewAsset(
      AssetKind kind, String location, String metadataLocation, Map<String, String> properties) {
    this.kind = kind;
    this.location = location;
    this.metadataLocation = metadataLocation;
    this.properties = Properties.copyOf(properties);
  }

  /** Starts a request for an asset of {@code kind}. */
  public static Builder builder(AssetKind kind) {
    return new Builder(kind);
  }

  /** An asset of {@code kind} with nothing else set. */
  public static NewAsset of(AssetKind kind) {
    return builder(kind).build();
  }

  /** An Iceberg table whose first metadata file is {@code metadataLocation}. */
  public static NewAsset icebergTable(String location, String metadataLocation) {
    return builder(AssetKind.ICEBERG_TABLE)
        .location(location)
        .metadataLocation(metadataLocation)
        .build();
  }

  public AssetKind kind() {
    return kind;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  public Optional<String> metadataLocation() {
    return Optional.ofNullable(metadataLocation);
  }

  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public String toString() {
    return "NewAsset[kind="
        + kind
        + ", location="
        + location
        + ", metadataLocation="
        + metadataLocation
        + ", properties="
        + properties
        + "]";
  }

  /** Builds a {@link NewAsset}. */
  public static final class Builder {
    private final AssetKind kind;
    private String location;
    private String metadataLocation;
    private Map<String, String> properties = Map.of();

    private Builder(AssetKind kind) {
      this.kind = kind;
    }

    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder metadataLocation(String metadataLocation) {
      this.metadataLocation = metadataLocation;
      return this;
    }

    public Builder properties(Map<String, String> properties) {
      this.properties = properties;
      return this;
    }

    public NewAsset build() {
      return new NewAsset(kind, location, metadataLocation, properties);
    }
  }
}
