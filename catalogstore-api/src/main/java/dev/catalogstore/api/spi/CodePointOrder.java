package dev.catalogstore.api.spi;

import java.util.Comparator;
import java.util.List;

/**
 * The order every list of the contract uses for names: by Unicode code point, which is exactly the
 * byte-wise order of the names' UTF-8 encodings (PostgreSQL's {@code COLLATE "C"}). Java's {@link
 * String#compareTo} differs for characters outside the Basic Multilingual Plane, so backends sort
 * with this instead.
 */
public final class CodePointOrder {
  /** Compares strings by code point. */
  public static final Comparator<String> STRINGS = CodePointOrder::compare;

  /** Compares lists of strings element by element, a shorter prefix first. */
  public static final Comparator<List<String>> SEQUENCES = CodePointOrder::compare;

  private CodePointOrder() {}

  public static int compare(String a, String b) {
    // Fast path: up to the first differing UTF-16 unit the strings are equal, so the code points
    // before it are too, and if neither unit there is a surrogate (nor above one: U+D800 and up),
    // they are the differing code points themselves. Otherwise, decode code points from the start.
    int common = Math.min(a.length(), b.length());
    for (int k = 0; k < common; k++) {
      char ca = a.charAt(k);
      char cb = b.charAt(k);
      if (ca != cb) {
        return ca < Character.MIN_SURROGATE && cb < Character.MIN_SURROGATE
            ? Integer.compare(ca, cb)
            : compareCodePoints(a, b);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  public static int compare(List<String> a, List<String> b) {
    int common = Math.min(a.size(), b.size());
    for (int i = 0; i < common; i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
