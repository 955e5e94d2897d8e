package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.view.BaseViewOperations;
import org.apache.iceberg.view.ViewMetadata;

/**
 * One Iceberg view's metadata pointer, kept as an {@link AssetKind#ICEBERG_VIEW} asset; commits
 * work as for tables ({@link StoreTableOperations}).
 */
final class StoreViewOperations extends BaseViewOperations {
  private final StoredPointer pointer;
  private final String fullName;
  private final FileIO io;

  StoreViewOperations(
      CatalogScope scope, PointerCommits commits, AssetRef ref, String fullName, FileIO io) {
    this.pointer = new StoredPointer(scope, commits, ref, AssetKind.ICEBERG_VIEW, io);
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
    String location = pointer.read();
    if (location == null && currentMetadataLocation() != null) {
      throw new NoSuchViewException(
          "View does not exist: %s", CatalogScope.identifier(pointer.ref()));
    }
    refreshFromMetadataLocation(location);
  }

  @Override
  protected void doCommit(ViewMetadata base, ViewMetadata metadata) {
    String next = writeNewMetadataIfRequired(metadata);
    pointer.install(
        base == null ? null : base.metadataFileLocation(),
        base == null ? null : base.location(),
        metadata.location(),
        next,
        !next.equals(metadata.metadataFileLocation()));
  }
}
