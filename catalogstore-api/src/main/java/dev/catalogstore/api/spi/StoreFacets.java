package dev.catalogstore.api.spi;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tag.Tags;
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
    Assets assets,
    Commits commits,
    Branches branches,
    Tags tags) {

  public StoreFacets {
    Objects.requireNonNull(tenants, "tenants");
    Objects.requireNonNull(warehouses, "warehouses");
    Objects.requireNonNull(catalogs, "catalogs");
    Objects.requireNonNull(namespaces, "namespaces");
    Objects.requireNonNull(assets, "assets");
    Objects.requireNonNull(commits, "commits");
    Objects.requireNonNull(branches, "branches");
    Objects.requireNonNull(tags, "tags");
  }

  /** The facets {@code store} serves now. */
  public static StoreFacets of(CatalogStore store) {
    return new StoreFacets(
        store.tenants(),
        store.warehouses(),
        store.catalogs(),
        store.namespaces(),
        store.assets(),
        store.commits(),
        store.branches(),
        store.tags());
  }

  public StoreFacets withTenants(Tenants replacement) {
    return new StoreFacets(
        replacement, warehouses, catalogs, namespaces, assets, commits, branches, tags);
  }

  public StoreFacets withWarehouses(Warehouses replacement) {
    return new StoreFacets(
        tenants, replacement, catalogs, namespaces, assets, commits, branches, tags);
  }

  public StoreFacets withCatalogs(Catalogs replacement) {
    return new StoreFacets(
        tenants, warehouses, replacement, namespaces, assets, commits, branches, tags);
  }

  public StoreFacets withNamespaces(Namespaces replacement) {
    return new StoreFacets(
        tenants, warehouses, catalogs, replacement, assets, commits, branches, tags);
  }

  public StoreFacets withAssets(Assets replacement) {
    return new StoreFacets(
        tenants, warehouses, catalogs, namespaces, replacement, commits, branches, tags);
  }

  public StoreFacets withCommits(Commits replacement) {
    return new StoreFacets(
        tenants, warehouses, catalogs, namespaces, assets, replacement, branches, tags);
  }

  public StoreFacets withBranches(Branches replacement) {
    return new StoreFacets(
        tenants, warehouses, catalogs, namespaces, assets, commits, replacement, tags);
  }

  public StoreFacets withTags(Tags replacement) {
    return new StoreFacets(
        tenants, warehouses, catalogs, namespaces, assets, commits, branches, replacement);
  }
}
