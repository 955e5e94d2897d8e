package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.UnavailableException;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database is believed reachable: a gate in front of connection acquisition, so that an
 * outage costs one failed connection attempt instead of one per call.
 *
 * <p>The gate closes when acquiring a connection fails ({@link #down}); while it is closed, calls
 * fail at once with {@link UnavailableException}, without touching the pool. One call at a time, at
 * most every {@value #PROBE_INTERVAL_MILLIS} ms, is let through as the probe ({@link #tryProbe}):
 * it tries to acquire a connection as any call would, and its success reopens the gate ({@link
 * #up}). A probe is an ordinary call, so an idle store sends no traffic, and a store whose database
 * came back serves again on the first call after the next probe is due.
 *
 * <p>Nothing here knows the pool: what counts as a failed acquisition is the caller's decision, so
 * the gate works the same in front of the store's own pool and an application's DataSource.
 */
final class Availability {
  /** The shortest pause between two probes of a database that is down. */
  static final long PROBE_INTERVAL_MILLIS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(Availability.class);

  private final String name;
  private final AtomicBoolean probing = new AtomicBoolean();

  /** Null while the gate is open. */
  private final AtomicReference<Outage> state = new AtomicReference<>();

  Availability(String name) {
    this.name = name;
  }

  /** Since when, why, and when the next probe may start. */
  private record Outage(long sinceNanos, SQLException cause, long nextProbeNanos) {}

  /** Whether the gate is open (the database is believed reachable). */
  boolean isUp() {
    return state.get() == null;
  }

  /**
   * Null if a call may go ahead (the gate is open, or a probe is due and none runs); otherwise the
   * failure to report for {@code operation} at once.
   */
  UnavailableException refusal(String operation) {
    Outage current = state.get();
    if (current == null || (!probing.get() && System.nanoTime() - current.nextProbeNanos >= 0)) {
      return null;
    }
    return unavailable(operation, current);
  }

  /**
   * While the gate is closed: whether the calling call becomes the probe (one at a time, once the
   * interval since the last probe has passed). A call that gets true must call {@link #probeEnded}
   * when its attempt is over, whatever its outcome.
   */
  boolean tryProbe() {
    Outage current = state.get();
    return current != null
        && System.nanoTime() - current.nextProbeNanos >= 0
        && probing.compareAndSet(false, true);
  }

  /** Ends the probe started by {@link #tryProbe}. */
  void probeEnded() {
    probing.set(false);
  }

  /** The failure of {@code operation} while the gate is closed. */
  UnavailableException unavailable(String operation) {
    Outage current = state.get();
    return current == null
        ? new UnavailableException(operation + " failed: the database was unreachable", null)
        : unavailable(operation, current);
  }

  private UnavailableException unavailable(String operation, Outage current) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - current.sinceNanos);
    return new UnavailableException(
        operation
            + " failed: the database is unreachable (for "
            + millis
            + " ms: "
            + current.cause.getMessage()
            + "); the store checks every "
            + PROBE_INTERVAL_MILLIS
            + " ms whether it is back",
        current.cause);
  }

  /** A connection was acquired: the database is reachable. */
  void up() {
    Outage previous = state.get();
    if (previous != null && state.compareAndSet(previous, null)) {
      LOG.info(
          "{} - The database is reachable again, after {} ms",
          name,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - previous.sinceNanos));
    }
  }

  /** Acquiring a connection failed with {@code cause}: calls fail fast until a probe succeeds. */
  void down(SQLException cause) {
    long now = System.nanoTime();
    long nextProbe = now + TimeUnit.MILLISECONDS.toNanos(PROBE_INTERVAL_MILLIS);
    Outage previous =
        state.getAndUpdate(
            current -> new Outage(current == null ? now : current.sinceNanos, cause, nextProbe));
    if (previous == null) {
      LOG.warn(
          "{} - The database is unreachable; calls fail at once until it is back "
              + "(checked every {} ms): {}",
          name,
          PROBE_INTERVAL_MILLIS,
          cause.toString());
    }
  }
}
