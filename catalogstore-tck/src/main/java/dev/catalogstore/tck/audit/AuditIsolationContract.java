package dev.catalogstore.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the audit facet: twin tenants A and B log events with the same actors,
 * actions, resource types and resource ids, so that every filter has a twin to leak to. No read of
 * B (by an id of A's, by a filter matching A's events, by a page token of A's) returns or counts an
 * event of A, and an append to A changes nothing of B.
 */
public abstract class AuditIsolationContract extends IsolationSuite {
  private static final AuditActor ALICE = AuditActor.user("alice");

  /** The same event, as both twins log it: only the client address tells A's from B's. */
  private static NewAuditEvent twinEvent(String owner) {
    return NewAuditEvent.builder(ALICE, "asset.update", "asset", AuditResult.SUCCESS)
        .resourceId("shared-resource-id")
        .resourceName("orders")
        .clientAddress("client-of-" + owner)
        .details(Map.of("owner", owner))
        .build();
  }

  /** Filters that each match the twins' events, one criterion at a time and all together. */
  private static List<AuditFilter> matchingFilters() {
    return List.of(
        AuditFilter.ALL,
        AuditFilter.ALL.withActor(ALICE),
        AuditFilter.ALL.withAction("asset.update"),
        AuditFilter.ALL.withResourceType("asset"),
        AuditFilter.ALL.withResourceId("shared-resource-id"),
        AuditFilter.ALL.withResult(AuditResult.SUCCESS),
        AuditFilter.ALL
            .withActor(ALICE)
            .withAction("asset.update")
            .withResourceType("asset")
            .withResourceId("shared-resource-id")
            .withResult(AuditResult.SUCCESS));
  }

  private AuditEvent append(TenantId tenant, String owner) {
    return await(store().audit().append(tenant, twinEvent(owner)));
  }

  private List<AuditEvent> list(TenantId tenant, AuditFilter filter) {
    return PagedReads.all(page -> store().audit().list(tenant, filter, page));
  }

  @Test
  @IsolationCase("audit.append")
  void anAppendToATenantChangesNothingOfItsTwin() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    AuditEvent aEvent = append(twins.a(), "A");

    assertThat(aEvent.tenant()).isEqualTo(twins.a());
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().audit().count(twins.b(), AuditFilter.ALL))).isZero();
    assertThat(list(twins.a(), AuditFilter.ALL)).containsExactly(aEvent);
  }

  @Test
  @IsolationCase("audit.get")
  void anEventIdOfOneTenantIsEmptyUnderItsTwin() {
    Twins twins = twins();
    AuditEvent aEvent = append(twins.a(), "A");
    AuditEvent bEvent = append(twins.b(), "B");

    assertThat(await(store().audit().get(twins.b(), aEvent.id()))).isEmpty();
    assertThat(await(store().audit().get(twins.a(), bEvent.id()))).isEmpty();
    assertThat(await(store().audit().get(twins.a(), aEvent.id()))).contains(aEvent);
    assertThat(await(store().audit().get(twins.b(), bEvent.id()))).contains(bEvent);
  }

  @Test
  @IsolationCase("audit.list")
  void noFilterListsAnEventOfTheTwin() {
    Twins twins = twins();
    AuditEvent aEvent = append(twins.a(), "A");
    List<AuditEvent> bEvents = List.of(append(twins.b(), "B"), append(twins.b(), "B"));

    for (AuditFilter filter : matchingFilters()) {
      assertThat(list(twins.b(), filter))
          .as("B's events by %s", filter)
          .containsExactlyInAnyOrderElementsOf(bEvents);
      assertThat(list(twins.a(), filter)).as("A's events by %s", filter).containsExactly(aEvent);
    }
  }

  @Test
  @IsolationCase("audit.list")
  void aPageTokenOfOneTenantIsRefusedUnderItsTwin() {
    Twins twins = twins();
    for (int i = 0; i < 3; i++) {
      append(twins.a(), "A");
      append(twins.b(), "B");
    }
    String token =
        await(store().audit().list(twins.a(), AuditFilter.ALL, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertInvalid(
        "page.pageToken",
        () -> store().audit().list(twins.b(), AuditFilter.ALL, PageRequest.nextPage(token, 1)));
  }

  @Test
  @IsolationCase("audit.count")
  void noFilterCountsAnEventOfTheTwin() {
    Twins twins = twins();
    append(twins.a(), "A");
    append(twins.b(), "B");
    append(twins.b(), "B");

    for (AuditFilter filter : matchingFilters()) {
      assertThat(await(store().audit().count(twins.b(), filter)))
          .as("B's count by %s", filter)
          .isEqualTo(2);
      assertThat(await(store().audit().count(twins.a(), filter)))
          .as("A's count by %s", filter)
          .isEqualTo(1);
    }
  }

  @Test
  @IsolationCase("audit.count")
  void aResourceIdFilterMatchingOnlyTheTwinsEventsCountsAndListsNothing() {
    Twins twins = twins();
    AuditEvent aOnly =
        await(
            store()
                .audit()
                .append(
                    twins.a(),
                    NewAuditEvent.builder(ALICE, "asset.delete", "asset", AuditResult.DENIED)
                        .resourceId("only-in-a")
                        .build()));
    append(twins.b(), "B");
    AuditFilter aOnlyFilter = AuditFilter.ALL.withResourceId("only-in-a");

    assertThat(await(store().audit().count(twins.b(), aOnlyFilter))).isZero();
    assertThat(list(twins.b(), aOnlyFilter)).isEmpty();
    assertThat(await(store().audit().count(twins.b(), AuditFilter.ALL.withAction("asset.delete"))))
        .isZero();
    assertThat(list(twins.a(), aOnlyFilter)).containsExactly(aOnly);
  }
}
