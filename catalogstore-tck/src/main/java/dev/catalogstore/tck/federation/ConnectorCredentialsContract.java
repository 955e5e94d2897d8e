package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.tck.PagedReads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A federated catalog's connector credentials: the sealed slot of {@link ConnectorConfig}, kept as
 * a warehouse's credentials are.
 *
 * <ul>
 *   <li>They round-trip: create, get and list return them as given (opened); a new connector
 *       replaces them whole, an update of anything else keeps them.
 *   <li>A sync hands them to the connector in plain form.
 *   <li>They never appear where a store writes words of its own: in the message of any failure (a
 *       taken name, a missing tenant, a connector for a {@code LOCAL} catalog, bad input, a
 *       connector that quotes them in what it throws), in a sync's recorded error, in an audit
 *       event, or in the {@code toString()} of anything a call returns.
 *   <li>Plain options hold no secret: a key {@link dev.catalogstore.api.common.SecretOptions} names
 *       is refused on the options' field, naming the key and not the value, and nothing is written.
 * </ul>
 *
 * <p>A persistent backend also seals them at rest and refuses them without a way to seal them; that
 * is its own test's to show (the PostgreSQL store's reads its raw column).
 */
public abstract class ConnectorCredentialsContract extends FederationSuite {
  private final String secret = "tck-secret-" + UUID.randomUUID();
  private final Credentials credentials =
      Credentials.of(Map.of("token", secret, "client-id", "tck-client"));

  private ConnectorConfig withCredentials(TckRemoteCatalog remote) {
    return remote.config().withCredentials(credentials);
  }

  @Test
  void everyReadReturnsTheCredentialsAsGiven() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();

    Catalog created = newFederatedCatalog(tenant, FED, withCredentials(remote));

