package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.Inputs.location;
import static dev.catalogstore.api.spi.Inputs.name;
import static dev.catalogstore.api.spi.Inputs.namespacePath;
import static dev.catalogstore.api.spi.Inputs.properties;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.warehouse.Credentials;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A remote catalog as a connector listed it, checked as a caller's input is, for {@link
 * MirrorPlan}: the namespaces listed (with their properties), the ancestors they imply, and each
 * namespace's tables. Read once per sync, before the store takes any lock.
 *
 * @param namespaces every namespace listed, by path, with its properties
 * @param implied the ancestors of listed namespaces that were not listed themselves
 * @param tables each namespace's tables (listed or implied), by name, with their metadata locations
 */
public record RemoteSnapshot(
    Map<NamespacePath, Map<String, String>> namespaces,
    List<NamespacePath> implied,
    Map<NamespacePath, Map<String, String>> tables) {
  /** Orders paths by depth, then segment by segment in code-point order: parents first. */
  public static final Comparator<NamespacePath> PARENTS_FIRST =
      Comparator.comparingInt(NamespacePath::depth)
          .thenComparing(NamespacePath::segments, CodePointOrder.SEQUENCES);

  public RemoteSnapshot {
    namespaces = Collections.unmodifiableMap(sortedParentsFirst(namespaces));
    implied = List.copyOf(implied);
    tables = Collections.unmodifiableMap(sortedParentsFirst(tables));
  }

  /**
   * Reads the remote catalog through {@code connector}: its namespaces, then the tables of each
   * namespace listed or implied.
   *
   * @throws UnavailableException (retryable) caused by what the connector threw, if it failed or
   *     returned no list. Its message quotes what the connector threw with every value of {@code
   *     config.credentials()} replaced ({@link Credentials#redactedIn}), since that message is
   *     recorded (in the sync's stats and its audit event) and may be logged; the cause is the
   *     connector's own throwable, as it threw it.
   * @throws InvalidArgumentException on a field under {@code remote} if the remote lists something
   *     the store cannot hold: an invalid path, name, property or location, or a namespace or table
   *     listed twice
   */
  public static RemoteSnapshot read(FederatedCatalogConnector connector, ConnectorConfig config) {
    List<RemoteNamespace> listed =
        call(connector, config, "listing namespaces", () -> connector.listNamespaces(config));
    Map<NamespacePath, Map<String, String>> namespaces = new TreeMap<>(PARENTS_FIRST);
    for (int i = 0; i < listed.size(); i++) {
      String field = "remote.namespaces[" + i + "]";
      RemoteNamespace namespace = Inputs.required(listed.get(i), field);
      NamespacePath path = namespacePath(namespace.path(), field + ".path");
      properties(namespace.properties(), field + ".properties");
      if (namespaces.put(path, namespace.properties()) != null) {
        throw new InvalidArgumentException(field + ".path", "lists " + path + " twice");
      }
    }
    TreeMap<NamespacePath, Boolean> all = new TreeMap<>(PARENTS_FIRST);
    for (NamespacePath path : namespaces.keySet()) {
      for (NamespacePath at = path; !at.isRoot(); at = at.parent()) {
        all.put(at, Boolean.TRUE);
      }
    }
    List<NamespacePath> implied =
        all.keySet().stream().filter(path -> !namespaces.containsKey(path)).toList();
    Map<NamespacePath, Map<String, String>> tables = new TreeMap<>(PARENTS_FIRST);
    for (NamespacePath namespace : all.keySet()) {
      List<RemoteTable> listedTables =
          call(
              connector,
              config,
              "listing the tables of " + namespace,
              () -> connector.listTables(config, namespace));
      Map<String, String> byName = new TreeMap<>(CodePointOrder.STRINGS);
      for (int j = 0; j < listedTables.size(); j++) {
        String field = "remote.tables[" + namespace + "][" + j + "]";
        RemoteTable table = Inputs.required(listedTables.get(j), field);
        String tableName = name(table.name(), field + ".name");
        String metadataLocation = location(table.metadataLocation(), field + ".metadataLocation");
        if (byName.put(tableName, metadataLocation) != null) {
          throw new InvalidArgumentException(
              field + ".name", "lists " + tableName + " in " + namespace + " twice");
        }
      }
      tables.put(namespace, Collections.unmodifiableMap(byName));
    }
    return new RemoteSnapshot(namespaces, implied, tables);
  }

  /** How many tables the remote lists, over every namespace. */
  public int tableCount() {
    return tables.values().stream().mapToInt(Map::size).sum();
  }

  private interface ConnectorCall<T> {
    T call() throws Exception;
  }

  private static <T> List<T> call(
      FederatedCatalogConnector connector,
      ConnectorConfig config,
      String what,
      ConnectorCall<List<T>> call) {
    List<T> result;
    try {
      result = call.call();
    } catch (Exception | LinkageError | AssertionError e) {
      // A connector may quote its credentials in what it throws (a URL with a token, a refused
      // key): the store's own message, which it records and reports, never does.
      Credentials credentials =
          config.credentials() == null ? Credentials.NONE : config.credentials();
      throw new UnavailableException(
          credentials.redactedIn("connector '" + connector.type() + "' failed " + what + ": " + e),
          e);
    }
    if (result == null) {
      throw new UnavailableException(
          "connector '" + connector.type() + "' returned no list " + what, null);
    }
    return result;
  }

  private static <V> Map<NamespacePath, V> sortedParentsFirst(Map<NamespacePath, V> byPath) {
    Map<NamespacePath, V> sorted = new TreeMap<>(PARENTS_FIRST);
    sorted.putAll(byPath);
    return sorted;
  }
}
