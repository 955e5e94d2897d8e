package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.Inputs;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shortcuts a single-asset read relies on answer exactly as the rules they shortcut: {@code
 * Inputs.isName} as {@code Inputs.name}, {@code Inputs.isNamespacePath} as {@code
 * Inputs.namespacePath}, and {@code CodePointOrder.compare}'s UTF-16 fast path as a comparison of
 * decoded code points, on inputs at and around every rule's edge.
 */
class ValidationFastPathTest {
  private static final List<String> NAMES =
      List.of(
          "a",
          "orders",
          "with space",
          " leading",
          "",
          " ",
          "\t",
          "tab\tinside",
          "line\nbreak",
          "nul\u0000",
          "del\u007f",
          "c1\u0085",
          "\uD83D\uDE00",
          "lone\uD83D",
          "\uDE00lone",
          "\uFFFD",
          "\uE000",
          "\u00e9t\u00e9",
          "a".repeat(255),
          "a".repeat(256),
          "\uD83D\uDE00".repeat(255),
          "\uD83D\uDE00".repeat(256));

  @Test
  void isNameAnswersAsNameDoes() {
    List<String> names = new ArrayList<>(NAMES);
    names.add(null);
    for (String name : names) {
      assertThat(Inputs.isName(name)).as("isName(%s)", name).isEqualTo(accepted(name));
    }
  }

  @Test
  void isNamespacePathAnswersAsNamespacePathDoes() {
    List<NamespacePath> paths = new ArrayList<>();
    paths.add(null);
    paths.add(NamespacePath.ROOT);
    paths.add(new NamespacePath(Collections.nCopies(32, "a")));
    paths.add(new NamespacePath(Collections.nCopies(33, "a")));
    paths.add(new NamespacePath(null));
    paths.add(new NamespacePath(Arrays.asList("db", null)));
    for (String name : NAMES) {
      if (name != null) {
        paths.add(new NamespacePath(List.of("db", name)));
      }
    }
    for (NamespacePath path : paths) {
      assertThat(Inputs.isNamespacePath(path))
          .as("isNamespacePath(%s)", path)
          .isEqualTo(accepted(path));
    }
  }

  @Test
  void compareOrdersByCodePointAsDecodingDoes() {
    List<String> strings = new ArrayList<>(NAMES);
    strings.addAll(List.of("ab", "abc", "b", "a\uFFFD", "a\uD83D\uDE00", "a\uD83D", "a\uE000x"));
    for (String a : strings) {
      for (String b : strings) {
        assertThat(Integer.signum(CodePointOrder.compare(a, b)))
            .as("compare(%s, %s)", a, b)
            .isEqualTo(Integer.signum(decoded(a, b)));
      }
    }
  }

  private static boolean accepted(String name) {
    try {
      Inputs.name(name, "name");
      return true;
    } catch (InvalidArgumentException e) {
      return false;
    }
  }

  private static boolean accepted(NamespacePath path) {
    try {
      Inputs.namespacePath(path, "namespace");
      return true;
    } catch (InvalidArgumentException e) {
      return false;
    }
  }

  /** Compares the decoded code points, one by one. */
  private static int decoded(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return Integer.compare(x.length, y.length);
  }
}
