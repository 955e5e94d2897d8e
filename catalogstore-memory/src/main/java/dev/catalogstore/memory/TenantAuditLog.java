package dev.catalogstore.memory;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.spi.AuditFilters.Position;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One tenant's audit events: a primary {@link AuditIndex} of all of them and one secondary index
 * per value of each exact criterion of {@link AuditFilter} (actor, action, resource type, resource
 * id, result), all newest first, plus a map by id for {@code get}.
 *
 * <p>A query reads the smallest index that its criteria select (the events of one actor, say, when
 * that actor has fewer events than the action asked for has), narrowed to the filter's time range,
 * and checks the rest of the filter on each event it reads ({@link AuditFilters#matches}). So a
 * page or a count costs what that index range holds, never the whole log when a criterion is
 * selective.
 *
 * <p>Thread-safe without a lock: every structure is concurrent. An event is entered in every index
 * before {@link #record} returns; a query running at the same time may or may not see it.
 */
final class TenantAuditLog {
  private final TenantId tenant;
  private final Map<AuditEventId, AuditEvent> byId = new ConcurrentHashMap<>();
  private final AuditIndex all = new AuditIndex();
  private final Map<AuditActor, AuditIndex> byActor = new ConcurrentHashMap<>();
  private final Map<String, AuditIndex> byAction = new ConcurrentHashMap<>();
  private final Map<String, AuditIndex> byResourceType = new ConcurrentHashMap<>();
  private final Map<String, AuditIndex> byResourceId = new ConcurrentHashMap<>();
  private final Map<AuditResult, AuditIndex> byResult = new EnumMap<>(AuditResult.class);

  TenantAuditLog(TenantId tenant) {
    this.tenant = tenant;
    // Filled once, so the map is only ever read afterwards and needs no concurrency of its own.
    for (AuditResult result : AuditResult.values()) {
      byResult.put(result, new AuditIndex());
    }
  }

  /** Records a validated {@code event} at {@code now} with a fresh id, and returns it. */
  AuditEvent record(NewAuditEvent event, Instant now) {
    AuditEvent recorded;
    do {
      recorded = OperationsRequests.recorded(AuditEventId.random(), tenant, now, event);
    } while (byId.putIfAbsent(recorded.id(), recorded) != null);
    Position position = Position.of(recorded);
    all.add(position, recorded);
    byActor.computeIfAbsent(recorded.actor(), a -> new AuditIndex()).add(position, recorded);
    byAction.computeIfAbsent(recorded.action(), a -> new AuditIndex()).add(position, recorded);
    byResourceType
        .computeIfAbsent(recorded.resourceType(), t -> new AuditIndex())
        .add(position, recorded);
    if (recorded.resourceId().isPresent()) {
      byResourceId
          .computeIfAbsent(recorded.resourceId().get(), r -> new AuditIndex())
          .add(position, recorded);
    }
    byResult.get(recorded.result()).add(position, recorded);
    return recorded;
  }

  Optional<AuditEvent> get(AuditEventId id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Up to {@code count} events matching the validated {@code filter} that {@code before} precedes,
   * newest first.
   */
  List<AuditEvent> page(AuditFilter filter, Position before, int count) {
    List<AuditEvent> fetched = new ArrayList<>(Math.min(count, 64));
    Optional<Chosen> chosen = choose(filter);
    if (chosen.isEmpty()) {
      return fetched;
    }
    Iterator<AuditEvent> events = chosen.get().index().range(before, filter.from(), filter.to());
    while (fetched.size() < count && events.hasNext()) {
      AuditEvent event = events.next();
      if (AuditFilters.matches(filter, event)) {
        fetched.add(event);
      }
    }
    return fetched;
  }

  /** How many events match the validated {@code filter}: exactly those {@link #page} reads. */
  long count(AuditFilter filter) {
    Optional<Chosen> chosen = choose(filter);
    if (chosen.isEmpty()) {
      return 0;
    }
    if (chosen.get().exact() && filter.from().isEmpty() && filter.to().isEmpty()) {
      // The index holds exactly the matching events: its own count answers in O(1).
      return chosen.get().index().size();
    }
    Iterator<AuditEvent> events =
        chosen.get().index().range(Position.TOP, filter.from(), filter.to());
    long count = 0;
    while (events.hasNext()) {
      if (AuditFilters.matches(filter, events.next())) {
        count++;
      }
    }
    return count;
  }

  /**
   * The smallest index that holds every event the filter's exact criteria select; empty if a
   * criterion names a value no event has (then nothing matches). {@code exact} says whether the
   * index selects the criteria and nothing else, so that no event of it needs checking.
   */
  private Optional<Chosen> choose(AuditFilter filter) {
    List<Optional<AuditIndex>> candidates = new ArrayList<>(5);
    filter.actor().ifPresent(actor -> candidates.add(Optional.ofNullable(byActor.get(actor))));
    filter.action().ifPresent(action -> candidates.add(Optional.ofNullable(byAction.get(action))));
    filter
        .resourceType()
        .ifPresent(type -> candidates.add(Optional.ofNullable(byResourceType.get(type))));
    filter.resourceId().ifPresent(id -> candidates.add(Optional.ofNullable(byResourceId.get(id))));
    filter.result().ifPresent(result -> candidates.add(Optional.of(byResult.get(result))));
    if (candidates.isEmpty()) {
      return Optional.of(new Chosen(all, true));
    }
    AuditIndex smallest = null;
    for (Optional<AuditIndex> candidate : candidates) {
      if (candidate.isEmpty()) {
        return Optional.empty();
      }
      if (smallest == null || candidate.get().size() < smallest.size()) {
        smallest = candidate.get();
      }
    }
    return Optional.of(new Chosen(smallest, candidates.size() == 1));
  }

  private record Chosen(AuditIndex index, boolean exact) {}
}
