package dev.catalogstore.memory;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.spi.Timestamps;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded {@link CatalogStore}: all data lives in this object, in memory, and is gone when it
 * is. It keeps the whole contract of {@link CatalogStore} and passes the TCK.
 *
 * <p>The store is assembled from one class per facet ({@code tenants()}, {@code warehouses()},
 * {@code catalogs()}, ..., {@code audit()}, {@code settings()}, {@code maintenance()}, {@code
 * federation()}), which share the tenants' data.
 *
 * <h2>Execution</h2>
 *
 * Every method does its work on the caller's thread and returns an already completed future; it
 * never throws. Bad input fails the future with {@code InvalidArgumentException} before anything is
 * looked up or written. The one exception is {@code federation().sync}: its connector may block on
 * a remote service, so it reads the remote on a thread of the store's own (a daemon cached pool,
 * stopped by {@link #close()}), holding no lock, and its future completes on that thread.
 *
 * <h2>Thread-safety and atomicity</h2>
 *
 * The store is safe for any number of threads. Each tenant's data has its own read-write lock, and
 * each branch a lock beneath it. A change confined to one branch's assets (an asset's create,
 * rename, property update, delete or metadata commit, each with its commit) shares the tenant's
 * lock and holds its branch's lock exclusively, so changes to different branches run in parallel
 * and those to one branch one at a time, as its linear commit chain requires; every other change
 * holds the tenant's lock exclusively. Each holds its lock from its first check to its last write,
 * and every check is made before the first write, so each call is atomic, cascades and {@code
 * assets().commitMetadataLocations} of several assets included, and a failed call changes nothing.
 * Reads share the locks, except {@code assets().get} and {@code getById}, which take none: they
 * read optimistically and validate that no change overlapped them, so they scale with threads and
 * still never see a change halfway. Nothing of one tenant ever waits for another tenant; the store
 * has no global lock. Tenant names are claimed in a concurrent index, so two concurrent creates of
 * one name cannot both succeed, and a deleted tenant stays deleted: no write that raced with the
 * deletion can land in it.
 *
 * <h2>Cost</h2>
 *
 * Gets are a hash or tree lookup, also {@code assets().getById}; an asset's history is allocated
 * only once it has a second entry. Every list is read from a sorted index in code-point order
 * starting at the page token's position, so a page costs O(log n + page size), not O(n): namespaces
 * are indexed by parent, assets by branch and namespace (and within a namespace also by kind, so
 * {@code assets().list} narrowed to k kinds reads only assets of those kinds, at O(k log n + page
 * size × log k)), history by sequence, branches and tags by name; an ancestry page follows
 * first-parent links from where the last page ended, and a commit's operations are kept sorted by
 * key.
 *
 * <h2>Versioning</h2>
 *
 * Every asset change appends its one commit and moves its branch's head in the same locked step as
 * the change. A merge is decided by the shared {@code spi.Merges} on the target's head read under
 * the tenant's write lock and applied before that lock is released, so it reads only the commits
 * since the merge base and writes only the keys changed since it, whatever the catalog's size. A
 * branch creation copies the assets at its start commit (cost: the assets copied).
 *
 * <h2>Governance</h2>
 *
 * Users, roles, permissions, service users and tokens live with the rest of their tenant's data,
 * under the same lock, so cascades (a user's grants and tokens, a catalog's grants, a whole tenant)
 * are atomic. The digests of API keys and tokens are also held in one store-wide index, claimed
 * atomically, so the two authentication look-ups are a hash probe plus one read of the owning
 * tenant, whatever the number of tenants.
 *
 * <h2>Operations</h2>
 *
 * Audit events are kept store-wide, outside their tenant's data, so they outlive its deletion; each
 * tenant's log is indexed newest first by every exact criterion of a filter, and a page or a count
 * reads only the smallest index the filter selects (see {@code TenantAuditLog}). Settings and the
 * last sync's stats live with their tenant and catalog. A maintenance run and a sync's mirror step
 * each run under the tenant's write lock and record their audit event before releasing it. A sync's
 * connector reads its remote on one of the store's own daemon threads ({@link #CONNECTOR_THREADS}
 * at most), never the caller's and never under a lock.
 *
 * <h2>Time</h2>
 *
 * Timestamps come only from the clock given at construction, through {@link Timestamps#now}.
 *
 * <h2>Closing</h2>
 *
 * {@link #close()} is idempotent; afterwards every call fails with {@code UnavailableException}.
 */
public final class InMemoryCatalogStore extends ComposedCatalogStore {
  /** The most connectors that read remotes at once; further syncs wait for one to finish. */
  public static final int CONNECTOR_THREADS = 4;

  private final TenantRegistry registry;
  private final ExecutorService federationExecutor;

  /** A store whose timestamps come from the system clock in UTC, with no federation connector. */
  public InMemoryCatalogStore() {
    this(Clock.systemUTC());
  }

  /**
   * A store whose timestamps all come from {@code clock}, with no federation connector.
   *
   * @param clock the source of every timestamp the store records
   */
  public InMemoryCatalogStore(Clock clock) {
    this(clock, FederatedConnectors.NONE);
  }

  /**
   * A store whose timestamps come from the system clock in UTC and which syncs federated catalogs
   * with {@code connectors}.
   *
   * @param connectors the connectors {@code federation().sync} reads remote catalogs with
   */
  public InMemoryCatalogStore(FederatedConnectors connectors) {
    this(Clock.systemUTC(), connectors);
  }

  /**
   * A store whose timestamps all come from {@code clock} and which syncs federated catalogs with
   * {@code connectors}.
   *
   * @param clock the source of every timestamp the store records
   * @param connectors the connectors {@code federation().sync} reads remote catalogs with
   */
  public InMemoryCatalogStore(Clock clock, FederatedConnectors connectors) {
    this(
        new TenantRegistry(Timestamps.now(Objects.requireNonNull(clock, "clock"))),
        clock,
        Objects.requireNonNull(connectors, "connectors"),
        connectorThreads());
  }

  /**
   * The threads connectors read remotes on: at most {@value #CONNECTOR_THREADS} at once, so that
   * many syncs of a slow remote queue rather than start a thread each; idle ones end after a
   * minute, so a store that never syncs keeps none.
   */
  private static ExecutorService connectorThreads() {
    ThreadPoolExecutor threads =
        new ThreadPoolExecutor(
            CONNECTOR_THREADS,
            CONNECTOR_THREADS,
            1,
            TimeUnit.MINUTES,
            new LinkedBlockingQueue<>(),
            new FederationThreads());
    threads.allowCoreThreadTimeOut(true);
    return threads;
  }

  private InMemoryCatalogStore(
      TenantRegistry registry,
      Clock clock,
      FederatedConnectors connectors,
      ExecutorService federationExecutor) {
    super(
        StoreFacets.builder()
            .tenants(new MemoryTenants(registry, clock))
            .warehouses(new MemoryWarehouses(registry, clock))
            .catalogs(new MemoryCatalogs(registry, clock))
            .namespaces(new MemoryNamespaces(registry, clock))
            .assets(new MemoryAssets(registry, clock))
            .commits(new MemoryCommits(registry))
            .branches(new MemoryBranches(registry, clock))
            .tags(new MemoryTags(registry, clock))
            .users(new MemoryUsers(registry, clock))
            .roles(new MemoryRoles(registry, clock))
            .permissions(new MemoryPermissions(registry, clock))
            .serviceUsers(new MemoryServiceUsers(registry, clock))
            .tokens(new MemoryTokens(registry, clock))
            .audit(new MemoryAuditLog(registry, clock))
            .settings(new MemorySettings(registry, clock))
            .maintenance(new MemoryMaintenance(registry, clock))
            .federation(new MemoryFederation(registry, clock, connectors, federationExecutor))
            .build());
    this.registry = registry;
    this.federationExecutor = federationExecutor;
  }

  /** The tenants and their locks; for this package's tests, which hold a lock on purpose. */
  TenantRegistry registry() {
    return registry;
  }

  /** The threads connectors run on; for this package's tests. */
  ExecutorService federationExecutor() {
    return federationExecutor;
  }

  /**
   * Refuses every further call and stops the federation threads: a connector still reading is
   * interrupted, and its sync fails.
   */
  @Override
  public void close() {
    registry.close();
    federationExecutor.shutdownNow();
  }

  /** Daemon threads, so that a store nobody closed never keeps the JVM alive. */
  private static final class FederationThreads implements ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "catalogstore-memory-federation-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
