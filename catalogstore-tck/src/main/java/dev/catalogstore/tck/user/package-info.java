/**
 * The TCK suites of the {@code users()} facet ({@link dev.catalogstore.api.user.Users}): its
 * behaviour contract. Each suite is run by one nested class of {@link
 * dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.user;
