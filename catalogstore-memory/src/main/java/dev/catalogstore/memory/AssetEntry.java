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
 * updates both at once. An entry stays on the branch it was made on for its whole life.
 *
 * <p>The history is allocated lazily, as most assets have at most the one entry of their creation
 * or last commit: no entry is held as {@code null}, one entry as that {@link MetadataLocation}
 * alone, and only a second entry allocates the sorted map.
 *
 * <p>Thread-safety: changed only under its branch's write lock or the tenant's write lock (see
 * {@link TenantState}). The value is volatile so that an optimistic reader, which takes no lock,
 * reads the latest value published; the history is read only by readers holding a lock.
 */
final class AssetEntry {
  private final BranchState branch;
  private volatile Asset asset;
  // null (no entry), one MetadataLocation, or a NavigableMap<Long, MetadataLocation> by sequence.
  // Maintenance prunes entries and the rest keep their sequences, so the history can have gaps: a
  // sorted map, not a list, finds a page's start in O(log n) either way.
  private Object history;
  // Kept apart from the entries: the newest sequence stays taken even if its entry were pruned.
  private long lastSequence;

  AssetEntry(BranchState branch, Asset asset) {
    this.branch = branch;
    this.asset = asset;
  }

  /** The branch whose assets this entry is one of. */
  BranchState branch() {
    return branch;
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
    if (history == null) {
      history = entry;
    } else {
      entries().put(entry.sequence(), entry);
    }
    lastSequence = entry.sequence();
  }

  /** Forgets every entry: the asset no longer has a metadata location. */
  void clearHistory() {
    history = null;
    lastSequence = 0;
  }

  /** The entries kept, oldest first (ascending sequence), read-only. */
  Collection<MetadataLocation> history() {
    if (history == null) {
      return List.of();
    }
    if (history instanceof MetadataLocation only) {
      return List.of(only);
    }
    return Collections.unmodifiableCollection(sorted().values());
  }

  /** Removes {@code pruned} (entries of this history) by sequence; the rest keep theirs. */
  void prune(Collection<MetadataLocation> pruned) {
    if (history instanceof MetadataLocation only) {
      if (pruned.contains(only)) {
        history = null;
      }
      return;
    }
    if (history != null) {
      NavigableMap<Long, MetadataLocation> sorted = sorted();
      for (MetadataLocation entry : pruned) {
        sorted.remove(entry.sequence(), entry);
      }
      // Back to the compact forms, so a pruned history costs what a short one does.
      if (sorted.isEmpty()) {
        history = null;
      } else if (sorted.size() == 1) {
        history = sorted.firstEntry().getValue();
      }
    }
  }

  /**
   * Up to {@code count} entries, newest first, starting with the newest one whose sequence is below
   * {@code beforeSequence}. Costs O(log n + count), gaps or not.
   */
  List<MetadataLocation> historyBefore(long beforeSequence, int count) {
    if (history == null || count <= 0) {
      return new ArrayList<>(0);
    }
    if (history instanceof MetadataLocation only) {
      List<MetadataLocation> result = new ArrayList<>(1);
      if (only.sequence() < beforeSequence) {
        result.add(only);
      }
      return result;
    }
    NavigableMap<Long, MetadataLocation> sorted = sorted();
    List<MetadataLocation> result = new ArrayList<>(Math.min(count, sorted.size()));
    Iterator<MetadataLocation> older =
        sorted.headMap(beforeSequence, false).descendingMap().values().iterator();
    while (result.size() < count && older.hasNext()) {
      result.add(older.next());
    }
    return result;
  }

  /** The history as a sorted map, made from the single entry when a second one comes. */
  private NavigableMap<Long, MetadataLocation> entries() {
    if (history instanceof MetadataLocation only) {
      NavigableMap<Long, MetadataLocation> sorted = new TreeMap<>();
      sorted.put(only.sequence(), only);
      history = sorted;
    }
    return sorted();
  }

  @SuppressWarnings("unchecked")
  private NavigableMap<Long, MetadataLocation> sorted() {
    return (NavigableMap<Long, MetadataLocation>) history;
  }
}
