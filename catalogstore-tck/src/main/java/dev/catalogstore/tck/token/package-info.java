/**
 * The TCK suites of the {@code tokens()} facet ({@link dev.catalogstore.api.token.Tokens}): token
 * metadata with a digest of each token, validation, revocations and the expiry sweep. {@code
 * TokenContract} states recording, reading and validating tokens and the active-token lists ({@code
 * listActive}, {@code listActiveForUser}), {@code TokenRevocationContract} revocations, {@code
 * TokenCleanupContract} the store-wide sweep, {@code TokenTimeContract} the timestamps under a
 * frozen clock and {@code TokenRacesContract} concurrent records and revokes. Every expiry is
 * tested at its exact boundary: expiring at now is expired, 1µs later is not. Isolation, input
 * rules and paging of the facet have their own suites. Each suite is run by one nested class of
 * {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.token;
