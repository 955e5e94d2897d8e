package dev.catalogstore.tck.federation;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.warehouse.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The TCK's fake remote catalog: an in-process catalog a test fills and breaks at will, read by
 * {@link #CONNECTOR}. A backend under test registers {@link #CONNECTOR} with the stores it gives
 * the TCK, under type {@value #TYPE}; each test makes its own remote with {@link #create()} and
 * points a federated catalog at it with {@link #config()}.
 *
 * <p>Thread-safe: a remote may change while a sync reads it, which is how a test races them.
 */
public final class TckRemoteCatalog {
  /** The connector type of {@link #CONNECTOR}. */
  public static final String TYPE = "tck-remote";

  /** The option of a connector configuration that names the remote. */
  public static final String REMOTE_OPTION = "remote";

  private static final Map<String, TckRemoteCatalog> REMOTES = new ConcurrentHashMap<>();

  /** The connector a backend registers, so that the TCK's federated catalogs can be synced. */
  public static final FederatedCatalogConnector CONNECTOR = new Connector();

  private final String id = UUID.randomUUID().toString();
  private final Map<NamespacePath, Map<String, String>> namespaces =
      new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
  private final Map<NamespacePath, Map<String, String>> tables = new ConcurrentHashMap<>();
  private volatile RuntimeException failure;
  private volatile NamespacePath failTablesOf;
  private volatile Consumer<NamespacePath> onListTables = namespace -> {};
  private volatile List<Object> rawNamespaces;
  private volatile Credentials requiredCredentials;

  private TckRemoteCatalog() {}

  /** A new, empty remote, reachable through {@link #config()}. */
  public static TckRemoteCatalog create() {
    TckRemoteCatalog remote = new TckRemoteCatalog();
    REMOTES.put(remote.id, remote);
    return remote;
  }

  /** The connector configuration of a federated catalog that mirrors this remote. */
  public ConnectorConfig config() {
    return new ConnectorConfig(TYPE, Map.of(REMOTE_OPTION, id));
  }

  /** Adds or replaces a namespace with these properties. */
  public synchronized TckRemoteCatalog namespace(
      NamespacePath path, Map<String, String> properties) {
    namespaces.put(path, Map.copyOf(properties));
    return this;
  }

  /** Adds a namespace without properties. */
  public TckRemoteCatalog namespace(String... segments) {
    return namespace(NamespacePath.of(segments), Map.of());
  }

  /** Removes a namespace and its tables. */
  public synchronized TckRemoteCatalog dropNamespace(NamespacePath path) {
    namespaces.remove(path);
    tables.remove(path);
    return this;
  }

  /** Adds or moves a table of {@code namespace} to {@code metadataLocation}. */
  public synchronized TckRemoteCatalog table(
      NamespacePath namespace, String name, String metadataLocation) {
    tables.computeIfAbsent(namespace, n -> new ConcurrentHashMap<>()).put(name, metadataLocation);
    return this;
  }

  /** Removes a table. */
  public synchronized TckRemoteCatalog dropTable(NamespacePath namespace, String name) {
    Map<String, String> inNamespace = tables.get(namespace);
    if (inNamespace != null) {
      inNamespace.remove(name);
    }
    return this;
  }

  /** Every listing fails with {@code error} until {@link #heal()}. */
  public TckRemoteCatalog failWith(RuntimeException error) {
    this.failure = Objects.requireNonNull(error, "error");
    return this;
  }

  /**
   * Listing the tables of {@code namespace} fails until {@link #heal()}: a remote that breaks
   * half-way through being read.
   */
  public TckRemoteCatalog failTablesOf(NamespacePath namespace) {
    this.failTablesOf = Objects.requireNonNull(namespace, "namespace");
    return this;
  }

  /**
   * The namespace listing returns {@code listing} as it is (nulls, duplicates and invalid paths
   * included) until {@link #heal()}: a remote that lists what the store cannot hold.
   */
  public TckRemoteCatalog listNamespacesAs(List<RemoteNamespace> listing) {
    this.rawNamespaces = new ArrayList<>(listing);
    return this;
  }

  /**
   * From now on the remote answers only a connector configuration whose credentials equal {@code
   * credentials}; any other is refused with an exception that quotes the credentials it was given,
   * as a careless connector's error would. {@link #heal()} does not end this.
   */
  public TckRemoteCatalog requireCredentials(Credentials credentials) {
    this.requiredCredentials = Objects.requireNonNull(credentials, "credentials");
    return this;
  }

  /** Runs {@code hook} each time a sync lists the tables of a namespace, before it answers. */
  public TckRemoteCatalog onListTables(Consumer<NamespacePath> hook) {
    this.onListTables = Objects.requireNonNull(hook, "hook");
    return this;
  }

  /** Ends every failure and hook set before. */
  public TckRemoteCatalog heal() {
    this.failure = null;
    this.failTablesOf = null;
    this.rawNamespaces = null;
    this.onListTables = namespace -> {};
    return this;
  }

  /** Forgets this remote; a sync of a catalog pointing at it fails as its connector does. */
  public void close() {
    REMOTES.remove(id);
  }

  @SuppressWarnings("unchecked")
  private synchronized List<RemoteNamespace> listNamespaces() {
    throwIfFailing();
    if (rawNamespaces != null) {
      return (List<RemoteNamespace>) (List<?>) new ArrayList<>(rawNamespaces);
    }
    List<RemoteNamespace> listing = new ArrayList<>();
    namespaces.forEach((path, properties) -> listing.add(new RemoteNamespace(path, properties)));
    return listing;
  }

  private List<RemoteTable> listTables(NamespacePath namespace) {
    onListTables.accept(namespace);
    synchronized (this) {
      throwIfFailing();
      if (namespace.equals(failTablesOf)) {
        throw new IllegalStateException("remote failed listing the tables of " + namespace);
      }
      List<RemoteTable> listing = new ArrayList<>();
      new TreeMap<>(tables.getOrDefault(namespace, Map.of()))
          .forEach((name, location) -> listing.add(new RemoteTable(name, location)));
      return listing;
    }
  }

  private void throwIfFailing() {
    RuntimeException error = failure;
    if (error != null) {
      throw error;
    }
  }

  private static final class Connector implements FederatedCatalogConnector {
    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public List<RemoteNamespace> listNamespaces(ConnectorConfig config) {
      return remote(config).listNamespaces();
    }

    @Override
    public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace) {
      return remote(config).listTables(namespace);
    }

    private static TckRemoteCatalog remote(ConnectorConfig config) {
      TckRemoteCatalog remote = REMOTES.get(config.options().get(REMOTE_OPTION));
      if (remote == null) {
        throw new IllegalStateException("no TCK remote catalog " + config.options());
      }
      Credentials required = remote.requiredCredentials;
      if (required != null && !required.equals(config.credentials())) {
        // Deliberately careless: the values quoted, so that the TCK sees whether a store repeats
        // a connector's words unredacted.
        throw new IllegalStateException(
            "remote refused the credentials "
                + (config.credentials() == null ? null : config.credentials().values()));
      }
      return remote;
    }
  }
}
