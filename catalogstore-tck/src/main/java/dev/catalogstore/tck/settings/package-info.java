/**
 * The TCK suites of the {@code settings()} facet ({@link dev.catalogstore.api.settings.Settings}):
 * defaults, partial updates, the default warehouse's existence and protection from deletion, the
 * limits of the extra settings, the input rules, the update stamp under a frozen clock and the
 * twin-tenant cases. Each suite is run by one nested class of {@link
 * dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.settings;
