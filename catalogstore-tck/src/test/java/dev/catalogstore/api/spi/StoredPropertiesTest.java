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

  private static Map<String, String> keys(String prefix, int count) {
    return IntStream.range(0, count)
        .boxed()
        .collect(Collectors.toMap(i -> prefix + i, i -> "v" + i, (x, y) -> x, LinkedHashMap::new));
  }
}
