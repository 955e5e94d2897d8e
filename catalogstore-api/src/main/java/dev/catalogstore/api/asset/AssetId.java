package dev.catalogstore.api.asset;

import java.util.Objects;
import java.util.UUID;

/** Identifies an asset on its branch. It stays the same across renames and metadata commits. */
public record AssetId(UUID value) {
  public AssetId {
    Objects.requireNonNull(value, "value");
  }

  public static AssetId random() {
    return new AssetId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
