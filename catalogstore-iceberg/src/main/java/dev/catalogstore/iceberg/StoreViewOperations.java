package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.view.BaseViewOperations;
import org.apache.iceberg.view.ViewMetadata;

/**
 * One Iceberg view's metadata pointer, kept as an {@link AssetKind#ICEBERG_VIEW} asset; commits
 * work as for tables ({@link StoreTableOperations}).
 */
final class StoreViewOperations extends BaseViewOperations {
  private final CatalogScope scope;
  private final PointerCommits commits;
  private final AssetRef ref;
  private final String fullName;
  private final FileIO io;

  /** The id of the asset the current metadata was read from; settles lost replies. */
  private volatile Optional<AssetId> assetId = Optional.empty();

  StoreViewOperations(
      CatalogScope scope, PointerCommits commits, AssetRef ref, String fullName, FileIO io) {
    this.scope = scope;
    this.commits = commits;
    this.ref = ref;
    this.fullName = fullName;
    this.io = io;
  }

  @Override
  protected FileIO io() {
    return io;
  }

  @Override
  protected String viewName() {
    return fullName;
  }

  @Override
  protected void doRefresh() {
    Optional<Asset> asset = StoreCalls.call(() -> scope.store().assets().get(scope.tenant(), ref));
    Optional<Asset> current = asset.filter(found -> found.kind() == AssetKind.ICEBERG_VIEW);
    String pointer = current.flatMap(Asset::metadataLocation).orElse(null);
    if (pointer == null && currentMetadataLocation() != null) {
      throw new NoSuchViewException("View does not exist: %s", CatalogScope.identifier(ref));
    }
    refreshFromMetadataLocation(pointer);
    assetId = current.filter(found -> pointer != null).map(Asset::id);
  }

  @Override
  protected void doCommit(ViewMetadata base, ViewMetadata metadata) {
    String next = writeNewMetadataIfRequired(metadata);
    // A registered view's file was written by someone else and is never deleted here.
    boolean keepFile = next.equals(metadata.metadataFileLocation());
    try {
      if (base == null) {
        commits.create(ref, AssetKind.ICEBERG_VIEW, metadata.location(), next);
      } else {
        Optional<String> moved =
            Objects.equals(base.location(), metadata.location())
                ? Optional.empty()
                : Optional.of(metadata.location());
        commits.replace(
            ref, assetId, AssetKind.ICEBERG_VIEW, base.metadataFileLocation(), next, moved);
      }
      keepFile = true;
    } catch (CommitStateUnknownException e) {
      keepFile = true;
      throw e;
    } finally {
      if (!keepFile) {
        MetadataFiles.deleteQuietly(io, next);
      }
    }
  }
}
