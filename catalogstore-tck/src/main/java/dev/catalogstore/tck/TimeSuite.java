package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every area's time suite (DESIGN §2.8): every timestamp a store returns comes from its
 * injected clock, truncated to microseconds; {@code createdAt} is set once, {@code updatedAt} on
 * every change, and a metadata commit is stamped when it lands.
 *
 * <p>Each test runs with the store's clock frozen at {@link #T0}, an instant with nanoseconds, and
 * may {@link TckClock#advance advance} it by {@link #LATER}. These rules need a clock the TCK can
 * stop, so they are skipped for a backend whose test does not override {@link
 * CatalogStoreTck#clock()}.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class TimeSuite extends TckSuite {
  /** A frozen instant with nanoseconds, which every store must cut to microseconds. */
  protected static final Instant T0 = Instant.parse("2031-02-03T04:05:06.123456789Z");

  /** {@link #T0} cut to microseconds: what a store must return for it. */
  protected static final Instant T0_MICROS = Instant.parse("2031-02-03T04:05:06.123456Z");

  /** How far a test moves the clock between a change and the next. */
  protected static final Duration LATER = Duration.ofHours(1);

  /** The store's clock, frozen at {@link #T0} for the test. */
  protected TckClock clock;

  @BeforeEach
  void freezeTheClock() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    clock = fixture().clock().get();
    clock.freezeAt(T0);
  }

  @AfterEach
  void resumeTheClock() {
    if (clock != null) {
      clock.resume();
    }
  }

  /** Asserts the timestamps of an object created at {@link #T0} and updated {@link #LATER}. */
  protected static void assertStamped(
      Instant createdAt, Instant updatedAt, Instant createdAfter, Instant updatedAfter) {
    assertThat(createdAt)
        .as("createdAt: the clock's instant cut to microseconds")
        .isEqualTo(T0_MICROS);
    assertThat(updatedAt).as("updatedAt of a new object").isEqualTo(T0_MICROS);
    assertThat(createdAfter).as("createdAt after an update").isEqualTo(T0_MICROS);
    assertThat(updatedAfter).as("updatedAt after an update").isEqualTo(T0_MICROS.plus(LATER));
  }
}
