package dev.catalogstore.tck.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckSuite;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A warehouse's secrets live in its credentials, the sealed slot, and nowhere else:
 *
 * <ul>
 *   <li>storage options hold no secret: a key {@link dev.catalogstore.api.common.SecretOptions}
 *       names (an S3 secret access key or session token, a GCS OAuth2 token, an ADLS SAS token or
 *       account key, a client secret) is refused on the options' field, naming the key and not the
 *       value, on create and on update, and nothing is written;
 *   <li>the credentials never appear in the message of a failure (a taken name, a missing tenant or
 *       warehouse, bad input), in an audit event, or in the {@code toString()} of anything a call
 *       returns.
 * </ul>
 *
 * <p>That they round-trip, opened on every read, is {@link WarehouseContract}'s rule; that a
 * persistent backend seals them at rest, and refuses them without a way to seal them, is the
 * backend's own test's to show.
 */
public abstract class WarehouseSecretsContract extends TckSuite {
  private static final List<String> SECRET_KEYS =
      List.of(
          "s3.secret-access-key",
          "s3.session-token",
          "gcs.oauth2.token",
          "adls.sas-token.account",
          "adls.auth.shared-key.account.key",
          "client.secret",
          "S3.Secret-Access-Key");

  private final String secret = "tck-secret-" + UUID.randomUUID();
  private final Credentials credentials =
      Credentials.of(Map.of("s3.access-key-id", "tck-key", "s3.secret-access-key", secret));
  private final StorageConfig storage =
      new StorageConfig(StorageType.S3, "s3://bucket/tck", Map.of("s3.region", "eu-west-1"));

  @Test
  void aSecretKeyInTheStorageOptionsIsRefusedByKeyAndWritesNothing() {
    TenantId tenant = newTenant();
    for (String key : SECRET_KEYS) {
      StorageConfig leaky =
          new StorageConfig(
              StorageType.S3, "s3://bucket/tck", Map.of("s3.region", "x", key, secret));

      CatalogStoreException refused =
          assertInvalid(
              "warehouse.storage.options",
              () ->
                  store()
                      .warehouses()
                      .create(tenant, new NewWarehouse("lake", leaky, Credentials.NONE, Map.of())));
      assertThat(refused.getMessage()).as("the refusal names the key").contains(key);
      assertNoSecretIn("the refusal of " + key, refused.toString());
      assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    }

    Warehouse before =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", storage, credentials, Map.of())));
    for (String key : SECRET_KEYS) {
      StorageConfig leaky =
          new StorageConfig(StorageType.S3, "s3://bucket/tck", Map.of(key, secret));
      CatalogStoreException refused =
          assertInvalid(
              "update.storage.options",
              () ->
                  store()
                      .warehouses()
                      .update(tenant, "lake", WarehouseUpdate.builder().storage(leaky).build()));
      assertNoSecretIn("the refusal of an update with " + key, refused.toString());
    }
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(before);
  }

  @Test
  void aRefusedCallNeverQuotesTheCredentials() {
    TenantId tenant = newTenant();
    NewWarehouse lake = new NewWarehouse("lake", storage, credentials, Map.of());
    await(store().warehouses().create(tenant, lake));
    WarehouseUpdate rotate =
        WarehouseUpdate.builder().credentials(Credentials.of(Map.of("k", secret))).build();

    List<CatalogStoreException> failures =
        List.of(
            assertFails(
                AlreadyExistsException.class, () -> store().warehouses().create(tenant, lake)),
            assertFails(
                NotFoundException.class,
                () -> store().warehouses().create(TenantId.random(), lake)),
            assertFails(
                NotFoundException.class,
                () -> store().warehouses().update(tenant, "missing", rotate)),
            assertInvalid(
                "warehouse.properties[bad]",
                () ->
                    store()
                        .warehouses()
                        .create(
                            tenant,
                            new NewWarehouse(
                                "other", storage, credentials, Map.of("bad", "\u0001")))),
            assertInvalid(
                "warehouse.credentials.values[k]",
                () ->
                    store()
                        .warehouses()
                        .create(
                            tenant,
                            new NewWarehouse(
                                "other",
                                storage,
                                Credentials.of(Map.of("k", secret + "\u0001")),
                                Map.of()))));

    for (CatalogStoreException failure : failures) {
      assertNoSecretIn("the failure " + failure.getClass().getSimpleName(), failure.toString());
    }
    assertThat(await(store().warehouses().get(tenant, "other"))).isEmpty();
  }

  @Test
  void nothingACallReturnsPrintsTheCredentialsAndNoAuditEventHoldsThem() {
    TenantId tenant = newTenant();

    Warehouse created =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", storage, credentials, Map.of())));
    Warehouse updated =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
                    WarehouseUpdate.builder()
                        .credentials(Credentials.of(Map.of("s3.secret-access-key", "2" + secret)))
                        .build()));

    assertNoSecretIn("the created warehouse", created.toString());
    assertNoSecretIn("the updated warehouse", updated.toString());
    assertNoSecretIn(
        "the warehouse read",
        await(store().warehouses().get(tenant, "lake")).orElseThrow().toString());
    assertNoSecretIn(
        "a page of warehouses",
        await(store().warehouses().list(tenant, PageRequest.firstPage())).toString());
    assertThat(created.storage()).as("the credentials are not in the options").isEqualTo(storage);
    for (AuditEvent event :
        PagedReads.all(page -> store().audit().list(tenant, AuditFilter.ALL, page))) {
      assertNoSecretIn("audit event " + event.action(), event.toString());
    }
  }

  private void assertNoSecretIn(String what, String text) {
    assertThat(text).as("%s must not quote a credential", what).doesNotContain(secret);
  }
}
