package dev.catalogstore.memory;

import dev.catalogstore.api.spi.ListQuery;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;

/**
 * Reading one page's worth of items from this store's sorted in-memory indexes: the storage half of
 * paging, whose other half (limits, tokens, pages) is the shared {@link ListQuery}.
 */
final class SortedReads {
  private SortedReads() {}

  /**
   * Up to {@code cursor.fetchSize()} values of {@code index} that follow the cursor's position
   * (from the start on a first page), in the index's order, in O(log n + limit).
   */
  static <V> List<V> fetch(NavigableMap<String, V> index, ListQuery.Cursor cursor) {
    NavigableMap<String, V> following =
        cursor.after().isPresent() ? index.tailMap(cursor.after().get(), false) : index;
    // An iterator, not a stream: a sub-map's value collection has no spliterator of its own, and
    // the default one asks for its size, which a TreeMap sub-map computes by walking every entry,
    // turning each page into O(n).
    return fetch(following.values().iterator(), cursor);
  }

  /** The first {@code cursor.fetchSize()} values of {@code values}, or all if there are fewer. */
  static <V> List<V> fetch(Iterator<V> values, ListQuery.Cursor cursor) {
    List<V> fetched = new ArrayList<>(cursor.fetchSize());
    while (fetched.size() < cursor.fetchSize() && values.hasNext()) {
      fetched.add(values.next());
    }
    return fetched;
  }
}
