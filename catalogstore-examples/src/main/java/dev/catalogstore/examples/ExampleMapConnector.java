package dev.catalogstore.examples;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An example {@link FederatedCatalogConnector}, not a real one: the "remote" catalogs it reads are
 * maps in this process, which the walkthrough fills and changes. It shows the shape of a connector
 * and how a store gets one. A real connector calls the service of the catalog that lives elsewhere
 * (an Iceberg REST catalog, a Hive metastore, AWS Glue), and may block or throw: the store calls it
 * on a thread of its own, holding no lock, and records a failure as a failed sync.
 *
 * <p>A federated catalog names the remote it mirrors with the option {@value #REMOTE}:
 *
 * <pre>{@code
 * ExampleMapConnector connector = new ExampleMapConnector();
 * connector.remote("partner-lake").namespace(NamespacePath.of("crm"), Map.of())
 *     .table(NamespacePath.of("crm"), "accounts", "s3://partner/crm/accounts/metadata/v1.json");
 * // registered when the store is built, with the store's other connectors:
 * FederatedConnectors connectors = FederatedConnectors.of(connector);
 * store.catalogs().create(tenant, NewCatalog.federated("partner",
 *     new ConnectorConfig(ExampleMapConnector.TYPE, Map.of(ExampleMapConnector.REMOTE, "partner-lake"))));
 * store.federation().sync(tenant, "partner");
 * }</pre>
 *
 * <p>Thread-safe, as a connector must be: several syncs may read it at once.
 */
public final class ExampleMapConnector implements FederatedCatalogConnector {
  /** The connector type it serves. */
  public static final String TYPE = "example-map";

  /** The option of a federated catalog's connector configuration that names its remote. */
  public static final String REMOTE = "remote";

  private final Map<String, RemoteCatalog> remotes = new ConcurrentHashMap<>();

  /** The remote catalog of this name, created empty on first use. */
  public RemoteCatalog remote(String name) {
    return remotes.computeIfAbsent(name, ignored -> new RemoteCatalog());
  }

  /** The connector configuration of a federated catalog that mirrors the remote {@code name}. */
  public static ConnectorConfig configFor(String name) {
    return new ConnectorConfig(TYPE, Map.of(REMOTE, name));
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<RemoteNamespace> listNamespaces(ConnectorConfig config) {
    return find(config).namespaces();
  }

  @Override
  public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace) {
    return find(config).tables(namespace);
  }

  /** The remote the configuration names; a remote that is not there fails the sync, as it must. */
  private RemoteCatalog find(ConnectorConfig config) {
    String name = config.options().get(REMOTE);
    RemoteCatalog remote = name == null ? null : remotes.get(name);
    if (remote == null) {
      throw new IllegalStateException("no remote catalog named " + name);
    }
    return remote;
  }

  /** One remote catalog: namespaces with their properties, and each one's tables. */
  public static final class RemoteCatalog {
    private final Map<NamespacePath, Map<String, String>> namespaces = new LinkedHashMap<>();
    private final Map<NamespacePath, Map<String, String>> tables = new LinkedHashMap<>();

    private RemoteCatalog() {}

    /** Adds a namespace, or replaces its properties. */
    public synchronized RemoteCatalog namespace(
        NamespacePath path, Map<String, String> properties) {
      namespaces.put(path, Map.copyOf(properties));
      return this;
    }

    /** Adds a table to {@code namespace}, or moves it to {@code metadataLocation}. */
    public synchronized RemoteCatalog table(
        NamespacePath namespace, String name, String metadataLocation) {
      tables
          .computeIfAbsent(namespace, ignored -> new LinkedHashMap<>())
          .put(name, metadataLocation);
      return this;
    }

    /** Drops a table. */
    public synchronized RemoteCatalog dropTable(NamespacePath namespace, String name) {
      Map<String, String> inNamespace = tables.get(namespace);
      if (inNamespace != null) {
        inNamespace.remove(name);
      }
      return this;
    }

    synchronized List<RemoteNamespace> namespaces() {
      List<RemoteNamespace> listing = new ArrayList<>();
      namespaces.forEach((path, properties) -> listing.add(new RemoteNamespace(path, properties)));
      return listing;
    }

    synchronized List<RemoteTable> tables(NamespacePath namespace) {
      List<RemoteTable> listing = new ArrayList<>();
      tables
          .getOrDefault(namespace, Map.of())
          .forEach((name, location) -> listing.add(new RemoteTable(name, location)));
      return listing;
    }
  }
}
