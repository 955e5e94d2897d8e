package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.call;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.util.LocationUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the tenant, catalog and branch an Iceberg catalog is configured for, creating the tenant, a
 * warehouse and the catalog when they are missing and {@code catalogstore.create-missing} allows
 * it. Several engine nodes may start at once: a create that loses a race reads the winner's object.
 */
final class StoreBinding {
  private static final Logger LOG = LoggerFactory.getLogger(StoreBinding.class);

  private StoreBinding() {}

  static CatalogScope bind(CatalogStore store, StoreCatalogConfig config) {
    TenantId tenant = tenant(store, config);
    BranchRef branch = new BranchRef(config.catalog(), config.branch());
    if (call(() -> store.catalogs().get(tenant, config.catalog())).isEmpty()) {
      requireCreating(config, "catalog '" + config.catalog() + "'");
      String warehouse = warehouse(store, tenant, config);
      createOrFind(
          () ->
              call(
                  () ->
                      store
                          .catalogs()
                          .create(tenant, NewCatalog.local(config.catalog(), warehouse))),
          () -> call(() -> store.catalogs().get(tenant, config.catalog())));
    }
    if (call(() -> store.branches().get(tenant, branch)).isEmpty()) {
      // A branch is part of the catalog's history; the adapter never invents one.
      throw new IllegalArgumentException(
          "Property "
              + StoreCatalogConfig.BRANCH
              + ": catalog '"
              + config.catalog()
              + "' has no branch '"
              + config.branch()
              + "'");
    }
    return new CatalogScope(store, tenant, branch);
  }

  /**
   * Where new tables go when the catalog has no {@code warehouse} property: under the root of the
   * store warehouse its store catalog lives on, in a directory named after the catalog. Empty for a
   * federated catalog.
   */
  static Optional<String> warehouseRoot(CatalogScope scope) {
    String catalog = scope.branch().catalog();
    return call(() -> scope.store().catalogs().get(scope.tenant(), catalog))
        .map(found -> found.source())
        .filter(source -> source instanceof CatalogSource.Local)
        .flatMap(
            source ->
                call(
                    () ->
                        scope
                            .store()
                            .warehouses()
                            .get(scope.tenant(), ((CatalogSource.Local) source).warehouse())))
        .map(
            warehouse ->
                LocationUtil.stripTrailingSlash(warehouse.storage().rootLocation())
                    + "/"
                    + catalog);
  }

  private static TenantId tenant(CatalogStore store, StoreCatalogConfig config) {
    Optional<UUID> id = uuid(config.tenant());
    if (id.isPresent()) {
      TenantId tenant = new TenantId(id.get());
      if (call(() -> store.tenants().get(tenant)).isEmpty()) {
        throw new IllegalArgumentException(
            "Property " + StoreCatalogConfig.TENANT + ": no tenant with id " + tenant);
      }
      return tenant;
    }
    Optional<Tenant> found = tenantNamed(store, config.tenant());
    if (found.isPresent()) {
      return found.get().id();
    }
    requireCreating(config, "tenant '" + config.tenant() + "'");
    return createOrFind(
            () -> call(() -> store.tenants().create(NewTenant.named(config.tenant()))),
            () -> tenantNamed(store, config.tenant()))
        .id();
  }

  /** The tenant of that name; tenants are listed by name, so this pages until it is passed. */
  private static Optional<Tenant> tenantNamed(CatalogStore store, String name) {
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      PageRequest current = request;
      Page<Tenant> page = call(() -> store.tenants().list(current));
      for (Tenant tenant : page.items()) {
        if (tenant.name().equals(name)) {
          return Optional.of(tenant);
        }
      }
      Optional<PageRequest> next = page.nextPage(PageRequest.MAX_LIMIT);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      request = next.get();
    }
  }

  /** A warehouse for a new catalog: the one named like it, created on the warehouse location. */
  private static String warehouse(CatalogStore store, TenantId tenant, StoreCatalogConfig config) {
    String name = config.catalog();
    if (call(() -> store.warehouses().get(tenant, name)).isPresent()) {
      return name;
    }
    String root =
        config
            .warehouseLocation()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Property "
                            + CatalogProperties.WAREHOUSE_LOCATION
                            + " is required to create catalog '"
                            + config.catalog()
                            + "'"));
    StorageConfig storage = StorageConfig.of(storageType(root), root);
    createOrFind(
        () -> call(() -> store.warehouses().create(tenant, NewWarehouse.of(name, storage))),
        () -> call(() -> store.warehouses().get(tenant, name)));
    return name;
  }

  /** The storage type of a location, by its URI scheme; no scheme is a local path. */
  static StorageType storageType(String location) {
    String scheme;
    try {
      scheme = Optional.ofNullable(URI.create(location).getScheme()).orElse("file");
    } catch (IllegalArgumentException e) {
      scheme = "file";
    }
    return switch (scheme.toLowerCase(Locale.ROOT)) {
      case "s3", "s3a", "s3n" -> StorageType.S3;
      case "gs" -> StorageType.GCS;
      case "abfs", "abfss", "wasb", "wasbs" -> StorageType.ADLS;
      case "file" -> StorageType.FILE;
      default ->
          throw new IllegalArgumentException(
              "Property "
                  + CatalogProperties.WAREHOUSE_LOCATION
                  + ": the store has no storage type for scheme '"
                  + scheme
                  + "'; create the catalog through the CatalogStore API instead");
    };
  }

  private static void requireCreating(StoreCatalogConfig config, String what) {
    if (!config.createMissing()) {
      throw new IllegalArgumentException(
          what
              + " does not exist and "
              + StoreCatalogConfig.CREATE_MISSING
              + " is false (its default on PostgreSQL): create it through the CatalogStore API, or"
              + " set "
              + StoreCatalogConfig.CREATE_MISSING
              + "=true to have this catalog create it");
    }
    LOG.info("Creating {}, missing in the catalog store ({})", what, config);
  }

  /** Creates, or, when another node created it first, reads what that node created. */
  private static <T> T createOrFind(Supplier<T> create, Supplier<Optional<T>> find) {
    try {
      return create.get();
    } catch (AlreadyExistsException e) {
      return find.get().orElseThrow(() -> e);
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  private static Optional<UUID> uuid(String value) {
    try {
      return Optional.of(UUID.fromString(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
