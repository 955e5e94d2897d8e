package dev.catalogstore.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A change to a property map: keys to set (added or overwritten) and keys to remove. Removing a key
 * that is absent is not an error. A key may not be both set and removed in one update (an {@code
 * InvalidArgumentException}).
 *
 * <p>Limits: {@code set} carries at most 1000 entries and 1 MiB (1,048,576 bytes) of keys and
 * values together, counted in UTF-8; and the map an update leaves stored is bounded by the same two
 * numbers after any sequence of updates (see {@code dev.catalogstore.api.spi.StoredProperties}). An
 * update that would leave more entries or more bytes fails with {@code InvalidArgumentException} on
 * the field of the property change and changes nothing.
 *
 * @param set the entries to add or overwrite
 * @param remove the keys to remove
 */
public record PropertyUpdate(Map<String, String> set, Set<String> remove) {
  /** An update that changes nothing. */
  public static final PropertyUpdate NONE = new PropertyUpdate(Map.of(), Set.of());

  public PropertyUpdate {
    // Copies that keep nulls, so the store's validation can name the bad entry.
    set = set == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    remove = remove == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(remove));
  }

  /** An update that sets {@code entries}. */
  public static PropertyUpdate setting(Map<String, String> entries) {
    return new PropertyUpdate(entries, Set.of());
  }

  /** An update that removes {@code keys}. */
  public static PropertyUpdate removing(Set<String> keys) {
    return new PropertyUpdate(Map.of(), keys);
  }

  /** An update that sets one entry. */
  public static PropertyUpdate setting(String key, String value) {
    Map<String, String> entry = new LinkedHashMap<>();
    entry.put(key, value);
    return setting(entry);
  }

  /** Whether this update changes nothing. */
  public boolean isEmpty() {
    return set.isEmpty() && remove.isEmpty();
  }

  /** Applies this (validated) update to {@code properties}, returning a new unmodifiable map. */
  public Map<String, String> applyTo(Map<String, String> properties) {
    Map<String, String> result = new LinkedHashMap<>(properties);
    result.keySet().removeAll(remove);
    result.putAll(set);
    return Collections.unmodifiableMap(result);
  }
}
