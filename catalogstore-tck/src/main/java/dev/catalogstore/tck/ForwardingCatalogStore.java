package dev.catalogstore.tck;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A {@link CatalogStore} that forwards every call, unchanged, to another store. Extend it to
 * decorate a store (metrics, tracing, logging, access checks, fault injection) by overriding only
 * the methods whose behaviour you change; everything else keeps the delegate's semantics exactly,
 * since each method returns the delegate's future as it is.
 *
 * <p>The TCK's own tests use it to build deliberately broken stores and prove that the TCK
 * catches each of them. A decorator that keeps the contract passes the TCK like its delegate.
 *
 * <p>The decorator owns its delegate: {@link #close()} closes it.
 */
public class ForwardingCatalogStore implements CatalogStore {
  private final CatalogStore delegate;

  /** A store that forwards every call to {@code delegate}. */
  public ForwardingCatalogStore(CatalogStore delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The store every call is forwarded to. */
  protected CatalogStore delegate() {
    return delegate;
  }

  // Tenants

  @Override
  public CompletableFuture<Tenant> createTenant(NewTenant tenant) {
    return delegate.createTenant(tenant);
  }

  @Override
  public CompletableFuture<Optional<Tenant>> getTenant(TenantId tenant) {
    return delegate.getTenant(tenant);
  }

  @Override
  public CompletableFuture<Page<Tenant>> listTenants(PageRequest page) {
    return delegate.listTenants(page);
  }

  @Override
  public CompletableFuture<Tenant> updateTenant(TenantId tenant, TenantUpdate update) {
    return delegate.updateTenant(tenant, update);
  }

  @Override
  public CompletableFuture<Void> deleteTenant(TenantId tenant) {
    return delegate.deleteTenant(tenant);
  }

  // Warehouses

  @Override
  public CompletableFuture<Warehouse> createWarehouse(TenantId tenant, NewWarehouse warehouse) {
    return delegate.createWarehouse(tenant, warehouse);
  }

  @Override
  public CompletableFuture<Optional<Warehouse>> getWarehouse(TenantId tenant, String name) {
    return delegate.getWarehouse(tenant, name);
  }

  @Override
  public CompletableFuture<Page<Warehouse>> listWarehouses(TenantId tenant, PageRequest page) {
    return delegate.listWarehouses(tenant, page);
  }

  @Override
  public CompletableFuture<Warehouse> updateWarehouse(
      TenantId tenant, String name, WarehouseUpdate update) {
    return delegate.updateWarehouse(tenant, name, update);
  }

  @Override
  public CompletableFuture<Void> deleteWarehouse(TenantId tenant, String name) {
    return delegate.deleteWarehouse(tenant, name);
  }

  // Catalogs

  @Override
  public CompletableFuture<Catalog> createCatalog(TenantId tenant, NewCatalog catalog) {
    return delegate.createCatalog(tenant, catalog);
  }

  @Override
  public CompletableFuture<Optional<Catalog>> getCatalog(TenantId tenant, String name) {
    return delegate.getCatalog(tenant, name);
  }

  @Override
  public CompletableFuture<Page<Catalog>> listCatalogs(TenantId tenant, PageRequest page) {
    return delegate.listCatalogs(tenant, page);
  }

  @Override
  public CompletableFuture<Catalog> updateCatalog(
      TenantId tenant, String name, CatalogUpdate update) {
    return delegate.updateCatalog(tenant, name, update);
  }

  @Override
  public CompletableFuture<Void> deleteCatalog(TenantId tenant, String name) {
    return delegate.deleteCatalog(tenant, name);
  }

  // Namespaces

  @Override
  public CompletableFuture<Namespace> createNamespace(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return delegate.createNamespace(tenant, namespace, properties);
  }

  @Override
  public CompletableFuture<Optional<Namespace>> getNamespace(
      TenantId tenant, NamespaceRef namespace) {
    return delegate.getNamespace(tenant, namespace);
  }

  @Override
  public CompletableFuture<Page<Namespace>> listNamespaces(
      TenantId tenant, NamespaceRef parent, PageRequest page) {
    return delegate.listNamespaces(tenant, parent, page);
  }

  @Override
  public CompletableFuture<Namespace> updateNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update) {
    return delegate.updateNamespaceProperties(tenant, namespace, update);
  }

  @Override
  public CompletableFuture<Namespace> replaceNamespaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return delegate.replaceNamespaceProperties(tenant, namespace, properties);
  }

  @Override
  public CompletableFuture<Void> deleteNamespace(TenantId tenant, NamespaceRef namespace) {
    return delegate.deleteNamespace(tenant, namespace);
  }

  // Assets

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
    return delegate.createAsset(tenant, asset, request);
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAsset(TenantId tenant, AssetRef asset) {
    return delegate.getAsset(tenant, asset);
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return delegate.getAssetById(tenant, id);
  }

  @Override
  public CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    return delegate.listAssets(tenant, branch, namespace, page);
  }

  @Override
  public CompletableFuture<Asset> renameAsset(TenantId tenant, AssetRef from, AssetRef to) {
    return delegate.renameAsset(tenant, from, to);
  }

  @Override
  public CompletableFuture<Asset> updateAssetProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return delegate.updateAssetProperties(tenant, asset, update);
  }

  @Override
  public CompletableFuture<Void> deleteAsset(TenantId tenant, AssetRef asset) {
    return delegate.deleteAsset(tenant, asset);
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return delegate.commitMetadataLocation(tenant, asset, commit);
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> listMetadataHistory(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return delegate.listMetadataHistory(tenant, asset, page);
  }

  // Lifecycle

  /** Closes the delegate. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
