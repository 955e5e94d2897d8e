package dev.catalogstore.iceberg;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.MetadataCommit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.MetadataUpdate;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.UpdateRequirement;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NoSuchTableException;

/**
 * Commits changes to several tables as one step of the store ({@code commitMetadataLocations}): all
 * tables move to their new metadata, or none does.
 *
 * <p>Each table's requirements are checked against its metadata read now, its updates applied and
 * its new metadata file written; the store then swaps every pointer at once, on the condition that
 * each is still the one read. A table that changed after it was read fails the whole commit with
 * {@code CommitFailedException}; the files written are deleted. A table whose updates change
 * nothing takes no part: it keeps its metadata, and its requirements are checked against the
 * metadata read, not atomically with the others' swap (a read-set check needs a change to ride on).
 */
final class MultiTableCommit {
  private final PointerCommits pointerCommits;
  private final Function<TableIdentifier, StoreTableOperations> tableOps;

  MultiTableCommit(
      PointerCommits pointerCommits, Function<TableIdentifier, StoreTableOperations> tableOps) {
    this.pointerCommits = pointerCommits;
    this.tableOps = tableOps;
  }

  void commit(List<TableCommit> commits) {
    requireDistinctTables(commits);
    List<AssetCommit> parts = new ArrayList<>();
    List<Optional<AssetId>> ids = new ArrayList<>();
    List<Runnable> afterSuccess = new ArrayList<>();
    List<String> written = new ArrayList<>();
    StoreTableOperations anyOps = null;
    try {
      for (TableCommit commit : commits) {
        StoreTableOperations ops = tableOps.apply(commit.identifier());
        anyOps = ops;
        TableMetadata base = ops.refresh();
        if (base == null) {
          throw new NoSuchTableException("Table does not exist: %s", commit.identifier());
        }
        for (UpdateRequirement requirement : commit.requirements()) {
          requirement.validate(base);
        }
        TableMetadata.Builder builder = TableMetadata.buildFrom(base);
        for (MetadataUpdate update : commit.updates()) {
          update.applyTo(builder);
        }
        TableMetadata updated = builder.build();
        if (updated.changes().isEmpty()) {
          continue;
        }
        String next = ops.writeNext(updated);
        written.add(next);
        MetadataCommit cas = MetadataCommit.replacing(base.metadataFileLocation(), next);
        if (!Objects.equals(base.location(), updated.location())) {
          cas = cas.withLocation(updated.location());
        }
        parts.add(new AssetCommit(ops.ref(), cas));
        ids.add(ops.assetId());
        // As a single table's commit does: drop metadata files the table asks to forget.
        afterSuccess.add(() -> CatalogUtil.deleteRemovedMetadataFiles(ops.io(), base, updated));
      }
      if (!parts.isEmpty()) {
        pointerCommits.replaceAll(parts, ids);
      }
      afterSuccess.forEach(Runnable::run);
    } catch (RuntimeException e) {
      // As for one table: only a failure proving nothing was installed frees the files.
      if (anyOps != null && MetadataFiles.provesNothingInstalled(e)) {
        for (String file : written) {
          MetadataFiles.deleteQuietly(anyOps.io(), file);
        }
      }
      throw e;
    }
  }

  private static void requireDistinctTables(List<TableCommit> commits) {
    Set<TableIdentifier> seen = new HashSet<>();
    for (int i = 0; i < commits.size(); i++) {
      TableCommit commit = Objects.requireNonNull(commits.get(i), "commits[" + i + "]");
      if (!seen.add(commit.identifier())) {
        throw new IllegalArgumentException(
            "commits[" + i + "]: table " + commit.identifier() + " appears more than once");
      }
    }
  }
}
