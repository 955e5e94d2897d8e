package dev.catalogstore.memory;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The audit log in memory, kept in the store-wide {@link AuditEvents} so that it outlives its
 * tenant. An append checks that the tenant exists under the tenant's read lock (a deletion, which
 * takes the write lock, is therefore wholly before or after it), and reads take no tenant lock at
 * all: they answer for a deleted tenant as for a live one.
 *
 * <p>Cost, with n events in the tenant: an append O(log n) per index (six at most); a get one hash
 * probe; a page or a count reads only the smallest index the filter's criteria select, from the
 * page's position and within the time range (see {@link TenantAuditLog}).
 */
final class MemoryAuditLog implements AuditLog {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryAuditLog(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<AuditEvent> append(TenantId tenant, NewAuditEvent event) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          NewAuditEvent valid = OperationsRequests.newAuditEvent(event, "event");
          return registry.read(
              tenant, state -> registry.auditEvents().record(tenant, valid, Timestamps.now(clock)));
        });
  }

  @Override
  public CompletableFuture<Optional<AuditEvent>> get(TenantId tenant, AuditEventId event) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(event, "event");
          return registry.auditEvents().of(tenant).flatMap(log -> log.get(event));
        });
  }

  @Override
  public CompletableFuture<Page<AuditEvent>> list(
      TenantId tenant, AuditFilter filter, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          AuditFilter valid = AuditFilters.validate(filter, "filter");
          ListQuery query = ListQuery.auditEvents(tenant, valid);
          ListQuery.Cursor cursor = query.cursor(page);
          List<AuditEvent> fetched =
              registry
                  .auditEvents()
                  .of(tenant)
                  .map(log -> log.page(valid, cursor.beforeEvent(), cursor.fetchSize()))
                  .orElse(List.of());
          return query.page(fetched, cursor, AuditFilters::position);
        });
  }

  @Override
  public CompletableFuture<Long> count(TenantId tenant, AuditFilter filter) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          AuditFilter valid = AuditFilters.validate(filter, "filter");
          return registry.auditEvents().of(tenant).map(log -> log.count(valid)).orElse(0L);
        });
  }
}
