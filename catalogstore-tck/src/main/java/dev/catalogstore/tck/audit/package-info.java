/**
 * The TCK suites of the {@code audit()} facet ({@link dev.catalogstore.api.audit.AuditLog}): the
 * append-only log of each tenant. {@code AuditLogContract} states recording and reading events
 * (read back, time, order, count, events outliving their tenant, no update or delete), {@code
 * AuditFilterContract} every filter criterion alone and combined, {@code AuditPagingContract}
 * keyset paging and page tokens bound to tenant and filter, {@code AuditInputRulesContract} the
 * field names of bad events and filters, and {@code AuditIsolationContract} the twin-tenant cases.
 * Each suite is run by one nested class of {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.audit;
