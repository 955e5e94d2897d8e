package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.GrantRules;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.warehouse.Warehouse;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one tenant owns, and the lock that guards it.
 *
 * <h2>Thread-safety</h2>
 *
 * Each tenant has its own {@link ReentrantReadWriteLock}: reads of a tenant share its read lock,
 * and every change to it takes its write lock for the whole operation, checks included. So every
 * operation is atomic and sees one consistent state, and nothing of one tenant ever waits for
 * another tenant. The collections below are plain (non-concurrent) and may only be touched inside
 * {@link #read} or {@link #write}.
 *
 * <p>Deleting a tenant sets {@link #markDeleted() deleted} under the write lock. Every operation
 * checks the flag after taking the lock, so an operation that found this state just before the
 * deletion sees the tenant as missing, and no write can land in (or resurrect) a deleted tenant.
 *
 * <p>Governance data lives in {@link AccessState} and {@link CredentialState}, under the same lock.
 *
 * <p>The tenant's own {@link Tenant} value is also volatile, so that listing tenants can read it
 * without taking each tenant's lock.
 */
final class TenantState {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private volatile Tenant tenant;
  private volatile boolean deleted;

  private final NavigableMap<String, Warehouse> warehouses = new TreeMap<>(CodePointOrder.STRINGS);
  // How many catalogs use each warehouse, so that deleting a warehouse need not scan catalogs.
  private final Map<String, Integer> catalogsPerWarehouse = new HashMap<>();
  private final NavigableMap<String, CatalogState> catalogs = new TreeMap<>(CodePointOrder.STRINGS);

  private SystemSettings settings = SystemSettings.DEFAULTS;

  private final AccessState access = new AccessState();
  private final CredentialState credentials;

  TenantState(Tenant tenant, CredentialIndex credentialIndex) {
    this.tenant = tenant;
    this.credentials = new CredentialState(tenant.id(), credentialIndex);
  }

  /** The tenant's current value; readable without the lock. */
  Tenant tenant() {
    return tenant;
  }

  /** Whether the tenant has been deleted; readable without the lock. */
  boolean isDeleted() {
    return deleted;
  }

  /**
   * Runs {@code action} under the read lock; if the tenant has been deleted, returns {@code
   * ifDeleted}'s answer instead (which may throw).
   */
  <T> T read(Function<TenantState, T> action, Supplier<T> ifDeleted) {
    lock.readLock().lock();
    try {
      return deleted ? ifDeleted.get() : action.apply(this);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Runs {@code action} under the write lock; if the tenant has been deleted, returns {@code
   * ifDeleted}'s answer instead (which may throw). The action must check everything before it
   * changes anything, so that a failing action leaves the tenant as it was.
   */
  <T> T write(Function<TenantState, T> action, Supplier<T> ifDeleted) {
    lock.writeLock().lock();
    try {
      return deleted ? ifDeleted.get() : action.apply(this);
    } finally {
      lock.writeLock().unlock();
    }
  }

  void replaceTenant(Tenant next) {
    requireWriteLock();
    this.tenant = next;
  }

  void markDeleted() {
    requireWriteLock();
    this.deleted = true;
  }

  NavigableMap<String, Warehouse> warehouses() {
    return warehouses;
  }

  boolean isWarehouseUsed(String warehouse) {
    return catalogsPerWarehouse.containsKey(warehouse);
  }

  /** The tenant's settings: {@link SystemSettings#DEFAULTS} until first changed. */
  SystemSettings settings() {
    return settings;
  }

  void replaceSettings(SystemSettings next) {
    requireWriteLock();
    this.settings = next;
  }

  /** Whether {@code warehouse} is the tenant's default warehouse, which cannot be deleted. */
  boolean isDefaultWarehouse(String warehouse) {
    return settings.defaultWarehouse().filter(warehouse::equals).isPresent();
  }

  NavigableMap<String, CatalogState> catalogs() {
    return catalogs;
  }

  Optional<CatalogState> catalog(String name) {
    return Optional.ofNullable(catalogs.get(name));
  }

  /** The catalog {@code name}, or {@code NotFoundException}. */
  CatalogState requireCatalog(String name) {
    return catalog(name).orElseThrow(() -> Missing.catalog(name));
  }

  /**
   * Checks that each grant is of this tenant and names one of its catalogs (but a tenant scope), as
   * {@link GrantRules#catalogUnder} and {@link #requireCatalog} say; {@code NotFoundException}
   * otherwise.
   */
  void requireGrantCatalogs(Collection<Grant> grants) {
    for (Grant grant : grants) {
      GrantRules.catalogUnder(tenant.id(), grant).ifPresent(this::requireCatalog);
    }
  }

  /** Adds a catalog and counts its use of a warehouse. */
  void addCatalog(CatalogState catalog) {
    catalogs.put(catalog.catalog().name(), catalog);
    if (catalog.catalog().source() instanceof CatalogSource.Local local) {
      catalogsPerWarehouse.merge(local.warehouse(), 1, Integer::sum);
    }
  }

  /**
   * Removes a catalog with everything in it (its assets' ids included: the catalog holds their
   * index) and every grant naming it. Costs the grants, not the catalog's size: a catalog of
   * millions of assets goes in O(1), and the collector reclaims it.
   */
  void removeCatalog(CatalogState catalog) {
    catalogs.remove(catalog.catalog().name());
    access.removeGrantsOf(catalog.catalog().name());
    if (catalog.catalog().source() instanceof CatalogSource.Local local) {
      catalogsPerWarehouse.computeIfPresent(local.warehouse(), (w, n) -> n == 1 ? null : n - 1);
    }
  }

  /** The asset of that id, in whichever catalog: one hash probe per catalog. */
  Optional<AssetEntry> asset(AssetId id) {
    for (CatalogState catalog : catalogs.values()) {
      AssetEntry entry = catalog.assetsById().get(id);
      if (entry != null) {
        return Optional.of(entry);
      }
    }
    return Optional.empty();
  }

  /** The tenant's users, roles, assignments and direct permissions. */
  AccessState access() {
    return access;
  }

  /** The tenant's service users, tokens and revocations. */
  CredentialState credentials() {
    return credentials;
  }

  private void requireWriteLock() {
    if (!lock.isWriteLockedByCurrentThread()) {
      throw new IllegalStateException("the tenant's write lock is not held");
    }
  }
}
