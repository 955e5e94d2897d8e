package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodePointOrderTest {
  @Test
  void ordersLikeUtf8Bytes() {
    List<String> names =
        new ArrayList<>(List.of("😀", "日本", "é", "a", "B", "a.b", "a b", "\uFFFD", "ab", "a"));
    List<String> byBytes = new ArrayList<>(names);
    byBytes.sort((x, y) -> Arrays.compareUnsigned(utf8(x), utf8(y)));

    names.sort(CodePointOrder.STRINGS);

    assertThat(names).containsExactlyElementsOf(byBytes);
  }

  @Test
  void differsFromStringCompareToOutsideTheBasicPlane() {
    // U+FFFD is below U+1F600 by code point, but its UTF-16 unit is above the surrogate D83D.
    assertThat("\uFFFD".compareTo("😀")).isPositive();
    assertThat(CodePointOrder.compare("\uFFFD", "😀")).isNegative();
  }

  @Test
  void ordersSequencesElementByElementWithPrefixesFirst() {
    assertThat(CodePointOrder.compare(List.of("a"), List.of("a", "b"))).isNegative();
    assertThat(CodePointOrder.compare(List.of("a", "c"), List.of("b"))).isNegative();
    assertThat(CodePointOrder.compare(List.of("a.b"), List.of("a", "b"))).isPositive();
    assertThat(CodePointOrder.compare(List.of("x", "y"), List.of("x", "y"))).isZero();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
