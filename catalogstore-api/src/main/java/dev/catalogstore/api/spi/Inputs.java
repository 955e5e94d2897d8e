package dev.catalogstore.api.spi;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The rules for the contract's primitive inputs: names, property maps, locations, namespace paths
 * and page sizes. Each check throws {@link InvalidArgumentException} naming the field, and
 * otherwise returns its input. Backends call these (through {@link Requests}) before writing
 * anything.
 */
public final class Inputs {
  /** The longest name, in code points. */
  public static final int MAX_NAME_LENGTH = 255;

  /** The longest property key, in code points. */
  public static final int MAX_PROPERTY_KEY_LENGTH = 255;

  /** The longest property value, in code points. */
  public static final int MAX_PROPERTY_VALUE_LENGTH = 64 * 1024;

  /** The most entries one property map may have. */
  public static final int MAX_PROPERTIES = 1000;

  /**
   * The most bytes one property map may hold: the UTF-8 encoded lengths of all its keys and values
   * together, 1 MiB ({@value}). UTF-8 bytes rather than characters, so that a database can check
   * the same number exactly (PostgreSQL's {@code octet_length}).
   */
  public static final int MAX_PROPERTY_BYTES = 1024 * 1024;

  /** The longest location URI, in code points. */
  public static final int MAX_LOCATION_LENGTH = 4096;

  /** The deepest namespace path. */
  public static final int MAX_NAMESPACE_DEPTH = 32;

  /** The longest commit message, in code points. */
  public static final int MAX_MESSAGE_LENGTH = 64 * 1024;

  /** The most code points of a description (of a role, of a service user). */
  public static final int MAX_DESCRIPTION_LENGTH = 4096;

  /** The most code points of an email address (RFC 5321's path limit, rounded up). */
  public static final int MAX_EMAIL_LENGTH = 320;

  private Inputs() {}

  /** Rejects {@code null}. */
  public static <T> T required(T value, String field) {
    if (value == null) {
      throw new InvalidArgumentException(field, "is required");
    }
    return value;
  }

  /**
   * A name: 1 to {@value #MAX_NAME_LENGTH} code points, not blank, no control characters, valid
   * Unicode. Every other character is allowed and kept exactly.
   */
  public static String name(String value, String field) {
    return text(value, field, MAX_NAME_LENGTH, false);
  }

  /**
   * Whether {@link #name} accepts {@code value}: the same rules, answered without an exception and
   * without the field name, so a hot path can check a composite input cheaply and build field names
   * only for the error of an input it refuses.
   */
  public static boolean isName(String value) {
    return value != null && !value.isBlank() && charactersValid(value, MAX_NAME_LENGTH, false);
  }

