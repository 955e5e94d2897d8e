package dev.catalogstore.tck.tenant;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.tck.TimeSuite;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code tenants()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class TenantTimeContract extends TimeSuite {
  @Test
  void aTenantIsStampedByTheStoresClockOnCreateAndUpdate() {
    Tenant created = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    clock.advance(LATER);
    Tenant updated =
        await(store().tenants().update(created.id(),
            TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }
}
