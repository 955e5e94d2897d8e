package dev.catalogstore.api.spi;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.warehouse.Warehouses;
import java.util.Objects;

/**
 * One implementation per facet of {@link CatalogStore}: what a backend assembles its store from,
 * and what a decorator changes one facet of ({@link #withAssets} and its siblings return a copy
 * with one facet replaced).
 */
public record StoreFacets(
    Tenants tenants,
    Warehouses warehouses,
    Catalogs catalogs,
    Namespaces namespaces,
    Assets assets) {

  public StoreFacets {
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(warehouses, "warehouses");
    Objects.requireNonNull(catalogs, "catalogs");
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(assets, "assets");
  }

  /** The facets {@code store} serves now. */
  public static StoreFacets of(CatalogStore store) {
    return new StoreFacets(
        store.tenants(), store.warehouses(), store.catalogs(), store.namespaces(), store.assets());
  }

  public StoreFacets withTenants(Tenants replacement) {
    return new StoreFacets(replacement, warehouses, catalogs, namespaces, assets);
  }

  public StoreFacets withWarehouses(Warehouses replacement) {
    return new StoreFacets(tenants, replacement, catalogs, namespaces, assets);
  }

  public StoreFacets withCatalogs(Catalogs replacement) {
    return new StoreFacets(tenants, warehouses, replacement, namespaces, assets);
  }

  public StoreFacets withNamespaces(Namespaces replacement) {
    return new StoreFacets(tenants, warehouses, catalogs, replacement, assets);
  }

  public StoreFacets withAssets(Assets replacement) {
    return new StoreFacets(tenants, warehouses, catalogs, namespaces, replacement);
  }
}
