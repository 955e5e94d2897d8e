package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import java.util.Objects;
import java.util.Optional;
import org.apache.iceberg.BaseMetastoreTableOperations;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
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
  private final CatalogScope scope;
  private final PointerCommits commits;
  private final AssetRef ref;
  private final String fullName;
  private final FileIO io;

  /** The id of the asset the current metadata was read from; settles lost replies. */
  private volatile Optional<AssetId> assetId = Optional.empty();

  StoreTableOperations(
      CatalogScope scope, PointerCommits commits, AssetRef ref, String fullName, FileIO io) {
    this.scope = scope;
    this.commits = commits;
    this.ref = ref;
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
    Optional<Asset> asset = StoreCalls.call(() -> scope.store().assets().get(scope.tenant(), ref));
    // Only an Iceberg table with metadata is a table here; a view or another format by that name
    // is not.
    Optional<Asset> current = asset.filter(found -> found.kind() == AssetKind.ICEBERG_TABLE);
    String pointer = current.flatMap(Asset::metadataLocation).orElse(null);
    if (pointer == null && currentMetadataLocation() != null) {
      throw new NoSuchTableException("Table does not exist: %s", CatalogScope.identifier(ref));
    }
    refreshFromMetadataLocation(pointer);
    assetId = current.filter(found -> pointer != null).map(Asset::id);
  }

  @Override
  protected void doCommit(TableMetadata base, TableMetadata metadata) {
    boolean creating = base == null;
    String next = writeNewMetadataIfRequired(creating, metadata);
    install(base, metadata, next);
  }

  /**
   * Installs metadata file {@code next} over {@code base}; deletes the file when the commit is
   * proven lost and this commit wrote it. A registered table's file was written by someone else (it
   * is {@code metadata}'s own location) and is never deleted here.
   */
  void install(TableMetadata base, TableMetadata metadata, String next) {
    boolean keepFile = next.equals(metadata.metadataFileLocation());
    try {
      if (base == null) {
        commits.create(ref, AssetKind.ICEBERG_TABLE, metadata.location(), next);
      } else {
        Optional<String> moved =
            Objects.equals(base.location(), metadata.location())
                ? Optional.empty()
                : Optional.of(metadata.location());
        commits.replace(
            ref, assetId, AssetKind.ICEBERG_TABLE, base.metadataFileLocation(), next, moved);
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

  /** Writes {@code metadata} as the next metadata file of this table, for a multi-table commit. */
  String writeNext(TableMetadata metadata) {
    return writeNewMetadataIfRequired(false, metadata);
  }

  AssetRef ref() {
    return ref;
  }

  /** The id of the asset the current metadata was read from, when there is one. */
  Optional<AssetId> assetId() {
    return assetId;
  }
}
