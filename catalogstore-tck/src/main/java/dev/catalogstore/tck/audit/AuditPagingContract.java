package dev.catalogstore.tck.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keyset paging of the audit log: pages follow the newest-first order without repeating or skipping
 * an event however many are appended between pages, a page has a token exactly when more events
 * follow, and a token serves only the tenant and the filter it was issued for (refused on {@code
 * page.pageToken} otherwise).
 */
public abstract class AuditPagingContract extends AuditSuite {
  private static final String TOKEN = "page.pageToken";

  private Page<AuditEvent> page(TenantId tenant, AuditFilter filter, PageRequest request) {
    return await(store().audit().list(tenant, filter, request));
  }

  @Test
  void pagesNeverRepeatOrSkipAnEventWhileEventsAreAppendedBetweenThem() {
    TenantId tenant = newTenant();
    List<AuditEvent> before = appendMany(tenant, "before", 30);
    List<AuditEvent> expectedOrder = list(tenant, AuditFilter.ALL);

    List<AuditEvent> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(7);
    for (int pages = 0; pages < 100; pages++) {
      Page<AuditEvent> page = page(tenant, AuditFilter.ALL, request);
      read.addAll(page.items());
      appendMany(tenant, "between-pages", 3);
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 7);
    }

    Set<AuditEventId> seen = new HashSet<>();
    for (AuditEvent event : read) {
      assertThat(seen.add(event.id())).as("event %s read twice", event.id()).isTrue();
    }
    assertThat(read.stream().filter(e -> e.action().equals("before")).toList())
        .as("every event that existed throughout, once, in list order")
        .containsExactlyElementsOf(expectedOrder)
        .containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aPageHasATokenExactlyWhenMoreEventsFollow() {
    TenantId tenant = newTenant();
    appendMany(tenant, "asset.read", 6);

    Page<AuditEvent> first = page(tenant, AuditFilter.ALL, PageRequest.firstPage(3));
    Page<AuditEvent> last =
        page(tenant, AuditFilter.ALL, PageRequest.nextPage(first.nextPageToken().orElseThrow(), 3));
    Page<AuditEvent> whole = page(tenant, AuditFilter.ALL, PageRequest.firstPage(6));
    Page<AuditEvent> wider = page(tenant, AuditFilter.ALL, PageRequest.firstPage(7));
    Page<AuditEvent> short1 = page(tenant, AuditFilter.ALL, PageRequest.firstPage(5));

    assertThat(first.items()).hasSize(3);
    assertThat(last.items()).hasSize(3);
    assertThat(last.nextPageToken()).as("the exact last page's token").isEmpty();
    assertThat(whole.items()).hasSize(6);
    assertThat(whole.nextPageToken()).isEmpty();
    assertThat(wider.items()).hasSize(6);
    assertThat(wider.nextPageToken()).isEmpty();
    assertThat(short1.items()).hasSize(5);
    assertThat(short1.nextPageToken()).isPresent();
  }

  @Test
  void aFilteredListPagesThroughOnlyTheMatchingEvents() {
    TenantId tenant = newTenant();
    for (int i = 0; i < 12; i++) {
      append(tenant, event(i % 3 == 0 ? BOB : ALICE, "asset.read").resourceId("r" + i).build());
    }
    AuditFilter bobs = AuditFilter.ALL.withActor(BOB);

    List<AuditEvent> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    while (true) {
      Page<AuditEvent> page = page(tenant, bobs, request);
      read.addAll(page.items());
      if (page.nextPageToken().isEmpty() || read.size() > 12) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 1);
    }

    assertThat(read).hasSize(4).allMatch(e -> e.actor().equals(BOB));
    assertThat(read).containsExactlyElementsOf(list(tenant, bobs));
  }

  @Test
  void anEmptyLogIsOneEmptyPageWithoutAToken() {
    Page<AuditEvent> page = page(newTenant(), AuditFilter.ALL, PageRequest.firstPage(10));

    assertThat(page.items()).isEmpty();
    assertThat(page.nextPageToken()).isEmpty();
  }

  @Test
  void aTokenIsBoundToItsFilter() {
    TenantId tenant = newTenant();
    appendMany(tenant, "asset.read", 4);
    AuditFilter alices = AuditFilter.ALL.withActor(ALICE);
    String token = page(tenant, alices, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    List<AuditFilter> others =
        List.of(
            AuditFilter.ALL,
            AuditFilter.ALL.withActor(BOB),
            AuditFilter.ALL.withActor(ALICE_SERVICE),
            alices.withAction("asset.read"),
            alices.withResourceType("asset"),
            alices.withResourceId("r1"),
            alices.withResult(AuditResult.SUCCESS),
            alices.withFrom(T0),
            alices.withTo(T0));
    for (AuditFilter other : others) {
      assertInvalid(
          TOKEN, () -> store().audit().list(tenant, other, PageRequest.nextPage(token, 1)));
    }
    assertThat(page(tenant, alices, PageRequest.nextPage(token, 1)).items())
        .as("the token still serves the filter it was issued for")
        .hasSize(1);
  }

  @Test
  void aTokenIsBoundToItsTenant() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    appendMany(tenant, "asset.read", 3);
    appendMany(other, "asset.read", 3);
    String token =
        page(tenant, AuditFilter.ALL, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    assertInvalid(
        TOKEN, () -> store().audit().list(other, AuditFilter.ALL, PageRequest.nextPage(token, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .audit()
                .list(TenantId.random(), AuditFilter.ALL, PageRequest.nextPage(token, 1)));
  }

  @Test
  void aSpoiledTokenIsRefused() {
    TenantId tenant = newTenant();
    appendMany(tenant, "asset.read", 3);
    String token =
        page(tenant, AuditFilter.ALL, PageRequest.firstPage(1)).nextPageToken().orElseThrow();

    for (String spoiled :
        List.of("not a page token", token.substring(0, token.length() / 2), token + "x")) {
      assertInvalid(
          TOKEN,
          () -> store().audit().list(tenant, AuditFilter.ALL, PageRequest.nextPage(spoiled, 1)));
    }
  }
}
