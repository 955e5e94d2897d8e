package dev.catalogstore.tck.warehouse;

import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.SampleTenantSuite;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * A warehouse deletion does not cascade: refused while a catalog uses the warehouse, and then it
 * changes nothing. Tests fill fresh tenants with the {@link SampleTenant} content.
 */
public abstract class WarehouseCascadeContract extends SampleTenantSuite {
  @Test
  void aWarehouseDeletionRefusedWhileACatalogUsesItChangesNothing() {
    TenantId tenant = sampleTenant("owner");
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        PreconditionFailedException.class, () -> store().warehouses().delete(tenant, WAREHOUSE));

    assertThat(snapshot(tenant)).isEqualTo(before);
  }
}
