package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.required;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.error.InvalidArgumentException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The audit log's filter and order, written once for every backend (DESIGN §2.8): what a valid
 * {@link AuditFilter} is, which events it selects, the log's newest-first order, and the keyset
 * {@link Position} a page resumes after.
 *
 * <p>How a backend lists audit events, with {@link ListQuery#auditEvents}:
 *
 * <pre>{@code
 * AuditFilter valid = AuditFilters.validate(filter, "filter");
 * ListQuery query = ListQuery.auditEvents(tenant, valid);
 * ListQuery.Cursor cursor = query.cursor(page);
 * // The tenant's events that match `valid` and that cursor.beforeEvent() precedes, newest first:
 * //   WHERE tenant_id = ? AND <criteria> AND (occurred_at, id) < (?, ?)
 * //   ORDER BY occurred_at DESC, id DESC LIMIT cursor.fetchSize()
 * List<AuditEvent> fetched = ...;
 * return query.page(fetched, cursor, AuditFilters::position);
 * }</pre>
 *
 * <p>A count uses the same validated filter and the same criteria, without the position. The tenant
 * is not part of a filter: a backend always restricts by the caller's tenant as well.
 */
public final class AuditFilters {
  /** The earliest bound a filter's time range may have. */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  /**
   * The latest bound a filter's time range may have. Every event occurs before it (it is also the
   * time of {@link Position#TOP}).
   */
  public static final Instant LATEST = Instant.parse("+10000-01-01T00:00:00Z");

  /**
   * The audit log's order: newest first, by {@link AuditEvent#occurredAt()} descending, then by
   * {@link AuditEvent#id()} descending, comparing ids as {@link #compareIds} does. Two distinct
   * events never compare equal, so the order is total and a page boundary is never ambiguous.
   */
  public static final Comparator<AuditEvent> NEWEST_FIRST =
      (a, b) -> Position.of(b).compareTo(Position.of(a));

  private AuditFilters() {}

  /**
   * Validates {@code filter} (reported as {@code field}, for example {@code "filter"}) and returns
   * the filter a backend queries with: the same criteria, with the time bounds rounded up to the
   * next microsecond. Rounding up selects exactly the same events, as every event is recorded at
   * microsecond precision, and keeps every backend (PostgreSQL keeps microseconds and would round a
   * finer bound to the nearest) in agreement. The range is checked after rounding, so a range that
   * holds no whole microsecond (for example {@code from = T + 1ns}, {@code to = T + 2ns}) is
   * refused, and validating the returned filter again always succeeds and returns it unchanged.
   *
   * @throws InvalidArgumentException on {@code field} if the filter is missing; on {@code
   *     field.actor.id}, {@code field.action}, {@code field.resourceType} or {@code
   *     field.resourceId} for a criterion that is not a valid name ({@link Inputs#name}); on {@code
   *     field.from} or {@code field.to} for a bound before {@link #EARLIEST} or after {@link
   *     #LATEST}; on {@code field.to} if both bounds are set and {@code from}, rounded up, is not
   *     before {@code to}, rounded up
   */
  public static AuditFilter validate(AuditFilter filter, String field) {
    required(filter, field);
    filter.actor().ifPresent(actor -> name(actor.id(), field + ".actor.id"));
    filter.action().ifPresent(action -> name(action, field + ".action"));
    filter.resourceType().ifPresent(type -> name(type, field + ".resourceType"));
    filter.resourceId().ifPresent(id -> name(id, field + ".resourceId"));
    filter.from().ifPresent(from -> bound(from, field + ".from"));
    filter.to().ifPresent(to -> bound(to, field + ".to"));
    AuditFilter valid = filter;
    if (filter.from().isPresent()) {
      valid = valid.withFrom(roundUpToMicros(filter.from().get()));
    }
    if (filter.to().isPresent()) {
      valid = valid.withTo(roundUpToMicros(filter.to().get()));
    }
    // Checked after rounding, so that a range with no whole microsecond in it is refused and
    // validating a validated filter never fails.
    if (valid.from().isPresent()
        && valid.to().isPresent()
        && !valid.from().get().isBefore(valid.to().get())) {
      throw new InvalidArgumentException(
          field + ".to",
          "must be after from once both are rounded up to the microsecond (from "
              + valid.from().get()
              + ", to "
              + valid.to().get()
              + ")");
    }
    return valid;
  }

  /**
   * Whether {@code event} meets every criterion of {@code filter}: each string criterion equal to
   * the event's value exactly (a resource-id criterion never matches an event without one), the
   * actor equal in kind and id, the result equal, and {@code from <= occurredAt < to} for the
   * bounds that are set. The event's tenant is not looked at: the caller restricts by tenant.
   */
  public static boolean matches(AuditFilter filter, AuditEvent event) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(event, "event");
    return filter.actor().map(event.actor()::equals).orElse(true)
        && filter.action().map(event.action()::equals).orElse(true)
        && filter.resourceType().map(event.resourceType()::equals).orElse(true)
        && filter.resourceId().map(id -> event.resourceId().equals(Optional.of(id))).orElse(true)
        && filter.result().map(result -> result == event.result()).orElse(true)
        && filter.from().map(from -> !event.occurredAt().isBefore(from)).orElse(true)
        && filter.to().map(to -> event.occurredAt().isBefore(to)).orElse(true);
  }

  /**
   * Compares event ids as PostgreSQL compares {@code uuid} values: by their 16 bytes, unsigned, in
   * order. ({@link UUID#compareTo} compares signed halves, which orders differently when a half has
   * its top bit set.)
   */
  public static int compareIds(AuditEventId a, AuditEventId b) {
    int high =
        Long.compareUnsigned(
            a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(
            a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
  }

  /**
   * The page-token position of {@code event}, to pass to {@link ListQuery#page} as the position of
   * an audit page's items.
   */
  public static String position(AuditEvent event) {
    return Position.of(event).encode();
  }

  private static void bound(Instant bound, String field) {
    if (bound.isBefore(EARLIEST) || bound.isAfter(LATEST)) {
      throw new InvalidArgumentException(
          field, "must lie between " + EARLIEST + " and " + LATEST + ", not " + bound);
    }
  }

  private static Instant roundUpToMicros(Instant instant) {
    Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
    return truncated.equals(instant) ? instant : truncated.plus(1, ChronoUnit.MICROS);
  }

  /**
   * A place in the audit log's newest-first order: the time and id of an event. A page after a
   * position holds the events the position {@link #precedes}; in SQL, {@code (occurred_at, id) <
   * (position.occurredAt, position.id)} with ids compared as {@code uuid}.
   *
   * @param occurredAt the event's time
   * @param id the event's id
   */
  public record Position(Instant occurredAt, AuditEventId id) implements Comparable<Position> {
    /**
     * The position before the newest event: the first page's, so that one keyset query serves every
     * page. Its time is {@link AuditFilters#LATEST} and its id the greatest UUID.
     */
    public static final Position TOP = new Position(LATEST, new AuditEventId(new UUID(-1L, -1L)));

    public Position {
      Objects.requireNonNull(occurredAt, "occurredAt");
      Objects.requireNonNull(id, "id");
    }

    /** The position of {@code event}. */
    public static Position of(AuditEvent event) {
      return new Position(event.occurredAt(), event.id());
    }

    /**
     * Whether {@code event} comes after this position in the newest-first order: it is older, or as
     * old with a smaller id. An event never precedes itself.
     */
    public boolean precedes(AuditEvent event) {
      return of(event).compareTo(this) < 0;
    }

    /**
     * Ascending (oldest first) by time, then by id as {@link AuditFilters#compareIds} compares
     * them.
     */
    @Override
    public int compareTo(Position other) {
      int byTime = occurredAt.compareTo(other.occurredAt);
      return byTime != 0 ? byTime : compareIds(id, other.id);
    }

    /** The position as one token part: the ISO-8601 time, a slash, the id. */
    String encode() {
      return occurredAt + "/" + id;
    }

    /**
     * Reads a position part of a token: a time at microsecond precision within [{@link
     * AuditFilters#EARLIEST}, {@link AuditFilters#LATEST}] and a canonical UUID, separated by one
     * slash.
     *
     * @throws InvalidArgumentException on {@link PageTokens#FIELD} otherwise
     */
    static Position decode(String part) {
      int slash = part.indexOf('/');
      if (slash < 0 || part.indexOf('/', slash + 1) >= 0) {
        throw malformed();
      }
      Instant occurredAt;
      UUID id;
      try {
        occurredAt = Instant.parse(part.substring(0, slash));
        id = UUID.fromString(part.substring(slash + 1));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw malformed();
      }
      if (occurredAt.isBefore(EARLIEST)
          || occurredAt.isAfter(LATEST)
          || occurredAt.getNano() % 1000 != 0
          || !id.toString().equals(part.substring(slash + 1))) {
        throw malformed();
      }
      return new Position(occurredAt, new AuditEventId(id));
    }

    private static InvalidArgumentException malformed() {
      return new InvalidArgumentException(PageTokens.FIELD, "malformed page token position");
    }
  }
}
