package dev.catalogstore.api.commit;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an asset holds at one point of a branch's history: exactly what a merge compares. Two
 * contents are the same change when they are {@linkplain #equals equal}.
 *
 * <p>It deliberately leaves out the asset's id, because ids are per branch (the same table has
 * different ids on two branches, and a merge keeps the target's), and its timestamps, because two
 * branches that made the same change at different times made the same change.
 *
 * @param kind what the asset is
 * @param location its storage location, if it has one
 * @param metadataLocation its metadata pointer, if one was ever committed
 * @param properties its properties
 */
public record AssetContent(
    AssetKind kind,
    Optional<String> location,
    Optional<String> metadataLocation,
    Map<String, String> properties) {
  public AssetContent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(metadataLocation, "metadataLocation");
    properties = Map.copyOf(properties);
  }

  /** The content of {@code asset}, without its id, address and timestamps. */
  public static AssetContent of(Asset asset) {
    return new AssetContent(
        asset.kind(), asset.location(), asset.metadataLocation(), asset.properties());
  }
}