    assertThat(connectorOf(created).credentials()).isEqualTo(credentials);
    assertThat(connectorOf(await(store().catalogs().get(tenant, FED)).orElseThrow()).credentials())
        .as("catalogs().get")
        .isEqualTo(credentials);
    assertThat(
            PagedReads.all(page -> store().catalogs().list(tenant, page)).stream()
                .map(catalog -> connectorOf(catalog).credentials())
                .toList())
        .as("catalogs().list")
        .containsExactly(credentials);
  }

  @Test
  void aNewConnectorReplacesTheCredentialsWholeAndAnyOtherUpdateKeepsThem() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();
    newFederatedCatalog(tenant, FED, withCredentials(remote));

    Catalog propertiesOnly =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    FED,
                    CatalogUpdate.builder()
                        .properties(PropertyUpdate.setting("owner", "tck"))
                        .build()));
    assertThat(connectorOf(propertiesOnly).credentials())
        .as("after an update of the properties only")
        .isEqualTo(credentials);

    Credentials rotated = Credentials.of(Map.of("token", "rotated-" + secret));
    Catalog replaced =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    FED,
                    CatalogUpdate.builder()
                        .connector(remote.config().withCredentials(rotated))
                        .build()));
    assertThat(connectorOf(replaced).credentials()).isEqualTo(rotated);
    assertThat(connectorOf(await(store().catalogs().get(tenant, FED)).orElseThrow()).credentials())
        .as("read back after the connector was replaced")
        .isEqualTo(rotated);

    Catalog without =
        await(
            store()
                .catalogs()
                .update(tenant, FED, CatalogUpdate.builder().connector(remote.config()).build()));
    assertThat(connectorOf(without).credentials())
        .as("a connector given without credentials has none")
        .isEqualTo(Credentials.NONE);
    assertThat(connectorOf(await(store().catalogs().get(tenant, FED)).orElseThrow()).credentials())
        .isEqualTo(Credentials.NONE);
  }

  @Test
  void aSyncHandsTheConnectorItsCredentials() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote().requireCredentials(credentials);
    remote.namespace("a").table(NamespacePath.of("a"), "t", loc("t", 1));
    newFederatedCatalog(tenant, FED, withCredentials(remote));

    SyncStats stats = sync(tenant, FED);

    assertThat(stats.succeeded())
        .as("a sync whose remote accepts only the catalog's credentials: %s", stats)
        .isTrue();
    assertThat(mirror(tenant, FED).tables()).containsKey(key(NamespacePath.of("a"), "t"));
  }

  @Test
  void aFailedSyncNeverQuotesTheCredentialsTheConnectorQuoted() {
    TenantId tenant = newTenant();
    // The remote wants other credentials, and quotes the ones it was given when it refuses them.
    TckRemoteCatalog remote =
        newRemote().requireCredentials(Credentials.of(Map.of("token", "another")));
    newFederatedCatalog(tenant, FED, withCredentials(remote));

    UnavailableException failure =
        assertFails(UnavailableException.class, () -> store().federation().sync(tenant, FED));

    assertNoSecretIn("the sync's failure", failure.toString());
    SyncStats stats = stats(tenant, FED).orElseThrow();
    assertFailed(stats);
    assertNoSecretIn("the sync's recorded error", stats.error().orElseThrow());
    assertNoSecretIn("the stats", stats.toString());
    assertNoAuditEventHoldsTheSecret(tenant);
  }

  @Test
  void noAuditEventOfASyncHoldsTheCredentials() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote().requireCredentials(credentials);
    remote.namespace("a");
    newFederatedCatalog(tenant, FED, withCredentials(remote));

    assertThat(sync(tenant, FED).succeeded()).isTrue();
    await(
        store()
            .catalogs()
            .update(
                tenant, FED, CatalogUpdate.builder().connector(withCredentials(remote)).build()));
    assertThat(sync(tenant, FED).succeeded()).isTrue();

    assertNoAuditEventHoldsTheSecret(tenant);
  }

  @Test
  void aRefusedCallNeverQuotesTheCredentials() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();
    ConnectorConfig connector = withCredentials(remote);
    newFederatedCatalog(tenant, FED, connector);
    newWarehouse(tenant, "lake");
    await(store().catalogs().create(tenant, NewCatalog.local("local", "lake")));

    List<CatalogStoreException> failures =
        List.of(
            assertFails(
                AlreadyExistsException.class,
                () -> store().catalogs().create(tenant, NewCatalog.federated(FED, connector))),
            assertFails(
                NotFoundException.class,
                () ->
                    store()
                        .catalogs()
                        .create(TenantId.random(), NewCatalog.federated(FED, connector))),
            assertFails(
                NotFoundException.class,
                () ->
                    store()
                        .catalogs()
                        .update(
                            tenant,
                            "missing",
                            CatalogUpdate.builder().connector(connector).build())),
            assertFails(
                PreconditionFailedException.class,
                () ->
                    store()
                        .catalogs()
                        .update(
                            tenant, "local", CatalogUpdate.builder().connector(connector).build())),
            assertInvalid(
                "catalog.properties[bad]",
                () ->
                    store()
                        .catalogs()
                        .create(
                            tenant,
                            NewCatalog.federated("other", connector)
                                .withProperties(Map.of("bad", "\u0001")))),
            // A credential the store cannot hold: the message names its field, never its value.
            assertInvalid(
                "catalog.source.connector.credentials.values[token]",
                () ->
                    store()
                        .catalogs()
                        .create(
                            tenant,
                            NewCatalog.federated(
                                "other",
                                remote
                                    .config()
                                    .withCredentials(
                                        Credentials.of(Map.of("token", secret + "\u0001")))))));

    for (CatalogStoreException failure : failures) {
      assertNoSecretIn("the failure " + failure.getClass().getSimpleName(), failure.toString());
    }
    assertThat(await(store().catalogs().get(tenant, "other"))).isEmpty();
  }

  @Test
  void aSecretKeyInTheConnectorsOptionsIsRefusedByKeyAndWritesNothing() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();
    for (String key : List.of("token", "credential", "client.secret", "s3.secret-access-key")) {
      Map<String, String> options = new HashMap<>(remote.config().options());
      options.put(key, secret);
      ConnectorConfig leaky = new ConnectorConfig(TckRemoteCatalog.TYPE, options);

      CatalogStoreException onCreate =
          assertInvalid(
              "catalog.source.connector.options",
              () -> store().catalogs().create(tenant, NewCatalog.federated(FED, leaky)));
      assertThat(onCreate.getMessage()).as("the refusal names the key").contains(key);
      assertNoSecretIn("the refusal of " + key, onCreate.toString());
      assertThat(await(store().catalogs().get(tenant, FED))).isEmpty();
    }

    newFederatedCatalog(tenant, FED, remote.config());
    Map<String, String> options = new HashMap<>(remote.config().options());
    options.put("token", secret);
    CatalogStoreException onUpdate =
        assertInvalid(
            "update.connector.options",
            () ->
                store()
                    .catalogs()
                    .update(
                        tenant,
                        FED,
                        CatalogUpdate.builder()
                            .connector(new ConnectorConfig(TckRemoteCatalog.TYPE, options))
                            .build()));
    assertNoSecretIn("the refusal of an update", onUpdate.toString());
    assertThat(connectorOf(await(store().catalogs().get(tenant, FED)).orElseThrow()))
        .isEqualTo(remote.config());
  }

  @Test
  void nothingACallReturnsPrintsTheCredentials() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();

    Catalog created = newFederatedCatalog(tenant, FED, withCredentials(remote));
    Catalog updated =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    FED,
                    CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertNoSecretIn("the created catalog", created.toString());
    assertNoSecretIn("the updated catalog", updated.toString());
    assertNoSecretIn(
        "the catalog read", await(store().catalogs().get(tenant, FED)).orElseThrow().toString());
    assertNoSecretIn(
        "a page of catalogs",
        await(store().catalogs().list(tenant, PageRequest.firstPage())).toString());
    assertThat(connectorOf(created).options())
        .as("the credentials are not in the options")
        .isEqualTo(remote.config().options());
  }

  private void assertNoAuditEventHoldsTheSecret(TenantId tenant) {
    List<AuditEvent> events =
        PagedReads.all(page -> store().audit().list(tenant, AuditFilter.ALL, page));
    assertThat(events).as("the tenant's audit events").isNotEmpty();
    for (AuditEvent event : events) {
      assertNoSecretIn("audit event " + event.action(), event.toString());
    }
  }

  private void assertNoSecretIn(String what, String text) {
    assertThat(text).as("%s must not quote a credential", what).doesNotContain(secret);
  }

  private static ConnectorConfig connectorOf(Catalog catalog) {
    assertThat(catalog.source()).isInstanceOf(CatalogSource.Federated.class);
    return ((CatalogSource.Federated) catalog.source()).connector();
  }
}
