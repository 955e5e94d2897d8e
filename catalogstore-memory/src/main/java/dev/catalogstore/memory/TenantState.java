package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.BranchRef;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Everything one tenant owns, and the locks that guard it.
 *
 * <h2>Thread-safety</h2>
 *
 * Each tenant has its own {@link ReentrantReadWriteLock}, and each of its branches a lock of its
 * own beneath it (see {@link BranchState}); nothing of one tenant ever waits for another tenant.
 *
 * <ul>
 *   <li>A change that may touch more than one branch, or anything but a branch's assets and head
 *       (warehouses, catalogs, namespaces, branches and tags themselves, merges, syncs, settings,
 *       governance, deletes), takes the tenant's <em>write</em> lock for the whole operation,
 *       checks included: it is atomic and excludes every other operation on the tenant.
 *   <li>A change confined to one branch's assets (see {@link #writeBranch}) takes the tenant's
 *       <em>read</em> lock, so nothing structural moves under it, and then its branch's write lock.
 *       Changes to different branches (of one catalog or of several) thus run in parallel; those to
 *       one branch are serialised by its lock, which is the finest safe grain: each appends a
 *       commit whose parent is the branch's head and moves the head, atomically with the asset
 *       change, so the branch's commit chain stays linear. What such changes share at tenant and
 *       catalog level (the asset id index, the commit log) is concurrent and only added to or
 *       removed from by key.
 *   <li>Reads take the read lock, plus the branch's read lock when they read several of its assets
 *       at once (a page is then one snapshot of the branch).
 *   <li>A single-asset read ({@code assets().get}, {@code getById}) takes no lock: it reads
 *       optimistically, validating a {@link StampedLock} stamp of the tenant (which every
 *       write-lock holder also holds, as a sequence lock, see {@link #write}) and one of the
 *       asset's branch, and retries under the locks if either moved. Every map on its path is
 *       concurrent, so a read that crosses a change finds an old or a new value or none, never a
 *       broken structure, and then fails validation. So the read is lock-free and scales with
 *       threads, yet sees only states between operations: a multi-asset commit, a merge, a delete
 *       is never seen halfway.
 * </ul>
 *
 * <p>Deleting a tenant sets {@link #markDeleted() deleted} under the write lock. Every operation
 * checks the flag after taking the lock (or before validating its stamp), so an operation that
 * found this state just before the deletion sees the tenant as missing, and no write can land in
 * (or resurrect) a deleted tenant.
 *
 * <p>Governance data lives in {@link AccessState} and {@link CredentialState}, under the write
 * lock.
 *
 * <p>The tenant's own {@link Tenant} value is also volatile, so that listing tenants can read it
 * without taking each tenant's lock.
 */
final class TenantState {
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  // A sequence lock, held by the outermost holder of the write lock: optimistic readers validate
  // it.
  private final StampedLock writes = new StampedLock();
  private volatile Tenant tenant;
  private volatile boolean deleted;

  private final NavigableMap<String, Warehouse> warehouses = new TreeMap<>(CodePointOrder.STRINGS);
  // How many catalogs use each warehouse, so that deleting a warehouse need not scan catalogs.
  private final Map<String, Integer> catalogsPerWarehouse = new HashMap<>();
  // Concurrent (though changed only under the write lock) for the optimistic readers.
  private final NavigableMap<String, CatalogState> catalogs =
      new ConcurrentSkipListMap<>(CodePointOrder.STRINGS);
  // Every asset of every catalog and branch by id: assets().getById is one hash probe. Concurrent:
  // changes to different branches add and remove ids at once.
  private final Map<AssetId, AssetEntry> assetsById = new ConcurrentHashMap<>();

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
   * changes anything, so that a failing action leaves the tenant as it was. The outermost holder
   * also holds the sequence lock, so every optimistic read overlapping the action fails validation.
   */
  <T> T write(Function<TenantState, T> action, Supplier<T> ifDeleted) {
    lock.writeLock().lock();
    // The write lock is reentrant, the sequence lock is not: only the outermost level takes it.
    long stamp = lock.getWriteHoldCount() == 1 ? writes.writeLock() : 0;
    try {
      return deleted ? ifDeleted.get() : action.apply(this);
    } finally {
      if (stamp != 0) {
        writes.unlockWrite(stamp);
      }
      lock.writeLock().unlock();
    }
  }

  /**
   * Runs a change confined to the assets and head of one branch: under the tenant's read lock, so
   * nothing but such changes runs beside it, and that branch's write lock, so it is alone on its
   * branch. Finds the catalog and branch of {@code ref} first ({@code NotFoundException} naming the
   * first one missing). If the tenant has been deleted, returns {@code ifDeleted}'s answer instead
   * (which may throw). The change must touch nothing of the tenant but that branch's assets and
   * head, the asset id index and the catalog's commit log, and must check everything before it
   * changes anything.
   */
  <T> T writeBranch(BranchRef ref, BranchChange<T> change, Supplier<T> ifDeleted) {
    lock.readLock().lock();
    try {
      if (deleted) {
        return ifDeleted.get();
      }
      CatalogState catalog = requireCatalog(ref.catalog());
      BranchState branch = catalog.requireBranch(ref);
      return branch.writing(() -> change.apply(this, catalog, branch));
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * A change confined to one branch, given the tenant, catalog and branch; see {@link
   * #writeBranch}.
   */
  @FunctionalInterface
  interface BranchChange<T> {
    T apply(TenantState state, CatalogState catalog, BranchState branch);
  }

  /**
   * A stamp for an optimistic read of the tenant, 0 while a write-lock holder is at work. The read
   * is valid only if {@link #validate} then answers true: no write-lock holder began since.
   */
  long tryOptimisticRead() {
    return writes.tryOptimisticRead();
  }

  /** Whether no holder of the write lock has begun since {@code stamp} was issued. */
  boolean validate(long stamp) {
    return writes.validate(stamp);
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
   * Removes a catalog with everything in it, including its assets' ids and every grant naming it.
   */
  void removeCatalog(CatalogState catalog) {
    catalogs.remove(catalog.catalog().name());
    access.removeGrantsOf(catalog.catalog().name());
    if (catalog.catalog().source() instanceof CatalogSource.Local local) {
      catalogsPerWarehouse.computeIfPresent(local.warehouse(), (w, n) -> n == 1 ? null : n - 1);
    }
    catalog.allAssets().forEach(entry -> assetsById.remove(entry.asset().id()));
  }

  Map<AssetId, AssetEntry> assetsById() {
    return assetsById;
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
