package dev.catalogstore.api.maintenance;

import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditEventId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Maintenance#expireSnapshots} pruned from an asset's history.
 *
 * @param cutoff entries committed before this instant were candidates: the store's time minus the
 *     retention
 * @param pruned the entries removed from the history, oldest first (ascending sequence); none of
 *     their locations is referenced any more (see {@link Maintenance})
 * @param auditEvent the audit event that records the run
 */
public record ExpiredSnapshots(
    Instant cutoff, List<MetadataLocation> pruned, AuditEventId auditEvent) {
  public ExpiredSnapshots {
    Objects.requireNonNull(cutoff, "cutoff");
    pruned = List.copyOf(pruned);
    Objects.requireNonNull(auditEvent, "auditEvent");
  }

  /** The distinct locations pruned, oldest first: the files the caller may now delete. */
  public List<String> locations() {
    LinkedHashSet<String> locations = new LinkedHashSet<>();
    pruned.forEach(entry -> locations.add(entry.location()));
    return List.copyOf(locations);
  }
}
