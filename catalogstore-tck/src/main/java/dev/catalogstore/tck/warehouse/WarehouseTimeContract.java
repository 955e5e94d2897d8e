package dev.catalogstore.tck.warehouse;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.TimeSuite;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code warehouses()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class WarehouseTimeContract extends TimeSuite {
  @Test
  void aWarehouseIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    Warehouse created =
        await(store().warehouses().create(tenant, NewWarehouse.of("wh", fileStorage("wh"))));
    clock.advance(LATER);
    Warehouse updated = await(store().warehouses().update(tenant, "wh",
        WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }
}
