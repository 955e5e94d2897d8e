package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log answers a query from one index it picks among several (by actor, action, resource
 * type, resource id or result, narrowed to the time range). Whatever it picks, the answer must be
 * the one a full scan gives: here thousands of random events, many sharing a microsecond, and
 * hundreds of random filters, each listed page by page and counted, against {@link
 * AuditFilters#matches} over every event in {@link AuditFilters#NEWEST_FIRST} order. A second
 * tenant with the same values proves that no index answers across tenants.
 */
class AuditIndexChoiceTest {
  private static final List<AuditActor> ACTORS =
      List.of(
          AuditActor.user("ann"),
          AuditActor.user("bob"),
          AuditActor.serviceUser("ann"),
          AuditActor.user("rare"));
  private static final List<String> ACTIONS =
      List.of("asset.create", "asset.delete", "catalog.create", "login");
  private static final List<String> TYPES = List.of("asset", "catalog", "user");
  private static final List<String> RESOURCE_IDS = List.of("r1", "r2", "r3", "r4", "r5");

  private final Random random = new Random(20261201L);
  private final TckClock clock = new TckClock();
  private final InMemoryCatalogStore store = new InMemoryCatalogStore(clock);
  private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
  private TenantId tenant;
  private final List<AuditEvent> events = new ArrayList<>();

  @BeforeEach
  void appendRandomEventsToTwoTenants() {
    tenant = store.tenants().create(NewTenant.named("audited")).join().id();
    TenantId twin = store.tenants().create(NewTenant.named("twin")).join().id();
    clock.freezeAt(start);
    for (int i = 0; i < 3000; i++) {
      // Often several events in one microsecond, so ids break ties; sometimes time stands still.
      if (random.nextInt(3) == 0) {
        clock.advance(Duration.ofNanos(1000L * (1 + random.nextInt(5))));
      }
      events.add(store.audit().append(tenant, randomEvent()).join());
      store.audit().append(twin, randomEvent()).join();
    }
  }

  @Test
  void everyFilterListsAndCountsWhatAFullScanFinds() {
    for (int i = 0; i < 150; i++) {
      AuditFilter filter = randomFilter();
      List<AuditEvent> expected = fullScan(filter);
      // Mostly larger pages, which keeps the run short; sometimes tiny ones, many boundaries.
      int pageSize = random.nextInt(5) == 0 ? 1 + random.nextInt(7) : 20 + random.nextInt(280);
      assertThat(listAll(filter, pageSize)).as("list of %s", filter).isEqualTo(expected);
      assertThat(store.audit().count(tenant, filter).join())
          .as("count of %s", filter)
          .isEqualTo(expected.size());
    }
  }

  @Test
  void aValueNoEventHasSelectsNothingWhateverElseTheFilterSays() {
    AuditFilter filter = AuditFilter.ALL.withAction("asset.create").withResourceId("never");
    assertThat(store.audit().list(tenant, filter, PageRequest.firstPage()).join().items())
        .isEmpty();
    assertThat(store.audit().count(tenant, filter).join()).isZero();
  }

  private List<AuditEvent> fullScan(AuditFilter filter) {
    AuditFilter valid = AuditFilters.validate(filter, "filter");
    return events.stream()
        .filter(event -> AuditFilters.matches(valid, event))
        .sorted(AuditFilters.NEWEST_FIRST)
        .toList();
  }

  private List<AuditEvent> listAll(AuditFilter filter, int pageSize) {
    List<AuditEvent> all = new ArrayList<>();
    PageRequest page = PageRequest.firstPage(pageSize);
    while (true) {
      Page<AuditEvent> read = store.audit().list(tenant, filter, page).join();
      all.addAll(read.items());
      Optional<PageRequest> next = read.nextPage(pageSize);
      if (next.isEmpty()) {
        return all;
      }
      page = next.get();
    }
  }

  private NewAuditEvent randomEvent() {
    // Skewed, so that the indexes differ in size and the choice among them matters.
    AuditActor actor = ACTORS.get(skewed(ACTORS.size()));
    NewAuditEvent.Builder event =
        NewAuditEvent.builder(
            actor,
            ACTIONS.get(skewed(ACTIONS.size())),
            TYPES.get(random.nextInt(TYPES.size())),
            AuditResult.values()[skewed(AuditResult.values().length)]);
    if (random.nextInt(4) != 0) {
      event.resourceId(RESOURCE_IDS.get(skewed(RESOURCE_IDS.size())));
    }
    return event.build();
  }

  private AuditFilter randomFilter() {
    AuditFilter filter = AuditFilter.ALL;
    if (random.nextInt(3) == 0) {
      filter = filter.withActor(ACTORS.get(random.nextInt(ACTORS.size())));
    }
    if (random.nextInt(3) == 0) {
      filter = filter.withAction(ACTIONS.get(random.nextInt(ACTIONS.size())));
    }
    if (random.nextInt(3) == 0) {
      filter = filter.withResourceType(TYPES.get(random.nextInt(TYPES.size())));
    }
    if (random.nextInt(3) == 0) {
      filter = filter.withResourceId(RESOURCE_IDS.get(random.nextInt(RESOURCE_IDS.size())));
    }
    if (random.nextInt(3) == 0) {
      filter = filter.withResult(AuditResult.values()[random.nextInt(3)]);
    }
    Instant end = events.get(events.size() - 1).occurredAt();
    long span = Duration.between(start, end).toNanos() + 2000;
    Instant from = start.plusNanos(random.nextLong(span)).minusNanos(1000);
    if (random.nextInt(3) == 0) {
      filter = filter.withFrom(from);
    }
    if (random.nextInt(3) == 0) {
      // Sometimes a bound finer than a microsecond, which the store rounds up.
      Instant to = from.plusNanos(1 + random.nextLong(span / 2));
      filter = filter.withTo(random.nextBoolean() ? to : to.plusNanos(random.nextInt(999)));
      if (filter.from().isPresent()
          && !roundedUp(filter.from().get()).isBefore(roundedUp(filter.to().get()))) {
        // No whole microsecond in the range: an invalid filter, which other tests cover.
        return randomFilter();
      }
    }
    return filter;
  }

  private static Instant roundedUp(Instant instant) {
    Instant truncated = instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    return truncated.equals(instant) ? instant : truncated.plusNanos(1000);
  }

  private int skewed(int size) {
    // Value i has about twice the chance of value i + 1.
    int i = 0;
    while (i < size - 1 && random.nextBoolean()) {
      i++;
    }
    return i;
  }
}
