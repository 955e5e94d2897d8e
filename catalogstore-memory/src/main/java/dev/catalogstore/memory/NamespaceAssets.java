package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The assets directly in one namespace on one branch, indexed twice: all of them by name in a hash
 * map, for exact look-ups, and each kind's in code-point order of their names, for listings. A kind
 * never changes (a rename keeps it), so both indexes change only when an asset is added or removed.
 *
 * <p>A listing reads only the per-kind indexes of the kinds asked for and merges them, so assets of
 * other kinds are never visited: a catalog listing its few tables in a namespace of a million files
 * reads a few entries, not a million. A listing of every kind merges the indexes of the kinds the
 * namespace holds (one per kind, usually one or two).
 *
 * <p>Changed only under its branch's write lock (see {@link BranchState}). The index by name is a
 * {@link ConcurrentHashMap} so that an optimistic single-asset reader, which takes no lock, can
 * look a name up while a change is under way, in one hash probe where a sorted map would compare
 * names along a path of O(log n); the per-kind indexes are read only under a lock.
 */
final class NamespaceAssets {
  private final Map<String, AssetEntry> byName = new ConcurrentHashMap<>();
  // Only non-empty per-kind maps are kept, so a kind the namespace lacks costs nothing to skip.
  private final Map<AssetKind, NavigableMap<String, AssetEntry>> byKind =
      new EnumMap<>(AssetKind.class);

  Optional<AssetEntry> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The asset named {@code name}, or null. */
  AssetEntry entry(String name) {
    return byName.get(name);
  }

  boolean isEmpty() {
    return byName.isEmpty();
  }

  /** Every asset of the namespace, read-only. */
  Collection<AssetEntry> all() {
    return Collections.unmodifiableCollection(byName.values());
  }

  /** Files {@code entry} under the name and kind its asset value carries now. */
  void put(AssetEntry entry) {
    String name = entry.asset().ref().name();
    byName.put(name, entry);
    byKind
        .computeIfAbsent(entry.asset().kind(), kind -> new TreeMap<>(CodePointOrder.STRINGS))
        .put(name, entry);
  }

  /** Removes the asset named {@code name}, if there is one. */
  void remove(String name) {
    AssetEntry removed = byName.remove(name);
    if (removed == null) {
      return;
    }
    AssetKind kind = removed.asset().kind();
    NavigableMap<String, AssetEntry> ofKind = byKind.get(kind);
    ofKind.remove(name);
    if (ofKind.isEmpty()) {
      byKind.remove(kind);
    }
  }

  /**
   * The assets whose kind is in {@code kinds} and whose names follow {@code after} (from the first
   * when empty), lazily in code-point order of their names.
   *
   * <p>Cost: for the k kinds asked for that the namespace holds, O(k log n) to start and O(log k)
   * per asset read (O(1) when k is 1): only assets of those kinds are visited, never the others.
   */
  Iterator<AssetEntry> after(Optional<String> after, Set<AssetKind> kinds) {
    List<Iterator<AssetEntry>> sources = new ArrayList<>(Math.min(kinds.size(), byKind.size()));
    // The smaller side drives: the kinds held when every kind is asked for, else those asked for.
    if (kinds.size() >= byKind.size()) {
      byKind.forEach(
          (kind, ofKind) -> {
            if (kinds.contains(kind)) {
              sources.add(tail(ofKind, after));
            }
          });
    } else {
      for (AssetKind kind : kinds) {
        NavigableMap<String, AssetEntry> ofKind = byKind.get(kind);
        if (ofKind != null) {
          sources.add(tail(ofKind, after));
        }
      }
    }
    return switch (sources.size()) {
      case 0 -> Collections.emptyIterator();
      case 1 -> sources.get(0);
      default -> new Merge(sources);
    };
  }

  /**
   * The values of {@code index} after {@code after}. An iterator, not a stream: a sub-map's value
   * collection has no spliterator of its own, and the default one asks for its size, which a {@code
   * TreeMap} sub-map computes by walking every entry.
   */
  private static Iterator<AssetEntry> tail(
      NavigableMap<String, AssetEntry> index, Optional<String> after) {
    return (after.isPresent() ? index.tailMap(after.get(), false) : index).values().iterator();
  }

  /**
   * Merges iterators that each run in code-point order of asset names into one such run. Names are
   * unique in a namespace, so no two sources ever offer the same one.
   */
  private static final class Merge implements Iterator<AssetEntry> {
    private final PriorityQueue<Head> heads =
        new PriorityQueue<>(Comparator.comparing(Head::name, CodePointOrder.STRINGS));

    Merge(List<Iterator<AssetEntry>> sources) {
      sources.forEach(this::advance);
    }

    @Override
    public boolean hasNext() {
      return !heads.isEmpty();
    }

    @Override
    public AssetEntry next() {
      Head head = heads.poll();
      if (head == null) {
        throw new NoSuchElementException();
      }
      advance(head.rest());
      return head.entry();
    }

    private void advance(Iterator<AssetEntry> source) {
      if (source.hasNext()) {
        heads.add(new Head(source.next(), source));
      }
    }

    /** The next asset of one source, and the source to continue with. */
    private record Head(AssetEntry entry, Iterator<AssetEntry> rest) {
      String name() {
        return entry.asset().ref().name();
      }
    }
  }
}
