package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Collator;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Broken stores of how a maintenance run goes about it: a cutoff taken in, a history paged as if it
 * had no gaps, runs that record no audit event or record the system whoever acted, an orphan sweep
 * of one branch only and an expiry of every branch, and results reported in the wrong order.
 */
final class MaintenanceRunBrokenStores {
  private MaintenanceRunBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        takingInTheCutoff(),
        pagingHistoryBySequenceArithmetic(),
        recordingNoAuditEvent(),
        recordingOnlyRunsThatRemoveSomething(),
        recordingTheSystemAsTheActor(),
        sweepingOneBranchOnly(),
        expiringEveryBranch(),
        reportingPrunedEntriesNewestFirst(),
        reportingOrphansInTheOrderFound(),
        reportingOrphansInCollationOrder());
  }

  /**
   * {@code committed_at <= cutoff}: an entry committed exactly at the cutoff (or at {@code
   * olderThan}) is a candidate too. Simulated by running the honest facet a microsecond later.
   */
  static BrokenStore takingInTheCutoff() {
    return new BrokenStore(
        "maintenance-cutoff-inclusive",
        "maintenance runs prune entries committed exactly at the cutoff or at olderThan",
        facets ->
            facets.withMaintenance(
                Intercept.facet(Maintenance.class, facets.maintenance())
                    .replace(
                        "expireSnapshots",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  Duration retention = call.arg(2, Duration.class);
                                  if (!validRetention(retention) || retention.isZero()) {
                                    return (CompletableFuture<?>) call.proceed();
                                  }
                                  ExpiredSnapshots pruned =
                                      outcome(
                                          call.proceed(
                                              call.arg(0, TenantId.class),
                                              call.arg(1, AssetRef.class),
                                              retention.minus(1, ChronoUnit.MICROS),
                                              call.arg(3, AuditActor.class)));
                                  return completedFuture(
                                      new ExpiredSnapshots(
                                          pruned.cutoff().minus(1, ChronoUnit.MICROS),
                                          pruned.pruned(),
                                          pruned.auditEvent()));
                                }))
                    .replace(
                        "removeOrphanFiles",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  Instant olderThan = call.arg(2, Instant.class);
                                  if (!validInstant(olderThan)
                                      || !validInstant(olderThan.plus(1, ChronoUnit.MICROS))) {
                                    return (CompletableFuture<?>) call.proceed();
                                  }
                                  OrphanFiles swept =
                                      outcome(
                                          call.proceed(
                                              call.arg(0, TenantId.class),
                                              call.arg(1, AssetRef.class),
                                              olderThan.plus(1, ChronoUnit.MICROS),
                                              call.arg(3, AuditActor.class)));
                                  return completedFuture(
                                      new OrphanFiles(
                                          olderThan,
                                          swept.locations(),
                                          swept.entriesRemoved(),
                                          swept.auditEvent()));
                                }))
                    .build()),
        List.of(
            test(
                "ExpireSnapshots",
                "onlyEntriesCommittedStrictlyBeforeNowMinusTheRetentionArePruned"),
            test("RemoveOrphanFiles", "onlyEntriesCommittedStrictlyBeforeOlderThanAreSwept")));
  }

  /**
   * History paged by sequence arithmetic, as if histories had no gaps: the page after the entry of
   * sequence {@code s} is {@code WHERE sequence BETWEEN s - limit AND s - 1}, and a page shorter
   * than its limit is taken as the last. Once maintenance has pruned entries, paging stops early.
   */
  static BrokenStore pagingHistoryBySequenceArithmetic() {
    return new BrokenStore(
        "history-paged-by-sequence-arithmetic",
        "assets.history pages by sequence ranges, which a pruned history's gaps cut short",
        facets -> {
          Map<String, Long> after = new ConcurrentHashMap<>();
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "history",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                AssetRef asset = call.arg(1, AssetRef.class);
                                PageRequest request = call.arg(2, PageRequest.class);
                                Long last =
                                    request == null
                                        ? null
                                        : request.pageToken().map(after::get).orElse(null);
                                List<MetadataLocation> items;
                                if (last == null) {
                                  Page<MetadataLocation> page = outcome(call.proceed());
                                  items = page.items();
                                } else {
                                  long from = last - request.limit();
                                  items =
                                      allPages(p -> honest.history(tenant, asset, p)).stream()
                                          .filter(e -> e.sequence() >= from && e.sequence() < last)
                                          .toList();
                                }
                                Optional<String> next = Optional.empty();
                                if (items.size() == request.limit()
                                    && items.get(items.size() - 1).sequence() > 1) {
                                  String token = "sequence-" + UUID.randomUUID();
                                  after.put(token, items.get(items.size() - 1).sequence());
                                  next = Optional.of(token);
                                }
                                return completedFuture(new Page<>(items, next));
                              }))
                  .build());
        },
        List.of(
            test(
                "ExpireSnapshots",
                "theEntriesKeptKeepTheirSequencesAndTheHistoryWithGapsStillPages")));
  }

  private static boolean validRetention(Duration retention) {
    try {
      OperationsRequests.retention(retention, "retention");
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  private static boolean validInstant(Instant instant) {
    try {
      OperationsRequests.olderThan(instant, "olderThan");
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /**
   * The run's audit event inserted on a connection of its own that is never committed: the runs
   * prune, and their events are never recorded.
   */
  static BrokenStore recordingNoAuditEvent() {
    Predicate<AuditEvent> maintenance =
        event ->
            event.action().equals(OperationsAudit.EXPIRE_SNAPSHOTS)
                || event.action().equals(OperationsAudit.REMOVE_ORPHAN_FILES);
    return new BrokenStore(
        "maintenance-records-no-event",
        "maintenance runs record no audit event",
        facets -> facets.withAuditLog(OperationsKit.withoutEvents(facets.audit(), maintenance)),
        List.of(
            test("ExpireSnapshots", "eachRunRecordsAnAuditEventOfTheActorNamingTheAsset"),
            test("ExpireSnapshots", "aRunThatPrunesNothingIsRecordedToo"),
            test("RemoveOrphanFiles", "eachSweepRecordsAnAuditEventOfTheActorNamingTheAsset")));
  }

  /**
   * The run's audit event written by a trigger on the history's {@code DELETE}: a run that removes
   * nothing fires no trigger and records nothing.
   */
  static BrokenStore recordingOnlyRunsThatRemoveSomething() {
    Predicate<AuditEvent> removedNothing =
        event ->
            (event.action().equals(OperationsAudit.EXPIRE_SNAPSHOTS)
                    && "0".equals(event.details().get("pruned")))
                || (event.action().equals(OperationsAudit.REMOVE_ORPHAN_FILES)
                    && "0".equals(event.details().get("entries")));
    return new BrokenStore(
        "maintenance-records-only-removals",
        "maintenance runs that remove nothing record no audit event",
        facets -> facets.withAuditLog(OperationsKit.withoutEvents(facets.audit(), removedNothing)),
        List.of(
            test("ExpireSnapshots", "aRunThatPrunesNothingIsRecordedToo"),
            test("RemoveOrphanFiles", "aSweepThatFindsNothingIsRecordedToo")));
  }

  /**
   * The actor checked and then lost on the way down (the full method delegating to the overload
   * without one): every run is recorded as done by the system.
   */
  static BrokenStore recordingTheSystemAsTheActor() {
    return new BrokenStore(
        "maintenance-actor-dropped",
        "maintenance runs record the system as the actor, whoever the caller named",
        facets ->
            facets.withMaintenance(
                Intercept.facet(Maintenance.class, facets.maintenance())
                    .replace("expireSnapshots", 4, OperationsKit::asTheSystem)
                    .replace("removeOrphanFiles", 4, OperationsKit::asTheSystem)
                    .build()),
        List.of(
            test("ExpireSnapshots", "eachRunRecordsAnAuditEventOfTheActorNamingTheAsset"),
            test("RemoveOrphanFiles", "eachSweepRecordsAnAuditEventOfTheActorNamingTheAsset")));
  }

  /**
   * The sweep built on the expiry's query, scoped to the branch the asset is named on: it forgets
   * what that branch alone records, with {@code olderThan} as the cutoff.
   */
  static BrokenStore sweepingOneBranchOnly() {
    return new BrokenStore(
        "orphan-sweep-of-one-branch",
        "maintenance.removeOrphanFiles sweeps only the branch the asset is named on",
        facets -> {
          Maintenance honest = facets.maintenance();
          return facets.withMaintenance(
              Intercept.facet(Maintenance.class, honest)
                  .replace(
                      "removeOrphanFiles",
                      4,
                      call ->
                          attempt(
                              () -> {
                                Instant olderThan = call.arg(2, Instant.class);
                                Instant now = Timestamps.now(BrokenStoreTck.runningClock());
                                if (!validInstant(olderThan)) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                Duration retention = Duration.between(olderThan, now);
                                if (!validRetention(retention)) {
                                  retention = Duration.ZERO;
                                }
                                ExpiredSnapshots expired =
                                    join(
                                        honest.expireSnapshots(
                                            call.arg(0, TenantId.class),
                                            call.arg(1, AssetRef.class),
                                            retention,
                                            call.arg(3, AuditActor.class)));
                                Set<String> locations = new TreeSet<>(CodePointOrder.STRINGS);
                                locations.addAll(expired.locations());
                                return completedFuture(
                                    new OrphanFiles(
                                        olderThan,
                                        List.copyOf(locations),
                                        expired.pruned().size(),
                                        expired.auditEvent()));
                              }))
                  .build());
        },
        List.of(
            test("RemoveOrphanFiles", "itSweepsTheAddressOnEveryBranchKeepingWhatTheHeadsHold"),
            test("RemoveOrphanFiles", "itSweepsTheSameWhicheverBranchTheAssetIsNamedOn")));
  }

  /**
   * The expiry's {@code DELETE} keyed by the asset's address in the catalog, not by its branch: a
   * run prunes what the address records on every branch, as the orphan sweep does. Simulated by the
   * honest sweep with the expiry's cutoff; the expiry reports the entries of its own branch.
   */
  static BrokenStore expiringEveryBranch() {
    return new BrokenStore(
        "expiry-of-every-branch",
        "maintenance.expireSnapshots prunes the asset's address on every branch of the catalog",
        facets -> {
          Maintenance honest = facets.maintenance();
          return facets.withMaintenance(
              Intercept.facet(Maintenance.class, honest)
                  .replace(
                      "expireSnapshots",
                      4,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                AssetRef asset = call.arg(1, AssetRef.class);
                                Duration retention = call.arg(2, Duration.class);
                                List<MetadataLocation> history;
                                try {
                                  OperationsRequests.retention(retention, "retention");
                                  history =
                                      allPages(
                                          page -> facets.assets().history(tenant, asset, page));
                                } catch (RuntimeException missingOrInvalid) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                Instant cutoff =
                                    OperationsRequests.cutoff(
                                        Timestamps.now(BrokenStoreTck.runningClock()), retention);
                                OrphanFiles swept =
                                    join(
                                        honest.removeOrphanFiles(
                                            tenant, asset, cutoff, call.arg(3, AuditActor.class)));
                                List<MetadataLocation> pruned = new ArrayList<>();
                                for (MetadataLocation entry : history) {
                                  if (entry.committedAt().isBefore(cutoff)
                                      && swept.locations().contains(entry.location())) {
                                    pruned.add(entry);
                                  }
                                }
                                pruned.sort(Comparator.comparingLong(MetadataLocation::sequence));
                                return completedFuture(
                                    new ExpiredSnapshots(cutoff, pruned, swept.auditEvent()));
                              }))
                  .build());
        },
        List.of(test("ExpireSnapshots", "aRunOnOneBranchLeavesTheHistoryOfTheOtherBranchesAlone")));
  }

  /** The pruned entries reported as the history lists them, newest first. */
  static BrokenStore reportingPrunedEntriesNewestFirst() {
    return new BrokenStore(
        "expiry-reports-newest-first",
        "maintenance.expireSnapshots returns the pruned entries newest first",
        facets ->
            facets.withMaintenance(
                Intercept.facet(Maintenance.class, facets.maintenance())
                    .replace(
                        "expireSnapshots",
                        4,
                        call ->
                            BrokenStoreKit.<ExpiredSnapshots>proceeding(call)
                                .thenApply(
                                    expired -> {
                                      List<MetadataLocation> newestFirst =
                                          new ArrayList<>(expired.pruned());
                                      newestFirst.sort(
                                          Comparator.comparingLong(MetadataLocation::sequence)
                                              .reversed());
                                      return new ExpiredSnapshots(
                                          expired.cutoff(), newestFirst, expired.auditEvent());
                                    }))
                    .build()),
        List.of(
            test("ExpireSnapshots", "thePrunedEntriesComeOldestFirstWithTheirDistinctLocations")));
  }

  /**
   * The swept locations reported in the order the sweep found them (branch by branch in the order
   * branches list, each history oldest first) instead of code-point order.
   */
  static BrokenStore reportingOrphansInTheOrderFound() {
    return new BrokenStore(
        "orphans-in-the-order-found",
        "maintenance.removeOrphanFiles returns the locations in the order it found them",
        facets ->
            facets.withMaintenance(
                Intercept.facet(Maintenance.class, facets.maintenance())
                    .replace(
                        "removeOrphanFiles",
                        4,
                        call ->
                            attempt(
                                () -> {
                                  TenantId tenant = call.arg(0, TenantId.class);
                                  AssetRef asset = call.arg(1, AssetRef.class);
                                  List<String> found = new ArrayList<>();
                                  try {
                                    for (Branch branch :
                                        allPages(
                                            page ->
                                                facets
                                                    .branches()
                                                    .list(tenant, asset.catalog(), page))) {
                                      AssetRef there =
                                          new AssetRef(
                                              branch.ref(), asset.namespace(), asset.name());
                                      List<MetadataLocation> history =
                                          new ArrayList<>(
                                              allPages(
                                                  page ->
                                                      facets
                                                          .assets()
                                                          .history(tenant, there, page)
                                                          .exceptionally(
                                                              missing -> Page.last(List.of()))));
                                      history.sort(
                                          Comparator.comparingLong(MetadataLocation::sequence));
                                      history.forEach(entry -> found.add(entry.location()));
                                    }
                                  } catch (RuntimeException missingOrInvalid) {
                                    return (CompletableFuture<?>) call.proceed();
                                  }
                                  OrphanFiles swept = outcome(call.proceed());
                                  List<String> inOrderFound =
                                      found.stream()
                                          .distinct()
                                          .filter(swept.locations()::contains)
                                          .toList();
                                  return completedFuture(
                                      new OrphanFiles(
                                          swept.olderThan(),
                                          inOrderFound,
                                          swept.entriesRemoved(),
                                          swept.auditEvent()));
                                }))
                    .build()),
        List.of(
            test(
                "RemoveOrphanFiles",
                "theLocationsComeInCodePointOrderWhateverTheirCaseOrPunctuation")));
  }

  /**
   * {@code ORDER BY location} under the database's {@code en_US.UTF-8} collation, which folds case
   * and weighs punctuation last, where code-point order ({@code COLLATE "C"}) was meant.
   */
  static BrokenStore reportingOrphansInCollationOrder() {
    return new BrokenStore(
        "orphans-in-collation-order",
        "maintenance.removeOrphanFiles returns the locations in en_US collation order",
        facets ->
            facets.withMaintenance(
                Intercept.facet(Maintenance.class, facets.maintenance())
                    .replace(
                        "removeOrphanFiles",
                        4,
                        call ->
                            BrokenStoreKit.<OrphanFiles>proceeding(call)
                                .thenApply(
                                    swept -> {
                                      List<String> collated = new ArrayList<>(swept.locations());
                                      collated.sort(Collator.getInstance(Locale.US));
                                      return new OrphanFiles(
                                          swept.olderThan(),
                                          collated,
                                          swept.entriesRemoved(),
                                          swept.auditEvent());
                                    }))
                    .build()),
        List.of(
            test(
                "RemoveOrphanFiles",
                "theLocationsComeInCodePointOrderWhateverTheirCaseOrPunctuation")));
  }
}
