package dev.catalogstore.tck.tenant;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code tenants()} facet: one {@link IsolationCase} per method, each
 * proving that nothing of tenant A is observable or changeable through tenant B (see {@link
 * IsolationSuite} for how the twin tenants are built and compared).
 */
public abstract class TenantIsolationContract extends IsolationSuite {
  @Test
  @IsolationCase("tenants.create")
  void createTenantGivesANewTenantNothingOfAnotherTenant() {
    Twins twins = twins();
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId aOrders = assetId(twins.a(), ORDERS);

    Tenant fresh = await(store().tenants().create(NewTenant.named(uniqueName("tenant"))));
    assertFails(
        AlreadyExistsException.class,
        () -> store().tenants().create(NewTenant.named(twins.bName())));

    assertThat(fresh.id()).isNotIn(twins.a(), twins.b());
    TenantSnapshot freshContent = snapshot(fresh.id());
    assertThat(freshContent.warehouses()).isEmpty();
    assertThat(freshContent.catalogs()).isEmpty();
    assertThat(await(store().catalogs().get(fresh.id(), CATALOG))).isEmpty();
    assertThat(await(store().assets().getById(fresh.id(), aOrders))).isEmpty();
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("tenants.get")
  void getTenantReadsOnlyTheTenantAskedFor() {
    Twins twins = twins();

    Tenant a = await(store().tenants().get(twins.a())).orElseThrow();
    Tenant b = await(store().tenants().get(twins.b())).orElseThrow();

    assertThat(a.id()).isEqualTo(twins.a());
    assertThat(a.name()).isEqualTo(twins.aName());
    assertThat(b.id()).isEqualTo(twins.b());
    assertThat(b.name()).isEqualTo(twins.bName());
    assertThat(await(store().tenants().get(TenantId.random()))).isEmpty();
  }

  @Test
  @IsolationCase("tenants.list")
  void listTenantsShowsEachTenantOnceWithItsOwnRecordAndNoneOfItsData() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    List<Tenant> listed = new ArrayList<>();
    for (Tenant tenant : PagedReads.all(store().tenants()::list)) {
      if (tenant.id().equals(twins.a()) || tenant.id().equals(twins.b())) {
        listed.add(tenant);
      }
    }
    String tenantsToken =
        await(store().tenants().list(PageRequest.firstPage(1))).nextPageToken().orElseThrow();

    assertThat(listed)
        .containsExactlyInAnyOrder(
            await(store().tenants().get(twins.a())).orElseThrow(),
            await(store().tenants().get(twins.b())).orElseThrow());
    assertInvalid(
        "page.pageToken",
        () -> store().catalogs().list(twins.b(), PageRequest.nextPage(tenantsToken, 1)));
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("tenants.update")
  void updateTenantChangesOnlyThatTenant() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    String newName = uniqueName("renamed");

    Tenant updated =
        await(
            store()
                .tenants()
                .update(
                    twins.a(),
                    TenantUpdate.builder()
                        .name(newName)
                        .properties(PropertyUpdate.setting("tier", "gold"))
                        .build()));
    assertThat(updated.name()).isEqualTo(newName);
    assertThat(updated.properties()).containsEntry("tier", "gold");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tenants()
                .update(twins.a(), TenantUpdate.builder().name(twins.bName()).build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("tenants.delete")
  void deleteTenantRemovesOnlyThatTenant() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId aOrders = assetId(twins.a(), ORDERS);
    AssetId bOrders = assetId(twins.b(), ORDERS);

    await(store().tenants().delete(twins.a()));

    assertThat(await(store().tenants().get(twins.a()))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().assets().getById(twins.b(), aOrders))).isEmpty();
    assertThat(await(store().assets().getById(twins.b(), bOrders))).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // isolation probed again after renames and deletes, and through the system tenant

  @Test
  void aRenamedTenantKeepsItsDataAndNothingOfItReachesItsTwinOrANewcomerUnderItsOldName() {
    Twins twins = twins();
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId aOrders = assetId(twins.a(), ORDERS);
    AssetId bOrders = assetId(twins.b(), ORDERS);

    Tenant renamed =
        await(
            store()
                .tenants()
                .update(twins.a(), TenantUpdate.builder().name(uniqueName("renamed")).build()));
    Tenant newcomer = await(store().tenants().create(NewTenant.named(twins.aName())));

    TenantSnapshot aAfter = snapshot(twins.a());
    assertThat(aAfter.tenant()).contains(renamed);
    assertThat(aAfter.warehouses()).isEqualTo(aBefore.warehouses());
    assertThat(aAfter.catalogs()).isEqualTo(aBefore.catalogs());
    assertUnchanged(twins.b(), bBefore);
    TenantSnapshot newcomerContent = snapshot(newcomer.id());
    assertThat(newcomerContent.warehouses()).isEmpty();
    assertThat(newcomerContent.catalogs()).isEmpty();
    assertThat(await(store().catalogs().get(newcomer.id(), CATALOG))).isEmpty();
    assertThat(await(store().assets().getById(newcomer.id(), aOrders))).isEmpty();
    assertThat(await(store().assets().getById(twins.b(), aOrders))).isEmpty();
    assertThat(await(store().assets().getById(twins.a(), bOrders))).isEmpty();
    assertThat(await(store().assets().getById(twins.a(), aOrders))).isPresent();
  }

  @Test
  void aTenantTakingTheNameOfADeletedTwinGetsNothingOfIt() {
    Twins twins = twins();
    TenantSnapshot aBefore = snapshot(twins.a());
    AssetId bOrders = assetId(twins.b(), ORDERS);

    await(store().tenants().delete(twins.b()));
    Tenant renamed =
        await(
            store()
                .tenants()
                .update(twins.a(), TenantUpdate.builder().name(twins.bName()).build()));

    assertThat(renamed.id()).isEqualTo(twins.a());
    TenantSnapshot aAfter = snapshot(twins.a());
    assertThat(aAfter.warehouses()).isEqualTo(aBefore.warehouses());
    assertThat(aAfter.catalogs()).isEqualTo(aBefore.catalogs());
    assertThat(await(store().assets().getById(twins.a(), bOrders))).isEmpty();
    assertThat(snapshot(twins.b()).exists()).isFalse();
  }

  /**
   * The system tenant is a tenant like any other for the data it holds: a tenant's warehouse and
   * catalog of the same names as the system tenant's are each seen only through their own tenant, a
   * page token of one is refused by the other, and deleting one's objects (or the tenant) leaves
   * the other's.
   */
  @Test
  void theSystemTenantAndATenantWithTheSameNamesSeeNothingOfEachOther() {
    String warehouse = uniqueName("wh-shared-name");
    String catalog = uniqueName("cat-shared-name");
    TenantId tenant = newTenant();
    Warehouse tenants =
        await(
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse(
                        warehouse,
                        fileStorage("tenant"),
                        Credentials.of(Map.of("secret", "tenant's")),
                        Map.of("owner", "tenant"))));
    Catalog tenantsCatalog =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local(catalog, warehouse)
                        .withProperties(Map.of("owner", "tenant"))));
    newWarehouse(tenant, warehouse + "-2");
    try {
      Warehouse system =
          await(
              store()
                  .warehouses()
                  .create(
                      TenantId.SYSTEM,
                      new NewWarehouse(
                          warehouse,
                          fileStorage("system"),
                          Credentials.of(Map.of("secret", "system's")),
                          Map.of("owner", "system"))));
      Catalog systemCatalog =
          await(
              store()
                  .catalogs()
                  .create(
                      TenantId.SYSTEM,
                      NewCatalog.local(catalog, warehouse)
                          .withProperties(Map.of("owner", "system"))));

      assertThat(await(store().warehouses().get(tenant, warehouse))).contains(tenants);
      assertThat(await(store().warehouses().get(TenantId.SYSTEM, warehouse))).contains(system);
      assertThat(await(store().catalogs().get(tenant, catalog))).contains(tenantsCatalog);
      assertThat(await(store().catalogs().get(TenantId.SYSTEM, catalog))).contains(systemCatalog);
      assertThat(await(store().warehouses().get(TenantId.SYSTEM, warehouse + "-2"))).isEmpty();
      assertThat(PagedReads.all(page -> store().warehouses().list(tenant, page)))
          .extracting(Warehouse::id)
          .doesNotContain(system.id());
      assertThat(PagedReads.all(page -> store().warehouses().list(TenantId.SYSTEM, page)))
          .extracting(Warehouse::id)
          .doesNotContain(tenants.id())
          .contains(system.id());
      assertThat(PagedReads.all(page -> store().catalogs().list(TenantId.SYSTEM, page)))
          .extracting(Catalog::id)
          .doesNotContain(tenantsCatalog.id());
      String tenantsToken =
          await(store().warehouses().list(tenant, PageRequest.firstPage(1)))
              .nextPageToken()
              .orElseThrow();
      assertInvalid(
          "page.pageToken",
          () -> store().warehouses().list(TenantId.SYSTEM, PageRequest.nextPage(tenantsToken, 1)));

      await(store().catalogs().delete(tenant, catalog));
      await(store().warehouses().delete(tenant, warehouse));
      assertThat(await(store().warehouses().get(TenantId.SYSTEM, warehouse))).contains(system);
      assertThat(await(store().catalogs().get(TenantId.SYSTEM, catalog))).contains(systemCatalog);
      assertThat(await(store().warehouses().get(tenant, warehouse))).isEmpty();
      assertThat(await(store().catalogs().get(tenant, catalog))).isEmpty();

      await(store().tenants().delete(tenant));
      assertThat(await(store().warehouses().get(TenantId.SYSTEM, warehouse))).contains(system);
      assertThat(await(store().tenants().get(TenantId.SYSTEM))).isPresent();
    } finally {
      if (await(store().catalogs().get(TenantId.SYSTEM, catalog)).isPresent()) {
        await(store().catalogs().delete(TenantId.SYSTEM, catalog));
      }
      if (await(store().warehouses().get(TenantId.SYSTEM, warehouse)).isPresent()) {
        await(store().warehouses().delete(TenantId.SYSTEM, warehouse));
      }
    }
  }
}
