package dev.catalogstore.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The audit model's values: a filter built fluently and immutably, actors and events as values. */
class AuditModelTest {
  private static final Instant T = Instant.parse("2024-05-01T12:00:00Z");

  @Test
  void theFilterForAllSetsNoCriterion() {
    assertThat(AuditFilter.ALL.actor()).isEmpty();
    assertThat(AuditFilter.ALL.action()).isEmpty();
    assertThat(AuditFilter.ALL.resourceType()).isEmpty();
    assertThat(AuditFilter.ALL.resourceId()).isEmpty();
    assertThat(AuditFilter.ALL.result()).isEmpty();
    assertThat(AuditFilter.ALL.from()).isEmpty();
    assertThat(AuditFilter.ALL.to()).isEmpty();
  }

  @Test
  void buildingAFilterNeverChangesTheOneItStartedFrom() {
    AuditFilter denied = AuditFilter.ALL.withResult(AuditResult.DENIED);
    AuditFilter deniedToday = denied.withFrom(T).withTo(T.plusSeconds(86_400));

    assertThat(AuditFilter.ALL.result()).isEmpty();
    assertThat(denied.from()).isEmpty();
    assertThat(deniedToday.result()).contains(AuditResult.DENIED);
    assertThat(deniedToday.from()).contains(T);
    assertThat(deniedToday.to()).contains(T.plusSeconds(86_400));
  }

  @Test
  void filtersWithTheSameCriteriaAreEqual() {
    AuditFilter a = AuditFilter.ALL.withAction("asset.create").withActor(AuditActor.user("u"));
    AuditFilter b = AuditFilter.ALL.withActor(AuditActor.user("u")).withAction("asset.create");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(b.withResourceId("x"));
  }

  @Test
  void aNullCriterionIsRefusedRatherThanWideningTheFilter() {
    assertThatThrownBy(() -> AuditFilter.ALL.withActor(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AuditFilter.ALL.withAction(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AuditFilter.ALL.withResourceId(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> AuditFilter.ALL.withTo(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aUserAndAServiceUserWithTheSameIdAreDifferentActors() {
    assertThat(AuditActor.user("x")).isNotEqualTo(AuditActor.serviceUser("x"));
    assertThat(AuditActor.user("x")).isEqualTo(new AuditActor(AuditActor.Kind.USER, "x"));
  }

  @Test
  void anEventTruncatesItsTimeToMicroseconds() {
    AuditEvent fine = event(T.plusNanos(1_999));
    AuditEvent exact = event(T.plusNanos(2_000));

    assertThat(fine.occurredAt()).isEqualTo(T.plusNanos(1_000));
    assertThat(exact.occurredAt()).isEqualTo(T.plusNanos(2_000));
    assertThat(event(T.minusNanos(1)).occurredAt()).isEqualTo(T.minusNanos(1_000));
  }

  private static AuditEvent event(Instant occurredAt) {
    return new AuditEvent(
        AuditEventId.random(),
        TenantId.random(),
        occurredAt,
        AuditActor.user("u"),
        "asset.create",
        "asset",
        Optional.empty(),
        Optional.empty(),
        AuditResult.SUCCESS,
        Optional.empty(),
        Map.of());
  }

  @Test
  void anEventKeepsACopyOfItsDetails() {
    Map<String, String> details = new HashMap<>(Map.of("k", "v"));
    AuditEvent event =
        new AuditEvent(
            AuditEventId.random(),
            TenantId.random(),
            T,
            AuditActor.user("u"),
            "asset.create",
            "asset",
            Optional.empty(),
            Optional.empty(),
            AuditResult.SUCCESS,
            Optional.empty(),
            details);

    details.put("k2", "v2");

    assertThat(event.details()).containsExactly(Map.entry("k", "v"));
  }
}
