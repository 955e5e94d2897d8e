package dev.catalogstore.api.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Copies for the property maps of model records. */
public final class Properties {
  private Properties() {}

  /**
   * An unmodifiable copy that keeps {@code null} keys and values (and a {@code null} map), so that
   * input records can carry bad input to the store's validation, which names it.
   */
  public static Map<String, String> copyOf(Map<String, String> properties) {
    return properties == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
  }
}
