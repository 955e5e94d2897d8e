package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The audit log's shared rules (DESIGN §2.8), rule by rule: a filter selects exactly what its
 * criteria name, an invalid filter names its field, the log is newest first in a total order, and
 * paging by the cursor visits every event once with tokens bound to the tenant and the filter.
 */
class AuditFiltersTest {
  private static final Instant T = Instant.parse("2024-05-01T12:00:00.000100Z");
  private static final AuditActor ALICE = AuditActor.user("alice");

  private final TenantId tenant = TenantId.random();

  // --- matching: each criterion exactly and only ---

  @Test
  void theFilterForAllMatchesEveryEvent() {
    assertThat(AuditFilters.matches(AuditFilter.ALL, event(e -> e))).isTrue();
    assertThat(AuditFilters.matches(AuditFilter.ALL, event(e -> e.resourceId(null)))).isTrue();
  }

  @Test
  void anActorCriterionMatchesThatActorOnlyByKindAndExactId() {
    AuditFilter filter = AuditFilter.ALL.withActor(ALICE);

    assertThat(AuditFilters.matches(filter, event(e -> e.actor(ALICE)))).isTrue();
    assertThat(AuditFilters.matches(filter, event(e -> e.actor(AuditActor.serviceUser("alice")))))
        .isFalse();
    assertThat(AuditFilters.matches(filter, event(e -> e.actor(AuditActor.user("Alice")))))
        .isFalse();
    assertThat(AuditFilters.matches(filter, event(e -> e.actor(AuditActor.user("bob"))))).isFalse();
  }

  @Test
  void anActionCriterionMatchesExactlyWithoutCaseFoldingTrimmingOrPrefixes() {
    AuditFilter filter = AuditFilter.ALL.withAction("asset.create");

    assertThat(AuditFilters.matches(filter, event(e -> e.action("asset.create")))).isTrue();
    for (String other : List.of("Asset.Create", "asset.create ", "asset", "asset.created")) {
      assertThat(AuditFilters.matches(filter, event(e -> e.action(other)))).as(other).isFalse();
    }
  }

  @Test
  void aResourceTypeCriterionMatchesExactly() {
    AuditFilter filter = AuditFilter.ALL.withResourceType("asset");

    assertThat(AuditFilters.matches(filter, event(e -> e.resourceType("asset")))).isTrue();
    assertThat(AuditFilters.matches(filter, event(e -> e.resourceType("ASSET")))).isFalse();
    assertThat(AuditFilters.matches(filter, event(e -> e.resourceType("assets")))).isFalse();
  }

  @Test
  void aResourceIdCriterionMatchesExactlyAndNeverAnEventWithoutOne() {
    AuditFilter filter = AuditFilter.ALL.withResourceId("a1b2");

    assertThat(AuditFilters.matches(filter, event(e -> e.resourceId("a1b2")))).isTrue();
    assertThat(AuditFilters.matches(filter, event(e -> e.resourceId("A1B2")))).isFalse();
    assertThat(AuditFilters.matches(filter, event(e -> e.resourceId(null)))).isFalse();
  }

  @Test
  void aResultCriterionMatchesThatResultOnly() {
    for (AuditResult wanted : AuditResult.values()) {
      AuditFilter filter = AuditFilter.ALL.withResult(wanted);
      for (AuditResult actual : AuditResult.values()) {
        assertThat(AuditFilters.matches(filter, event(e -> e.result(actual))))
            .as("%s against %s", wanted, actual)
            .isEqualTo(wanted == actual);
      }
    }
  }

