package dev.catalogstore.api.spi;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetOperations;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogOperations;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceOperations;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantOperations;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseOperations;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CatalogStore} assembled from one implementation per area of the contract. Backends
 * extend it so that each area lives in its own class and the store itself only wires them
 * together; a decorator passes the same store for every area and overrides what it changes.
 *
 * <p>Every method forwards to its area unchanged, returning that area's future as it is, so the
 * composed store keeps exactly the semantics of its parts. Subclasses say what {@link #close()}
 * releases.
 */
public abstract class ComposedCatalogStore implements CatalogStore {
  private final TenantOperations tenants;
  private final WarehouseOperations warehouses;
  private final CatalogOperations catalogs;
  private final NamespaceOperations namespaces;
  private final AssetOperations assets;

  /** A store whose calls go to the given implementation of each area. */
  protected ComposedCatalogStore(
      TenantOperations tenants,
      WarehouseOperations warehouses,
      CatalogOperations catalogs,
      NamespaceOperations namespaces,
      AssetOperations assets) {
    this.tenants = Objects.requireNonNull(tenants, "tenants");
    this.warehouses = Objects.requireNonNull(warehouses, "warehouses");
    this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
    this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
    this.assets = Objects.requireNonNull(assets, "assets");
  }

  // Tenants

  @Override
  public CompletableFuture<Tenant> createTenant(NewTenant tenant) {
    return tenants.createTenant(tenant);
  }

  @Override
  public CompletableFuture<Optional<Tenant>> getTenant(TenantId tenant) {
    return tenants.getTenant(tenant);
  }

  @Override
  public CompletableFuture<Page<Tenant>> listTenants(PageRequest page) {
    return tenants.listTenants(page);
  }

  @Override
  public CompletableFuture<Tenant> updateTenant(TenantId tenant, TenantUpdate update) {
    return tenants.updateTenant(tenant, update);
  }

  @Override
  public CompletableFuture<Void> deleteTenant(TenantId tenant) {
    return tenants.deleteTenant(tenant);
  }

  // Warehouses

  @Override
  public CompletableFuture<Warehouse> createWarehouse(TenantId tenant, NewWarehouse warehouse) {
    return warehouses.createWarehouse(tenant, warehouse);
  }

  @Override
  public CompletableFuture<Optional<Warehouse>> getWarehouse(TenantId tenant, String name) {
    return warehouses.getWarehouse(tenant, name);
  }

  @Override
  public CompletableFuture<Page<Warehouse>> listWarehouses(TenantId tenant, PageRequest page) {
    return warehouses.listWarehouses(tenant, page);
  }

  @Override
  public CompletableFuture<Warehouse> updateWarehouse(
      TenantId tenant, String name, WarehouseUpdate update) {
    return warehouses.updateWarehouse(tenant, name, update);
  }

  @Override
  public CompletableFuture<Void> deleteWarehouse(TenantId tenant, String name) {
    return warehouses.deleteWarehouse(tenant, name);
  }

  // Catalogs

  @Override
  public CompletableFuture<Catalog> createCatalog(TenantId tenant, NewCatalog catalog) {
    return catalogs.createCatalog(tenant, catalog);
  }

  @Override
  public CompletableFuture<Optional<Catalog>> getCatalog(TenantId tenant, String name) {
    return catalogs.getCatalog(tenant, name);
  }

  @Override
  public CompletableFuture<Page<Catalog>> listCatalogs(TenantId tenant, PageRequest page) {
    return catalogs.listCatalogs(tenant, page);
  }

  @Override
  public CompletableFuture<Catalog> updateCatalog(
      TenantId tenant, String name, CatalogUpdate update) {
    return catalogs.updateCatalog(tenant, name, update);
  }

  @Override
  public CompletableFuture<Void> deleteCatalog(TenantId tenant, String name) {
    return catalogs.deleteCatalog(tenant, name);
  }

  // Namespaces

  @Override
  public CompletableFuture<Namespace> createNamespace(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return namespaces.createNamespace(tenant, namespace, properties);
  }

  @Override
  public CompletableFuture<Optional<Namespace>> getNamespace(
      TenantId tenant, NamespaceRef namespace) {
    return namespaces.getNamespace(tenant, namespace);
  }

  @Override
  public CompletableFuture<Page<Namespace>> listNamespaces(
      TenantId tenant, NamespaceRef parent, PageRequest page) {
    return namespaces.listNamespaces(tenant, parent, page);
  }

  @Override
  public CompletableFuture<Namespace> updateNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update) {
    return namespaces.updateNamespaceProperties(tenant, namespace, update);
  }

  @Override
  public CompletableFuture<Namespace> replaceNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return namespaces.replaceNamespaceProperties(tenant, namespace, properties);
  }

  @Override
  public CompletableFuture<Void> deleteNamespace(TenantId tenant, NamespaceRef namespace) {
    return namespaces.deleteNamespace(tenant, namespace);
  }

  // Assets

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return assets.createAsset(tenant, asset, request);
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAsset(TenantId tenant, AssetRef asset) {
    return assets.getAsset(tenant, asset);
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return assets.getAssetById(tenant, id);
  }

  @Override
  public CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    return assets.listAssets(tenant, branch, namespace, page);
  }

  @Override
  public CompletableFuture<Asset> renameAsset(TenantId tenant, AssetRef from, AssetRef to) {
    return assets.renameAsset(tenant, from, to);
  }

  @Override
  public CompletableFuture<Asset> updateAssetProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return assets.updateAssetProperties(tenant, asset, update);
  }

  @Override
  public CompletableFuture<Void> deleteAsset(TenantId tenant, AssetRef asset) {
    return assets.deleteAsset(tenant, asset);
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return assets.commitMetadataLocation(tenant, asset, commit);
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> listMetadataHistory(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return assets.listMetadataHistory(tenant, asset, page);
  }
}
