package dev.catalogstore.api.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies an audit event. Besides naming an event, it breaks ties between events recorded in the
 * same microsecond, so the audit log's newest-first order is total.
 *
 * @param value the event's UUID
 */
public record AuditEventId(UUID value) {
  public AuditEventId {
    Objects.requireNonNull(value, "value");
  }

  /** A fresh random id. */
  public static AuditEventId random() {
    return new AuditEventId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