  @Test
  void combinedCriteriaMustAllHold() {
    AuditFilter filter =
        AuditFilter.ALL
            .withActor(ALICE)
            .withAction("asset.drop")
            .withResourceType("asset")
            .withResourceId("a1")
            .withResult(AuditResult.DENIED)
            .withFrom(T)
            .withTo(T.plusSeconds(60));
    UnaryOperator<EventSpec> all =
        e ->
            e.actor(ALICE)
                .action("asset.drop")
                .resourceType("asset")
                .resourceId("a1")
                .result(AuditResult.DENIED)
                .at(T.plusSeconds(1));

    assertThat(AuditFilters.matches(filter, event(all))).isTrue();
    List<UnaryOperator<EventSpec>> breakOne =
        List.of(
            e -> e.actor(AuditActor.user("bob")),
            e -> e.action("asset.create"),
            e -> e.resourceType("namespace"),
            e -> e.resourceId("a2"),
            e -> e.result(AuditResult.SUCCESS),
            e -> e.at(T.minusSeconds(1)),
            e -> e.at(T.plusSeconds(60)));
    for (int i = 0; i < breakOne.size(); i++) {
      UnaryOperator<EventSpec> broken = breakOne.get(i);
      assertThat(AuditFilters.matches(filter, event(e -> broken.apply(all.apply(e)))))
          .as("criterion %d broken", i)
          .isFalse();
    }
  }

  // --- the time range ---

  @Test
  void theTimeRangeIncludesFromAndExcludesToAtMicrosecondPrecision() {
    AuditFilter filter = AuditFilter.ALL.withFrom(T).withTo(T.plus(3, ChronoUnit.MICROS));

    assertThat(matchesAt(filter, T.minus(1, ChronoUnit.MICROS))).isFalse();
    assertThat(matchesAt(filter, T)).isTrue();
    assertThat(matchesAt(filter, T.plus(2, ChronoUnit.MICROS))).isTrue();
    assertThat(matchesAt(filter, T.plus(3, ChronoUnit.MICROS))).isFalse();
  }

  @Test
  void aRangeWithOnlyOneBoundIsOpenOnTheOtherSide() {
    assertThat(matchesAt(AuditFilter.ALL.withFrom(T), T.plusSeconds(1_000_000))).isTrue();
    assertThat(matchesAt(AuditFilter.ALL.withFrom(T), T.minus(1, ChronoUnit.MICROS))).isFalse();
    assertThat(matchesAt(AuditFilter.ALL.withTo(T), T.minusSeconds(1_000_000))).isTrue();
    assertThat(matchesAt(AuditFilter.ALL.withTo(T), T)).isFalse();
  }

  @Test
  void validationRoundsASubMicrosecondBoundUpWhichSelectsTheSameEvents() {
    AuditFilter fine = AuditFilter.ALL.withFrom(T.plusNanos(1)).withTo(T.plusNanos(2_001));

    AuditFilter valid = AuditFilters.validate(fine, "filter");

    assertThat(valid.from()).contains(T.plus(1, ChronoUnit.MICROS));
    assertThat(valid.to()).contains(T.plus(3, ChronoUnit.MICROS));
    for (int micros = -2; micros <= 5; micros++) {
      Instant at = T.plus(micros, ChronoUnit.MICROS);
      assertThat(matchesAt(valid, at)).as("at %s", at).isEqualTo(matchesAt(fine, at));
    }
  }

  @Test
  void validationReturnsAMicrosecondPreciseFilterUnchanged() {
    AuditFilter filter =
        AuditFilter.ALL.withActor(ALICE).withAction("a").withFrom(T).withTo(T.plusSeconds(1));

    assertThat(AuditFilters.validate(filter, "filter")).isEqualTo(filter);
    assertThat(AuditFilters.validate(AuditFilter.ALL, "filter")).isEqualTo(AuditFilter.ALL);
  }

  // --- invalid filters name their field ---

