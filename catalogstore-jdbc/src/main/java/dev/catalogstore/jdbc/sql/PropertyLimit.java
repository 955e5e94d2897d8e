package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.spi.Inputs;
import java.util.Map;

/**
 * The limit on what a property map holds once stored, not only on what one request carries: an
 * update that would leave more than {@link #MAX_STORED} entries fails, and changes nothing. The
 * database enforces it on every write, by the {@code *_properties_ck} constraints of migration V2
 * (a check constraint, so no statement can forget it); this class reports it. Each entry's key and
 * value are bounded by request validation, so the entry count bounds the stored size as well.
 */
public final class PropertyLimit {
  /** The most entries a stored property map may have: the same as one request may carry. */
  public static final int MAX_STORED = Inputs.MAX_PROPERTIES;

  private PropertyLimit() {}

  /** The failure of an update of {@code field} that would leave too many properties. */
  public static InvalidArgumentException exceeded(String field) {
    return new InvalidArgumentException(
        field, "would leave more than " + MAX_STORED + " properties stored");
  }

  /**
   * Checks {@code update} against a map read under a row lock, for a change that wants to name the
   * exact request part at fault before it writes (the constraint still guards the write).
   */
  public static void check(Map<String, String> stored, PropertyUpdate update, String field) {
    if (update.applyTo(stored).size() > MAX_STORED) {
      throw exceeded(field);
    }
  }

  /** Whether {@code constraint}, as named by PostgreSQL, is one of the limit's constraints. */
  static boolean isLimitConstraint(String constraint) {
    return constraint != null && constraint.endsWith("_properties_ck");
  }
}
