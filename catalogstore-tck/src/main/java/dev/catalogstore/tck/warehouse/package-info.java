/**
 * The TCK suites of the {@code warehouses()} facet ({@link
 * dev.catalogstore.api.warehouse.Warehouses}): its behaviour contract and its slices of the rules
 * that span every area (isolation, input rules, paging, time, cascades, where the area has them).
 * Each suite is run by one nested class of {@link dev.catalogstore.tck.CatalogStoreTck}.
 */
package dev.catalogstore.tck.warehouse;
