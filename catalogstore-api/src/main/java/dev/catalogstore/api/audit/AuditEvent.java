package dev.catalogstore.api.audit;

import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a tenant's append-only audit log: who did what to which resource, when, and how it
 * ended. Once recorded an event is never changed or deleted, and it outlives its tenant.
 *
 * @param id its id, which also breaks ties in the log's newest-first order
 * @param tenant the tenant it belongs to
 * @param occurredAt when it was recorded, from the store's clock; truncated to microseconds, the
 *     precision every backend keeps (as {@link dev.catalogstore.api.spi.Timestamps} reads the
 *     clock), so that an event reads back as written and its page-token position is valid
 * @param actor the user or service user that acted
 * @param action what was done, for example {@code "asset.create"}
 * @param resourceType the type of resource acted on, for example {@code "asset"}
 * @param resourceId the id of the resource acted on, if it has one
 * @param resourceName the name of the resource acted on, if it has one
 * @param result how the action ended
 * @param clientAddress the address of the client that asked, if known
 * @param details free-form key/value context
 */
public record AuditEvent(
    AuditEventId id,
    TenantId tenant,
    Instant occurredAt,
    AuditActor actor,
    String action,
    String resourceType,
    Optional<String> resourceId,
    Optional<String> resourceName,
    AuditResult result,
    Optional<String> clientAddress,
    Map<String, String> details) {
  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tenant, "tenant");
    occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MICROS);
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(resourceType, "resourceType");
    Objects.requireNonNull(resourceId, "resourceId");
    Objects.requireNonNull(resourceName, "resourceName");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(clientAddress, "clientAddress");
    details = Map.copyOf(details);
  }
}
