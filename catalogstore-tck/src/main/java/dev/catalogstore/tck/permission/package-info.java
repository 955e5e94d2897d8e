/**
 * The TCK suites of the {@code permissions()} facet ({@link
 * dev.catalogstore.api.permission.Permissions}) and of the rules users, roles and permissions
 * share: cascades, time and races. Each suite is run by one nested class of {@link
 * dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.permission;
