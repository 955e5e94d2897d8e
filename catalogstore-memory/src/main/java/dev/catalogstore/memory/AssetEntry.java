package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.MetadataLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

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
  // By sequence. Maintenance prunes entries and the rest keep their sequences, so the history can
  // have gaps: a sorted map, not a list, finds a page's start in O(log n) either way.
  private final NavigableMap<Long, MetadataLocation> history = new TreeMap<>();
  // Kept apart from the map: the newest sequence stays taken even if its entry were pruned.
  private long lastSequence;

  AssetEntry(Asset asset) {
    this.asset = asset;
  }

  Asset asset() {
    return asset;
  }

  void replace(Asset next) {
    this.asset = next;
  }

  /** The sequence number of the newest history entry ever appended; 0 while there is none. */
  long lastSequence() {
    return lastSequence;
  }

  /** Appends an entry; its sequence must be {@link #lastSequence()} + 1. */
  void append(MetadataLocation entry) {
    if (entry.sequence() != lastSequence + 1) {
      throw new IllegalStateException(
          "history sequence " + entry.sequence() + " does not follow " + lastSequence);
    }
    history.put(entry.sequence(), entry);
    lastSequence = entry.sequence();
  }

  /** Forgets every entry: the asset no longer has a metadata location. */
  void clearHistory() {
    history.clear();
    lastSequence = 0;
  }

  /** The entries kept, oldest first (ascending sequence), read-only. */
  Collection<MetadataLocation> history() {
    return Collections.unmodifiableCollection(history.values());
  }

  /** Removes {@code pruned} (entries of this history) by sequence; the rest keep theirs. */
  void prune(Collection<MetadataLocation> pruned) {
    for (MetadataLocation entry : pruned) {
      history.remove(entry.sequence(), entry);
    }
  }

  /**
   * Up to {@code count} entries, newest first, starting with the newest one whose sequence is below
   * {@code beforeSequence}. Costs O(log n + count), gaps or not.
   */
  List<MetadataLocation> historyBefore(long beforeSequence, int count) {
    List<MetadataLocation> result = new ArrayList<>(Math.min(count, history.size()));
    Iterator<MetadataLocation> older =
        history.headMap(beforeSequence, false).descendingMap().values().iterator();
    while (result.size() < count && older.hasNext()) {
      result.add(older.next());
    }
    return result;
  }
}
