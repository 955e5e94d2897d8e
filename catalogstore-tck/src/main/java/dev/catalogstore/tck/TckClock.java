package dev.catalogstore.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock the TCK can stop and move, for the rules about time. It follows the system clock until a
 * test {@linkplain #freezeAt freezes} it; a frozen clock moves only when {@linkplain #advance
 * advanced}, and {@linkplain #resume resumes} following the system clock afterwards.
 *
 * <p>A backend opts in by building its store(s) with one instance and returning it from {@link
 * CatalogStoreTck#clock()}. Thread-safe.
 */
public final class TckClock extends Clock {
  private final AtomicReference<Instant> frozenAt = new AtomicReference<>();

  /** Stops the clock at {@code instant}. */
  public void freezeAt(Instant instant) {
    frozenAt.set(instant);
  }

  /** Moves a frozen clock forward by {@code duration}. */
  public void advance(Duration duration) {
    frozenAt.updateAndGet(
        at -> {
          if (at == null) {
            throw new IllegalStateException("only a frozen clock can be advanced");
          }
          return at.plus(duration);
        });
  }

  /** Lets the clock follow the system clock again. */
  public void resume() {
    frozenAt.set(null);
  }

  @Override
  public Instant instant() {
    Instant at = frozenAt.get();
    return at != null ? at : Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** A view of this clock in {@code zone}: the same instants, frozen and advanced together. */
  @Override
  public Clock withZone(ZoneId zone) {
    TckClock source = this;
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
