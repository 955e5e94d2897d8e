package dev.catalogstore.api.maintenance;

import dev.catalogstore.api.audit.AuditEventId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Maintenance#removeOrphanFiles} forgot.
 *
 * @param olderThan entries committed before this instant were candidates
 * @param locations the distinct locations forgotten, in code-point order: recorded for the asset on
 *     some branch, referenced by nothing any more, so the caller may delete their files
 * @param entriesRemoved how many history entries were removed, over every branch (a location can be
 *     recorded on several branches, or several times on one)
 * @param auditEvent the audit event that records the run
 */
public record OrphanFiles(
    Instant olderThan, List<String> locations, long entriesRemoved, AuditEventId auditEvent) {
  public OrphanFiles {
    Objects.requireNonNull(olderThan, "olderThan");
    locations = List.copyOf(locations);
    Objects.requireNonNull(auditEvent, "auditEvent");
  }
}
