package dev.catalogstore.api.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.RemoteSnapshot;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rule that keeps secrets out of plain options ({@link SecretOptions}), and the redaction that
 * keeps them out of what the contract's types print and what a connector's failure is reported as.
 */
class SecretOptionsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG";

  @Test
  void theListedKeysAndPrefixesAreSecretIgnoringCaseAndNothingElseIs() {
    for (String key :
        List.of(
            "s3.secret-access-key",
            "S3.SESSION-TOKEN",
            "s3.sse.key",
            "gcs.oauth2.token",
            "gcs.oauth2.refresh-token",
            "adls.sas-token.myaccount",
            "adls.auth.shared-key.account.key",
            "client.secret",
            "credential",
            "token",
            "password",
            "rest.auth.basic.password",
            "fs.s3a.secret.key",
            "fs.azure.account.key.acct.dfs.core.windows.net",
            "fs.azure.account.oauth2.client.secret",
            "fs.azure.account.oauth2.client.secret.acct.dfs.core.windows.net",
            "fs.gs.auth.client.secret",
            "fs.gs.auth.service.account.private.key",
            "jdbc.password",
            "Header.Authorization")) {
      assertThat(SecretOptions.isSecret(key)).as(key).isTrue();
    }
    for (String key :
        List.of(
            "s3.access-key-id",
            "s3.region",
            "s3.endpoint",
            "uri",
            "warehouse",
            "adls.auth.shared-key.account.name",
            "token-expires-at",
            "my.token",
            "fs.azure.account.oauth2.client.id",
            "jdbc.user",
            "header.x-iceberg-access-delegation")) {
      assertThat(SecretOptions.isSecret(key)).as(key).isFalse();
    }
    assertThat(SecretOptions.isSecret(null)).isFalse();
  }

  @Test
  void optionsPrintEverySecretValueRedacted() {
    Map<String, String> options = new LinkedHashMap<>();
    options.put("s3.region", "eu-west-1");
    options.put("s3.secret-access-key", SECRET);
    StorageConfig storage = new StorageConfig(StorageType.S3, "s3://b/w", options);
    ConnectorConfig connector =
        new ConnectorConfig("rest", Map.of("token", SECRET), Credentials.of(Map.of("k", SECRET)));

    assertThat(storage.toString())
        .contains("s3.region=eu-west-1", "s3.secret-access-key=<redacted>")
        .doesNotContain(SECRET);
    for (Object printed :
        List.of(
            connector,
            NewCatalog.federated("c", connector),
            CatalogUpdate.builder().connector(connector).build(),
            new NewWarehouse("w", storage, Credentials.of(Map.of("k", SECRET)), Map.of()),
            WarehouseUpdate.builder().storage(storage).build())) {
      assertThat(printed.toString()).as(printed.getClass().getSimpleName()).doesNotContain(SECRET);
    }
  }

  @Test
  void aSecretKeyIsRefusedOnTheOptionsFieldNamingTheKeyNotTheValue() {
    StorageConfig storage =
        new StorageConfig(StorageType.S3, "s3://b/w", Map.of("s3.session-token", SECRET));
    assertThatThrownBy(() -> Requests.newWarehouse(NewWarehouse.of("w", storage), "warehouse"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.field()).isEqualTo("warehouse.storage.options"))
        .hasMessageContaining("s3.session-token")
        .hasMessageNotContaining(SECRET);

    ConnectorConfig connector = new ConnectorConfig("rest", Map.of("credential", SECRET));
    assertThatThrownBy(() -> Requests.newCatalog(NewCatalog.federated("c", connector), "catalog"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.field()).isEqualTo("catalog.source.connector.options"))
        .hasMessageNotContaining(SECRET);

    ConnectorConfig noCredentials = new ConnectorConfig("rest", Map.of(), null);
    assertThatThrownBy(
            () -> Requests.newCatalog(NewCatalog.federated("c", noCredentials), "catalog"))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class,
            e -> assertThat(e.field()).isEqualTo("catalog.source.connector.credentials"));
  }

  @Test
  void redactionReplacesEveryValueLongestFirst() {
    Credentials credentials = Credentials.of(Map.of("a", "abc", "b", "abcdef", "empty", ""));

    assertThat(credentials.redactedIn("x abcdef y abc z")).isEqualTo("x <redacted> y <redacted> z");
    assertThat(credentials.redactedIn(null)).isNull();
    assertThat(Credentials.NONE.redactedIn("abc")).isEqualTo("abc");
  }

  @Test
  void aConnectorsFailureIsReportedWithItsCredentialsRedacted() {
    ConnectorConfig config =
        new ConnectorConfig("stub", Map.of(), Credentials.of(Map.of("token", SECRET)));
    FederatedCatalogConnector careless =
        new FederatedCatalogConnector() {
          @Override
          public String type() {
            return "stub";
          }

          @Override
          public List<RemoteNamespace> listNamespaces(ConnectorConfig given) {
            throw new IllegalStateException("401 for token " + given.credentials().values());
          }

          @Override
          public List<RemoteTable> listTables(ConnectorConfig given, NamespacePath namespace) {
            return List.of();
          }
        };

    assertThatThrownBy(() -> RemoteSnapshot.read(careless, config))
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("401 for token {token=<redacted>}")
        .hasMessageNotContaining(SECRET)
        .cause()
        .as("the connector's own throwable, as it threw it")
        .hasMessageContaining(SECRET);
  }
}
