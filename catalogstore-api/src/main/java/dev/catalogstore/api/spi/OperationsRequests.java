package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.instant;
import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.properties;
import static dev.catalogstore.api.spi.Inputs.propertyUpdate;
import static dev.catalogstore.api.spi.Inputs.required;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Validation of the operations requests (audit, settings, maintenance), shared by every backend as
 * {@link GovernanceRequests} is for governance's. Each method takes the parameter's name as {@code
 * field} and names nested parts {@code field.part}. Nothing here reads the store: whether a default
 * warehouse exists is the backend's to check.
 */
public final class OperationsRequests {
  private OperationsRequests() {}

  /**
   * A new audit event, validated, with its details copied (so a map that changes, or fails, after
   * this cannot change what is stored). The returned event is safe to store as it is.
   */
  public static NewAuditEvent newAuditEvent(NewAuditEvent event, String field) {
    required(event, field);
    actor(event.actor(), field + ".actor");
    name(event.action(), field + ".action");
    name(event.resourceType(), field + ".resourceType");
    event.resourceId().ifPresent(id -> name(id, field + ".resourceId"));
    event.resourceName().ifPresent(n -> name(n, field + ".resourceName"));
    required(event.result(), field + ".result");
    event.clientAddress().ifPresent(a -> name(a, field + ".clientAddress"));
    Map<String, String> details = copyOfProperties(event.details(), field + ".details");
    NewAuditEvent.Builder copy =
        NewAuditEvent.builder(event.actor(), event.action(), event.resourceType(), event.result())
            .details(details);
    event.resourceId().ifPresent(copy::resourceId);
    event.resourceName().ifPresent(copy::resourceName);
    event.clientAddress().ifPresent(copy::clientAddress);
    return copy.build();
  }

  /** The event a validated {@code event} becomes when it is recorded with this id and time. */
  public static AuditEvent recorded(
      AuditEventId id, TenantId tenant, Instant occurredAt, NewAuditEvent event) {
    return new AuditEvent(
        id,
        tenant,
        occurredAt,
        event.actor(),
        event.action(),
        event.resourceType(),
        event.resourceId(),
        event.resourceName(),
        event.result(),
        event.clientAddress(),
        event.details());
  }

  /** An actor: present, with a valid name as its id ({@code field.id}). */
  public static AuditActor actor(AuditActor actor, String field) {
    required(actor, field);
    name(actor.id(), field + ".id");
    return actor;
  }

  /**
   * A change to a tenant's settings, validated, with its extra-settings change copied. Whether its
   * default warehouse exists, and whether the extra settings stay within the limits once applied
   * ({@link SettingsRules#apply}), is checked against what is stored.
   */
  public static SettingsUpdate settingsUpdate(SettingsUpdate update, String field) {
    required(update, field);
    update.defaultRetention().ifPresent(r -> retention(r, field + ".defaultRetention"));
    update.defaultWarehouse().ifPresent(w -> name(w, field + ".defaultWarehouse"));
    propertyUpdate(update.extra(), field + ".extra");
    return update;
  }

  /**
   * A retention: present, zero or positive, at most {@link SettingsUpdate#MAX_RETENTION}, and whole
   * microseconds finer than which no store keeps time (a finer retention is refused rather than
   * rounded, so that a cutoff computed from it is the same on every backend).
   */
  public static Duration retention(Duration retention, String field) {
    required(retention, field);
    if (retention.isNegative()) {
      throw new InvalidArgumentException(field, "must not be negative, not " + retention);
    }
    if (retention.compareTo(SettingsUpdate.MAX_RETENTION) > 0) {
      throw new InvalidArgumentException(
          field, "must be at most " + SettingsUpdate.MAX_RETENTION + ", not " + retention);
    }
    if (retention.getNano() % 1000 != 0) {
      throw new InvalidArgumentException(field, "must be whole microseconds, not " + retention);
    }
    return retention;
  }

  /**
   * The cutoff of a maintenance run at {@code now} with a validated {@code retention}: entries
   * committed strictly before it are candidates. Never before {@link AuditFilters#EARLIEST}.
   */
  public static Instant cutoff(Instant now, Duration retention) {
    Instant cutoff = now.minus(retention);
    return cutoff.isBefore(AuditFilters.EARLIEST) ? AuditFilters.EARLIEST : cutoff;
  }

  /** An instant argument such as {@code olderThan}, as {@link Inputs#instant} checks it. */
  public static Instant olderThan(Instant olderThan, String field) {
    return instant(olderThan, field);
  }

  private static Map<String, String> copyOfProperties(Map<String, String> value, String field) {
    properties(value, field);
    // Copied after the check, which read every entry: a map that fails while read has failed by
    // now, on the store's thread, inside the call's future.
    return Map.copyOf(value);
  }
}
