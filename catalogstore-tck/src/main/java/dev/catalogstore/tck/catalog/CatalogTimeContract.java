package dev.catalogstore.tck.catalog;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TimeSuite;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code catalogs()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class CatalogTimeContract extends TimeSuite {
  @Test
  void aCatalogIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    Catalog created = await(store().catalogs().create(tenant, NewCatalog.local("cat", "wh")));
    clock.advance(LATER);
    Catalog updated = await(store().catalogs().update(tenant, "cat",
        CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }
}
