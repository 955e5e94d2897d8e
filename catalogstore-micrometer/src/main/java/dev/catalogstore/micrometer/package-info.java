/**
 * Micrometer metrics for a {@link dev.catalogstore.api.CatalogStore}: {@link
 * dev.catalogstore.micrometer.CatalogStoreMetrics#decorate} times every method of every facet of
 * any store and counts its errors by type, and {@link dev.catalogstore.micrometer.JdbcStoreMetrics}
 * publishes the PostgreSQL store's pool and call queue as gauges.
 */
package dev.catalogstore.micrometer;
