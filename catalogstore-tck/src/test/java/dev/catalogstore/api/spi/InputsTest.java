package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InputsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "a.b",
        "100%",
        "under_score",
        "sla/sh",
        "with space",
        "naïve",
        "日本語",
        "emoji 😀",
        " leading",
        "x\u00A0y"
      })
  void acceptsPrintableNamesAsTheyAre(String name) {
    assertThat(Inputs.name(name, "f")).isSameAs(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", " ", "\t", "a\u0000b", "a\nb", "a\u007Fb", "a\u009Fb", "\uD83D", "a\uDE00"})
  void refusesBlankOrControlOrBrokenUnicodeNamingTheField(String name) {
    assertRefused(() -> Inputs.name(name, "catalog.name"), "catalog.name");
  }

  @Test
  void limitsNamesTo255CodePoints() {
    assertThat(Inputs.name("😀".repeat(255), "f")).hasSize(510);
    assertRefused(() -> Inputs.name("a".repeat(256), "f"), "f");
    assertRefused(() -> Inputs.name(null, "f"), "f");
  }

  @Test
  void propertyValuesMayBeEmptyAndMultiLineButNotNull() {
    assertThat(Inputs.properties(Map.of("k", "", "m", "line\nline\ttab"), "p")).hasSize(2);

    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertRefused(() -> Inputs.properties(nullValue, "p"), "p[k]");
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertRefused(() -> Inputs.properties(nullKey, "p"), "p key");
    assertRefused(() -> Inputs.properties(Map.of("k", "a\u0000"), "p"), "p[k]");
  }

  @Test
  void aPropertyUpdateMayNotSetAndRemoveOneKey() {
    PropertyUpdate both = new PropertyUpdate(Map.of("k", "v"), Set.of("k"));

    assertRefused(() -> Inputs.propertyUpdate(both, "update"), "update.remove");
  }

  @Test
  void aPropertyUpdateRemovesThenSets() {
    PropertyUpdate update = new PropertyUpdate(Map.of("a", "2", "c", "3"), Set.of("b", "zz"));

    assertThat(update.applyTo(Map.of("a", "1", "b", "1"))).isEqualTo(Map.of("a", "2", "c", "3"));
  }

  @Test
  void namespacePathsNameTheBadSegment() {
    assertThat(Inputs.namespacePath(NamespacePath.of("a.b", "c"), "ns").depth()).isEqualTo(2);
    assertRefused(() -> Inputs.namespacePath(NamespacePath.ROOT, "ns"), "ns");
    assertRefused(() -> Inputs.namespacePath(NamespacePath.of("a", " "), "ns"), "ns[1]");
    assertRefused(
        () -> Inputs.namespacePath(new NamespacePath(Arrays.asList("a", null)), "ns"), "ns[1]");
    assertRefused(
        () -> Inputs.namespacePath(new NamespacePath(java.util.Collections.nCopies(33, "x")), "ns"),
        "ns");
    assertThat(Inputs.namespacePathOrRoot(NamespacePath.ROOT, "parent"))
        .isEqualTo(NamespacePath.ROOT);
  }

  @Test
  void pageLimitsAreCappedAndMustBePositive() {
    assertThat(Inputs.pageLimit(PageRequest.firstPage(5), "page")).isEqualTo(5);
    assertThat(Inputs.pageLimit(PageRequest.firstPage(1_000_000), "page"))
        .isEqualTo(PageRequest.MAX_LIMIT);
    for (int bad : List.of(0, -1, Integer.MIN_VALUE)) {
      assertRefused(() -> Inputs.pageLimit(PageRequest.firstPage(bad), "page"), "page.limit");
    }
    assertRefused(() -> Inputs.pageLimit(null, "page"), "page");
  }

  @Test
  void utf8LengthCountsBytesAsPostgresqlsOctetLengthDoes() {
    // 1, 2, 3 and 4 bytes (a surrogate pair), keys and values alike; agrees with getBytes.
    Map<String, String> map = Map.of("a\u00E9", "\u20AC\uD83D\uDE00", "k", "");
    assertThat(Inputs.utf8Length(map)).isEqualTo(1 + 2 + 3 + 4 + 1);
    assertThat(Inputs.utf8Length(Map.of())).isZero();
    String mixed = "x\u00E9\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF";
    assertThat(Inputs.utf8Length(Map.of("k", mixed)))
        .isEqualTo(1 + mixed.getBytes(StandardCharsets.UTF_8).length);
  }

  @Test
  void aPropertyMapOfExactlyTheByteLimitIsAcceptedOneByteMoreIsRefused() {
    assertThat(Inputs.MAX_PROPERTY_BYTES).isEqualTo(1024 * 1024);
    // 16 entries of key "k0".."k15" and a value of 4-byte characters; the last value made up
    // with characters of 1 to 3 bytes, so that the total is exactly the limit.
    Map<String, String> atTheLimit = new HashMap<>();
    long left = Inputs.MAX_PROPERTY_BYTES;
    for (int i = 0; i < 16; i++) {
      String key = "k" + i;
      long room = i < 15 ? 4 * 16_000 : left - key.length();
      StringBuilder value = new StringBuilder("\uD83D\uDE00".repeat((int) (room / 4)));
      value.append(new String[] {"", "a", "\u00E9", "\u20AC"}[(int) (room % 4)]);
      atTheLimit.put(key, value.toString());
      left -= key.length() + room;
    }
    assertThat(left).isZero();
    assertThat(Inputs.utf8Length(atTheLimit)).isEqualTo(Inputs.MAX_PROPERTY_BYTES);
    assertThat(Inputs.properties(atTheLimit, "properties")).isSameAs(atTheLimit);

    // Same entries, one 4-byte character of a value replaced by one of 3 and one of 2 bytes.
    Map<String, String> oneByteMore = new HashMap<>(atTheLimit);
    oneByteMore.put("k0", "\u20AC\u00E9" + atTheLimit.get("k0").substring(2));
    assertThat(Inputs.utf8Length(oneByteMore)).isEqualTo(Inputs.MAX_PROPERTY_BYTES + 1);
    assertRefused(() -> Inputs.properties(oneByteMore, "properties"), "properties");
    assertRefused(
        () -> Inputs.propertyUpdate(PropertyUpdate.setting(oneByteMore), "update"), "update.set");
  }

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
