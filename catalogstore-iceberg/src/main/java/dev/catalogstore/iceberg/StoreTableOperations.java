package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import java.util.Optional;
import org.apache.iceberg.BaseMetastoreTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.FileIO;

/**
 * One Iceberg table's metadata pointer, kept as an {@link AssetKind#ICEBERG_TABLE} asset. A commit
 * writes the new metadata file, then installs it by the store's compare-and-set on the previous
 * pointer ({@link PointerCommits}); the storage location moves with it when the metadata moved it.
 * A commit proven not to have landed deletes the file it wrote; one whose outcome is unknown keeps
 * it, since it may be the table's current metadata.
 */
final class StoreTableOperations extends BaseMetastoreTableOperations {
  private final StoredPointer pointer;
  private final String fullName;
  private final FileIO io;

  StoreTableOperations(
      CatalogScope scope, PointerCommits commits, AssetRef ref, String fullName, FileIO io) {
    this.pointer = new StoredPointer(scope, commits, ref, AssetKind.ICEBERG_TABLE, io);
    this.fullName = fullName;
    this.io = io;
  }

  @Override
  public FileIO io() {
    return io;
  }

  @Override
  protected String tableName() {
    return fullName;
  }

  @Override
  protected void doRefresh() {
    String location = pointer.read();
    if (location == null && currentMetadataLocation() != null) {
      throw new NoSuchTableException(
          "Table does not exist: %s", CatalogScope.identifier(pointer.ref()));
    }
    refreshFromMetadataLocation(location);
  }

  @Override
  protected void doCommit(TableMetadata base, TableMetadata metadata) {
    String next = writeNewMetadataIfRequired(base == null, metadata);
    pointer.install(
        base == null ? null : base.metadataFileLocation(),
        base == null ? null : base.location(),
        metadata.location(),
        next,
        !next.equals(metadata.metadataFileLocation()));
  }

  /** Writes {@code metadata} as the next metadata file of this table, for a multi-table commit. */
  String writeNext(TableMetadata metadata) {
    return writeNewMetadataIfRequired(false, metadata);
  }

  AssetRef ref() {
    return pointer.ref();
  }

  /** The id of the asset the current metadata was read from, when there is one. */
  Optional<AssetId> assetId() {
    return pointer.assetId();
  }
}
