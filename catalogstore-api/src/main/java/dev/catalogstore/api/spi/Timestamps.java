package dev.catalogstore.api.spi;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The one way backends read time, so that every backend returns the same precision. */
public final class Timestamps {
  private Timestamps() {}

  /**
   * The clock's instant truncated to microseconds, the precision PostgreSQL keeps, so that a value
   * read back equals the value written on every backend.
   */
  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * The stamp of a change to something last stamped {@code previous}: {@link #now}, or {@code
   * previous} if the clock reads earlier (it was set back, or another node's clock is behind). So
   * an object's {@code updatedAt} never moves backwards and never precedes its {@code createdAt},
   * and its history's times follow their sequence. PostgreSQL computes the same with {@code
   * GREATEST}.
   */
  public static Instant notBefore(Clock clock, Instant previous) {
    return notBefore(now(clock), previous);
  }

  /** {@code now}, or {@code previous} if it is later: the same rule for an instant read once. */
  public static Instant notBefore(Instant now, Instant previous) {
    return now.isBefore(previous) ? previous : now;
  }
}
