/**
 * The TCK suites of the {@code federation()} facet ({@link
 * dev.catalogstore.api.federation.Federation}), run against {@link
 * dev.catalogstore.tck.federation.TckRemoteCatalog}, the fake remote a backend registers ({@link
 * dev.catalogstore.tck.federation.TckRemoteCatalog#CONNECTOR}). {@code FederationSyncContract}
 * states what a sync mirrors and counts, {@code FederationFailureContract} that a failed sync never
 * half-mirrors and records its failure, {@code FederationScopeContract} that a sync reaches only
 * its catalog's {@code main} through the connector the catalog names now, {@code
 * FederationRulesContract} missing things and bad arguments, {@code FederationScaleContract} a
 * remote of 10 000 tables, and {@code FederationIsolationContract} the twin-tenant cases. Each
 * suite is run by one nested class of {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.federation;
