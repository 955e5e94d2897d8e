package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters.Position;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of the audit log that lose what binds a read to its tenant: page tokens that carry
 * only a position, and a get by the event's id alone.
 */
final class AuditTenantBrokenStores {
  private AuditTenantBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(tokensOfPositionOnly(), gettingAnEventOfAnyTenant());
  }

  /**
   * A page token that encodes only the keyset position {@code (occurred_at, id)}, not the tenant
   * and the filter it was issued for: it continues any tenant's list, by any filter, from there.
   */
  static BrokenStore tokensOfPositionOnly() {
    return new BrokenStore(
        "audit-token-of-position-only",
        "audit.list takes a page token issued for another tenant or another filter",
        facets -> {
          Map<String, Position> positions = new ConcurrentHashMap<>();
          AuditLog honest = facets.audit();
          return facets.withAuditLog(
              Intercept.facet(AuditLog.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                AuditFilter filter = call.arg(1, AuditFilter.class);
                                PageRequest request = call.arg(2, PageRequest.class);
                                Position after =
                                    request == null
                                        ? null
                                        : request.pageToken().map(positions::get).orElse(null);
                                List<AuditEvent> items;
                                boolean more;
                                if (after == null) {
                                  Page<AuditEvent> page = outcome(call.proceed());
                                  items = page.items();
                                  more = page.nextPageToken().isPresent();
                                } else {
                                  // Validates the filter, and the tenant, as a first page would.
                                  outcome(honest.list(tenant, filter, PageRequest.firstPage(1)));
                                  List<AuditEvent> rest = new ArrayList<>();
                                  for (AuditEvent event :
                                      allPages(p -> honest.list(tenant, filter, p))) {
                                    if (after.precedes(event)) {
                                      rest.add(event);
                                    }
                                  }
                                  items = rest.subList(0, Math.min(rest.size(), request.limit()));
                                  more = rest.size() > request.limit();
                                }
                                Optional<String> next = Optional.empty();
                                if (more && !items.isEmpty()) {
                                  String token = "position-" + UUID.randomUUID();
                                  positions.put(token, Position.of(items.get(items.size() - 1)));
                                  next = Optional.of(token);
                                }
                                return completedFuture(new Page<>(List.copyOf(items), next));
                              }))
                  .build());
        },
        List.of(
            test("AuditPaging", "aTokenIsBoundToItsFilter"),
            test("AuditPaging", "aTokenIsBoundToItsTenant"),
            test("AuditIsolation", "aPageTokenOfOneTenantIsRefusedUnderItsTwin")));
  }

  /** {@code SELECT ... FROM audit_events WHERE id = ?}: an event of any tenant is found. */
  static BrokenStore gettingAnEventOfAnyTenant() {
    return new BrokenStore(
        "audit-get-of-any-tenant",
        "audit.get finds an event of that id in any tenant",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          AuditLog honest = facets.audit();
          return OperationsKit.recordingTenants(facets, tenants)
              .withAuditLog(
                  Intercept.facet(AuditLog.class, honest)
                      .replace(
                          "get",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    Optional<AuditEvent> found = outcome(call.proceed());
                                    AuditEventId id = call.arg(1, AuditEventId.class);
                                    for (TenantId any : tenants) {
                                      if (found.isEmpty()) {
                                        found = honest.get(any, id).join();
                                      }
                                    }
                                    return completedFuture(found);
                                  }))
                      .build());
        },
        List.of(test("AuditIsolation", "anEventIdOfOneTenantIsEmptyUnderItsTwin")));
  }
}
