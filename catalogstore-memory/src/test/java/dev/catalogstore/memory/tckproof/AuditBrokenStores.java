package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.memory.tckproof.OperationsKit.OwnPages;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Broken stores of the audit log: a tenant lost from a count or from a resource-id filter, the log
 * listed in the wrong order or with its ties broken as Java compares UUIDs, a count that drops a
 * criterion, events deleted with their tenant, and a time range closed at its end or bounds rounded
 * to the nearest microsecond.
 *
 * <p>Each simulates a backend's mistake over the honest facet: the broken method first runs the
 * honest one (so a refused input is refused as before), then bends what it answers.
 */
final class AuditBrokenStores {
  private AuditBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        countingEveryTenantsEvents(),
        listingAResourceIdOfEveryTenant(),
        listingOldestFirst(),
        breakingTiesAsJavaComparesUuids(),
        countingWithoutTheResultCriterion(),
        deletingEventsWithTheirTenant(),
        closingTheTimeRangeAtItsEnd(),
        roundingTheBoundsToTheNearestMicrosecond());
  }

  /** {@code SELECT count(*) FROM audit_events WHERE <criteria>}: no {@code tenant_id = ?}. */
  static BrokenStore countingEveryTenantsEvents() {
    return new BrokenStore(
        "audit-count-of-every-tenant",
        "audit.count counts the matching events of every tenant",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          AuditLog honest = facets.audit();
          return OperationsKit.recordingTenants(facets, tenants)
              .withAuditLog(
                  Intercept.facet(AuditLog.class, honest)
                      .replace(
                          "count",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    long counted = outcome(call.proceed());
                                    TenantId caller = call.arg(0, TenantId.class);
                                    AuditFilter filter = call.arg(1, AuditFilter.class);
                                    for (TenantId other : tenants) {
                                      if (!other.equals(caller)) {
                                        counted += honest.count(other, filter).join();
                                      }
                                    }
                                    return completedFuture(counted);
                                  }))
                      .build());
        },
        List.of(test("AuditIsolation", "noFilterCountsAnEventOfTheTwin")));
  }

  /**
   * The resource-id filter served by an index on {@code resource_id} alone, whose query forgot to
   * add the tenant: a list by resource id lists the events of that id of every tenant.
   */
  static BrokenStore listingAResourceIdOfEveryTenant() {
    return new BrokenStore(
        "audit-resource-id-of-every-tenant",
        "audit.list with a resource-id filter lists the events of that resource id of every tenant",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          AuditLog honest = facets.audit();
          OwnPages pages = new OwnPages();
          return OperationsKit.recordingTenants(facets, tenants)
              .withAuditLog(
                  Intercept.facet(AuditLog.class, honest)
                      .replace(
                          "list",
                          3,
                          call ->
                              attempt(
                                  () -> {
                                    TenantId caller = call.arg(0, TenantId.class);
                                    AuditFilter filter = call.arg(1, AuditFilter.class);
                                    PageRequest request = call.arg(2, PageRequest.class);
                                    // The honest call validates the arguments (not our token).
                                    Page<AuditEvent> page =
                                        outcome(
                                            call.proceed(
                                                caller, filter, pages.validating(request)));
                                    if (filter.resourceId().isEmpty()
                                        || !pages.continues(request)) {
                                      return completedFuture(page);
                                    }
                                    Set<TenantId> every = new LinkedHashSet<>(tenants);
                                    every.add(caller);
                                    List<AuditEvent> all = new ArrayList<>();
                                    for (TenantId any : every) {
                                      all.addAll(allPages(p -> honest.list(any, filter, p)));
                                    }
                                    all.sort(AuditFilters.NEWEST_FIRST);
                                    return completedFuture(pages.page(all, request));
                                  }))
                      .build());
        },
        List.of(
            test(
                "AuditIsolation",
                "aResourceIdFilterMatchingOnlyTheTwinsEventsCountsAndListsNothing"),
            test("AuditIsolation", "noFilterListsAnEventOfTheTwin")));
  }

  /** {@code ORDER BY occurred_at, id}: the {@code DESC} forgotten, the log lists oldest first. */
  static BrokenStore listingOldestFirst() {
    return reordering(
        "audit-list-oldest-first",
        "audit.list lists the oldest event first",
        AuditFilters.NEWEST_FIRST.reversed(),
        List.of(
            test("AuditLog", "theLogListsNewestFirst"),
            test(
                "AuditLog",
                "withoutAControlledClockTheLogStillListsNewestFirstThenByIdDescending")));
  }

  /**
   * An in-memory index sorted by {@link java.util.UUID#compareTo}, which compares the two halves as
   * signed longs: events of one microsecond list in another order than PostgreSQL's {@code uuid}
   * order, where a half with its top bit set is the greater.
   */
  static BrokenStore breakingTiesAsJavaComparesUuids() {
    return reordering(
        "audit-ties-by-signed-uuid",
        "audit.list breaks ties of one microsecond by UUID.compareTo, descending",
        Comparator.comparing(AuditEvent::occurredAt)
            .thenComparing(event -> event.id().value())
            .reversed(),
        List.of(
            test(
                "AuditLog",
                "eventsOfTheSameMicrosecondListByIdDescendingComparedAsUnsignedBytes")));
  }

  /** A list in {@code order}, paged by offset: every matching event of the tenant, then sorted. */
  private static BrokenStore reordering(
      String name, String defect, Comparator<AuditEvent> order, List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          AuditLog honest = facets.audit();
          OwnPages pages = new OwnPages();
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, honest)
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
                                if (!pages.continues(request)) {
                                  return completedFuture(page);
                                }
                                List<AuditEvent> all =
                                    new ArrayList<>(allPages(p -> honest.list(tenant, filter, p)));
                                all.sort(order);
                                return completedFuture(pages.page(all, request));
                              }))
                  .build());
        },
        caught);
  }

  /**
   * The count's {@code WHERE} built by a second, hand-written copy of the list's, which lacks the
   * result: a count by result counts events of every result.
   */
  static BrokenStore countingWithoutTheResultCriterion() {
    return new BrokenStore(
        "audit-count-ignores-result",
        "audit.count ignores the filter's result criterion",
        facets ->
            facets.withAuditLog(
                Intercept.facet(AuditLog.class, facets.audit())
                    .replace(
                        "count",
                        2,
                        call ->
                            attempt(
                                () -> {
                                  // The honest call first, so that a refused filter is refused.
                                  outcome(call.proceed());
                                  AuditFilter filter = call.arg(1, AuditFilter.class);
                                  return (CompletableFuture<?>)
                                      call.proceed(
                                          call.arg(0, TenantId.class), withoutResult(filter));
                                }))
                    .build()),
        List.of(
            test("AuditFilters", "countEqualsTheLengthOfTheListForEveryFilter"),
            test("AuditFilters", "theResultFilterMatchesTheResult")));
  }

  /** {@code filter} with every criterion but the result. */
  private static AuditFilter withoutResult(AuditFilter filter) {
    AuditFilter copy = AuditFilter.ALL;
    copy = filter.actor().map(copy::withActor).orElse(copy);
    copy = filter.action().map(copy::withAction).orElse(copy);
    copy = filter.resourceType().map(copy::withResourceType).orElse(copy);
    copy = filter.resourceId().map(copy::withResourceId).orElse(copy);
    copy = filter.from().map(copy::withFrom).orElse(copy);
    return filter.to().map(copy::withTo).orElse(copy);
  }

  /**
   * {@code audit_events.tenant_id REFERENCES tenants ON DELETE CASCADE}: deleting a tenant deletes
   * its audit log, which an operator can then no longer read.
   */
  static BrokenStore deletingEventsWithTheirTenant() {
    return new BrokenStore(
        "audit-events-deleted-with-tenant",
        "tenants.delete deletes the tenant's audit events too",
        facets -> {
          Set<TenantId> deleted = ConcurrentHashMap.newKeySet();
          return facets
              .withTenants(
                  Intercept.facet(Tenants.class, facets.tenants())
                      .replace(
                          "delete",
                          1,
                          call ->
                              BrokenStoreKit.<Void>proceeding(call)
                                  .thenApply(
                                      done -> {
                                        deleted.add(call.arg(0, TenantId.class));
                                        return done;
                                      }))
                      .build())
              .withAuditLog(
                  Intercept.facet(AuditLog.class, facets.audit())
                      .replace(
                          "get",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    Optional<AuditEvent> found = outcome(call.proceed());
                                    return completedFuture(
                                        deleted.contains(call.arg(0, TenantId.class))
                                            ? Optional.empty()
                                            : found);
                                  }))
                      .replace(
                          "list",
                          3,
                          call ->
                              attempt(
                                  () -> {
                                    Page<AuditEvent> page = outcome(call.proceed());
                                    return completedFuture(
                                        deleted.contains(call.arg(0, TenantId.class))
                                            ? Page.last(List.<AuditEvent>of())
                                            : page);
                                  }))
                      .replace(
                          "count",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    long counted = outcome(call.proceed());
                                    return completedFuture(
                                        deleted.contains(call.arg(0, TenantId.class))
                                            ? 0L
                                            : counted);
                                  }))
                      .build());
        },
        List.of(test("AuditLog", "eventsOutliveTheirTenantAndStayReadableByItsId")));
  }

  /** {@code occurred_at BETWEEN from AND to}: the end of the range is taken in. */
  static BrokenStore closingTheTimeRangeAtItsEnd() {
    return bendingTheFilter(
        "audit-time-range-closed",
        "audit.list and audit.count take in events that occurred exactly at the filter's to",
        filter -> {
          AuditFilter valid = AuditFilters.validate(filter, "filter");
          return valid.to().map(to -> valid.withTo(to.plus(1, ChronoUnit.MICROS))).orElse(valid);
        },
        List.of(test("AuditFilters", "theTimeRangeIsHalfOpenAtMicrosecondPrecision")));
  }

  /**
   * The filter's bounds bound as they are, to the nanosecond, which PostgreSQL rounds to the
   * nearest microsecond: a bound just after an event's microsecond selects as if it were at it.
   */
  static BrokenStore roundingTheBoundsToTheNearestMicrosecond() {
    return bendingTheFilter(
        "audit-bounds-rounded-to-nearest",
        "audit.list and audit.count round a bound finer than a microsecond to the nearest one",
        filter -> {
          AuditFilter rounded = filter;
          rounded = filter.from().map(nearestMicro()).map(rounded::withFrom).orElse(rounded);
          return filter.to().map(nearestMicro()).map(rounded::withTo).orElse(rounded);
        },
        List.of(test("AuditFilters", "aBoundFinerThanAMicrosecondSelectsAsIfRoundedUp")));
  }

  private static UnaryOperator<Instant> nearestMicro() {
    return instant -> {
      Instant cut = instant.truncatedTo(ChronoUnit.MICROS);
      return instant.getNano() % 1_000 >= 500 ? cut.plus(1, ChronoUnit.MICROS) : cut;
    };
  }

  /** An audit log whose lists and counts query with the filter as {@code bend} changes it. */
  private static BrokenStore bendingTheFilter(
      String name,
      String defect,
      UnaryOperator<AuditFilter> bend,
      List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets ->
            facets.withAuditLog(
                Intercept.facet(AuditLog.class, facets.audit())
                    .replace("list", 3, call -> withBentFilter(call, bend))
                    .replace("count", 2, call -> withBentFilter(call, bend))
                    .build()),
        caught);
  }

  /**
   * The call with its filter bent; a filter the store refuses (as given or once bent) is passed on
   * as given, to be refused or served as the honest store does.
   */
  private static Object withBentFilter(Intercept.Call call, UnaryOperator<AuditFilter> bend)
      throws Throwable {
    Object[] args = call.arguments();
    try {
      AuditFilters.validate((AuditFilter) args[1], "filter");
      args[1] = AuditFilters.validate(bend.apply((AuditFilter) args[1]), "filter");
    } catch (RuntimeException refused) {
      return call.proceed();
    }
    return call.proceed(args);
  }
}
