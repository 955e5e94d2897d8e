package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.tckproof.OperationsKit.OwnPages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Broken stores of the audit log's append: events stamped by the wrong clock or rounded instead of
 * cut to the microsecond, an append that never checks its tenant, and details read after the append
 * returned.
 */
final class AuditAppendBrokenStores {
  private AuditAppendBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        stampingByTheDatabaseClock(),
        roundingTheStampToTheNearestMicrosecond(),
        appendingWithoutCheckingTheTenant(),
        readingTheDetailsLate());
  }

  /**
   * {@code occurred_at timestamptz DEFAULT now()} with the column left out of the insert: events
   * are stamped by the database's clock, not the store's.
   */
  static BrokenStore stampingByTheDatabaseClock() {
    return restamping(
        "audit-stamped-by-database-clock",
        "audit.append stamps the event by the system clock instead of the store's clock",
        stored -> Instant.now().truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * The store's clock read to the nanosecond and bound as is: PostgreSQL rounds it to the nearest
   * microsecond, so an event can be stamped a microsecond after the store's time.
   */
  static BrokenStore roundingTheStampToTheNearestMicrosecond() {
    return restamping(
        "audit-stamp-rounded",
        "audit.append stamps the event with the store's time rounded to the nearest microsecond",
        stored -> {
          Instant now = BrokenStoreTck.runningClock().instant();
          Instant cut = now.truncatedTo(ChronoUnit.MICROS);
          return now.getNano() % 1_000 >= 500 ? cut.plus(1, ChronoUnit.MICROS) : cut;
        });
  }

  /**
   * An audit log whose appends are stamped with {@code stamp} instead of the store's time, cut to
   * the microsecond; the event reads back with that stamp.
   */
  private static BrokenStore restamping(
      String name, String defect, Function<AuditEvent, Instant> stamp) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<AuditEventId, Instant> stamps = new ConcurrentHashMap<>();
          Function<AuditEvent, AuditEvent> restamped =
              event -> {
                Instant at = stamps.get(event.id());
                return at == null ? event : withTime(event, at);
              };
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, facets.audit())
                  .replace(
                      "append",
                      2,
                      call ->
                          BrokenStoreKit.<AuditEvent>proceeding(call)
                              .thenApply(
                                  event -> {
                                    stamps.put(event.id(), stamp.apply(event));
                                    return restamped.apply(event);
                                  }))
                  .replace(
                      "get",
                      2,
                      call ->
                          BrokenStoreKit.<Optional<AuditEvent>>proceeding(call)
                              .thenApply(found -> found.map(restamped)))
                  .replace(
                      "list",
                      3,
                      call ->
                          BrokenStoreKit.<Page<AuditEvent>>proceeding(call)
                              .thenApply(
                                  page ->
                                      new Page<>(
                                          page.items().stream().map(restamped).toList(),
                                          page.nextPageToken())))
                  .build());
        },
        List.of(test("AuditLog", "anEventIsStampedByTheStoresClockCutToMicroseconds")));
  }

  private static AuditEvent withTime(AuditEvent event, Instant occurredAt) {
    return new AuditEvent(
        event.id(),
        event.tenant(),
        occurredAt,
        event.actor(),
        event.action(),
        event.resourceType(),
        event.resourceId(),
        event.resourceName(),
        event.result(),
        event.clientAddress(),
        event.details());
  }

  /**
   * {@code audit_events.tenant_id} without a foreign key (so that events outlive their tenant), and
   * no other check: an append to a tenant that does not exist, or no longer does, is recorded.
   */
  static BrokenStore appendingWithoutCheckingTheTenant() {
    return new BrokenStore(
        "audit-append-without-tenant",
        "audit.append records an event for a tenant that does not exist",
        facets -> {
          // The events appended to missing tenants, which the honest log refused.
          List<AuditEvent> orphans = new CopyOnWriteArrayList<>();
          AuditLog honest = facets.audit();
          OwnPages pages = new OwnPages();
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, honest)
                  .replace(
                      "append",
                      2,
                      call ->
                          attempt(
                              () -> {
                                CompletableFuture<?> appended = BrokenStoreKit.proceeding(call);
                                Throwable failure = appended.handle((value, error) -> error).join();
                                if (failure == null
                                    || !(unwrap(failure) instanceof NotFoundException missing)
                                    || missing.missing() != ObjectType.TENANT) {
                                  return appended;
                                }
                                AuditEvent recorded =
                                    OperationsRequests.recorded(
                                        AuditEventId.random(),
                                        call.arg(0, TenantId.class),
                                        Timestamps.now(BrokenStoreTck.runningClock()),
                                        OperationsRequests.newAuditEvent(
                                            call.arg(1, NewAuditEvent.class), "event"));
                                orphans.add(recorded);
                                return completedFuture(recorded);
                              }))
                  .replace(
                      "get",
                      2,
                      call ->
                          attempt(
                              () -> {
                                Optional<AuditEvent> found = outcome(call.proceed());
                                TenantId tenant = call.arg(0, TenantId.class);
                                AuditEventId id = call.arg(1, AuditEventId.class);
                                return completedFuture(
                                    found.or(
                                        () ->
                                            orphans.stream()
                                                .filter(
                                                    e ->
                                                        e.tenant().equals(tenant)
                                                            && e.id().equals(id))
                                                .findFirst()));
                              }))
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                AuditFilter filter = call.arg(1, AuditFilter.class);
                                PageRequest request = call.arg(2, PageRequest.class);
                                // The honest call validates the arguments (not a token of ours).
                                Page<AuditEvent> page =
                                    outcome(
                                        call.proceed(tenant, filter, pages.validating(request)));
                                List<AuditEvent> own = orphansOf(orphans, tenant, filter);
                                if (own.isEmpty() || !pages.continues(request)) {
                                  return completedFuture(page);
                                }
                                List<AuditEvent> all =
                                    new ArrayList<>(allPages(p -> honest.list(tenant, filter, p)));
                                all.addAll(own);
                                all.sort(AuditFilters.NEWEST_FIRST);
                                return completedFuture(pages.page(all, request));
                              }))
                  .replace(
                      "count",
                      2,
                      call ->
                          attempt(
                              () -> {
                                long counted = outcome(call.proceed());
                                return completedFuture(
                                    counted
                                        + orphansOf(
                                                orphans,
                                                call.arg(0, TenantId.class),
                                                call.arg(1, AuditFilter.class))
                                            .size());
                              }))
                  .build());
        },
        List.of(test("AuditLog", "appendingToATenantThatDoesNotExistIsNotFoundAndRecordsNothing")));
  }

  /** The events appended to the missing {@code tenant} that {@code filter} (valid) selects. */
  private static List<AuditEvent> orphansOf(
      List<AuditEvent> orphans, TenantId tenant, AuditFilter filter) {
    AuditFilter valid = AuditFilters.validate(filter, "filter");
    return orphans.stream()
        .filter(e -> e.tenant().equals(tenant) && AuditFilters.matches(valid, e))
        .toList();
  }

  /**
   * The event handed to a writer thread with the caller's details map itself, which the writer
   * reads when it gets to the insert, after the call returned: a caller that reuses its map changes
   * the event. Simulated by an append that runs when the caller first waits for its result.
   */
  static BrokenStore readingTheDetailsLate() {
    return new BrokenStore(
        "audit-details-read-late",
        "audit.append reads the event's details after it returned",
        facets ->
            facets.withAuditLog(
                Intercept.facet(AuditLog.class, facets.audit())
                    .replace(
                        "append", 2, call -> new Deferred<AuditEvent>(() -> proceedingTo(call)))
                    .build()),
        List.of(test("AuditLog", "detailsTheCallerChangesAfterTheAppendReturnedChangeNothing")));
  }

  private static CompletableFuture<AuditEvent> proceedingTo(Intercept.Call call) {
    return BrokenStoreKit.proceeding(call);
  }

  /**
   * A future whose work starts when a caller first waits for it ({@code get} or {@code join}), or
   * asks whether it is done: the moment a writer thread would get to it, at the latest.
   */
  private static final class Deferred<T> extends CompletableFuture<T> {
    private final Supplier<CompletableFuture<T>> work;
    private final AtomicBoolean started = new AtomicBoolean();

    Deferred(Supplier<CompletableFuture<T>> work) {
      this.work = work;
    }

    private void start() {
      if (started.compareAndSet(false, true)) {
        work.get()
            .whenComplete(
                (value, error) -> {
                  if (error == null) {
                    complete(value);
                  } else {
                    completeExceptionally(error);
                  }
                });
      }
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      start();
      return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit)
        throws InterruptedException, ExecutionException, TimeoutException {
      start();
      return super.get(timeout, unit);
    }

    @Override
    public T join() {
      start();
      return super.join();
    }

    @Override
    public boolean isDone() {
      start();
      return super.isDone();
    }
  }
}