  static Stream<Arguments> invalidFilters() {
    return Stream.of(
        Arguments.of(AuditFilter.ALL.withActor(AuditActor.user(" ")), "filter.actor.id"),
        Arguments.of(AuditFilter.ALL.withActor(AuditActor.serviceUser("")), "filter.actor.id"),
        Arguments.of(AuditFilter.ALL.withAction(""), "filter.action"),
        Arguments.of(AuditFilter.ALL.withAction("asset\ncreate"), "filter.action"),
        Arguments.of(AuditFilter.ALL.withResourceType("\t"), "filter.resourceType"),
        Arguments.of(AuditFilter.ALL.withResourceType("x".repeat(256)), "filter.resourceType"),
        Arguments.of(AuditFilter.ALL.withResourceId("a\u0000"), "filter.resourceId"),
        Arguments.of(AuditFilter.ALL.withResourceId("\ud800"), "filter.resourceId"),
        Arguments.of(AuditFilter.ALL.withFrom(Instant.MIN), "filter.from"),
        Arguments.of(AuditFilter.ALL.withFrom(Instant.MAX), "filter.from"),
        Arguments.of(AuditFilter.ALL.withTo(Instant.MAX), "filter.to"),
        Arguments.of(
            AuditFilter.ALL.withTo(AuditFilters.EARLIEST.minus(1, ChronoUnit.MICROS)), "filter.to"),
        Arguments.of(AuditFilter.ALL.withFrom(T).withTo(T), "filter.to"),
        Arguments.of(AuditFilter.ALL.withFrom(T).withTo(T.minusNanos(1)), "filter.to"),
        // Distinct raw bounds that round up to the same microsecond hold no whole microsecond.
        Arguments.of(AuditFilter.ALL.withFrom(T.plusNanos(1)).withTo(T.plusNanos(2)), "filter.to"),
        Arguments.of(
            AuditFilter.ALL.withFrom(T.plusNanos(1)).withTo(T.plusNanos(999)), "filter.to"),
        Arguments.of(
            AuditFilter.ALL.withFrom(T.plusNanos(1)).withTo(T.plus(1, ChronoUnit.MICROS)),
            "filter.to"));
  }

  @ParameterizedTest
  @MethodSource("invalidFilters")
  void anInvalidFilterNamesItsField(AuditFilter filter, String field) {
    assertInvalid(() -> AuditFilters.validate(filter, "filter"), field);
  }

  @Test
  void validatingAValidatedFilterNeverFailsAndChangesNothing() {
    List<AuditFilter> filters =
        List.of(
            AuditFilter.ALL,
            AuditFilter.ALL.withFrom(T.plusNanos(1)),
            AuditFilter.ALL.withTo(T.plusNanos(1)),
            AuditFilter.ALL.withFrom(T).withTo(T.plusNanos(1)),
            AuditFilter.ALL.withFrom(T.minusNanos(1)).withTo(T.plusNanos(1)),
            AuditFilter.ALL.withFrom(T.plusNanos(999)).withTo(T.plusNanos(1_001)),
            AuditFilter.ALL.withFrom(T.plusNanos(1)).withTo(T.plusSeconds(1).plusNanos(1)),
            AuditFilter.ALL
                .withFrom(AuditFilters.EARLIEST)
                .withTo(AuditFilters.LATEST.minusNanos(1)));
    for (AuditFilter filter : filters) {
      AuditFilter valid = AuditFilters.validate(filter, "filter");

      assertThat(AuditFilters.validate(valid, "filter")).as("%s", filter).isEqualTo(valid);
    }
  }

  @Test
  void aMissingFilterIsInvalid() {
    assertInvalid(() -> AuditFilters.validate(null, "filter"), "filter");
  }

  @Test
  void theWidestRangeIsValid() {
    AuditFilter widest =
        AuditFilter.ALL.withFrom(AuditFilters.EARLIEST).withTo(AuditFilters.LATEST);

    assertThat(AuditFilters.validate(widest, "filter")).isEqualTo(widest);
  }

  // --- the newest-first order ---

  @Test
  void theOrderIsNewestFirst() {
    AuditEvent older = event(e -> e.at(T));
    AuditEvent newer = event(e -> e.at(T.plus(1, ChronoUnit.MICROS)));

    assertThat(AuditFilters.NEWEST_FIRST.compare(newer, older)).isNegative();
    assertThat(AuditFilters.NEWEST_FIRST.compare(older, newer)).isPositive();
  }

  @Test
  void eventsOfTheSameMicrosecondAreOrderedByIdDescending() {
    AuditEvent low = event(e -> e.at(T).id(id(1)));
    AuditEvent high = event(e -> e.at(T).id(id(2)));

    assertThat(sorted(List.of(low, high))).containsExactly(high, low);
    assertThat(sorted(List.of(high, low))).containsExactly(high, low);
  }