  /** Whether {@link #namespacePath} accepts {@code value}; see {@link #isName}. */
  public static boolean isNamespacePath(NamespacePath value) {
    if (value == null) {
      return false;
    }
    List<String> segments = value.segments();
    if (segments == null || segments.isEmpty() || segments.size() > MAX_NAMESPACE_DEPTH) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      if (!isName(segments.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** A location URI: like a name, up to {@value #MAX_LOCATION_LENGTH} code points. */
  /**
   * Free text such as a commit message: 1 to {@link #MAX_MESSAGE_LENGTH} code points, not blank, no
   * control characters except tab and line breaks.
   */
  public static String message(String value, String field) {
    return text(value, field, MAX_MESSAGE_LENGTH, true);
  }

  public static String location(String value, String field) {
    return text(value, field, MAX_LOCATION_LENGTH, false);
  }

  /**
   * A property map: at most {@value #MAX_PROPERTIES} entries; keys are like names (up to {@value
   * #MAX_PROPERTY_KEY_LENGTH}); values are non-null, up to {@value #MAX_PROPERTY_VALUE_LENGTH} code
   * points, may be empty and may contain tabs and line breaks, but no other control characters; and
   * all keys and values together at most {@value #MAX_PROPERTY_BYTES} bytes in UTF-8 ({@link
   * #utf8Length}).
   */
  public static Map<String, String> properties(Map<String, String> value, String field) {
    required(value, field);
    if (value.size() > MAX_PROPERTIES) {
      throw new InvalidArgumentException(field, "has more than " + MAX_PROPERTIES + " entries");
    }
    for (Map.Entry<String, String> entry : value.entrySet()) {
      String key = text(entry.getKey(), field + " key", MAX_PROPERTY_KEY_LENGTH, false);
      propertyValue(entry.getValue(), field + "[" + key + "]");
    }
    if (utf8Length(value) > MAX_PROPERTY_BYTES) {
      throw new InvalidArgumentException(
          field, "has more than " + MAX_PROPERTY_BYTES + " bytes (UTF-8) of keys and values");
    }
    return value;
  }

  /**
   * The UTF-8 encoded length of all keys and values of {@code properties} together, as PostgreSQL's
   * {@code octet_length} counts it: 1 byte for U+0000–U+007F, 2 up to U+07FF, 3 up to U+FFFF and 4
   * beyond (a surrogate pair). Meant for validated maps (no unpaired surrogates); one unpaired
   * counts 3 bytes.
   */
  public static long utf8Length(Map<String, String> properties) {
    long bytes = 0;
    for (Map.Entry<String, String> entry : properties.entrySet()) {
      bytes += utf8Length(entry.getKey()) + utf8Length(entry.getValue());
    }
    return bytes;
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** A property update: valid keys and values, and no key both set and removed. */
  public static PropertyUpdate propertyUpdate(PropertyUpdate value, String field) {
    required(value, field);
    properties(value.set(), field + ".set");
    required(value.remove(), field + ".remove");
    if (value.remove().size() > MAX_PROPERTIES) {
      throw new InvalidArgumentException(
          field + ".remove", "has more than " + MAX_PROPERTIES + " keys");
    }
    for (String key : value.remove()) {
      text(key, field + ".remove", MAX_PROPERTY_KEY_LENGTH, false);
      if (value.set().containsKey(key)) {
        throw new InvalidArgumentException(
            field + ".remove", "key '" + key + "' is both set and removed");
      }
    }
    return value;
  }

  /** A namespace path with at least one segment, each a valid name. */
  public static NamespacePath namespacePath(NamespacePath value, String field) {
    namespacePathOrRoot(value, field);
    if (value.isRoot()) {
      throw new InvalidArgumentException(field, "must have at least one segment");
    }
    return value;
  }

  /** A namespace path whose segments are valid names; the root is allowed. */
  public static NamespacePath namespacePathOrRoot(NamespacePath value, String field) {
    required(value, field);
    List<String> segments = required(value.segments(), field);
    if (segments.size() > MAX_NAMESPACE_DEPTH) {
      throw new InvalidArgumentException(
          field, "is deeper than " + MAX_NAMESPACE_DEPTH + " segments");
    }
    for (int i = 0; i < segments.size(); i++) {
      name(segments.get(i), field + "[" + i + "]");
    }
    return value;
  }

  /**
   * A description: up to {@value #MAX_DESCRIPTION_LENGTH} code points, may be empty, no control
   * characters except tab and line breaks.
   */
  public static String description(String value, String field) {
    required(value, field);
    checkCharacters(value, field, MAX_DESCRIPTION_LENGTH, true);
    return value;
  }

  /**
   * An email address: up to {@value #MAX_EMAIL_LENGTH} code points, no whitespace or control
   * characters, exactly one {@code @} with something on both sides. Nothing else is checked (the
   * store does not deliver mail), and the address is kept exactly, without case folding.
   */
  public static String email(String value, String field) {
    text(value, field, MAX_EMAIL_LENGTH, false);
    if (value.codePoints().anyMatch(Character::isWhitespace)) {
      throw new InvalidArgumentException(field, "must not contain whitespace");
    }
    int at = value.indexOf('@');
    if (at <= 0 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0) {
      throw new InvalidArgumentException(
          field, "must hold exactly one '@' with text on both sides");
    }
    return value;
  }

  /**
   * An instant the store keeps (an expiry): from year 1 to before year 10000, the range every
   * backend stores; returned truncated to microseconds, the precision every backend keeps.
   */
  public static Instant instant(Instant value, String field) {
    required(value, field);
    if (value.isBefore(AuditFilters.EARLIEST) || !value.isBefore(AuditFilters.LATEST)) {
      throw new InvalidArgumentException(
          field, "must lie between " + AuditFilters.EARLIEST + " and " + AuditFilters.LATEST);
    }
    return value.truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The effective page size of a request: its limit capped at {@link PageRequest#MAX_LIMIT}.
   * Rejects a missing request and a limit below 1. (The token is checked by {@code PageTokens}.)
   */
  public static int pageLimit(PageRequest page, String field) {
    required(page, field);
    if (page.limit() < 1) {
      throw new InvalidArgumentException(field + ".limit", "must be at least 1");
    }
    return Math.min(page.limit(), PageRequest.MAX_LIMIT);
  }

  private static void propertyValue(String value, String field) {
    required(value, field);
    checkCharacters(value, field, MAX_PROPERTY_VALUE_LENGTH, true);
  }

  private static String text(String value, String field, int maxLength, boolean allowBreaks) {
    required(value, field);
    if (value.isBlank()) {
      throw new InvalidArgumentException(field, "must not be blank");
    }
    checkCharacters(value, field, maxLength, allowBreaks);
    return value;
  }

  /** Whether {@link #checkCharacters} passes {@code value}: the same rules, without the field. */
  private static boolean charactersValid(String value, int maxLength, boolean allowBreaks) {
    int codePoints = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
        return false;
      }
      boolean allowedBreak = allowBreaks && (c == '\t' || c == '\n' || c == '\r');
      if (Character.isISOControl(c) && !allowedBreak) {
        return false;
      }
      if (++codePoints > maxLength) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  private static void checkCharacters(
      String value, String field, int maxLength, boolean allowBreaks) {
    int codePoints = 0;
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      if (Character.isSurrogate((char) c) && Character.charCount(c) == 1) {
        throw new InvalidArgumentException(field, "is not valid Unicode (unpaired surrogate)");
      }
      boolean allowedBreak = allowBreaks && (c == '\t' || c == '\n' || c == '\r');
      if (Character.isISOControl(c) && !allowedBreak) {
        throw new InvalidArgumentException(
            field, String.format("contains the control character U+%04X", c));
      }
      if (++codePoints > maxLength) {
        throw new InvalidArgumentException(field, "is longer than " + maxLength + " characters");
      }
      i += Character.charCount(c);
    }
  }
}
