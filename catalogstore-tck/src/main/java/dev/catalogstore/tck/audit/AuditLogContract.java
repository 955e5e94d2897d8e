package dev.catalogstore.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckClock;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Recording and reading the audit log ({@code store.audit()}): an event reads back exactly as
 * appended, with a fresh id and the store's time at microseconds; the log lists newest first, ties
 * broken by id (compared as unsigned bytes), counts exactly what it lists, outlives its tenant, and
 * offers no way to change or remove an event. The filters have their own suite ({@link
 * AuditFilterContract}).
 */
public abstract class AuditLogContract extends AuditSuite {

  @Test
  void anAppendedEventReadsBackWithEveryFieldByGetAndByList() {
    TenantId tenant = newTenant();
    NewAuditEvent event =
        NewAuditEvent.builder(ALICE_SERVICE, "asset.create", "asset", AuditResult.DENIED)
            .resourceId("3f1a-asset-id")
            .resourceName("orders ß 😀")
            .clientAddress("2001:db8::1")
            .details(Map.of("reason", "no WRITE on lake", "empty", "", "lines", "a\nb"))
            .build();

    AuditEvent appended = append(tenant, event);

    assertThat(appended.id()).isNotNull();
    assertThat(appended.tenant()).isEqualTo(tenant);
    assertThat(appended.actor()).isEqualTo(ALICE_SERVICE);
    assertThat(appended.action()).isEqualTo("asset.create");
    assertThat(appended.resourceType()).isEqualTo("asset");
    assertThat(appended.resourceId()).contains("3f1a-asset-id");
    assertThat(appended.resourceName()).contains("orders ß 😀");
    assertThat(appended.result()).isEqualTo(AuditResult.DENIED);
    assertThat(appended.clientAddress()).contains("2001:db8::1");
    assertThat(appended.details())
        .isEqualTo(Map.of("reason", "no WRITE on lake", "empty", "", "lines", "a\nb"));
    assertThat(appended.occurredAt().getNano() % 1_000)
        .as("sub-microsecond nanos of occurredAt")
        .isZero();
    assertThat(await(store().audit().get(tenant, appended.id()))).contains(appended);
    assertThat(list(tenant, AuditFilter.ALL)).containsExactly(appended);
  }

  @Test
  void anEventWithoutOptionalPartsReadsBackWithoutThem() {
    TenantId tenant = newTenant();

    AuditEvent appended = append(tenant, event(BOB, "tenant.read").build());

    assertThat(appended.resourceId()).isEmpty();
    assertThat(appended.resourceName()).isEmpty();
    assertThat(appended.clientAddress()).isEmpty();
    assertThat(appended.details()).isEmpty();
    assertThat(await(store().audit().get(tenant, appended.id()))).contains(appended);
  }

  @Test
  void detailsTheCallerChangesAfterTheAppendReturnedChangeNothing() {
    TenantId tenant = newTenant();
    Map<String, String> buffer = new HashMap<>(Map.of("given", "yes"));

    CompletableFuture<AuditEvent> call =
        store().audit().append(tenant, event(ALICE, "asset.read").details(buffer).build());
    buffer.clear();
    buffer.put("changed", "after the call");

    AuditEvent appended = await(call);
    assertThat(appended.details()).isEqualTo(Map.of("given", "yes"));
    assertThat(await(store().audit().get(tenant, appended.id())).orElseThrow().details())
        .isEqualTo(Map.of("given", "yes"));
  }

  @Test
  void detailsThatFailWhileReadFailTheAppendsFutureAndRecordNothing() {
    TenantId tenant = newTenant();
    @SuppressWarnings("unchecked")
    Map<String, String> broken =
        (Map<String, String>)
            Proxy.newProxyInstance(
                AuditLogContract.class.getClassLoader(),
                new Class<?>[] {Map.class},
                (proxy, method, args) -> {
                  throw new IllegalStateException("a map that fails while read");
                });

    assertFails(
        CatalogStoreException.class,
        () -> store().audit().append(tenant, event(ALICE, "asset.read").details(broken).build()));
    assertThat(count(tenant, AuditFilter.ALL)).isZero();
  }

