package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

/**
 * The timestamp rules every stored object keeps. Times come from the store's clock truncated to
 * microseconds; a create sets {@code createdAt == updatedAt}; every successful update, even one
 * that changes nothing, sets {@code updatedAt} to now and keeps {@code createdAt}. The TCK never
 * compares against the wall clock, so it holds for any injected clock that does not run backwards.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class TckTime {
  private TckTime() {}

  /** Asserts the timestamps of an object just created. */
  public static void assertCreated(Instant createdAt, Instant updatedAt) {
    assertThat(createdAt).as("createdAt").isNotNull();
    assertThat(updatedAt).as("updatedAt of a new object").isEqualTo(createdAt);
    assertThat(createdAt.getNano() % 1_000).as("sub-microsecond nanos of createdAt").isZero();
  }

  /**
   * Asserts the timestamps of an object after a successful update: {@code createdAt} kept, {@code
   * updatedAt} not before the one it replaced.
   */
  public static void assertUpdated(
      Instant createdBefore, Instant updatedBefore, Instant createdAfter, Instant updatedAfter) {
    assertThat(createdAfter).as("createdAt after an update").isEqualTo(createdBefore);
    assertThat(updatedAfter).as("updatedAt after an update").isAfterOrEqualTo(updatedBefore);
    assertThat(updatedAfter.getNano() % 1_000).as("sub-microsecond nanos of updatedAt").isZero();
  }
}
