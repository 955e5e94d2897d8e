/**
 * The TCK suites of the {@code roles()} facet ({@link dev.catalogstore.api.role.Roles}): its
 * behaviour contract, assignments included. Each suite is run by one nested class of {@link
 * dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.role;
