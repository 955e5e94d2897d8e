package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.SecretOptions;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.Warehouses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Broken stores whose defect lets a secret out of its sealed slot, or loses it: connector
 * credentials dropped, kept among the plain options, quoted in an error or an audit event, or never
 * handed to the connector; warehouse credentials quoted in an error or an audit event, and secret
 * storage options accepted into plain text.
 */
final class SecretBrokenStores {
  private SecretBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        droppingConnectorCredentials(),
        keepingConnectorCredentialsInOptions(),
        quotingConnectorCredentialsInAnError(),
        auditingTheConnector(),
        quotingConnectorCredentialsInASyncFailure(),
        syncingWithoutCredentials(),
        acceptingSecretStorageOptions(),
        quotingWarehouseCredentialsInAnError(),
        auditingWarehouseCredentials());
  }

  /** An {@code INSERT} of a federated catalog that forgets the new credentials column. */
  static BrokenStore droppingConnectorCredentials() {
    return new BrokenStore(
        "connector-credentials-dropped",
        "catalogs.create stores a federated catalog's connector without its credentials",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace(
                        "create",
                        2,
                        call -> {
                          NewCatalog catalog = call.arg(1, NewCatalog.class);
                          ConnectorConfig connector = connectorOf(catalog);
                          if (connector == null) {
                            return call.proceed();
                          }
                          return call.proceed(
                              call.arg(0, Object.class),
                              federated(catalog, connector.withCredentials(Credentials.NONE)));
                        })
                    .build()),
        List.of(
            test("ConnectorCredentials", "everyReadReturnsTheCredentialsAsGiven"),
            test("ConnectorCredentials", "aSyncHandsTheConnectorItsCredentials")));
  }

  /**
   * A backend without a sealed slot that keeps the credentials with the options, under a prefix the
   * secret-key rule does not name.
   */
  static BrokenStore keepingConnectorCredentialsInOptions() {
    return new BrokenStore(
        "connector-credentials-in-options",
        "catalogs.create keeps a connector's credentials among its plain options",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace(
                        "create",
                        2,
                        call -> {
                          NewCatalog catalog = call.arg(1, NewCatalog.class);
                          ConnectorConfig connector = connectorOf(catalog);
                          if (connector == null
                              || connector.credentials() == null
                              || connector.options() == null) {
                            return call.proceed();
                          }
                          Map<String, String> options = new LinkedHashMap<>(connector.options());
                          connector
                              .credentials()
                              .values()
                              .forEach((key, value) -> options.put("secret." + key, value));
                          return call.proceed(
                              call.arg(0, Object.class),
                              federated(
                                  catalog,
                                  new ConnectorConfig(connector.connectorType(), options)));
                        })
                    .build()),
        List.of(
            test("ConnectorCredentials", "everyReadReturnsTheCredentialsAsGiven"),
            test("ConnectorCredentials", "nothingACallReturnsPrintsTheCredentials")));
  }

  /** A taken name reported with the whole request, secrets included, for the operator's sake. */
  static BrokenStore quotingConnectorCredentialsInAnError() {
    return new BrokenStore(
        "connector-credentials-in-error",
        "catalogs.create reports a taken name quoting the connector's credentials",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace(
                        "create",
                        2,
                        call -> {
                          NewCatalog catalog = call.arg(1, NewCatalog.class);
                          return TenantBrokenStores.<Catalog>proceed(call)
                              .exceptionallyCompose(
                                  failure ->
                                      failedFuture(
                                          unwrap(failure) instanceof AlreadyExistsException
                                                  && connectorOf(catalog) != null
                                              ? new AlreadyExistsException(
                                                  "catalog '"
                                                      + catalog.name()
                                                      + "' already exists (connector "
                                                      + connectorOf(catalog).credentials().values()
                                                      + ")")
                                              : unwrap(failure)));
                        })
                    .build()),
        List.of(test("ConnectorCredentials", "aRefusedCallNeverQuotesTheCredentials")));
  }

  /** Each sync audited with the connector it used, secrets included. */
  static BrokenStore auditingTheConnector() {
    return new BrokenStore(
        "sync-audits-connector",
        "federation.sync records the connector's options and credentials in an audit event",
        facets -> {
          Catalogs catalogs = facets.catalogs();
          AuditLog audit = facets.audit();
          return facets.withFederation(
              Intercept.facet(Federation.class, facets.federation())
                  .replace(
                      "sync",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return TenantBrokenStores.proceed(call)
                            .handle(
                                (stats, failure) ->
                                    catalogs
                                        .get(tenant, name)
                                        .thenCompose(
                                            found -> {
                                              ConnectorConfig connector =
                                                  found
                                                      .map(c -> connectorOf(c.source()))
                                                      .orElse(null);
                                              if (connector == null) {
                                                return completedFuture(null);
                                              }
                                              Map<String, String> details =
                                                  new LinkedHashMap<>(connector.options());
                                              details.putAll(connector.credentials().values());
                                              return audit.append(
                                                  tenant,
                                                  NewAuditEvent.builder(
                                                          AuditActor.SYSTEM,
                                                          "federation.connector",
                                                          "catalog",
                                                          AuditResult.SUCCESS)
                                                      .resourceName(name)
                                                      .details(details)
                                                      .build());
                                            })
                                        .handle((appended, ignored) -> null)
                                        .thenCompose(
                                            done ->
                                                failure == null
                                                    ? completedFuture(stats)
                                                    : failedFuture(unwrap(failure))))
                            .thenCompose(result -> result);
                      })
                  .build());
        },
        List.of(test("ConnectorCredentials", "noAuditEventOfASyncHoldsTheCredentials")));
  }

  /** A connector's failure reported with the credentials the sync used, to help debugging. */
  static BrokenStore quotingConnectorCredentialsInASyncFailure() {
    return new BrokenStore(
        "sync-failure-quotes-credentials",
        "federation.sync reports a connector's failure quoting the credentials it used",
        facets -> {
          Catalogs catalogs = facets.catalogs();
          return facets.withFederation(
              Intercept.facet(Federation.class, facets.federation())
                  .replace(
                      "sync",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return TenantBrokenStores.proceed(call)
                            .exceptionallyCompose(
                                failure ->
                                    !(unwrap(failure) instanceof UnavailableException unavailable)
                                        ? failedFuture(unwrap(failure))
                                        : catalogs
                                            .get(tenant, name)
                                            .thenCompose(
                                                found ->
                                                    failedFuture(
                                                        new UnavailableException(
                                                            unavailable.getMessage()
                                                                + " (credentials "
                                                                + found
                                                                    .map(
                                                                        c ->
                                                                            connectorOf(c.source())
                                                                                .credentials()
                                                                                .values())
                                                                    .orElse(Map.of())
                                                                + ")",
                                                            unavailable.getCause()))));
                      })
                  .build());
        },
        List.of(
            test(
                "ConnectorCredentials", "aFailedSyncNeverQuotesTheCredentialsTheConnectorQuoted")));
  }

  /**
   * A backend that rebuilds the connector's configuration from its type and options alone, as the
   * PostgreSQL store's sync did before connectors had credentials.
   */
  static BrokenStore syncingWithoutCredentials() {
    return new BrokenStore(
        "sync-without-credentials",
        "federation.sync hands the connector its options but not its credentials",
        facets -> facets,
        List.of(test("ConnectorCredentials", "aSyncHandsTheConnectorItsCredentials")),
        SecretBrokenStores::withoutCredentials);
  }

  /** A backend that never applies the secret-key rule to storage options. */
  static BrokenStore acceptingSecretStorageOptions() {
    return new BrokenStore(
        "secret-storage-options-accepted",
        "warehouses.create stores a secret storage option in plain text instead of refusing it",
        facets -> {
          Warehouses honest = facets.warehouses();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, honest)
                  .replace(
                      "create",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        NewWarehouse warehouse = call.arg(1, NewWarehouse.class);
                        if (warehouse == null
                            || warehouse.storage() == null
                            || warehouse.storage().options() == null
                            || warehouse.storage().options().keySet().stream()
                                .noneMatch(SecretOptions::isSecret)) {
                          return call.proceed();
                        }
                        // The honest store would refuse: write what it accepts, report the rest
                        // as stored, as a store without the rule would.
                        Map<String, String> plain = new LinkedHashMap<>();
                        warehouse
                            .storage()
                            .options()
                            .forEach(
                                (key, value) -> {
                                  if (!SecretOptions.isSecret(key)) {
                                    plain.put(key, value);
                                  }
                                });
                        StorageConfig accepted =
                            new StorageConfig(
                                warehouse.storage().type(),
                                warehouse.storage().rootLocation(),
                                plain);
                        return honest
                            .create(
                                tenant,
                                new NewWarehouse(
                                    warehouse.name(),
                                    accepted,
                                    warehouse.credentials(),
                                    warehouse.properties()))
                            .thenApply(
                                created ->
                                    new Warehouse(
                                        created.id(),
                                        created.name(),
                                        warehouse.storage(),
                                        created.credentials(),
                                        created.properties(),
                                        created.createdAt(),
                                        created.updatedAt()));
                      })
                  .build());
        },
        List.of(
            test(
                "WarehouseSecrets",
                "aSecretKeyInTheStorageOptionsIsRefusedByKeyAndWritesNothing")));
  }

  /** A taken warehouse name reported with the whole request, secrets included. */
  static BrokenStore quotingWarehouseCredentialsInAnError() {
    return new BrokenStore(
        "warehouse-credentials-in-error",
        "warehouses.create reports a taken name quoting the warehouse's credentials",
        facets ->
            facets.withWarehouses(
                Intercept.facet(Warehouses.class, facets.warehouses())
                    .replace(
                        "create",
                        2,
                        call -> {
                          NewWarehouse warehouse = call.arg(1, NewWarehouse.class);
                          return TenantBrokenStores.<Warehouse>proceed(call)
                              .exceptionallyCompose(
                                  failure ->
                                      failedFuture(
                                          unwrap(failure) instanceof AlreadyExistsException
                                              ? new AlreadyExistsException(
                                                  "warehouse '"
                                                      + warehouse.name()
                                                      + "' already exists with credentials "
                                                      + warehouse.credentials().values())
                                              : unwrap(failure)));
                        })
                    .build()),
        List.of(test("WarehouseSecrets", "aRefusedCallNeverQuotesTheCredentials")));
  }

  /** Each warehouse creation audited with the whole request, secrets included. */
  static BrokenStore auditingWarehouseCredentials() {
    return new BrokenStore(
        "warehouse-create-audits-credentials",
        "warehouses.create records the warehouse's credentials in an audit event",
        facets -> {
          AuditLog audit = facets.audit();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, facets.warehouses())
                  .replace(
                      "create",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        return TenantBrokenStores.<Warehouse>proceed(call)
                            .thenCompose(
                                created ->
                                    audit
                                        .append(
                                            tenant,
                                            NewAuditEvent.builder(
                                                    AuditActor.SYSTEM,
                                                    "warehouse.create",
                                                    "warehouse",
                                                    AuditResult.SUCCESS)
                                                .resourceName(created.name())
                                                .details(created.credentials().values())
                                                .build())
                                        .thenApply(event -> created));
                      })
                  .build());
        },
        List.of(
            test(
                "WarehouseSecrets",
                "nothingACallReturnsPrintsTheCredentialsAndNoAuditEventHoldsThem")));
  }

  private static FederatedCatalogConnector withoutCredentials(FederatedCatalogConnector honest) {
    return new FederatedCatalogConnector() {
      @Override
      public String type() {
        return honest.type();
      }

      @Override
      public List<RemoteNamespace> listNamespaces(ConnectorConfig config) throws Exception {
        return honest.listNamespaces(stripped(config));
      }

      @Override
      public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace)
          throws Exception {
        return honest.listTables(stripped(config), namespace);
      }

      private ConnectorConfig stripped(ConnectorConfig config) {
        return new ConnectorConfig(config.connectorType(), config.options());
      }
    };
  }

  private static ConnectorConfig connectorOf(NewCatalog catalog) {
    return catalog == null ? null : connectorOf(catalog.source());
  }

  private static ConnectorConfig connectorOf(CatalogSource source) {
    return source instanceof CatalogSource.Federated federated ? federated.connector() : null;
  }

  private static NewCatalog federated(NewCatalog catalog, ConnectorConfig connector) {
    return new NewCatalog(
        catalog.name(), new CatalogSource.Federated(connector), catalog.properties());
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private static <T> CompletableFuture<T> failedFuture(Throwable failure) {
    return CompletableFuture.failedFuture(failure);
  }
}
