/**
 * The TCK suites of the {@code maintenance()} facet ({@link
 * dev.catalogstore.api.maintenance.Maintenance}). {@code ExpireSnapshotsContract} and {@code
 * RemoveOrphanFilesContract} build metadata histories one day at a time under a frozen clock
 * (skipped for a backend without a controllable clock) and state exactly what each run prunes and
 * what it never prunes (current locations, branch heads, tagged commits, kept entries); {@code
 * MaintenanceRulesContract} the missing things, bad arguments and failed calls that change nothing;
 * {@code MaintenanceRacesContract} racing runs, and {@code MaintenanceIsolationContract} the
 * twin-tenant cases. Each suite is run by one nested class of {@link
 * dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.maintenance;
