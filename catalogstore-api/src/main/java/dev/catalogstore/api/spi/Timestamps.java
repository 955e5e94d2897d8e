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
}