  @Test
  void idsCompareAsPostgresqlUuidsUnsignedByteByByte() {
    AuditEventId topBitClear =
        new AuditEventId(UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"));
    AuditEventId topBitSet =
        new AuditEventId(UUID.fromString("80000000-0000-0000-0000-000000000000"));
    AuditEventId lowHalfTopBit =
        new AuditEventId(UUID.fromString("00000000-0000-0000-8000-000000000000"));
    AuditEventId lowHalfClear =
        new AuditEventId(UUID.fromString("00000000-0000-0000-7fff-ffffffffffff"));

    // UUID.compareTo says the opposite in both cases, as it compares signed halves.
    assertThat(AuditFilters.compareIds(topBitSet, topBitClear)).isPositive();
    assertThat(AuditFilters.compareIds(lowHalfTopBit, lowHalfClear)).isPositive();
    assertThat(AuditFilters.compareIds(topBitSet, topBitSet)).isZero();
  }

  @Test
  void theOrderIsTotalSoAnyArrivalOrderSortsTheSame() {
    List<AuditEvent> events = manyEvents(300);
    for (AuditEvent a : events) {
      for (AuditEvent b : events) {
        assertThat(AuditFilters.NEWEST_FIRST.compare(a, b) == 0).isEqualTo(a == b);
      }
    }
    List<AuditEvent> expected = sorted(events);
    for (long seed = 0; seed < 5; seed++) {
      List<AuditEvent> shuffled = new ArrayList<>(events);
      Collections.shuffle(shuffled, new Random(seed));
      assertThat(sorted(shuffled)).containsExactlyElementsOf(expected);
    }
  }

  // --- keyset paging ---

  @Test
  void theFirstPageReadsBelowTheTopWhichPrecedesEveryEvent() {
    ListQuery.Cursor cursor =
        ListQuery.auditEvents(tenant, AuditFilter.ALL).cursor(PageRequest.firstPage(5));

    assertThat(cursor.beforeEvent()).isEqualTo(AuditFilters.Position.TOP);
    assertThat(cursor.fetchSize()).isEqualTo(6);
    assertThat(AuditFilters.Position.TOP.precedes(event(e -> e.at(T)))).isTrue();
    assertThat(
            AuditFilters.Position.TOP.precedes(
                event(e -> e.at(AuditFilters.LATEST.minus(1, ChronoUnit.MICROS)))))
        .isTrue();
  }

  @Test
  void anEventNeverPrecedesItselfAndPrecedesEveryLaterEventOfTheOrder() {
    List<AuditEvent> events = sorted(manyEvents(50));
    for (int i = 0; i < events.size(); i++) {
      AuditFilters.Position position = AuditFilters.Position.of(events.get(i));
      for (int j = 0; j < events.size(); j++) {
        assertThat(position.precedes(events.get(j))).isEqualTo(j > i);
      }
    }
  }

  @Test
  void pagingByTheCursorOverASortedListReturnsEveryMatchingEventExactlyOnce() {
    List<AuditEvent> events = manyEvents(500);
    AuditFilter filter =
        AuditFilters.validate(AuditFilter.ALL.withResult(AuditResult.SUCCESS), "f");
    List<AuditEvent> expected =
        sorted(events.stream().filter(e -> AuditFilters.matches(filter, e)).toList());

    for (int limit : List.of(1, 7, 100, expected.size(), expected.size() + 1)) {
      assertThat(readAll(events, filter, limit)).as("limit %d", limit).isEqualTo(expected);
    }
  }

  @Test
  void aTokenResumesAfterTheLastEventReturned() {
    List<AuditEvent> events = sorted(manyEvents(10));
    ListQuery query = ListQuery.auditEvents(tenant, AuditFilter.ALL);

    Page<AuditEvent> page =
        query.page(
            events.subList(0, 4), query.cursor(PageRequest.firstPage(3)), AuditFilters::position);

    ListQuery.Cursor next = query.cursor(PageRequest.nextPage(page.nextPageToken().get(), 3));
    assertThat(next.beforeEvent()).isEqualTo(AuditFilters.Position.of(events.get(2)));
  }

  @Test
  void anEventTimeFinerThanAMicrosecondIsTruncatedSoItsTokenResumes() {
    AuditEvent fine = event(e -> e.at(T.plusNanos(1_999)));
    AuditEvent older = event(e -> e.at(T));
    ListQuery query = ListQuery.auditEvents(tenant, AuditFilter.ALL);

    assertThat(fine.occurredAt()).isEqualTo(T.plus(1, ChronoUnit.MICROS));
    Page<AuditEvent> page =
        query.page(
            List.of(fine, older), query.cursor(PageRequest.firstPage(1)), AuditFilters::position);

    ListQuery.Cursor next = query.cursor(PageRequest.nextPage(page.nextPageToken().get(), 1));
    assertThat(next.beforeEvent()).isEqualTo(AuditFilters.Position.of(fine));
    assertThat(next.beforeEvent().precedes(older)).isTrue();
  }

  // --- tokens are bound to the tenant and the filter ---

  @Test
  void aTokenIsRefusedForAnotherTenant() {
    AuditFilter filter = AuditFilter.ALL.withAction("asset.create");
    String token = tokenFor(tenant, filter);

    assertThat(resume(tenant, filter, token)).isNotNull();
    assertForeign(TenantId.random(), filter, token);
    assertForeign(TenantId.SYSTEM, filter, token);
  }

  @Test
  void aTokenIsRefusedForAnyOtherFilter() {
    AuditFilter filter =
        AuditFilter.ALL
            .withActor(ALICE)
            .withAction("asset.create")
            .withResourceType("asset")
            .withResourceId("a1")
            .withResult(AuditResult.SUCCESS)
            .withFrom(T)
            .withTo(T.plusSeconds(60));
    String token = tokenFor(tenant, filter);

    assertThat(resume(tenant, filter, token)).isNotNull();
    List<AuditFilter> others =
        List.of(
            AuditFilter.ALL,
            filter.withActor(AuditActor.serviceUser("alice")),
            filter.withActor(AuditActor.user("bob")),
            filter.withAction("asset.drop"),
            filter.withResourceType("namespace"),
            filter.withResourceId("a2"),
            filter.withResult(AuditResult.FAILURE),
            filter.withFrom(T.plus(1, ChronoUnit.MICROS)),
            filter.withTo(T.plusSeconds(61)));
    for (AuditFilter other : others) {
      assertForeign(tenant, other, token);
    }
  }

  @Test
  void aTokenOfTheUnfilteredLogIsRefusedOnceACriterionIsAdded() {
    String token = tokenFor(tenant, AuditFilter.ALL);

    assertForeign(tenant, AuditFilter.ALL.withResourceId("a1"), token);
    assertForeign(tenant, AuditFilter.ALL.withFrom(T), token);
  }

  @Test
  void criteriaAreBoundInTheirOwnPlacesSoEqualValuesInOtherCriteriaDiffer() {
    String token = tokenFor(tenant, AuditFilter.ALL.withAction("asset"));

    assertForeign(tenant, AuditFilter.ALL.withResourceType("asset"), token);
    assertForeign(tenant, AuditFilter.ALL.withResourceId("asset"), token);
  }

  @Test
  void aTokenOfAnotherListIsRefused() {
    Page<String> catalogs =
        ListQuery.catalogs(tenant)
            .page(
                List.of("a", "b"),
                ListQuery.catalogs(tenant).cursor(PageRequest.firstPage(1)),
                s -> s);

    assertForeign(tenant, AuditFilter.ALL, catalogs.nextPageToken().get());
  }

  @ParameterizedTest
  @MethodSource("malformedPositions")
  void aTokenOfTheAuditListWhosePositionIsNotAnEventPositionIsMalformed(String position) {
    ListQuery query = ListQuery.auditEvents(tenant, AuditFilter.ALL);
    String token =
        query
            .page(manyEvents(2), query.cursor(PageRequest.firstPage(1)), e -> position)
            .nextPageToken()
            .get();

    assertForeign(tenant, AuditFilter.ALL, token);
  }

  static Stream<String> malformedPositions() {
    String id = "6a1f4e2c-9d7b-4c1a-8e3f-0b5d2a7c9e41";
    return Stream.of(
        "sales",
        "42",
        T + id,
        T + "/" + id + "/" + id,
        "yesterday/" + id,
        T + "/not-a-uuid",
        T + "/" + id.toUpperCase(),
        T.plusNanos(1) + "/" + id,
        Instant.MIN + "/" + id);
  }

  // --- helpers ---

  /** Pages through {@code events} as a backend does: filter, position, order, one extra. */
  private List<AuditEvent> readAll(List<AuditEvent> events, AuditFilter filter, int limit) {
    ListQuery query = ListQuery.auditEvents(tenant, filter);
    List<AuditEvent> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    for (int pages = 0; pages <= events.size() + 1; pages++) {
      ListQuery.Cursor cursor = query.cursor(request);
      AuditFilters.Position before = cursor.beforeEvent();
      List<AuditEvent> fetched =
          events.stream()
              .filter(e -> AuditFilters.matches(filter, e))
              .filter(before::precedes)
              .sorted(AuditFilters.NEWEST_FIRST)
              .limit(cursor.fetchSize())
              .toList();
      Page<AuditEvent> page = query.page(fetched, cursor, AuditFilters::position);
      read.addAll(page.items());
      Optional<PageRequest> next = page.nextPage(limit);
      if (next.isEmpty()) {
        return read;
      }
      request = next.get();
    }
    throw new AssertionError("paging did not end");
  }

  private static String tokenFor(TenantId tenant, AuditFilter filter) {
    ListQuery query = ListQuery.auditEvents(tenant, filter);
    return query
        .page(sorted(manyEvents(3)), query.cursor(PageRequest.firstPage(1)), AuditFilters::position)
        .nextPageToken()
        .orElseThrow();
  }

  private static ListQuery.Cursor resume(TenantId tenant, AuditFilter filter, String token) {
    return ListQuery.auditEvents(tenant, filter).cursor(PageRequest.nextPage(token, 10));
  }

  private static void assertForeign(TenantId tenant, AuditFilter filter, String token) {
    assertThatThrownBy(() -> resume(tenant, filter, token).beforeEvent())
        .as("a token replayed with %s under %s", filter, tenant)
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(PageTokens.FIELD);
  }

  private static void assertInvalid(Runnable call, String field) {
    assertThatThrownBy(call::run)
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(field);
  }

  private static boolean matchesAt(AuditFilter filter, Instant at) {
    return AuditFilters.matches(filter, event(e -> e.at(at)));
  }

  private static List<AuditEvent> sorted(List<AuditEvent> events) {
    return events.stream().sorted(AuditFilters.NEWEST_FIRST).toList();
  }

  /** Events spread over a few microseconds, so that many share one, with ids of both top bits. */
  private static List<AuditEvent> manyEvents(int count) {
    Random random = new Random(count);
    AuditResult[] results = AuditResult.values();
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                event(
                    e ->
                        e.at(T.plus(random.nextInt(count / 10 + 1), ChronoUnit.MICROS))
                            .id(new AuditEventId(new UUID(random.nextLong(), random.nextLong())))
                            .result(results[i % results.length])))
        .toList();
  }

