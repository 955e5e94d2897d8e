package dev.catalogstore.tck.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.TimeSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code warehouses()} facet: its timestamps come from the store's clock, cut to
 * microseconds, for every kind of change {@code warehouses().update} makes; a refused update or
 * deletion leaves them as they were (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class WarehouseTimeContract extends TimeSuite {
  @Test
  void aWarehouseIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    Warehouse created =
        await(store().warehouses().create(tenant, NewWarehouse.of("wh", fileStorage("wh"))));
    clock.advance(LATER);
    Warehouse updated =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "wh",
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.setting("k", "v"))
                        .build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void everyKindOfUpdateMovesUpdatedAtAndKeepsCreatedAt() {
    TenantId tenant = newTenant();
    Warehouse created =
        await(
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse("wh", fileStorage("wh"), Credentials.NONE, Map.of("k", "v"))));
    WarehouseUpdate[] updates = {
      WarehouseUpdate.builder().storage(fileStorage("moved")).build(),
      WarehouseUpdate.builder().credentials(Credentials.of(Map.of("key", "rotated"))).build(),
      WarehouseUpdate.builder().properties(PropertyUpdate.removing(Set.of("k"))).build(),
      WarehouseUpdate.builder().build()
    };

    for (int i = 0; i < updates.length; i++) {
      clock.advance(LATER);
      Warehouse updated = await(store().warehouses().update(tenant, "wh", updates[i]));

      assertThat(updated.createdAt()).as("createdAt after %s", updates[i]).isEqualTo(T0_MICROS);
      assertThat(updated.updatedAt())
          .as("updatedAt after %s", updates[i])
          .isEqualTo(T0_MICROS.plus(LATER.multipliedBy(i + 1)));
      assertThat(await(store().warehouses().get(tenant, "wh"))).contains(updated);
    }
    assertThat(created.updatedAt()).isEqualTo(T0_MICROS);
  }

  @Test
  void aRefusedUpdateOrDeletionLeavesTheTimestampsAsTheyWere() {
    TenantId tenant = newTenant();
    Warehouse created =
        await(store().warehouses().create(tenant, NewWarehouse.of("wh", fileStorage("wh"))));
    await(store().catalogs().create(tenant, NewCatalog.local("cat", "wh")));
    clock.advance(LATER);

    assertFails(
        InvalidArgumentException.class,
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    "wh",
                    WarehouseUpdate.builder()
                        .storage(fileStorage("moved"))
                        .properties(PropertyUpdate.setting("k", "bad\u0000"))
                        .build()));
    assertFails(PreconditionFailedException.class, () -> store().warehouses().delete(tenant, "wh"));

    assertThat(await(store().warehouses().get(tenant, "wh"))).contains(created);
  }
}
