package dev.catalogstore.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The input rules of the audit facet: each part of an event and of a filter is checked and refused
 * with {@code InvalidArgumentException} naming it ({@code event.action}, {@code filter.resourceId},
 * {@code filter.to}, ...), under an existing tenant and under one that does not exist alike
 * (validation comes first), and a refused append records nothing. Every valid name is kept exactly
 * and found exactly by a filter.
 */
public abstract class AuditInputRulesContract extends AuditSuite {
  private static final Instant TOO_EARLY = Instant.parse("-0001-12-31T00:00:00Z");
  private static final Instant TOO_LATE = Instant.parse("+10000-01-01T00:00:00.000001Z");

  /** Strings the name rule refuses, except null (which a builder refuses itself). */
  private static List<String> invalidNames() {
    List<String> names = new ArrayList<>();
    TckNames.invalid().forEach(arguments -> names.add((String) arguments.get()[1]));
    names.removeIf(Objects::isNull);
    return names;
  }

  /** Asserts {@code call} is refused on {@code field} under {@code tenant} and a missing one. */
  private void refused(
      TenantId tenant, String field, Function<TenantId, CompletableFuture<?>> call) {
    for (TenantId under : List.of(tenant, TenantId.random())) {
      assertInvalid(field, () -> call.apply(under));
    }
  }

  private void assertNothingRecorded(TenantId tenant) {
    assertThat(count(tenant, AuditFilter.ALL)).as("events recorded by refused appends").isZero();
  }

  @Test
  void aMissingArgumentIsRefusedOnItsName() {
    TenantId tenant = newTenant();
    NewAuditEvent valid = event(ALICE, "asset.read").build();

    refused(tenant, "event", t -> store().audit().append(t, null));
    assertInvalid("tenant", () -> store().audit().append(null, valid));
    assertInvalid("tenant", () -> store().audit().get(null, AuditEventId.random()));
    refused(tenant, "event", t -> store().audit().get(t, null));
    refused(tenant, "filter", t -> store().audit().list(t, null, PageRequest.firstPage()));
    refused(tenant, "page", t -> store().audit().list(t, AuditFilter.ALL, null));
    refused(tenant, "filter", t -> store().audit().count(t, null));
    assertInvalid("tenant", () -> store().audit().count(null, AuditFilter.ALL));
    assertNothingRecorded(tenant);
  }

  @Test
  void eachRequiredPartOfAnEventIsRefusedWhenMissing() {
    TenantId tenant = newTenant();

    refused(
        tenant,
        "event.actor",
        t ->
            store()
                .audit()
                .append(t, NewAuditEvent.builder(null, "a", "asset", AuditResult.SUCCESS).build()));
    refused(
        tenant,
        "event.action",
        t ->
            store()
                .audit()
                .append(
                    t, NewAuditEvent.builder(ALICE, null, "asset", AuditResult.SUCCESS).build()));
    refused(
        tenant,
        "event.resourceType",
        t ->
            store()
                .audit()
                .append(t, NewAuditEvent.builder(ALICE, "a", null, AuditResult.SUCCESS).build()));
    refused(
        tenant,
        "event.result",
        t -> store().audit().append(t, NewAuditEvent.builder(ALICE, "a", "asset", null).build()));
    assertNothingRecorded(tenant);
  }

  @Test
  void everyNamePartOfAnEventFollowsTheNameRule() {
    TenantId tenant = newTenant();
    for (String bad : invalidNames()) {
      refused(
          tenant,
          "event.actor.id",
          t -> store().audit().append(t, event(AuditActor.user(bad), "a").build()));
      refused(tenant, "event.action", t -> store().audit().append(t, event(ALICE, bad).build()));
      refused(
          tenant,
          "event.resourceType",
          t ->
              store()
                  .audit()
                  .append(t, NewAuditEvent.builder(ALICE, "a", bad, AuditResult.SUCCESS).build()));
      refused(
          tenant,
          "event.resourceId",
          t -> store().audit().append(t, event(ALICE, "a").resourceId(bad).build()));
      refused(
          tenant,
          "event.resourceName",
          t -> store().audit().append(t, event(ALICE, "a").resourceName(bad).build()));
      refused(
          tenant,
          "event.clientAddress",
          t -> store().audit().append(t, event(ALICE, "a").clientAddress(bad).build()));
    }
    assertNothingRecorded(tenant);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void theDetailsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    if (bad == null) {
      return; // the builder refuses a null map itself
    }
    TenantId tenant = newTenant();

    refused(
        tenant,
        "event.details" + suffix,
        t -> store().audit().append(t, event(ALICE, "a").details(bad).build()));
    assertNothingRecorded(tenant);
  }

