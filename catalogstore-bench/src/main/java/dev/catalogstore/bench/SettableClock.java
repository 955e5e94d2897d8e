package dev.catalogstore.bench;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that reads what it was last set to, so that a benchmark's fill stamps each record with
 * the time its data set says (the store reads time only from its clock).
 */
final class SettableClock extends Clock {
  private volatile Instant now;

  SettableClock(Instant start) {
    this.now = start;
  }

  void set(Instant instant) {
    this.now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A view of this clock in {@code zone}: the same instants, set through this one. */
  @Override
  public Clock withZone(ZoneId zone) {
    SettableClock source = this;
    return new Clock() {
      @Override
      public Instant instant() {
        return source.instant();
      }

      @Override
      public ZoneId getZone() {
        return zone;
      }

      @Override
      public Clock withZone(ZoneId otherZone) {
        return source.withZone(otherZone);
      }
    };
  }
}
