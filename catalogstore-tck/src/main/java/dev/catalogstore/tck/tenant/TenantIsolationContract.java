package dev.catalogstore.tck.tenant;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code tenants()} facet: one {@link IsolationCase} per method,
 * each proving that nothing of tenant A is observable or changeable through tenant B (see {@link
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
    assertFails(AlreadyExistsException.class,
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
    String tenantsToken = await(store().tenants().list(PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(listed).containsExactlyInAnyOrder(
        await(store().tenants().get(twins.a())).orElseThrow(),
        await(store().tenants().get(twins.b())).orElseThrow());
    assertInvalid("page.pageToken",
        () -> store().catalogs().list(twins.b(), PageRequest.nextPage(tenantsToken, 1)));
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("tenants.update")
  void updateTenantChangesOnlyThatTenant() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    String newName = uniqueName("renamed");

    Tenant updated = await(store().tenants().update(twins.a(), TenantUpdate.builder()
        .name(newName)
        .properties(PropertyUpdate.setting("tier", "gold"))
        .build()));
    assertThat(updated.name()).isEqualTo(newName);
    assertThat(updated.properties()).containsEntry("tier", "gold");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(AlreadyExistsException.class, () -> store().tenants().update(
        twins.a(), TenantUpdate.builder().name(twins.bName()).build()));
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
}
