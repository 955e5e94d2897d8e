package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of the audit log's keyset paging: a token on a full last page, and a page that
 * starts at the event its token names instead of after it.
 */
final class AuditPagingBrokenStores {
  private AuditPagingBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(tokenOnAFullLastPage(), repeatingTheBoundaryEvent());
  }

  /**
   * {@code LIMIT n} where {@code LIMIT n + 1} was meant, so a full page cannot tell whether more
   * follow: every full page has a token, the exact last one too, and its token reads an empty page.
   */
  static BrokenStore tokenOnAFullLastPage() {
    return new BrokenStore(
        "audit-token-on-full-last-page",
        "audit.list gives a full last page a token, which reads an empty page",
        facets -> {
          // The tokens handed out on a full last page: each reads an empty page.
          Set<String> past = ConcurrentHashMap.newKeySet();
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, facets.audit())
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                PageRequest request = call.arg(2, PageRequest.class);
                                if (request != null
                                    && request.pageToken().filter(past::contains).isPresent()) {
                                  return completedFuture(Page.last(List.<AuditEvent>of()));
                                }
                                Page<AuditEvent> page = outcome(call.proceed());
                                if (page.nextPageToken().isPresent()
                                    || page.items().size() < request.limit()) {
                                  return completedFuture(page);
                                }
                                String token = "past-the-end-" + UUID.randomUUID();
                                past.add(token);
                                return completedFuture(
                                    new Page<>(page.items(), Optional.of(token)));
                              }))
                  .build());
        },
        List.of(test("AuditPaging", "aPageHasATokenExactlyWhenMoreEventsFollow")));
  }

  /**
   * {@code (occurred_at, id) <= (?, ?)} where {@code <} was meant: each page after the first starts
   * with the last event of the page before.
   */
  static BrokenStore repeatingTheBoundaryEvent() {
    return new BrokenStore(
        "audit-page-repeats-its-boundary",
        "audit.list starts each later page with the last event of the page before",
        facets -> {
          // The last event of the page each token was handed out with.
          Map<String, AuditEvent> boundaries = new ConcurrentHashMap<>();
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, facets.audit())
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                PageRequest request = call.arg(2, PageRequest.class);
                                AuditEvent boundary =
                                    request == null
                                        ? null
                                        : request.pageToken().map(boundaries::get).orElse(null);
                                List<AuditEvent> items = new ArrayList<>();
                                Optional<String> next;
                                if (boundary == null) {
                                  Page<AuditEvent> page = outcome(call.proceed());
                                  items.addAll(page.items());
                                  next = page.nextPageToken();
                                } else if (request.limit() == 1) {
                                  // The boundary alone: a page of one never moves on.
                                  items.add(boundary);
                                  next = request.pageToken();
                                } else {
                                  // The boundary, then what follows it, one fewer.
                                  Page<AuditEvent> page =
                                      outcome(
                                          call.proceed(
                                              call.arg(0, TenantId.class),
                                              call.arg(1, AuditFilter.class),
                                              PageRequest.nextPage(
                                                  request.pageToken().get(), request.limit() - 1)));
                                  items.add(boundary);
                                  items.addAll(page.items());
                                  next = page.nextPageToken();
                                }
                                if (!items.isEmpty()) {
                                  AuditEvent last = items.get(items.size() - 1);
                                  next.ifPresent(t -> boundaries.put(t, last));
                                }
                                return completedFuture(new Page<>(items, next));
                              }))
                  .build());
        },
        List.of(
            test("AuditPaging", "pagesNeverRepeatOrSkipAnEventWhileEventsAreAppendedBetweenThem")));
  }
}
