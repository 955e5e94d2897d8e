package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * The validation of the operations requests ({@link OperationsRequests}): each part is checked and
 * named under the parameter's name, a valid event is copied so that its caller cannot change what
 * is stored, and a retention's and a cutoff's bounds.
 */
class OperationsRequestsTest {
  private static final AuditActor ALICE = AuditActor.user("alice");

  private static void refusedOn(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOf(InvalidArgumentException.class)
        .extracting(e -> ((InvalidArgumentException) e).field())
        .isEqualTo(field);
  }

  private static NewAuditEvent.Builder event() {
    return NewAuditEvent.builder(ALICE, "asset.create", "asset", AuditResult.SUCCESS);
  }

  @Test
  void everyPartOfAnEventIsNamedUnderTheParameter() {
    refusedOn("event", () -> OperationsRequests.newAuditEvent(null, "event"));
    refusedOn(
        "event.actor",
        () ->
            OperationsRequests.newAuditEvent(
                NewAuditEvent.builder(null, "a", "asset", AuditResult.SUCCESS).build(), "event"));
    refusedOn(
        "event.actor.id",
        () ->
            OperationsRequests.newAuditEvent(
                NewAuditEvent.builder(AuditActor.user(" "), "a", "t", AuditResult.SUCCESS).build(),
                "event"));
    refusedOn(
        "event.action",
        () ->
            OperationsRequests.newAuditEvent(
                NewAuditEvent.builder(ALICE, "", "asset", AuditResult.SUCCESS).build(), "event"));
    refusedOn(
        "event.resourceType",
        () ->
            OperationsRequests.newAuditEvent(
                NewAuditEvent.builder(ALICE, "a", null, AuditResult.SUCCESS).build(), "event"));
    refusedOn(
        "event.result",
        () ->
            OperationsRequests.newAuditEvent(
                NewAuditEvent.builder(ALICE, "a", "asset", null).build(), "event"));
    refusedOn(
        "event.resourceId",
        () -> OperationsRequests.newAuditEvent(event().resourceId("x\u0000").build(), "event"));
    refusedOn(
        "event.resourceName",
        () ->
            OperationsRequests.newAuditEvent(
                event().resourceName("x".repeat(256)).build(), "event"));
    refusedOn(
        "event.clientAddress",
        () -> OperationsRequests.newAuditEvent(event().clientAddress("\t").build(), "event"));
    refusedOn(
        "event.details[k]",
        () ->
            OperationsRequests.newAuditEvent(
                event().details(Map.of("k", "a\u0000")).build(), "event"));
    refusedOn(
        "event.details key",
        () -> OperationsRequests.newAuditEvent(event().details(Map.of(" ", "v")).build(), "event"));
  }

  @Test
  void aValidEventIsCopiedSoThatItsCallerCannotChangeWhatIsStored() {
    Map<String, String> details = new HashMap<>(Map.of("k", "v"));
    NewAuditEvent given =
        event()
            .resourceId("id")
            .resourceName("name")
            .clientAddress("10.0.0.1")
            .details(details)
            .build();

    NewAuditEvent checked = OperationsRequests.newAuditEvent(given, "event");
    details.put("k", "changed");

    assertThat(checked.details()).isEqualTo(Map.of("k", "v"));
    assertThat(checked.resourceId()).contains("id");
    assertThat(checked.resourceName()).contains("name");
    assertThat(checked.clientAddress()).contains("10.0.0.1");
    assertThat(checked.actor()).isEqualTo(ALICE);
  }

