package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The limit on a stored property map, which both backends report the same way. */
class StoredPropertiesTest {
  private static final String FIELD = "update.properties";

  @Test
  void theStoredLimitIsTheRequestLimit() {
    assertThat(StoredProperties.MAX_ENTRIES).isEqualTo(Inputs.MAX_PROPERTIES).isEqualTo(1000);
  }

  @Test
  void anUpdateIsAppliedToWhatIsStored() {
    Map<String, String> stored = Map.of("a", "1", "b", "2");

    Map<String, String> next =
        StoredProperties.apply(
            stored, new PropertyUpdate(Map.of("b", "20", "c", "3"), Set.of("a")), FIELD);

    assertThat(next).containsExactlyInAnyOrderEntriesOf(Map.of("b", "20", "c", "3"));
    assertThat(stored).containsOnlyKeys("a", "b");
  }

  @Test
  void anUpdateThatReachesTheLimitExactlyIsAccepted() {
    Map<String, String> next =
        StoredProperties.apply(keys("a", 600), PropertyUpdate.setting(keys("b", 400)), FIELD);

    assertThat(next).hasSize(1000);
  }

  @Test
  void anUpdateThatWouldLeaveOneEntryTooManyFailsOnItsField() {
    InvalidArgumentException e =
        catchThrowableOfType(
            () ->
                StoredProperties.apply(
                    keys("a", 600),
                    PropertyUpdate.setting(keys("b", 401)),
                    "commits[1].commit.properties"),
            InvalidArgumentException.class);

    assertThat(e.field()).isEqualTo("commits[1].commit.properties");
    assertThat(e).hasMessageContaining("1000");
  }

  @Test
  void successiveUpdatesWithinTheRequestLimitCannotGrowTheStoredMapPastIt() {
    Map<String, String> stored =
        StoredProperties.apply(Map.of(), PropertyUpdate.setting(keys("a", 600)), FIELD);

    assertThat(
            catchThrowableOfType(
                    () ->
                        StoredProperties.apply(
                            stored, PropertyUpdate.setting(keys("b", 600)), FIELD),
                    InvalidArgumentException.class)
                .field())
        .isEqualTo(FIELD);
  }

  @Test
  void removingWhileAddingCountsTheRemovalsFirst() {
    Map<String, String> stored = keys("a", 1000);
    PropertyUpdate swap = new PropertyUpdate(keys("b", 600), keys("a", 600).keySet());

    assertThat(StoredProperties.apply(stored, swap, FIELD)).hasSize(1000);
  }

  @Test
  void overwritingKeysAlreadyStoredDoesNotCountThemTwice() {
    Map<String, String> stored = keys("a", 1000);
    Map<String, String> rewritten = new LinkedHashMap<>(stored);
    rewritten.replaceAll((key, value) -> value + "!");

    assertThat(StoredProperties.apply(stored, PropertyUpdate.setting(rewritten), FIELD))
        .isEqualTo(rewritten);
  }

  @Test
  void checkAcceptsAndRefusesExactlyWhatApplyDoes() {
    assertThatCode(
            () -> StoredProperties.check(keys("a", 999), PropertyUpdate.setting("x", "y"), FIELD))
        .doesNotThrowAnyException();
    assertThat(
            catchThrowableOfType(
                    () ->
                        StoredProperties.check(
                            keys("a", 1000), PropertyUpdate.setting("x", "y"), "update"),
                    InvalidArgumentException.class)
                .field())
        .isEqualTo("update");
  }

  @Test
  void theFailureABackendReportsAfterTheFactIsTheSameAsTheCheckedOne() {
    InvalidArgumentException checked =
        catchThrowableOfType(
            () ->
                StoredProperties.apply(keys("a", 1000), PropertyUpdate.setting("x", "y"), "update"),
            InvalidArgumentException.class);

    InvalidArgumentException reported = StoredProperties.exceeded("update");

    assertThat(reported.field()).isEqualTo(checked.field());
    assertThat(reported).hasMessage(checked.getMessage());
  }

