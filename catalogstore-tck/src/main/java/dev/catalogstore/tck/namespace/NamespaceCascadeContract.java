package dev.catalogstore.tck.namespace;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.SALES_EU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.SampleTenantSuite;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * A namespace deletion does not cascade: refused while the namespace has a child or holds an asset,
 * and then it changes nothing. Tests fill fresh tenants with the {@link SampleTenant} content.
 */
public abstract class NamespaceCascadeContract extends SampleTenantSuite {
  @Test
  void aNamespaceDeletionRefusedForAChildOrAnAssetChangesNothing() {
    TenantId tenant = sampleTenant("owner");
    newNamespaces(tenant, CATALOG, "hr", "payroll");
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        PreconditionFailedException.class,
        () -> store().namespaces().delete(tenant, NamespaceRef.of(CATALOG, "hr")));
    assertFails(
        PreconditionFailedException.class, () -> store().namespaces().delete(tenant, SALES_EU));
    assertFails(
        PreconditionFailedException.class, () -> store().namespaces().delete(tenant, SALES));

    assertThat(snapshot(tenant)).isEqualTo(before);
  }
}
