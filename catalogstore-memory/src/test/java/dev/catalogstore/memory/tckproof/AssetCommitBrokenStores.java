package dev.catalogstore.memory.tckproof;

import java.util.List;

/**
 * Broken stores whose defect lives in what an Iceberg catalog needs of the assets facet: metadata
 * commits that also move the location or change properties, multi-asset commits, guarded deletes
 * and renames, listing by kinds, and saying which thing is missing.
 */
final class AssetCommitBrokenStores {
  private AssetCommitBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of();
  }
}