  @Test
  void aRecordedEventCarriesItsIdTenantAndTimeCutToMicroseconds() {
    AuditEventId id = AuditEventId.random();
    TenantId tenant = TenantId.random();
    NewAuditEvent checked =
        OperationsRequests.newAuditEvent(event().details(new LinkedHashMap<>()).build(), "event");

    AuditEvent recorded =
        OperationsRequests.recorded(
            id, tenant, Instant.parse("2024-01-01T00:00:00.123456789Z"), checked);

    assertThat(recorded.id()).isEqualTo(id);
    assertThat(recorded.tenant()).isEqualTo(tenant);
    assertThat(recorded.occurredAt()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
    assertThat(recorded.resourceId()).isEmpty();
  }

  @Test
  void aRetentionIsPresentZeroOrPositiveAtMostAHundredYearsInWholeMicroseconds() {
    refusedOn("retention", () -> OperationsRequests.retention(null, "retention"));
    refusedOn(
        "retention", () -> OperationsRequests.retention(Duration.ofNanos(-1_000), "retention"));
    refusedOn(
        "retention",
        () ->
            OperationsRequests.retention(
                SettingsUpdate.MAX_RETENTION.plusNanos(1_000), "retention"));
    refusedOn(
        "retention", () -> OperationsRequests.retention(Duration.ofNanos(1_500), "retention"));

    assertThat(OperationsRequests.retention(Duration.ZERO, "r")).isEqualTo(Duration.ZERO);
    assertThat(OperationsRequests.retention(SettingsUpdate.MAX_RETENTION, "r"))
        .isEqualTo(SettingsUpdate.MAX_RETENTION);
    assertThat(OperationsRequests.retention(Duration.ofNanos(2_000), "r"))
        .isEqualTo(Duration.ofNanos(2_000));
  }

  @Test
  void aCutoffIsNowMinusTheRetentionNeverBeforeTheEarliestInstant() {
    Instant now = Instant.parse("2024-01-10T00:00:00Z");

    assertThat(OperationsRequests.cutoff(now, Duration.ofDays(9)))
        .isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(OperationsRequests.cutoff(now, Duration.ZERO)).isEqualTo(now);
    assertThat(
            OperationsRequests.cutoff(
                Instant.parse("0050-01-01T00:00:00Z"), SettingsUpdate.MAX_RETENTION))
        .isEqualTo(AuditFilters.EARLIEST);
  }

  @Test
  void anActorIsPresentWithAValidId() {
    refusedOn("actor", () -> OperationsRequests.actor(null, "actor"));
    refusedOn("actor.id", () -> OperationsRequests.actor(AuditActor.serviceUser(""), "actor"));
    assertThat(OperationsRequests.actor(AuditActor.SYSTEM, "actor")).isEqualTo(AuditActor.SYSTEM);
  }

  @Test
  void olderThanLiesInTheStoresRange() {
    refusedOn("olderThan", () -> OperationsRequests.olderThan(null, "olderThan"));
    refusedOn(
        "olderThan",
        () -> OperationsRequests.olderThan(Instant.parse("-0001-01-01T00:00:00Z"), "olderThan"));
    refusedOn(
        "olderThan",
        () -> OperationsRequests.olderThan(Instant.parse("+10000-01-02T00:00:00Z"), "olderThan"));
    Instant valid = Instant.parse("2024-01-01T00:00:00Z");
    assertThat(OperationsRequests.olderThan(valid, "olderThan")).isEqualTo(valid);
  }

  @Test
  void everyPartOfASettingsUpdateIsNamedUnderTheParameter() {
    refusedOn("update", () -> OperationsRequests.settingsUpdate(null, "update"));
    refusedOn(
        "update.defaultRetention",
        () ->
            OperationsRequests.settingsUpdate(
                SettingsUpdate.builder().defaultRetention(Duration.ofDays(-1)).build(), "update"));
    refusedOn(
        "update.defaultWarehouse",
        () ->
            OperationsRequests.settingsUpdate(
                SettingsUpdate.builder().defaultWarehouse("").build(), "update"));
    refusedOn(
        "update.extra.set[k]",
        () ->
            OperationsRequests.settingsUpdate(
                SettingsUpdate.builder().extra(PropertyUpdate.setting("k", null)).build(),
                "update"));
    SettingsUpdate valid =
        SettingsUpdate.builder().defaultRetention(Duration.ZERO).defaultWarehouse("wh").build();
    assertThat(OperationsRequests.settingsUpdate(valid, "update")).isSameAs(valid);
  }
}
