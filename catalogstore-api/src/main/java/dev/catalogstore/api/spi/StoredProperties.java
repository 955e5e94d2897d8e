package dev.catalogstore.api.spi;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import java.util.Map;

/**
 * The limits on what a property map holds once stored, not only on what one request carries: a
 * change that would leave more than {@link #MAX_ENTRIES} entries, or more than {@link
 * #MAX_TOTAL_BYTES} bytes of keys and values together (their UTF-8 encoded lengths, {@link
 * Inputs#utf8Length}), fails with {@link InvalidArgumentException} on the field of the property
 * change ({@link #exceeded}), and changes nothing. Both limits are those of one request ({@link
 * Inputs#properties}), so a map one request may set can always be stored, and hold after any
 * sequence of updates. One rule and one error for every backend; PostgreSQL checks the same numbers
 * in check constraints (the total with {@code octet_length}).
 */
public final class StoredProperties {
  /** The most entries a stored property map may have: as many as one request may carry. */
  public static final int MAX_ENTRIES = Inputs.MAX_PROPERTIES;

  /**
   * The most bytes a stored property map may hold, its keys' and values' UTF-8 encoded lengths
   * together: 1 MiB ({@value}), as much as one request may carry.
   */
  public static final int MAX_TOTAL_BYTES = Inputs.MAX_PROPERTY_BYTES;

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
   * {@code update} (validated) applied to {@code stored}, if the result stays within both limits
   * (entries and total bytes).
   *
   * @param field the field of {@code update} in the call, for example {@code "update.properties"}
   * @throws InvalidArgumentException on {@code field} if the result would exceed a limit
   */
  public static Map<String, String> apply(
      Map<String, String> stored, PropertyUpdate update, String field) {
    Map<String, String> next = update.applyTo(stored);
    if (next.size() > MAX_ENTRIES || Inputs.utf8Length(next) > MAX_TOTAL_BYTES) {
      throw exceeded(field);
    }
    return next;
  }

  /**
   * Checks that {@code update} (validated) applied to {@code stored} stays within the limits, for a
   * backend that writes the change itself (for example in SQL) after reading, and locking, what is
   * stored.
   *
   * @param field the field of {@code update} in the call
   * @throws InvalidArgumentException on {@code field} if the result would exceed a limit
   */
  public static void check(Map<String, String> stored, PropertyUpdate update, String field) {
    apply(stored, update, field);
  }

  /**
   * The failure of a change of {@code field} that would leave too many entries or too many bytes;
   * for a backend whose storage enforces the limits itself (check constraints) and reports a
   * violation afterwards. One message for both limits, so that every backend reports the same
   * failure whichever limit its storage checked first.
   */
  public static InvalidArgumentException exceeded(String field) {
    return new InvalidArgumentException(
        field,
        "would leave more than "
            + MAX_ENTRIES
            + " properties or more than "
            + MAX_TOTAL_BYTES
            + " bytes (UTF-8) of keys and values stored");
  }
}
