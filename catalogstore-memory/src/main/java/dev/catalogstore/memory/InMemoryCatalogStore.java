package dev.catalogstore.memory;

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
import dev.catalogstore.api.common.Timestamps;
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
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The embedded {@link CatalogStore}: all data lives in this object, in memory, and is gone when it
 * is. It keeps the whole contract of {@link CatalogStore} and passes the TCK.
 *
 * <h2>Execution</h2>
 *
 * Every method does its work on the caller's thread and returns an already completed future; it
 * never throws. Bad input fails the future with {@code InvalidArgumentException} before anything
 * is looked up or written.
 *
 * <h2>Thread-safety and atomicity</h2>
 *
 * The store is safe for any number of threads. Each tenant's data has its own read-write lock:
 * reads of a tenant share it, each change holds it exclusively from its first check to its last
 * write, and every check is made before the first write, so each call is atomic, cascades
 * included, and a failed call changes nothing. Nothing of one tenant ever waits for another
 * tenant; the store has no global lock. Tenant names are claimed in a concurrent index, so two
 * concurrent creates of one name cannot both succeed, and a deleted tenant stays deleted: no
 * write that raced with the deletion can land in it.
 *
 * <h2>Cost</h2>
 *
 * Gets are a hash or tree lookup, also {@link #getAssetById}. Every list is read from a sorted
 * index in code-point order starting at the page token's position, so a page costs O(log n + page
 * size), not O(n): namespaces are indexed by parent, assets by branch and namespace, history by
 * sequence.
 *
 * <h2>Time</h2>
 *
 * Timestamps come only from the clock given at construction, through {@link Timestamps#now}.
 *
 * <h2>Closing</h2>
 *
 * {@link #close()} is idempotent; afterwards every call fails with {@code UnavailableException}.
 */
public final class InMemoryCatalogStore implements CatalogStore {
  private final TenantRegistry registry;
  private final MemoryTenants tenants;
  private final MemoryWarehouses warehouses;
  private final MemoryCatalogs catalogs;
  private final MemoryNamespaces namespaces;
  private final MemoryAssets assets;

  /** A store whose timestamps come from the system clock in UTC. */
  public InMemoryCatalogStore() {
    this(Clock.systemUTC());
  }

  /** A store whose timestamps all come from {@code clock}. */
  public InMemoryCatalogStore(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    this.registry = new TenantRegistry(Timestamps.now(clock));
    this.tenants = new MemoryTenants(registry, clock);
    this.warehouses = new MemoryWarehouses(registry, clock);
    this.catalogs = new MemoryCatalogs(registry, clock);
    this.namespaces = new MemoryNamespaces(registry, clock);
    this.assets = new MemoryAssets(registry, clock);
  }

  /** The tenants and their locks; for this package's tests, which hold a lock on purpose. */
  TenantRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    registry.close();
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