  private static AuditEventId id(long low) {
    return new AuditEventId(new UUID(0L, low));
  }

  private static AuditEvent event(UnaryOperator<EventSpec> spec) {
    return spec.apply(new EventSpec()).build();
  }

  /** A valid event with every field set, changed one field at a time. */
  private static final class EventSpec {
    private AuditEventId id = AuditEventId.random();
    private Instant at = T;
    private AuditActor actor = ALICE;
    private String action = "asset.create";
    private String resourceType = "asset";
    private String resourceId = "a1";
    private AuditResult result = AuditResult.SUCCESS;

    EventSpec id(AuditEventId value) {
      id = value;
      return this;
    }

    EventSpec at(Instant value) {
      at = value;
      return this;
    }

    EventSpec actor(AuditActor value) {
      actor = value;
      return this;
    }

    EventSpec action(String value) {
      action = value;
      return this;
    }

    EventSpec resourceType(String value) {
      resourceType = value;
      return this;
    }

    /** {@code null} for an event without a resource id. */
    EventSpec resourceId(String value) {
      resourceId = value;
      return this;
    }

    EventSpec result(AuditResult value) {
      result = value;
      return this;
    }

    AuditEvent build() {
      return new AuditEvent(
          id,
          TenantId.random(),
          at,
          actor,
          action,
          resourceType,
          Optional.ofNullable(resourceId),
          Optional.of("orders"),
          result,
          Optional.of("10.0.0.1"),
          Map.of("k", "v"));
    }
  }
}