  @Test
  void everyAppendGetsAFreshId() {
    TenantId tenant = newTenant();
    NewAuditEvent same = event(ALICE, "asset.read").resourceId("t").build();

    List<AuditEvent> events = List.of(append(tenant, same), append(tenant, same));

    assertThat(events.get(0).id()).isNotEqualTo(events.get(1).id());
    assertThat(count(tenant, AuditFilter.ALL)).isEqualTo(2);
  }

  @Test
  void anEventIsStampedByTheStoresClockCutToMicroseconds() {
    TckClock clock = freezeClockAt(T0);
    TenantId tenant = newTenant();

    AuditEvent first = append(tenant, event(ALICE, "asset.read").build());
    clock.advance(Duration.ofNanos(1_000));
    AuditEvent second = append(tenant, event(ALICE, "asset.read").build());

    assertThat(first.occurredAt()).isEqualTo(T0_MICROS);
    assertThat(second.occurredAt()).isEqualTo(T0_MICROS.plusNanos(1_000));
    assertThat(await(store().audit().get(tenant, first.id())).orElseThrow().occurredAt())
        .isEqualTo(T0_MICROS);
  }

  @Test
  void getOfAnIdTheTenantDoesNotHaveIsEmpty() {
    TenantId tenant = newTenant();
    append(tenant, event(ALICE, "asset.read").build());

    assertThat(await(store().audit().get(tenant, AuditEventId.random()))).isEmpty();
  }

  @Test
  void theLogListsNewestFirst() {
    TckClock clock = freezeClockAt(T0);
    TenantId tenant = newTenant();
    List<AuditEvent> appended = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      appended.add(append(tenant, event(ALICE, "step-" + i).build()));
      clock.advance(Duration.ofSeconds(1));
    }

    List<AuditEvent> listed = list(tenant, AuditFilter.ALL);

