package dev.catalogstore.memory;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every tenant's audit log, store-wide and apart from the tenants' own data: a tenant's deletion
 * drops its {@link TenantState} but not its events, which an operator still reads by the tenant's
 * id. A log is made on a tenant's first event; a tenant that never had one reads as empty.
 *
 * <p>Thread-safe without a global lock: a concurrent map of per-tenant {@link TenantAuditLog}s,
 * themselves lock-free. Whether the tenant exists is the caller's to check, under the tenant's
 * lock, so that a write recorded with its event (a maintenance run) is seen with it or not at all.
 */
final class AuditEvents {
  private final Map<TenantId, TenantAuditLog> byTenant = new ConcurrentHashMap<>();

  /** Records a validated {@code event} of {@code tenant} at {@code now}; returns it as stored. */
  AuditEvent record(TenantId tenant, NewAuditEvent event, Instant now) {
    return byTenant.computeIfAbsent(tenant, TenantAuditLog::new).record(event, now);
  }

  /** The log of {@code tenant}, if it ever had an event. */
  Optional<TenantAuditLog> of(TenantId tenant) {
    return Optional.ofNullable(byTenant.get(tenant));
  }
}
