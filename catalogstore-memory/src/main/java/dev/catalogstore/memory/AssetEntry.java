package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.MetadataLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * One asset as the store keeps it: its current immutable {@link Asset} value and its history of
 * committed metadata locations. The entry object is shared by the asset's two indexes (by
 * coordinates in its {@link BranchState}, by id in its {@link TenantState}), so a rename or commit
 * updates both at once.
 *
 * <p>Not thread-safe by itself: guarded by the lock of the owning {@link TenantState}.
 */
final class AssetEntry {
  private Asset asset;
  // Entry i has sequence i + 1; sequences are gapless, so a position is an index (O(1) seek).
  private final List<MetadataLocation> history = new ArrayList<>();

  AssetEntry(Asset asset) {
    this.asset = asset;
  }

  Asset asset() {
    return asset;
  }

  void replace(Asset next) {
    this.asset = next;
  }

  /** The sequence number of the newest history entry; 0 while there is none. */
  long lastSequence() {
    return history.size();
  }

  /** Appends an entry; its sequence must be {@link #lastSequence()} + 1. */
  void append(MetadataLocation entry) {
    if (entry.sequence() != lastSequence() + 1) {
      throw new IllegalStateException(
          "history sequence " + entry.sequence() + " does not follow " + lastSequence());
    }
    history.add(entry);
  }

  /** Forgets every entry: the asset no longer has a metadata location. */
  void clearHistory() {
    history.clear();
  }

  /**
   * Up to {@code count} entries, newest first, starting with the newest one whose sequence is below
   * {@code beforeSequence}. Costs O(count).
   */
  List<MetadataLocation> historyBefore(long beforeSequence, int count) {
    long newest = Math.min(beforeSequence - 1, lastSequence());
    List<MetadataLocation> result = new ArrayList<>();
    for (long sequence = newest; sequence >= 1 && result.size() < count; sequence--) {
      result.add(history.get((int) (sequence - 1)));
    }
    return result;
  }
}
