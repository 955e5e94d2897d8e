package dev.catalogstore.tck;

import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.spi.CodePointOrder;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Names the contract's name rule accepts although stores tend to mangle them, and strings it
 * rejects. A name is 1 to 255 code points, not blank, valid Unicode without control characters;
 * every other character is kept exactly, compared byte-wise and never normalised.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class TckNames {
  /** The longest valid name, in code points. */
  public static final int MAX_LENGTH = 255;

  /**
   * Valid names that a careless store splits, escapes, trims, folds, normalises or truncates:
   * separators, SQL wildcards and quotes, surrounding spaces, non-ASCII letters, characters outside
   * the Basic Multilingual Plane, a decomposed accent, and the longest names (255 code points, also
   * as 510 UTF-16 units and 1020 UTF-8 bytes).
   */
  public static final List<String> TRICKY =
      List.of(
          "a.b",
          "a..b",
          ".",
          "..",
          "50%",
          "%",
          "a_b",
          "_",
          "a/b",
          "/",
          "a\\b",
          "with space",
          " padded ",
          "'quoted'",
          "\"double\"",
          "x'; drop table t; --",
          "*?[]{}",
          "é",
          "e\u0301",
          "ß",
          "straße",
          "日本語",
          "😀",
          "🏳️‍🌈",
          "ｚ",
          "MiXeD",
          "x".repeat(MAX_LENGTH),
          "😀".repeat(MAX_LENGTH));

  private TckNames() {}

  /** {@link #TRICKY} in the order every list returns names: by code point. */
  public static List<String> trickyInListOrder() {
    return TRICKY.stream().sorted(CodePointOrder.STRINGS).toList();
  }

  /** {@link #TRICKY} as JUnit arguments: a readable label and the name. */
  public static Stream<Arguments> tricky() {
    return TRICKY.stream().map(name -> arguments(label(name), name));
  }

  /** Strings the name rule rejects, as JUnit arguments: what is wrong, and the string. */
  public static Stream<Arguments> invalid() {
    return Stream.of(
        arguments("null", null),
        arguments("empty", ""),
        arguments("blank", "   "),
        arguments("only a tab", "\t"),
        arguments("256 characters", "x".repeat(MAX_LENGTH + 1)),
        arguments("256 code points outside the BMP", "😀".repeat(MAX_LENGTH + 1)),
        arguments("NUL U+0000", "a\u0000b"),
        arguments("line feed", "a\nb"),
        arguments("carriage return", "a\rb"),
        arguments("tab", "a\tb"),
        arguments("DEL U+007F", "a\u007fb"),
        arguments("C1 control U+009F", "a\u009fb"),
        arguments("unpaired high surrogate", "a\uD83Db"),
        arguments("unpaired low surrogate", "a\uDE00b"),
        arguments("trailing high surrogate", "ab\uD83D"));
  }

  /** A printable label for a test name: long names shortened, invisible ones described. */
  public static String label(String name) {
    if (name.codePointCount(0, name.length()) > 20) {
      return name.substring(0, name.offsetByCodePoints(0, 3))
          + "… ("
          + name.codePointCount(0, name.length())
          + " code points)";
    }
    return "[" + name + "]";
  }
}
