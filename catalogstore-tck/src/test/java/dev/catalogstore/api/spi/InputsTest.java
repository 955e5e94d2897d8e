package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
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

  private static void assertRefused(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo(field));
  }
}
