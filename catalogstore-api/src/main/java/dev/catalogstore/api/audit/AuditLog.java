package dev.catalogstore.api.audit;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The audit facet ({@code store.audit()}): each tenant's append-only log of who did what. There is
 * no way to change or remove an event: the facet only appends and reads, and a persistent backend
 * refuses an update or delete of an event also to its own database role.
 *
 * <h2>Events outlive their tenant</h2>
 *
 * A tenant's deletion removes all its data except its audit events (DESIGN §2.5). The reads of this
 * facet ({@link #get}, {@link #list}, {@link #count}) are therefore the operator's system-level
 * read as well: they answer for a tenant id whether or not that tenant still exists, so an operator
 * who deleted tenant {@code t} still reads {@code t}'s log by its id. The cost is that reading the
 * log of an id that never was a tenant is empty rather than a {@code NotFoundException}; that is
 * indistinguishable from a tenant with no events, and reveals nothing of another tenant. Only
 * {@link #append} needs the tenant to exist.
 *
 * <h2>Isolation</h2>
 *
 * A tenant's reads see only its own events: no filter (a resource id, an actor or an event id that
 * belongs to another tenant included) lists, counts or gets an event of another tenant.
 *
 * <h2>Order and paging</h2>
 *
 * Lists are newest first: by {@link AuditEvent#occurredAt()} descending, then by id descending
 * ({@link dev.catalogstore.api.spi.AuditFilters#NEWEST_FIRST}), keyset-paged, with page tokens
 * bound to the tenant and the filter.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: {@code append} is
 * not idempotent: a retry after a landed append records the event twice, with two ids. To record an
 * event at most once, {@code list} the log (filtered by actor, action and resource) before
 * retrying, and look for it.
 */
public interface AuditLog {
  /**
   * Records {@code event} for {@code tenant} with a fresh id, stamped now by the store's clock (at
   * microsecond precision), and returns it as stored. Fails with {@code NotFoundException} ({@code
   * TENANT}) if the tenant does not exist, and with {@code InvalidArgumentException} on a part of
   * {@code event} that breaks the rules of {@link NewAuditEvent}.
   */
  CompletableFuture<AuditEvent> append(TenantId tenant, NewAuditEvent event);

  /**
   * Reads one event of the tenant; empty if the tenant has no event of that id (including an event
   * of another tenant). Answers for a deleted tenant too.
   */
  CompletableFuture<Optional<AuditEvent>> get(TenantId tenant, AuditEventId event);

  /**
   * Lists the tenant's events that match {@code filter}, newest first, keyset-paged. Answers for a
   * deleted tenant too. Fails with {@code InvalidArgumentException} on a part of the filter (see
   * {@link AuditFilter}) or on a page token issued for another tenant or filter.
   */
  CompletableFuture<Page<AuditEvent>> list(TenantId tenant, AuditFilter filter, PageRequest page);

  /**
   * Counts the tenant's events that match {@code filter}: exactly the events {@link #list} would
   * list with it. Answers for a deleted tenant too. Fails with {@code InvalidArgumentException} on
   * a part of the filter.
   */
  CompletableFuture<Long> count(TenantId tenant, AuditFilter filter);
}
