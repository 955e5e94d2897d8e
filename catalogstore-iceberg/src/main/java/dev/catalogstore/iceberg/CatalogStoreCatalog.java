package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;
import static dev.catalogstore.iceberg.StoreCalls.call;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.iceberg.Attempts.UnavailableRetries;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.TableMetadata;
import org.apache.iceberg.TableMetadataParser;
import org.apache.iceberg.TableOperations;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.NamespaceNotEmptyException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.hadoop.Configurable;
import org.apache.iceberg.io.CloseableGroup;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.util.LocationUtil;
import org.apache.iceberg.view.BaseMetastoreViewCatalog;
import org.apache.iceberg.view.ViewOperations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Apache Iceberg catalog over a {@link CatalogStore}: Iceberg's {@code Catalog}, {@link
 * SupportsNamespaces} and {@code ViewCatalog}, loadable by any engine through {@code
 * catalog-impl=dev.catalogstore.iceberg.CatalogStoreCatalog} and configured by the properties of
 * {@link StoreCatalogConfig}.
 *
 * <p>The catalog shows one store catalog of one tenant, on one branch. Namespaces, at any depth,
 * are the store's namespaces with their properties; tables and views are assets of kind {@link
 * AssetKind#ICEBERG_TABLE} and {@link AssetKind#ICEBERG_VIEW}, whose metadata pointer moves only by
 * the store's compare-and-set. What Iceberg sees:
 *
 * <ul>
 *   <li>a commit that lost its compare-and-set fails with {@code CommitFailedException}, which
 *       Iceberg retries on fresh metadata; a commit whose every attempt found the store unavailable
 *       fails with {@code CommitStateUnknownException}, and its metadata file is kept;
 *   <li>drops and renames apply only to the table or view read: a view created in place of a
 *       dropped table is never dropped as that table; a purge deletes the files of exactly the
 *       version dropped, through the catalog's {@link FileIO};
 *   <li>{@link #commitTransaction(List)} commits changes to several tables all-or-nothing.
 * </ul>
 *
 * <p>Several catalogs (engine nodes) may share one PostgreSQL store: every guarantee above holds
 * across them, since the store decides every change.
 */
public class CatalogStoreCatalog extends BaseMetastoreViewCatalog
    implements SupportsNamespaces, Configurable<Object> {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogStoreCatalog.class);

  private final CatalogStore givenStore;
  private CatalogStore store;
  private String name;
  private Map<String, String> properties = Map.of();
  private StoreCatalogConfig config;
  private CatalogScope scope;
  private PointerCommits pointerCommits;
  private GuardedChanges guardedChanges;
  private FileIO io;
  private Optional<String> warehouseLocation = Optional.empty();
  private Object hadoopConf;
  private CloseableGroup closeables;

  /** A catalog that opens its own store from its properties, as engines create it. */
  public CatalogStoreCatalog() {
    this.givenStore = null;
  }

  /**
   * A catalog over {@code store}, which the caller keeps and closes: for a service that already
   * holds a store and serves Iceberg from it. The backend properties are then ignored.
   *
   * @param store the store the catalog reads and commits to; the caller closes it
   */
  public CatalogStoreCatalog(CatalogStore store) {
    this.givenStore = Objects.requireNonNull(store, "store");
  }

  @Override
  public void setConf(Object conf) {
    this.hadoopConf = conf;
  }

  /**
   * Opens (or takes) the store and finds the tenant, catalog and branch of the properties, creating
   * them when allowed. Called once; a failure releases whatever it opened.
   */
  @Override
  public void initialize(String catalogName, Map<String, String> catalogProperties) {
    if (closeables != null) {
      throw new IllegalStateException("Catalog " + name + " is already initialized");
    }
    super.initialize(catalogName, catalogProperties);
    this.config = StoreCatalogConfig.parse(catalogName, catalogProperties);
    this.name = catalogName;
    this.properties = Map.copyOf(catalogProperties);
    this.closeables = new CloseableGroup();
    closeables.setSuppressCloseFailure(true);
    this.store = givenStore != null ? givenStore : openStore(config);
    if (givenStore == null) {
      closeables.addCloseable(store);
    }
    try {
      this.scope = StoreBinding.bind(store, config);
      this.warehouseLocation =
          config.warehouseLocation().or(() -> StoreBinding.warehouseRoot(scope));
      UnavailableRetries retries =
          new UnavailableRetries(config.unavailableRetries(), config.unavailableRetryWaitMillis());
      this.pointerCommits = new PointerCommits(scope, retries);
      this.guardedChanges = new GuardedChanges(scope, retries);
      String ioImpl =
          catalogProperties.getOrDefault(
              CatalogProperties.FILE_IO_IMPL, "org.apache.iceberg.hadoop.HadoopFileIO");
      this.io = CatalogUtil.loadFileIO(ioImpl, catalogProperties, hadoopConf);
      closeables.addCloseable(io);
      closeables.addCloseable(metricsReporter());
    } catch (RuntimeException e) {
      // An engine never closes a catalog whose initialize failed: release the store opened here,
      // and leave the catalog uninitialized.
      closeAfterFailure(e);
      closeables = null;
      throw e;
    }
    LOG.info("Iceberg catalog {} over {}", catalogName, config);
  }

  private void closeAfterFailure(RuntimeException failure) {
    try {
      closeables.close();
    } catch (IOException | RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  private static CatalogStore openStore(StoreCatalogConfig config) {
    return switch (config.backend()) {
      case MEMORY -> new InMemoryCatalogStore();
      case JDBC -> JdbcCatalogStore.open(config.jdbcStoreConfig());
    };
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  protected Map<String, String> properties() {
    return properties;
  }

  @Override
  public void close() throws IOException {
    if (closeables != null) {
      closeables.close();
    }
  }

  // ---- tables and views

  @Override
  protected boolean isValidIdentifier(TableIdentifier identifier) {
    // The store keeps tables and views in namespaces, never at a catalog's root.
    return !identifier.namespace().isEmpty();
  }

  @Override
  protected TableOperations newTableOps(TableIdentifier identifier) {
    return tableOps(identifier);
  }

  private StoreTableOperations tableOps(TableIdentifier identifier) {
    return new StoreTableOperations(
        scope, pointerCommits, scope.asset(identifier), fullTableName(name, identifier), io);
  }

  @Override
  protected ViewOperations newViewOps(TableIdentifier identifier) {
    return new StoreViewOperations(
        scope, pointerCommits, scope.asset(identifier), fullTableName(name, identifier), io);
  }

  /**
   * The namespace's {@code location} property when set, else the warehouse location followed by the
   * namespace levels; then the table's name, with a random suffix when {@code
   * unique-table-location} is set.
   */
  @Override
  protected String defaultWarehouseLocation(TableIdentifier identifier) {
    String leaf =
        config.uniqueTableLocation()
            ? identifier.name() + "-" + UUID.randomUUID().toString().replace("-", "")
            : identifier.name();
    Map<String, String> namespaceProperties = loadNamespaceMetadata(identifier.namespace());
    String namespaceLocation = namespaceProperties.get("location");
    if (namespaceLocation != null && !namespaceLocation.isBlank()) {
      return LocationUtil.stripTrailingSlash(namespaceLocation) + "/" + leaf;
    }
    String warehouse =
        warehouseLocation.orElseThrow(
            () ->
                new IllegalStateException(
                    "No location for "
                        + identifier
                        + ": set the catalog's "
                        + CatalogProperties.WAREHOUSE_LOCATION
                        + " or the namespace's location"));
    return warehouse + "/" + String.join("/", identifier.namespace().levels()) + "/" + leaf;
  }

  @Override
  public List<TableIdentifier> listTables(org.apache.iceberg.catalog.Namespace namespace) {
    return listAssets(namespace, AssetKind.ICEBERG_TABLE);
  }

  @Override
  public List<TableIdentifier> listViews(org.apache.iceberg.catalog.Namespace namespace) {
    return listAssets(namespace, AssetKind.ICEBERG_VIEW);
  }

  private List<TableIdentifier> listAssets(
      org.apache.iceberg.catalog.Namespace namespace, AssetKind kind) {
    if (namespace.isEmpty()) {
      return List.of(); // nothing lives at the root
    }
    try {
      return readAll(
          page ->
              await(
                  () ->
                      store
                          .assets()
                          .list(
                              scope.tenant(),
                              scope.branch(),
                              CatalogScope.path(namespace),
                              EnumSet.of(kind),
                              page)),
          (Asset asset) -> CatalogScope.identifier(asset.ref()));
    } catch (NotFoundException e) {
      throw noSuchNamespace(namespace, e);
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  /**
   * Whether a table is there, from the store alone: one read, without loading its metadata file as
   * Iceberg's default does. A metadata table ({@code db.table.files}) is still resolved by loading.
   */
  @Override
  public boolean tableExists(TableIdentifier identifier) {
    if (isValidIdentifier(identifier) && hasPointer(identifier, AssetKind.ICEBERG_TABLE)) {
      return true;
    }
    return isValidMetadataIdentifier(identifier) && super.tableExists(identifier);
  }

  /** Whether a view is there, from the store alone, without loading its metadata file. */
  @Override
  public boolean viewExists(TableIdentifier identifier) {
    return isValidIdentifier(identifier) && hasPointer(identifier, AssetKind.ICEBERG_VIEW);
  }

  private boolean hasPointer(TableIdentifier identifier, AssetKind kind) {
    return call(() -> store.assets().get(scope.tenant(), scope.asset(identifier)))
        .filter(asset -> StoredPointer.isPointerOf(asset, kind))
        .isPresent();
  }

  @Override
  public boolean dropTable(TableIdentifier identifier, boolean purge) {
    if (!isValidIdentifier(identifier)) {
      return false;
    }
    TableMetadata[] dropped = new TableMetadata[1];
    boolean removed =
        guardedChanges.drop(
            scope.asset(identifier),
            AssetKind.ICEBERG_TABLE,
            purge,
            asset -> dropped[0] = purge ? lastMetadata(asset) : null);
    if (removed && purge && dropped[0] != null) {
      CatalogUtil.dropTableData(io, dropped[0]);
    }
    return removed;
  }

  /**
   * The metadata of a table about to be purged; null if its file is missing (nothing to purge). Any
   * other failure to read it stops the drop: dropping without the metadata would leave every data
   * file behind for good.
   */
  private TableMetadata lastMetadata(Asset table) {
    return table
        .metadataLocation()
        .map(
            location -> {
              try {
                return TableMetadataParser.read(io, location);
              } catch (org.apache.iceberg.exceptions.NotFoundException e) {
                LOG.warn("Metadata {} is missing; dropping without purging files", location, e);
                return null;
              }
            })
        .orElse(null);
  }

  @Override
  public boolean dropView(TableIdentifier identifier) {
    if (!isValidIdentifier(identifier)) {
      return false;
    }
    return guardedChanges.drop(scope.asset(identifier), AssetKind.ICEBERG_VIEW, false, asset -> {});
  }

  @Override
  public void renameTable(TableIdentifier from, TableIdentifier to) {
    rename(from, to, AssetKind.ICEBERG_TABLE);
  }

  @Override
  public void renameView(TableIdentifier from, TableIdentifier to) {
    rename(from, to, AssetKind.ICEBERG_VIEW);
  }

  private void rename(TableIdentifier from, TableIdentifier to, AssetKind kind) {
    if (!isValidIdentifier(from)) {
      throw kind == AssetKind.ICEBERG_VIEW
          ? new org.apache.iceberg.exceptions.NoSuchViewException("View does not exist: %s", from)
          : new org.apache.iceberg.exceptions.NoSuchTableException(
              "Table does not exist: %s", from);
    }
    if (!isValidIdentifier(to)) {
      throw new NoSuchNamespaceException("Namespace does not exist: %s", to.namespace());
    }
    guardedChanges.rename(scope.asset(from), scope.asset(to), kind);
  }

  /**
   * Commits changes to several tables as one all-or-nothing step: either every table moves to its
   * new metadata, or none does. Each commit's requirements are checked against the table's current
   * metadata, its updates applied, and the new metadata files written; then the store swaps every
   * pointer at once, failing with {@code CommitFailedException} if any table changed meanwhile (the
   * written files are then deleted).
   *
   * <p>A commit is usually made from a transaction that was built but not committed: {@code
   * TableCommit.create(identifier, transaction.startMetadata(), transaction.currentMetadata())}.
   *
   * @param commits one commit per table; an empty list commits nothing
   */
  public void commitTransaction(List<TableCommit> commits) {
    Objects.requireNonNull(commits, "commits");
    if (commits.isEmpty()) {
      return;
    }
    new MultiTableCommit(pointerCommits, this::tableOps).commit(commits);
  }

  /**
   * Commits changes to several tables all-or-nothing; see {@link #commitTransaction(List)}.
   *
   * @param commits one commit per table
   */
  public void commitTransaction(TableCommit... commits) {
    commitTransaction(List.of(commits));
  }

  // ---- namespaces

  @Override
  public void createNamespace(
      org.apache.iceberg.catalog.Namespace namespace, Map<String, String> metadata) {
    requireNotRoot(namespace);
    try {
      await(
          () ->
              store
                  .namespaces()
                  .create(
                      scope.tenant(),
                      scope.namespaceRef(namespace),
                      metadata == null ? Map.of() : metadata));
    } catch (AlreadyExistsException e) {
      throw new org.apache.iceberg.exceptions.AlreadyExistsException(
          e, "Namespace already exists: %s", namespace);
    } catch (NotFoundException e) {
      throw noSuchNamespace(parentOf(namespace), e);
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  @Override
  public List<org.apache.iceberg.catalog.Namespace> listNamespaces(
      org.apache.iceberg.catalog.Namespace namespace) {
    try {
      return readAll(
          page ->
              await(
                  () ->
                      store.namespaces().list(scope.tenant(), scope.namespaceRef(namespace), page)),
          (Namespace found) -> CatalogScope.namespace(found.ref().path()));
    } catch (NotFoundException e) {
      throw noSuchNamespace(namespace, e);
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(org.apache.iceberg.catalog.Namespace namespace) {
    return readNamespace(namespace)
        .orElseThrow(() -> new NoSuchNamespaceException("Namespace does not exist: %s", namespace))
        .properties();
  }

  @Override
  public boolean namespaceExists(org.apache.iceberg.catalog.Namespace namespace) {
    return readNamespace(namespace).isPresent();
  }

  private Optional<Namespace> readNamespace(org.apache.iceberg.catalog.Namespace namespace) {
    if (namespace.isEmpty()) {
      return Optional.empty(); // the root is not a namespace
    }
    return call(() -> store.namespaces().get(scope.tenant(), scope.namespaceRef(namespace)));
  }

  @Override
  public boolean dropNamespace(org.apache.iceberg.catalog.Namespace namespace) {
    if (namespace.isEmpty()) {
      return false;
    }
    try {
      await(() -> store.namespaces().delete(scope.tenant(), scope.namespaceRef(namespace)));
      return true;
    } catch (NotFoundException e) {
      return false;
    } catch (PreconditionFailedException e) {
      throw new NamespaceNotEmptyException(
          e, "Namespace %s is not empty: %s", namespace, e.getMessage());
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  @Override
  public boolean setProperties(
      org.apache.iceberg.catalog.Namespace namespace, Map<String, String> updates) {
    return updateNamespace(namespace, PropertyUpdate.setting(updates));
  }

  @Override
  public boolean removeProperties(
      org.apache.iceberg.catalog.Namespace namespace, Set<String> removals) {
    return updateNamespace(namespace, PropertyUpdate.removing(removals));
  }

  private boolean updateNamespace(
      org.apache.iceberg.catalog.Namespace namespace, PropertyUpdate update) {
    if (namespace.isEmpty()) {
      throw new NoSuchNamespaceException("Namespace does not exist: %s", namespace);
    }
    try {
      await(
          () ->
              store
                  .namespaces()
                  .updateProperties(scope.tenant(), scope.namespaceRef(namespace), update));
      return true;
    } catch (NotFoundException e) {
      throw noSuchNamespace(namespace, e);
    } catch (CatalogStoreException e) {
      throw StoreCalls.toIceberg(e);
    }
  }

  // ---- helpers

  private static void requireNotRoot(org.apache.iceberg.catalog.Namespace namespace) {
    if (namespace == null || namespace.isEmpty()) {
      throw new IllegalArgumentException("Cannot create the empty namespace: it is the root");
    }
  }

  private static org.apache.iceberg.catalog.Namespace parentOf(
      org.apache.iceberg.catalog.Namespace namespace) {
    return CatalogScope.namespace(CatalogScope.path(namespace).parent());
  }

  private static NoSuchNamespaceException noSuchNamespace(
      org.apache.iceberg.catalog.Namespace namespace, NotFoundException cause) {
    return new NoSuchNamespaceException(cause, "Namespace does not exist: %s", namespace);
  }

  /** Every item of a keyset-paged list, mapped, following next-page tokens to the end. */
  private static <S, T> List<T> readAll(
      Function<PageRequest, Page<S>> read, Function<S, T> mapping) {
    List<T> all = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<S> page = read.apply(request);
      page.items().forEach(item -> all.add(mapping.apply(item)));
      Optional<PageRequest> next = page.nextPage(PageRequest.MAX_LIMIT);
      if (next.isEmpty()) {
        return all;
      }
      request = next.get();
    }
  }

  @Override
  public String toString() {
    return "CatalogStoreCatalog[" + name + ", " + config + "]";
  }
}
