package dev.catalogstore.tck.namespace;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TimeSuite;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code namespaces()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock).
 */
public abstract class NamespaceTimeContract extends TimeSuite {
  @Test
  void aNamespaceIsStampedByTheStoresClockOnCreateAndUpdate() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "db");
    Namespace created = await(store().namespaces().create(tenant, ref, Map.of()));
    clock.advance(LATER);
    Namespace updated =
        await(store().namespaces().replaceProperties(tenant, ref, Map.of("k", "v")));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
  }
}
