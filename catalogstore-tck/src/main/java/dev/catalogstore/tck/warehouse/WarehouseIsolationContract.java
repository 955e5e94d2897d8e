package dev.catalogstore.tck.warehouse;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code warehouses()} facet: one {@link IsolationCase} per method, each
 * proving that nothing of tenant A is observable or changeable through tenant B (see {@link
 * IsolationSuite} for how the twin tenants are built and compared).
 */
public abstract class WarehouseIsolationContract extends IsolationSuite {
  @Test
  @IsolationCase("warehouses.create")
  void createWarehouseAddsToTheCallersTenantOnly() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    Warehouse aOnly = createAOnlyWarehouse(twins);

    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().warehouses().get(twins.b(), A_ONLY_WAREHOUSE))).isEmpty();
    Warehouse bOwn =
        await(
            store()
                .warehouses()
                .create(twins.b(), NewWarehouse.of(A_ONLY_WAREHOUSE, fileStorage("b"))));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
    assertThat(await(store().warehouses().get(twins.a(), A_ONLY_WAREHOUSE))).contains(aOnly);
  }

  @Test
  @IsolationCase("warehouses.get")
  void getWarehouseReadsTheCallersWarehouseOnly() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    Warehouse bWarehouse = snapshot(twins.b()).warehouses().get(0);

    assertThat(await(store().warehouses().get(twins.b(), WAREHOUSE)))
        .contains(bWarehouse)
        .hasValueSatisfying(w -> assertThat(w.properties()).containsEntry("owner", "B"));
    assertThat(await(store().warehouses().get(twins.b(), A_ONLY_WAREHOUSE))).isEmpty();
  }

  @Test
  @IsolationCase("warehouses.list")
  void listWarehousesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    Warehouse bWarehouse = await(store().warehouses().get(twins.b(), WAREHOUSE)).orElseThrow();
    String aToken =
        await(store().warehouses().list(twins.a(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().warehouses().list(twins.b(), page)))
        .containsExactly(bWarehouse);
    assertInvalid(
        "page.pageToken",
        () -> store().warehouses().list(twins.b(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("warehouses.update")
  void updateWarehouseChangesOnlyTheCallersWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Warehouse updated =
        await(
            store()
                .warehouses()
                .update(
                    twins.a(),
                    WAREHOUSE,
                    WarehouseUpdate.builder()
                        .storage(StorageConfig.of(StorageType.S3, "s3://a-bucket/wh"))
                        .properties(PropertyUpdate.setting("owner", "changed-by-A"))
                        .build()));
    assertThat(updated.storage().rootLocation()).isEqualTo("s3://a-bucket/wh");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .warehouses()
                .update(
                    twins.b(),
                    A_ONLY_WAREHOUSE,
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.setting("k", "v"))
                        .build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("warehouses.delete")
  void deleteWarehouseRemovesOnlyTheCallersWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(
        NotFoundException.class, () -> store().warehouses().delete(twins.b(), A_ONLY_WAREHOUSE));
    assertUnchanged(twins.a(), aBefore);

    // B's catalog uses B's "wh"; that does not keep A from deleting its own "wh".
    await(store().catalogs().delete(twins.a(), CATALOG));
    await(store().warehouses().delete(twins.a(), WAREHOUSE));
    assertThat(await(store().warehouses().get(twins.a(), WAREHOUSE))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
  }
}
