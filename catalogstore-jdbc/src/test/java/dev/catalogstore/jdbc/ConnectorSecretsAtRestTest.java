package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A federated catalog's connector credentials at rest (migration V9's {@code
 * catalogs.connector_credentials}), kept as warehouse credentials are: the column holds only sealed
 * bytes, every read opens them, the connector gets them opened when a sync calls it, a sealed value
 * does not open in another catalog's row, and a store without a codec refuses them rather than
 * keeping them in plain text.
 */
class ConnectorSecretsAtRestTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("connector_secrets");
  private static final String TOKEN = "bearer-" + UUID.randomUUID();
  private static final String CLIENT_SECRET = "client-secret-" + UUID.randomUUID();
  private static final Credentials CREDENTIALS =
      Credentials.of(Map.of("token", TOKEN, "oauth-client-secret", CLIENT_SECRET));

  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA)
                .connectors(FederatedConnectors.of(TckRemoteCatalog.CONNECTOR))
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void theColumnHoldsNoPlainSecretAndEveryReadOpensIt() throws SQLException {
    TenantId tenant = newTenant();
    ConnectorConfig connector = connector().withCredentials(CREDENTIALS);
    store.catalogs().create(tenant, NewCatalog.federated("fed", connector)).join();

    byte[] stored = storedCredentials(tenant, "fed");
    assertThat(stored).as("the sealed column").isNotNull();
    assertNoPlainSecret(new String(stored, StandardCharsets.ISO_8859_1));
    assertNoPlainSecret(new String(stored, StandardCharsets.UTF_8));
    assertNoPlainSecret(rowAsText(tenant, "fed"));

    assertThat(connectorOf(store.catalogs().get(tenant, "fed").join().orElseThrow()))
        .isEqualTo(connector);
    assertThat(store.catalogs().list(tenant, PageRequest.firstPage()).join().items())
        .extracting(catalog -> connectorOf(catalog).credentials())
        .containsExactly(CREDENTIALS);
  }

  @Test
  void aNewConnectorIsSealedAgainAndOneWithoutCredentialsStoresNull() throws SQLException {
    TenantId tenant = newTenant();
    store
        .catalogs()
        .create(tenant, NewCatalog.federated("fed", connector().withCredentials(CREDENTIALS)))
        .join();
    byte[] first = storedCredentials(tenant, "fed");
    Credentials rotated = Credentials.of(Map.of("token", "rotated-" + TOKEN));

    store
        .catalogs()
        .update(
            tenant,
            "fed",
            CatalogUpdate.builder().connector(connector().withCredentials(rotated)).build())
        .join();

    byte[] second = storedCredentials(tenant, "fed");
    assertThat(second).isNotNull().isNotEqualTo(first);
    assertNoPlainSecret(new String(second, StandardCharsets.ISO_8859_1));
    assertThat(connectorOf(store.catalogs().get(tenant, "fed").join().orElseThrow()).credentials())
        .isEqualTo(rotated);

    store
        .catalogs()
        .update(tenant, "fed", CatalogUpdate.builder().connector(connector()).build())
        .join();
    assertThat(storedCredentials(tenant, "fed")).isNull();
  }

  @Test
  void aSyncHandsTheConnectorTheOpenedCredentials() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = TckRemoteCatalog.create().requireCredentials(CREDENTIALS);
    try {
      remote.namespace("a").table(NamespacePath.of("a"), "t", "s3://b/a/t/v1.metadata.json");
      store
          .catalogs()
          .create(tenant, NewCatalog.federated("fed", remote.config().withCredentials(CREDENTIALS)))
          .join();

      assertThat(store.federation().sync(tenant, "fed").join().succeeded()).isTrue();
    } finally {
      remote.close();
    }
  }

  @Test
  void aSealedValueCopiedIntoAnotherCatalogsRowDoesNotOpen() throws SQLException {
    TenantId tenant = newTenant();
    store
        .catalogs()
        .create(tenant, NewCatalog.federated("owner", connector().withCredentials(CREDENTIALS)))
        .join();
    store
        .catalogs()
        .create(
            tenant,
            NewCatalog.federated(
                "thief", connector().withCredentials(Credentials.of(Map.of("k", "v")))))
        .join();

    try (Connection connection = TestPostgres.connect();
        PreparedStatement copy =
            connection.prepareStatement(
                "UPDATE \""
                    + SCHEMA
                    + "\".catalogs SET connector_credentials = ? "
                    + "WHERE tenant_id = ? AND name = 'thief'")) {
      copy.setBytes(1, storedCredentials(tenant, "owner"));
      copy.setObject(2, tenant.value());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }

    assertThatThrownBy(() -> store.catalogs().get(tenant, "thief").join())
        .cause()
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("cannot be opened")
        .satisfies(e -> assertNoPlainSecret(e.toString()));
    assertThatThrownBy(() -> store.federation().sync(tenant, "thief").join())
        .cause()
        .isInstanceOf(PreconditionFailedException.class);
  }

  @Test
  void aStoreWithoutACodecRefusesConnectorCredentialsButServesConnectorsWithout() {
    try (JdbcCatalogStore noCodec =
        JdbcCatalogStore.open(TestPostgres.config(SCHEMA).secretCodec(null).build())) {
      TenantId tenant = newTenant();

      assertThatThrownBy(
              () ->
                  noCodec
                      .catalogs()
                      .create(
                          tenant,
                          NewCatalog.federated("fed", connector().withCredentials(CREDENTIALS)))
                      .join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("SecretCodec")
          .satisfies(e -> assertNoPlainSecret(e.toString()));
      assertThat(noCodec.catalogs().get(tenant, "fed").join()).isEmpty();

      noCodec.catalogs().create(tenant, NewCatalog.federated("plain", connector())).join();
      assertThatThrownBy(
              () ->
                  noCodec
                      .catalogs()
                      .update(
                          tenant,
                          "plain",
                          CatalogUpdate.builder()
                              .connector(connector().withCredentials(CREDENTIALS))
                              .build())
                      .join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class);
      assertThat(connectorOf(noCodec.catalogs().get(tenant, "plain").join().orElseThrow()))
          .isEqualTo(connector());

      store
          .catalogs()
          .create(tenant, NewCatalog.federated("sealed", connector().withCredentials(CREDENTIALS)))
          .join();
      assertThatThrownBy(() -> noCodec.catalogs().get(tenant, "sealed").join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  private static ConnectorConfig connector() {
    return new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example/api"));
  }

  private static ConnectorConfig connectorOf(Catalog catalog) {
    return ((CatalogSource.Federated) catalog.source()).connector();
  }

  private static TenantId newTenant() {
    return store
        .tenants()
        .create(NewTenant.named("connector-secrets-" + UUID.randomUUID()))
        .join()
        .id();
  }

  private static void assertNoPlainSecret(String text) {
    for (String secret : new String[] {TOKEN, CLIENT_SECRET, "oauth-client-secret"}) {
      assertThat(text).doesNotContain(secret);
    }
  }

  private static byte[] storedCredentials(TenantId tenant, String catalog) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT connector_credentials FROM \""
                    + SCHEMA
                    + "\".catalogs WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, catalog);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("catalog row").isTrue();
        return row.getBytes(1);
      }
    }
  }

  /** The whole row as PostgreSQL prints it, the column as escaped text: plain text would show. */
  private static String rowAsText(TenantId tenant, String catalog) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT c::text, encode(c.connector_credentials, 'escape') FROM \""
                    + SCHEMA
                    + "\".catalogs c WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, catalog);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1) + "\n" + row.getString(2);
      }
    }
  }
}
