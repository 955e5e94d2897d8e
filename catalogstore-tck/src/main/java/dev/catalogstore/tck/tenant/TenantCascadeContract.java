package dev.catalogstore.tck.tenant;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.SALES_EU;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.SampleTenantSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What deleting a tenant removes: everything it owns, in one step, touching no other tenant, even
 * one holding identical names; a name freed by the delete starts empty when reused. Tests fill
 * fresh tenants with the {@link SampleTenant} content.
 */
public abstract class TenantCascadeContract extends SampleTenantSuite {
  @Test
  void deletingATenantRemovesEverythingItOwns() {
    TenantId tenant = sampleTenant("owner");
    await(store().warehouses().create(tenant, NewWarehouse.of("cold", fileStorage("cold"))));
    await(
        store()
            .catalogs()
            .create(
                tenant,
                NewCatalog.federated(
                    "remote",
                    new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example")))));
    AssetId orders = assetId(tenant, ORDERS);
    AssetId customers = assetId(tenant, CUSTOMERS);

    await(store().tenants().delete(tenant));

    assertThat(await(store().tenants().get(tenant))).isEmpty();
    assertThat(await(store().warehouses().get(tenant, WAREHOUSE))).isEmpty();
    assertThat(await(store().warehouses().get(tenant, "cold"))).isEmpty();
    assertThat(await(store().catalogs().get(tenant, CATALOG))).isEmpty();
    assertThat(await(store().catalogs().get(tenant, "remote"))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, SALES))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, SALES_EU))).isEmpty();
    assertThat(await(store().assets().get(tenant, ORDERS))).isEmpty();
    assertThat(await(store().assets().getById(tenant, orders))).isEmpty();
    assertThat(await(store().assets().getById(tenant, customers))).isEmpty();
    assertFails(
        NotFoundException.class, () -> store().warehouses().list(tenant, PageRequest.firstPage()));
    assertFails(
        NotFoundException.class, () -> store().catalogs().list(tenant, PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store().namespaces().list(tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(tenant, BranchRef.main(CATALOG), SALES.path(), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, ORDERS, PageRequest.firstPage()));
  }

  @Test
  void aDeletedTenantTakesNoFurtherWrites() {
    TenantId tenant = sampleTenant("owner");
    await(store().tenants().delete(tenant));

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .warehouses()
                .create(tenant, NewWarehouse.of(WAREHOUSE, fileStorage(WAREHOUSE))));
    assertFails(
        NotFoundException.class,
        () ->
            store().tenants().update(tenant, TenantUpdate.builder().name(uniqueName("t")).build()));
    assertFails(NotFoundException.class, () -> store().tenants().delete(tenant));

    assertThat(await(store().tenants().get(tenant))).isEmpty();
  }

  @Test
  void deletingATenantLeavesItsTwinUntouched() {
    TenantId tenant = sampleTenant("owner");
    TenantId twin = sampleTenant("twin");
    TenantSnapshot twinBefore = snapshot(twin);

    await(store().tenants().delete(tenant));

    assertThat(snapshot(twin)).isEqualTo(twinBefore);
  }

  @Test
  void aTenantRecreatedUnderItsNameStartsEmpty() {
    String name = uniqueName("tenant");
    TenantId old = await(store().tenants().create(NewTenant.named(name))).id();
    SampleTenant.fill(store(), old, "old");
    AssetId oldOrders = assetId(old, ORDERS);
    await(store().tenants().delete(old));

    Tenant reborn = await(store().tenants().create(NewTenant.named(name)));

    assertThat(reborn.id()).isNotEqualTo(old);
    assertThat(await(store().tenants().get(old))).isEmpty();
    TenantSnapshot content = snapshot(reborn.id());
    assertThat(content.warehouses()).isEmpty();
    assertThat(content.catalogs()).isEmpty();
    assertThat(await(store().assets().getById(reborn.id(), oldOrders))).isEmpty();
    SampleTenant.fill(store(), reborn.id(), "reborn");
  }
}
