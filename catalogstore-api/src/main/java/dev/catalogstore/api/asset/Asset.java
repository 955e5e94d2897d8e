package dev.catalogstore.api.asset;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An asset: a table, view, file set or model registered in a namespace on a branch.
 *
 * @param id its id, stable across renames and commits
 * @param ref where it lives now
 * @param kind what it is
 * @param location its storage location, if it has one
 * @param metadataLocation the current metadata pointer (for example an Iceberg metadata file), if
 *     one was ever committed
 * @param properties free-form key/value settings
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 */
public record Asset(
    AssetId id,
    AssetRef ref,
    AssetKind kind,
    Optional<String> location,
    Optional<String> metadataLocation,
    Map<String, String> properties,
    Instant createdAt,
    Instant updatedAt) {
  public Asset {
    properties = Map.copyOf(properties);
  }
}