  @Test
  void detailsAtTheLimitsAreKeptExactly() {
    TenantId tenant = newTenant();
    Map<String, String> many =
        IntStream.range(0, 1000).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v" + i));
    Map<String, String> long1 = Map.of("k".repeat(255), "v".repeat(64 * 1024), "edge", "\ta\r\nb");

    AuditEvent withMany = append(tenant, event(ALICE, "a").details(many).build());
    AuditEvent withLong = append(tenant, event(ALICE, "a").details(long1).build());

    assertThat(await(store().audit().get(tenant, withMany.id())).orElseThrow().details())
        .isEqualTo(many);
    assertThat(await(store().audit().get(tenant, withLong.id())).orElseThrow().details())
        .isEqualTo(long1);
  }

  @Test
  void everyStringCriterionOfAFilterFollowsTheNameRule() {
    TenantId tenant = newTenant();
    for (String bad : invalidNames()) {
      for (var entry :
          Map.of(
                  "filter.actor.id", AuditFilter.ALL.withActor(AuditActor.user(bad)),
                  "filter.action", AuditFilter.ALL.withAction(bad),
                  "filter.resourceType", AuditFilter.ALL.withResourceType(bad),
                  "filter.resourceId", AuditFilter.ALL.withResourceId(bad))
              .entrySet()) {
        refused(
            tenant,
            entry.getKey(),
            t -> store().audit().list(t, entry.getValue(), PageRequest.firstPage()));
        refused(tenant, entry.getKey(), t -> store().audit().count(t, entry.getValue()));
      }
    }
  }

  @Test
  void theTimeBoundsOfAFilterMustLieInTheStoresRangeAndFromBeforeTo() {
    TenantId tenant = newTenant();
    Instant t = Instant.parse("2020-01-01T00:00:00Z");
    Map<AuditFilter, String> bad = new LinkedHashMap<>();
    bad.put(AuditFilter.ALL.withFrom(TOO_EARLY), "filter.from");
    bad.put(AuditFilter.ALL.withFrom(TOO_LATE), "filter.from");
    bad.put(AuditFilter.ALL.withTo(TOO_EARLY), "filter.to");
    bad.put(AuditFilter.ALL.withTo(TOO_LATE), "filter.to");
    bad.put(AuditFilter.ALL.withFrom(t).withTo(t), "filter.to");
    bad.put(AuditFilter.ALL.withFrom(t).withTo(t.minusNanos(1_000)), "filter.to");
    // from rounds up to t + 1µs, which is not before to
    bad.put(AuditFilter.ALL.withFrom(t.plusNanos(1)).withTo(t.plusNanos(1_000)), "filter.to");
    bad.forEach(
        (filter, field) -> {
          refused(tenant, field, u -> store().audit().list(u, filter, PageRequest.firstPage()));
          refused(tenant, field, u -> store().audit().count(u, filter));
        });

    assertThat(count(tenant, AuditFilter.ALL.withFrom(t).withTo(t.plusNanos(1_000)))).isZero();
    assertThat(
            count(
                tenant,
                AuditFilter.ALL
                    .withFrom(Instant.parse("0001-01-01T00:00:00Z"))
                    .withTo(Instant.parse("+10000-01-01T00:00:00Z"))))
        .as("the widest range the store keeps")
        .isZero();
  }

  @Test
  void aPageLimitBelowOneIsRefused() {
    TenantId tenant = newTenant();

    refused(
        tenant,
        "page.limit",
        t -> store().audit().list(t, AuditFilter.ALL, PageRequest.firstPage(0)));
  }

  @Test
  void everyValidNameIsKeptExactlyAndFoundExactlyByAFilter() {
    TenantId tenant = newTenant();
    for (String name : TckNames.TRICKY) {
      AuditEvent appended =
          append(
              tenant,
              NewAuditEvent.builder(AuditActor.user(name), name, name, AuditResult.SUCCESS)
                  .resourceId(name)
                  .resourceName(name)
                  .clientAddress(name)
                  .build());
      assertThat(await(store().audit().get(tenant, appended.id()))).contains(appended);
      assertThat(appended.action()).isEqualTo(name);
      AuditFilter exact =
          AuditFilter.ALL
              .withActor(AuditActor.user(name))
              .withAction(name)
              .withResourceType(name)
              .withResourceId(name);
      assertThat(list(tenant, exact))
          .as("the events of %s", TckNames.label(name))
          .containsExactly(appended);
      assertThat(count(tenant, AuditFilter.ALL.withResourceId(name))).isEqualTo(1);
    }
  }
}
