package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TimeSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code catalogs()} facet: its timestamps come from the store's clock, cut to
 * microseconds, for both kinds of catalog and every kind of change {@code catalogs().update} makes;
 * a refused update leaves them as they were (see {@link TimeSuite}; skipped without a controllable
 * clock).
 */
public abstract class CatalogTimeContract extends TimeSuite {
  private static final ConnectorConfig REST =
      new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example"));

  @Test
  void aCatalogIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    Catalog created = await(store().catalogs().create(tenant, NewCatalog.local("cat", "wh")));
    clock.advance(LATER);
    Catalog updated =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    "cat",
                    CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void everyKindOfUpdateOfAFederatedCatalogMovesUpdatedAtAndKeepsCreatedAt() {
    TenantId tenant = newTenant();
    Catalog created =
        await(
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.federated("remote", REST).withProperties(Map.of("k", "v"))));
    assertThat(created.createdAt()).isEqualTo(T0_MICROS);
    assertThat(created.updatedAt()).isEqualTo(T0_MICROS);
    CatalogUpdate[] updates = {
      CatalogUpdate.builder().connector(new ConnectorConfig("glue", Map.of())).build(),
      CatalogUpdate.builder().properties(PropertyUpdate.removing(Set.of("k"))).build(),
      CatalogUpdate.builder().build()
    };

    for (int i = 0; i < updates.length; i++) {
      clock.advance(LATER);
      Catalog updated = await(store().catalogs().update(tenant, "remote", updates[i]));

      assertThat(updated.createdAt()).as("createdAt after %s", updates[i]).isEqualTo(T0_MICROS);
      assertThat(updated.updatedAt())
          .as("updatedAt after %s", updates[i])
          .isEqualTo(T0_MICROS.plus(LATER.multipliedBy(i + 1)));
      assertThat(await(store().catalogs().get(tenant, "remote"))).contains(updated);
    }
  }

  @Test
  void aRefusedUpdateLeavesTheTimestampsAsTheyWere() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    Catalog local = await(store().catalogs().create(tenant, NewCatalog.local("cat", "wh")));
    Catalog remote = await(store().catalogs().create(tenant, NewCatalog.federated("remote", REST)));
    clock.advance(LATER);

    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .catalogs()
                .update(tenant, "cat", CatalogUpdate.builder().connector(REST).build()));
    assertFails(
        InvalidArgumentException.class,
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    "remote",
                    CatalogUpdate.builder()
                        .connector(REST)
                        .properties(PropertyUpdate.setting("k", "bad\u0000"))
                        .build()));

    assertThat(await(store().catalogs().get(tenant, "cat"))).contains(local);
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(remote);
  }
}
