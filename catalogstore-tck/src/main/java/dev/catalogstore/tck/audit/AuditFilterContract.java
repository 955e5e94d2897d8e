package dev.catalogstore.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The filters of the audit log ({@link AuditFilter}): each criterion selects exactly the events
 * that hold it (strings compared exactly: no case folding, trimming or prefix matching), criteria
 * combine with AND, an event without a resource id never matches a resource-id filter, the time
 * range is half-open at microsecond precision, and a count is exactly the length of the list.
 *
 * <p>Each test starts with a tenant holding {@link #logged} events of known parts, one microsecond
 * apart from {@link #T0_MICROS} when the backend lets the TCK stop the clock.
 */
public abstract class AuditFilterContract extends AuditSuite {
  private TenantId tenant;
  private Map<String, AuditEvent> logged;

  @BeforeEach
  void logTheEvents() {
    tenant = newTenant();
    logged = new LinkedHashMap<>();
    log("alice-create-t1", event(ALICE, "asset.create").resourceId("t1").build());
    log(
        "service-alice-create-t1",
        NewAuditEvent.builder(ALICE_SERVICE, "asset.create", "asset", AuditResult.FAILURE)
            .resourceId("t1")
            .build());
    log(
        "bob-delete-t2",
        NewAuditEvent.builder(BOB, "asset.delete", "asset", AuditResult.DENIED)
            .resourceId("t2")
            .build());
    log(
        "bob-catalog-no-id",
        NewAuditEvent.builder(BOB, "catalog.create", "catalog", AuditResult.SUCCESS).build());
    log(
        "alice-upper-action",
        NewAuditEvent.builder(
                AuditActor.user("Alice"), "Asset.Create", "Asset", AuditResult.SUCCESS)
            .resourceId("T1")
            .build());
    log(
        "alice-prefix",
        NewAuditEvent.builder(
                AuditActor.user("alice2"), "asset.created", "assets", AuditResult.SUCCESS)
            .resourceId("t1x")
            .build());
    log(
        "bob-name-is-t1",
        NewAuditEvent.builder(BOB, "asset.read", "asset", AuditResult.SUCCESS)
            .resourceName("t1")
            .build());
  }

  private void log(String key, NewAuditEvent event) {
    logged.put(key, append(tenant, event));
  }

  private List<AuditEvent> events(String... keys) {
    return Arrays.stream(keys).map(logged::get).toList();
  }

  private void assertSelects(AuditFilter filter, String... keys) {
    assertThat(list(tenant, filter))
        .as("the events %s lists", filter)
        .containsExactlyInAnyOrderElementsOf(events(keys));
    assertThat(count(tenant, filter)).as("the count of %s", filter).isEqualTo(keys.length);
  }

  @Test
  void theActorFilterMatchesKindAndIdExactly() {
    assertSelects(AuditFilter.ALL.withActor(ALICE), "alice-create-t1");
    assertSelects(AuditFilter.ALL.withActor(ALICE_SERVICE), "service-alice-create-t1");
    assertSelects(
        AuditFilter.ALL.withActor(BOB), "bob-delete-t2", "bob-catalog-no-id", "bob-name-is-t1");
    assertSelects(AuditFilter.ALL.withActor(AuditActor.user("ALICE")));
    assertSelects(AuditFilter.ALL.withActor(AuditActor.user("alic")));
  }

  @Test
  void theActionFilterMatchesExactly() {
    assertSelects(
        AuditFilter.ALL.withAction("asset.create"), "alice-create-t1", "service-alice-create-t1");
    assertSelects(AuditFilter.ALL.withAction("Asset.Create"), "alice-upper-action");
    assertSelects(AuditFilter.ALL.withAction("asset.created"), "alice-prefix");
    assertSelects(AuditFilter.ALL.withAction("asset"));
    assertSelects(AuditFilter.ALL.withAction("asset.%"));
    assertSelects(AuditFilter.ALL.withAction("asset._reate"));
  }

  @Test
  void theResourceTypeFilterMatchesExactly() {
    assertSelects(
        AuditFilter.ALL.withResourceType("asset"),
        "alice-create-t1",
        "service-alice-create-t1",
        "bob-delete-t2",
        "bob-name-is-t1");
    assertSelects(AuditFilter.ALL.withResourceType("catalog"), "bob-catalog-no-id");
    assertSelects(AuditFilter.ALL.withResourceType("Asset"), "alice-upper-action");
    assertSelects(AuditFilter.ALL.withResourceType("assets"), "alice-prefix");
  }

  @Test
  void theResourceIdFilterMatchesExactlyAndNeverAnEventWithoutAResourceId() {
    assertSelects(
        AuditFilter.ALL.withResourceId("t1"), "alice-create-t1", "service-alice-create-t1");
    assertSelects(AuditFilter.ALL.withResourceId("T1"), "alice-upper-action");
    assertSelects(AuditFilter.ALL.withResourceId("t1x"), "alice-prefix");
    assertSelects(AuditFilter.ALL.withResourceId("t2"), "bob-delete-t2");
    assertSelects(AuditFilter.ALL.withResourceId("t"));
    assertSelects(AuditFilter.ALL.withResourceId("%"));
  }

  @Test
  void theResultFilterMatchesTheResult() {
    assertSelects(AuditFilter.ALL.withResult(AuditResult.FAILURE), "service-alice-create-t1");
    assertSelects(AuditFilter.ALL.withResult(AuditResult.DENIED), "bob-delete-t2");
    assertSelects(
        AuditFilter.ALL.withResult(AuditResult.SUCCESS),
        "alice-create-t1",
        "bob-catalog-no-id",
        "alice-upper-action",
        "alice-prefix",
        "bob-name-is-t1");
  }

  @Test
  void criteriaCombineWithAnd() {
    assertSelects(
        AuditFilter.ALL.withAction("asset.create").withResult(AuditResult.SUCCESS),
        "alice-create-t1");
    assertSelects(
        AuditFilter.ALL.withActor(BOB).withResourceType("asset"),
        "bob-delete-t2",
        "bob-name-is-t1");
    assertSelects(AuditFilter.ALL.withActor(BOB).withResourceId("t1"));
    assertSelects(
        AuditFilter.ALL
            .withActor(ALICE_SERVICE)
            .withAction("asset.create")
            .withResourceType("asset")
            .withResourceId("t1")
            .withResult(AuditResult.FAILURE)
            .withFrom(Instant.parse("2000-01-01T00:00:00Z"))
            .withTo(Instant.parse("9999-01-01T00:00:00Z")),
        "service-alice-create-t1");
    assertSelects(
        AuditFilter.ALL.withActor(ALICE).withResult(AuditResult.DENIED).withResourceId("t1"));
  }

  @Test
  void theFilterAllSelectsEveryEvent() {
    assertSelects(AuditFilter.ALL, logged.keySet().toArray(String[]::new));
  }

  @Test
  void countEqualsTheLengthOfTheListForEveryFilter() {
    List<AuditFilter> filters =
        List.of(
            AuditFilter.ALL,
            AuditFilter.ALL.withActor(BOB),
            AuditFilter.ALL.withActor(ALICE_SERVICE),
            AuditFilter.ALL.withAction("asset.create"),
            AuditFilter.ALL.withResourceType("asset"),
            AuditFilter.ALL.withResourceId("t1"),
            AuditFilter.ALL.withResourceId("missing"),
            AuditFilter.ALL.withResult(AuditResult.SUCCESS),
            AuditFilter.ALL.withResult(AuditResult.DENIED),
            AuditFilter.ALL.withActor(BOB).withResourceType("asset"),
            AuditFilter.ALL.withFrom(Instant.parse("2000-01-01T00:00:00Z")),
            AuditFilter.ALL.withTo(Instant.parse("2000-01-01T00:00:00Z")),
            AuditFilter.ALL.withAction("asset.create").withResult(AuditResult.FAILURE));
    for (AuditFilter filter : filters) {
      assertThat(count(tenant, filter))
          .as("the count of %s", filter)
          .isEqualTo(list(tenant, filter).size());
    }
  }

  @Test
  void theTimeRangeIsHalfOpenAtMicrosecondPrecision() {
    TckClock clock = freezeClockAt(T0);
    TenantId timed = newTenant();
    AuditEvent[] at = new AuditEvent[4];
    for (int i = 0; i < at.length; i++) {
      at[i] = append(timed, event(ALICE, "tick-" + i).build());
      clock.advance(Duration.ofNanos(1_000));
    }
    Instant t1 = T0_MICROS.plusNanos(1_000);
    Instant t3 = T0_MICROS.plusNanos(3_000);

    assertThat(list(timed, AuditFilter.ALL.withFrom(t1).withTo(t3)))
        .as("from t1 inclusive to t3 exclusive")
        .containsExactly(at[2], at[1]);
    assertThat(list(timed, AuditFilter.ALL.withFrom(t3))).containsExactly(at[3]);
    assertThat(list(timed, AuditFilter.ALL.withTo(t1))).containsExactly(at[0]);
    assertThat(list(timed, AuditFilter.ALL.withFrom(t1).withTo(t1.plusNanos(1_000))))
        .containsExactly(at[1]);
    assertThat(count(timed, AuditFilter.ALL.withFrom(t1).withTo(t3))).isEqualTo(2);
  }

  @Test
  void aBoundFinerThanAMicrosecondSelectsAsIfRoundedUp() {
    TckClock clock = freezeClockAt(T0);
    TenantId timed = newTenant();
    AuditEvent[] at = new AuditEvent[3];
    for (int i = 0; i < at.length; i++) {
      at[i] = append(timed, event(ALICE, "tick-" + i).build());
      clock.advance(Duration.ofNanos(1_000));
    }
    Instant t1 = T0_MICROS.plusNanos(1_000);

    // from just after t0 rounds up to t1: t0 is out. to just after t1 rounds up to t2: t1 is in.
    AuditFilter fine = AuditFilter.ALL.withFrom(T0_MICROS.plusNanos(1)).withTo(t1.plusNanos(1));

    assertThat(list(timed, fine)).containsExactly(at[1]);
    assertThat(count(timed, fine)).isEqualTo(1);
  }
}
