package dev.catalogstore.memory;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.spi.AuditFilters.Position;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One index of a tenant's audit log: the events it holds, newest first ({@link
 * dev.catalogstore.api.spi.AuditFilters#NEWEST_FIRST}), keyed by their {@link Position}, and how
 * many there are.
 *
 * <p>Thread-safe: a concurrent skip list, so appends and reads never wait for each other. It keeps
 * its own count because a skip list's {@code size()} walks every entry; the count is raised after
 * the event is in the list and events are never removed, so it never counts an event the list does
 * not hold yet.
 */
final class AuditIndex {
  /** The smallest id: the position {@code (t, MIN_ID)} is the first of every event at {@code t}. */
  private static final AuditEventId MIN_ID = new AuditEventId(new UUID(0L, 0L));

  private final ConcurrentSkipListMap<Position, AuditEvent> events =
      new ConcurrentSkipListMap<>(Comparator.reverseOrder());
  private final AtomicLong size = new AtomicLong();

  void add(Position position, AuditEvent event) {
    events.put(position, event);
    size.incrementAndGet();
  }

  /** How many events the index holds, in O(1). */
  long size() {
    return size.get();
  }

  /**
   * The events that {@code before} precedes and that occurred in {@code [from, to)} (each bound if
   * set), lazily, newest first. Finding the start costs O(log n); each event then O(1).
   */
  Iterator<AuditEvent> range(Position before, Optional<Instant> from, Optional<Instant> to) {
    // Ascending, an event is in range iff lower <= position < upper; the map runs descending.
    Position upper = before;
    if (to.isPresent()) {
      Position toBound = new Position(to.get(), MIN_ID);
      if (toBound.compareTo(upper) < 0) {
        upper = toBound;
      }
    }
    NavigableMap<Position, AuditEvent> inRange;
    if (from.isPresent()) {
      Position lower = new Position(from.get(), MIN_ID);
      if (lower.compareTo(upper) >= 0) {
        return Collections.emptyIterator();
      }
      inRange = events.subMap(upper, false, lower, true);
    } else {
      inRange = events.tailMap(upper, false);
    }
    return inRange.values().iterator();
  }
}
