/**
 * The TCK suites of the {@code serviceUsers()} facet ({@link
 * dev.catalogstore.api.serviceuser.ServiceUsers}): programs that authenticate with an API key, of
 * which the store keeps only the digest. {@code ServiceUserContract} states the behaviour
 * (read-back, names unique per tenant, digests unique in the whole store, the key lookup with its
 * exact expiry boundary, partial updates, recorded use, deletion), {@code ServiceUserTimeContract}
 * the timestamps under a frozen clock and {@code ServiceUserRacesContract} concurrent creates.
 * Isolation, input rules and paging of the facet have their own suites. Each suite is run by one
 * nested class of {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.serviceuser;
