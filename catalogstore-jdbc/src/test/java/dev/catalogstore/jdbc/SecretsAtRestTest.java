package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import dev.catalogstore.jdbc.secret.SecretCodec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Warehouse credentials at rest: the database holds only sealed bytes, every read opens them, a
 * sealed value does not open in another tenant's row, and a store without a codec refuses to store
 * credentials rather than keeping them in plain text.
 */
class SecretsAtRestTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("secrets");
  private static final String ACCESS_KEY = "AKIA-" + UUID.randomUUID();
  private static final String SECRET_KEY = "wJalrXUtnFEMI-" + UUID.randomUUID();
  private static final Credentials CREDENTIALS =
      Credentials.of(Map.of("access-key-id", ACCESS_KEY, "secret-access-key", SECRET_KEY));
  private static final StorageConfig STORAGE =
      StorageConfig.of(StorageType.S3, "s3://bucket/warehouse");

  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void theTableHoldsNoPlainSecretAndEveryReadOpensIt() throws SQLException {
    TenantId tenant = newTenant();
    store
        .warehouses()
        .create(tenant, new NewWarehouse("lake", STORAGE, CREDENTIALS, Map.of()))
        .join();

    byte[] stored = storedCredentials(tenant, "lake");
    assertThat(stored).isNotNull();
    assertNoPlainSecret(stored);
    assertThat(rowAsText(tenant, "lake"))
        .doesNotContain(ACCESS_KEY)
        .doesNotContain(SECRET_KEY)
        .doesNotContain("secret-access-key");

    assertThat(store.warehouses().get(tenant, "lake").join().orElseThrow().credentials())
        .isEqualTo(CREDENTIALS);
    assertThat(
            store
                .warehouses()
                .list(tenant, dev.catalogstore.api.paging.PageRequest.firstPage())
                .join()
                .items())
        .extracting(Warehouse::credentials)
        .containsExactly(CREDENTIALS);
  }

  @Test
  void replacedCredentialsAreSealedAgain() throws SQLException {
    TenantId tenant = newTenant();
    store
        .warehouses()
        .create(tenant, new NewWarehouse("lake", STORAGE, CREDENTIALS, Map.of()))
        .join();
    Credentials rotated = Credentials.of(Map.of("secret-access-key", "rotated-" + SECRET_KEY));

    Warehouse updated =
        store
            .warehouses()
            .update(tenant, "lake", WarehouseUpdate.builder().credentials(rotated).build())
            .join();

    assertThat(updated.credentials()).isEqualTo(rotated);
    assertNoPlainSecret(storedCredentials(tenant, "lake"));
    assertThat(store.warehouses().get(tenant, "lake").join().orElseThrow().credentials())
        .isEqualTo(rotated);
  }

  @Test
  void aWarehouseWithoutCredentialsStoresNone() throws SQLException {
    TenantId tenant = newTenant();
    store.warehouses().create(tenant, NewWarehouse.of("plain", STORAGE)).join();

    assertThat(storedCredentials(tenant, "plain")).isNull();
    assertThat(store.warehouses().get(tenant, "plain").join().orElseThrow().credentials())
        .isEqualTo(Credentials.NONE);
  }

  @Test
  void aSealedValueCopiedIntoAnotherTenantsRowDoesNotOpen() throws SQLException {
    TenantId owner = newTenant();
    TenantId thief = newTenant();
    store
        .warehouses()
        .create(owner, new NewWarehouse("lake", STORAGE, CREDENTIALS, Map.of()))
        .join();
    store
        .warehouses()
        .create(
            thief, new NewWarehouse("lake", STORAGE, Credentials.of(Map.of("k", "v")), Map.of()))
        .join();

    try (Connection connection = TestPostgres.connect();
        PreparedStatement copy =
            connection.prepareStatement(
                "UPDATE \""
                    + SCHEMA
                    + "\".warehouses SET credentials = ? "
                    + "WHERE tenant_id = ? AND name = 'lake'")) {
      copy.setBytes(1, storedCredentials(owner, "lake"));
      copy.setObject(2, thief.value());
      assertThat(copy.executeUpdate()).isEqualTo(1);
    }

    assertThatThrownBy(() -> store.warehouses().get(thief, "lake").join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("cannot be opened");
  }

  @Test
  void aStoreWithoutACodecRefusesCredentialsButServesWarehousesWithout() {
    try (JdbcCatalogStore noCodec =
        JdbcCatalogStore.open(TestPostgres.config(SCHEMA).secretCodec(null).build())) {
      TenantId tenant = newTenant();

      assertThatThrownBy(
              () ->
                  noCodec
                      .warehouses()
                      .create(tenant, new NewWarehouse("lake", STORAGE, CREDENTIALS, Map.of()))
                      .join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("SecretCodec");
      assertThat(noCodec.warehouses().get(tenant, "lake").join()).isEmpty();

      noCodec.warehouses().create(tenant, NewWarehouse.of("plain", STORAGE)).join();
      assertThat(noCodec.warehouses().get(tenant, "plain").join()).isPresent();

      store
          .warehouses()
          .create(tenant, new NewWarehouse("sealed", STORAGE, CREDENTIALS, Map.of()))
          .join();
      assertThatThrownBy(() -> noCodec.warehouses().get(tenant, "sealed").join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  @Test
  void aStoreWithAnotherKeyCannotOpenTheCredentials() {
    TenantId tenant = newTenant();
    store
        .warehouses()
        .create(tenant, new NewWarehouse("lake", STORAGE, CREDENTIALS, Map.of()))
        .join();
    byte[] otherKey = new byte[32];
    Arrays.fill(otherKey, (byte) 42);

    try (JdbcCatalogStore otherKeyStore =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA).secretCodec(AesGcmSecretCodec.of(2, otherKey)).build())) {
      assertThatThrownBy(() -> otherKeyStore.warehouses().get(tenant, "lake").join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining("key id 1");
    }
  }

  @Test
  void thePlaintextTestingCodecIsVisiblyPlainInTheTable() throws SQLException {
    try (JdbcCatalogStore plain =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA).secretCodec(SecretCodec.plaintextForTesting()).build())) {
      TenantId tenant = newTenant();
      plain
          .warehouses()
          .create(tenant, new NewWarehouse("demo", STORAGE, CREDENTIALS, Map.of()))
          .join();

      byte[] stored = storedCredentials(tenant, "demo");
      assertThat(stored[0]).as("the plain-text format byte").isZero();
      assertThat(new String(stored, 1, stored.length - 1, StandardCharsets.UTF_8))
          .contains(SECRET_KEY);
      assertThatThrownBy(() -> store.warehouses().get(tenant, "demo").join())
          .cause()
          .isInstanceOf(PreconditionFailedException.class);
    }
  }

  private static TenantId newTenant() {
    return store.tenants().create(NewTenant.named("secrets-" + UUID.randomUUID())).join().id();
  }

  private static void assertNoPlainSecret(byte[] stored) {
    String asLatin1 = new String(stored, StandardCharsets.ISO_8859_1);
    String asUtf8 = new String(stored, StandardCharsets.UTF_8);
    for (String secret : new String[] {ACCESS_KEY, SECRET_KEY, "secret-access-key"}) {
      assertThat(asLatin1).doesNotContain(secret);
      assertThat(asUtf8).doesNotContain(secret);
    }
  }

  private static byte[] storedCredentials(TenantId tenant, String warehouse) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT credentials FROM \""
                    + SCHEMA
                    + "\".warehouses "
                    + "WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, warehouse);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).as("warehouse row").isTrue();
        return row.getBytes(1);
      }
    }
  }

  /** The whole row as PostgreSQL prints it, bytea as hex: any plain text would show here. */
  private static String rowAsText(TenantId tenant, String warehouse) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT w::text, encode(w.credentials, 'escape') FROM \""
                    + SCHEMA
                    + "\".warehouses w "
                    + "WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, warehouse);
      try (ResultSet row = query.executeQuery()) {
        assertThat(row.next()).isTrue();
        return row.getString(1) + "\n" + row.getString(2);
      }
    }
  }
}