  @Test
  void theStoredByteLimitIsTheRequestByteLimit() {
    assertThat(StoredProperties.MAX_TOTAL_BYTES)
        .isEqualTo(Inputs.MAX_PROPERTY_BYTES)
        .isEqualTo(1_048_576);
  }

  @Test
  void updatesFarBelowTheEntryLimitCannotGrowTheStoredBytesPastTheLimit() {
    // 10 entries of 65,536 two-byte characters each: 1,310,740 bytes in all, but each update alone
    // is within one request's limit.
    Map<String, String> stored =
        StoredProperties.apply(Map.of(), PropertyUpdate.setting(twoByteValues("a", 5)), FIELD);

    InvalidArgumentException e =
        catchThrowableOfType(
            () ->
                StoredProperties.apply(
                    stored, PropertyUpdate.setting(twoByteValues("b", 5)), FIELD),
            InvalidArgumentException.class);

    assertThat(e.field()).isEqualTo(FIELD);
    assertThat(e).hasMessage(StoredProperties.exceeded(FIELD).getMessage());
    assertThat(e).hasMessageContaining("1048576");
  }

  @Test
  void multiByteCharactersAreCountedInUtf8BytesAtTheBoundary() {
    // "k" + 4-byte characters up to exactly the limit, less what the next update adds.
    int limit = StoredProperties.MAX_TOTAL_BYTES;
    Map<String, String> stored = new LinkedHashMap<>();
    for (int i = 0; i < 4; i++) {
      stored.put("k" + i, "\uD83D\uDE00".repeat(65_000)); // 260,000 bytes, 2 of key
    }
    long used = Inputs.utf8Length(stored);
    assertThat(used).isEqualTo(4 * 260_002);
    long left = limit - used; // 8,568
    // One more entry "x" whose value is 1 + 2 + 3 bytes per "a\u00E9\u20AC" group, exactly:
    // 8,567 = 1,427 groups of 6 bytes plus "\u00E9\u20AC" (5).
    String exact = "a\u00E9\u20AC".repeat(1427) + "\u00E9\u20AC";
    assertThat(1 + Inputs.utf8Length(Map.of("", exact))).isEqualTo(left);

    Map<String, String> full =
        StoredProperties.apply(stored, PropertyUpdate.setting("x", exact), FIELD);
    assertThat(Inputs.utf8Length(full)).isEqualTo(limit);

    // As many characters, one byte more: the last 3-byte character as a 4-byte one.
    String oneMore = "a\u00E9\u20AC".repeat(1427) + "\u00E9\uD83D\uDE00";
    assertThat(oneMore.codePointCount(0, oneMore.length()))
        .isEqualTo(exact.codePointCount(0, exact.length()));
    assertThat(
            catchThrowableOfType(
                    () ->
                        StoredProperties.apply(stored, PropertyUpdate.setting("x", oneMore), FIELD),
                    InvalidArgumentException.class)
                .field())
        .isEqualTo(FIELD);
    assertThat(
            catchThrowableOfType(
                    () -> StoredProperties.check(full, PropertyUpdate.setting("y", ""), "update"),
                    InvalidArgumentException.class)
                .field())
        .isEqualTo("update");
    // Shrinking a value at the limit makes room again.
    assertThatCode(
            () ->
                StoredProperties.check(
                    full, new PropertyUpdate(Map.of("y", ""), Set.of("x")), "update"))
        .doesNotThrowAnyException();
  }

  private static Map<String, String> twoByteValues(String prefix, int count) {
    return IntStream.range(0, count)
        .boxed()
        .collect(
            Collectors.toMap(
                i -> prefix + i, i -> "\u00E9".repeat(64 * 1024), (x, y) -> x, LinkedHashMap::new));
  }

  private static Map<String, String> keys(String prefix, int count) {
    return IntStream.range(0, count)
        .boxed()
        .collect(Collectors.toMap(i -> prefix + i, i -> "v" + i, (x, y) -> x, LinkedHashMap::new));
  }
}
