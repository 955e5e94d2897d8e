package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.io.FileIO;

/**
 * The metadata pointer of one table or view as the store keeps it: the part its table and view
 * operations share. It reads the pointer, remembering the id of the asset read (which settles lost
 * replies), and installs a new one, deleting the new metadata file only when the install is proven
 * lost and the file is the commit's own.
 */
final class StoredPointer {
  private final CatalogScope scope;
  private final PointerCommits commits;
  private final AssetRef ref;
  private final AssetKind kind;
  private final FileIO io;

  /** The id of the asset the last read found; empty before one, or when there was none. */
  private volatile Optional<AssetId> assetId = Optional.empty();

  StoredPointer(
      CatalogScope scope, PointerCommits commits, AssetRef ref, AssetKind kind, FileIO io) {
    this.scope = scope;
    this.commits = commits;
    this.ref = ref;
    this.kind = kind;
    this.io = io;
  }

  /**
   * The current metadata location, or null when no asset of this kind with metadata is at the name
   * (a view, or a table of another format, is not an Iceberg table here).
   */
  String read() {
    Optional<Asset> current =
        StoreCalls.call(() -> scope.store().assets().get(scope.tenant(), ref))
            .filter(found -> isPointerOf(found, kind));
    assetId = current.map(Asset::id);
    return current.flatMap(Asset::metadataLocation).orElse(null);
  }

  /**
   * Installs metadata file {@code next}: creates the asset when {@code baseMetadataFile} is null,
   * else replaces that pointer, moving the storage location from {@code baseLocation} to {@code
   * location} when they differ. {@code ownFile} says whether this commit wrote {@code next}; a
   * registered file was written by someone else and is never deleted here.
   */
  void install(
      String baseMetadataFile, String baseLocation, String location, String next, boolean ownFile) {
    try {
      if (baseMetadataFile == null) {
        commits.create(ref, kind, location, next);
      } else {
        Optional<String> moved =
            Objects.equals(baseLocation, location) ? Optional.empty() : Optional.of(location);
        commits.replace(ref, assetId, kind, baseMetadataFile, next, moved);
      }
    } catch (RuntimeException e) {
      // Only a failure proving nothing was installed frees the file; any other may follow a
      // change that landed, and the file may be the current metadata now.
      if (ownFile && MetadataFiles.provesNothingInstalled(e)) {
        MetadataFiles.deleteQuietly(io, next);
      }
      throw e;
    }
  }

  /** Whether {@code asset} is an Iceberg table or view of {@code kind} with a metadata pointer. */
  static boolean isPointerOf(Asset asset, AssetKind kind) {
    return asset.kind() == kind && asset.metadataLocation().isPresent();
  }

  AssetRef ref() {
    return ref;
  }

  /** The id of the asset the last read found, when there was one. */
  Optional<AssetId> assetId() {
    return assetId;
  }
}
