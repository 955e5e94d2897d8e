package dev.catalogstore.api.federation;

import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.List;

/**
 * Reads a remote catalog for {@link Federation#sync}: the plug-in point of federation. A connector
 * serves every federated catalog whose {@link ConnectorConfig#connectorType()} is its {@link
 * #type()}; it is registered with the store when the store is built ({@link FederatedConnectors}).
 *
 * <p>A connector may block (it usually calls a remote service): the store calls it on a thread of
 * its own, never the caller's, and never while it holds a lock or a database connection. It may
 * throw anything; the store records the failure and reports it, and the mirror is left as it was.
 * It is called by several syncs at once, for different catalogs and tenants, so it must be
 * thread-safe.
 */
public interface FederatedCatalogConnector {
  /** The connector type it serves, for example {@code "iceberg-rest"}. */
  String type();

  /**
   * Every namespace of the remote catalog, at any depth. A namespace's ancestors need not be
   * listed: the mirror holds them anyway, as the store's namespaces always have their parents.
   *
   * @param config the federated catalog's connector settings
   */
  List<RemoteNamespace> listNamespaces(ConnectorConfig config) throws Exception;

  /**
   * The tables directly in {@code namespace}, one of those {@link #listNamespaces} returned (or an
   * ancestor of one).
   *
   * @param config the federated catalog's connector settings
   * @param namespace the namespace to list
   */
  List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace) throws Exception;
}
