package dev.catalogstore.api.spi;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import java.util.Map;

/**
 * The limit on what a property map holds once stored, not only on what one request carries: a
 * change that would leave more than {@link #MAX_ENTRIES} entries fails with {@link
 * InvalidArgumentException} on the field of the property change, and changes nothing. Each entry's
 * key and value are bounded by request validation ({@link Inputs#properties}), so the entry count
 * bounds the stored size as well. One rule and one error for every backend.
 */
public final class StoredProperties {
  /** The most entries a stored property map may have: as many as one request may carry. */
  public static final int MAX_ENTRIES = Inputs.MAX_PROPERTIES;

  /** The field of a single metadata commit's property changes ({@code commitMetadataLocation}). */
  public static final String COMMIT_FIELD = "commit.properties";

  private StoredProperties() {}

  /**
   * The field of the property changes of part {@code index} of a multi-asset commit: {@code
   * commits[index].commit.properties}, as request validation names that part.
   */
  public static String commitPartField(int index) {
    return "commits[" + index + "]." + COMMIT_FIELD;
  }

  /**
   * {@code update} (validated) applied to {@code stored}, if the result stays within the limit.
   *
   * @param field the field of {@code update} in the call, for example {@code "update.properties"}
   * @throws InvalidArgumentException on {@code field} if the result would exceed the limit
   */
  public static Map<String, String> apply(
      Map<String, String> stored, PropertyUpdate update, String field) {
    Map<String, String> next = update.applyTo(stored);
    if (next.size() > MAX_ENTRIES) {
      throw exceeded(field);
    }
    return next;
  }

  /**
   * Checks that {@code update} (validated) applied to {@code stored} stays within the limit, for a
   * backend that writes the change itself (for example in SQL) after reading, and locking, what is
   * stored.
   *
   * @param field the field of {@code update} in the call
   * @throws InvalidArgumentException on {@code field} if the result would exceed the limit
   */
  public static void check(Map<String, String> stored, PropertyUpdate update, String field) {
    apply(stored, update, field);
  }

  /**
   * The failure of a change of {@code field} that would leave too many entries; for a backend whose
   * storage enforces the limit itself (a check constraint) and reports it afterwards.
   */
  public static InvalidArgumentException exceeded(String field) {
    return new InvalidArgumentException(
        field, "would leave more than " + MAX_ENTRIES + " properties stored");
  }
}