    assertThat(listed)
        .extracting(AuditEvent::action)
        .containsExactly("step-4", "step-3", "step-2", "step-1", "step-0");
    assertThat(listed).containsExactlyInAnyOrderElementsOf(appended);
  }

  @Test
  void eventsOfTheSameMicrosecondListByIdDescendingComparedAsUnsignedBytes() {
    freezeClockAt(T0);
    TenantId tenant = newTenant();
    // 40 random ids: the chance that all have the same sign bit in both halves is negligible, so
    // a store comparing UUIDs as signed longs (Java's UUID.compareTo) lists them in another order.
    List<AuditEvent> appended = appendMany(tenant, "asset.read", 40);

    List<AuditEvent> listed = list(tenant, AuditFilter.ALL);

    List<AuditEvent> expected = new ArrayList<>(appended);
    expected.sort(Comparator.comparing(AuditEvent::id, AuditLogContract::unsignedBytes).reversed());
    assertThat(listed)
        .extracting(AuditEvent::id)
        .containsExactlyElementsOf(expected.stream().map(AuditEvent::id).toList());
  }

  @Test
  void withoutAControlledClockTheLogStillListsNewestFirstThenByIdDescending() {
    TenantId tenant = newTenant();
    List<AuditEvent> appended = appendMany(tenant, "asset.read", 25);

    List<AuditEvent> listed = list(tenant, AuditFilter.ALL);

    List<AuditEvent> expected = new ArrayList<>(appended);
    expected.sort(
        Comparator.comparing(AuditEvent::occurredAt)
            .thenComparing(AuditEvent::id, AuditLogContract::unsignedBytes)
            .reversed());
    assertThat(listed).containsExactlyElementsOf(expected);
  }

  @Test
  void concurrentAppendsAreEachRecordedOnce() {
    TenantId tenant = newTenant();

    List<Race.Outcome<AuditEvent>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .audit()
                    .append(tenant, event(ALICE, "asset.read").resourceId("r" + racer).build()));

    assertThat(outcomes).allMatch(Race.Outcome::succeeded);
    assertThat(list(tenant, AuditFilter.ALL))
        .containsExactlyInAnyOrderElementsOf(outcomes.stream().map(o -> o.value()).toList());
    assertThat(count(tenant, AuditFilter.ALL)).isEqualTo(Race.RACERS);
  }

  @Test
  void countEqualsTheNumberOfEventsListed() {
    TenantId tenant = newTenant();
    appendMany(tenant, "asset.read", 7);
    appendMany(tenant, "asset.write", 3);

    assertThat(count(tenant, AuditFilter.ALL))
        .isEqualTo(10)
        .isEqualTo(list(tenant, AuditFilter.ALL).size());
    assertThat(count(tenant, AuditFilter.ALL.withAction("asset.write"))).isEqualTo(3);
  }

  @Test
  void eventsOutliveTheirTenantAndStayReadableByItsId() {
    TenantId tenant = newTenant();
    AuditEvent kept = append(tenant, event(ALICE, "asset.create").resourceId("t").build());
    AuditEvent other = append(tenant, event(BOB, "asset.delete").resourceId("t").build());

    await(store().tenants().delete(tenant));

    assertThat(await(store().audit().get(tenant, kept.id()))).contains(kept);
    assertThat(list(tenant, AuditFilter.ALL)).containsExactlyInAnyOrder(kept, other);
    assertThat(list(tenant, AuditFilter.ALL.withActor(ALICE))).containsExactly(kept);
    assertThat(count(tenant, AuditFilter.ALL)).isEqualTo(2);
    assertThat(count(tenant, AuditFilter.ALL.withResourceId("t"))).isEqualTo(2);
  }

  @Test
  void appendingToATenantThatDoesNotExistIsNotFoundAndRecordsNothing() {
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      NotFoundException e =
          assertFails(
              NotFoundException.class,
              () -> store().audit().append(missing, event(ALICE, "asset.read").build()));
      assertThat(e.missing()).as("what %s says is missing", e).isEqualTo(ObjectType.TENANT);
      assertThat(count(missing, AuditFilter.ALL)).as("events of %s", missing).isZero();
      assertThat(list(missing, AuditFilter.ALL)).isEmpty();
    }
  }

  @Test
  void readingTheLogOfAnIdThatNeverWasATenantIsEmptyNotAFailure() {
    TenantId unknown = TenantId.random();

    assertThat(await(store().audit().get(unknown, AuditEventId.random()))).isEmpty();
    assertThat(list(unknown, AuditFilter.ALL)).isEmpty();
    assertThat(list(unknown, AuditFilter.ALL.withActor(ALICE).withResourceId("t"))).isEmpty();
    assertThat(count(unknown, AuditFilter.ALL)).isZero();
    assertThat(count(unknown, AuditFilter.ALL.withResult(AuditResult.DENIED))).isZero();
  }

  @Test
  void anAppendedEventIsNeverChangedByLaterAppends() {
    TenantId tenant = newTenant();
    AuditEvent first = append(tenant, event(ALICE, "asset.create").resourceId("t").build());

    appendMany(tenant, "asset.create", 5);

    assertThat(await(store().audit().get(tenant, first.id()))).contains(first);
    assertThat(list(tenant, AuditFilter.ALL.withActor(ALICE)))
        .filteredOn(e -> e.id().equals(first.id()))
        .containsExactly(first);
  }

  /** Compares ids as PostgreSQL compares uuids: as 16 unsigned bytes. */
  static int unsignedBytes(AuditEventId a, AuditEventId b) {
    int high =
        Long.compareUnsigned(
            a.value().getMostSignificantBits(), b.value().getMostSignificantBits());
    return high != 0
        ? high
        : Long.compareUnsigned(
            a.value().getLeastSignificantBits(), b.value().getLeastSignificantBits());
  }
}
