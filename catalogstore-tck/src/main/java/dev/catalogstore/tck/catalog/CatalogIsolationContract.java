package dev.catalogstore.tck.catalog;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code catalogs()} facet: one {@link IsolationCase} per method, each
 * proving that nothing of tenant A is observable or changeable through tenant B (see {@link
 * IsolationSuite} for how the twin tenants are built and compared).
 */
public abstract class CatalogIsolationContract extends IsolationSuite {
  @Test
  @IsolationCase("catalogs.create")
  void createCatalogAddsToTheCallersTenantOnlyOnItsOwnWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .catalogs()
                .create(twins.b(), NewCatalog.local(A_ONLY_CATALOG, A_ONLY_WAREHOUSE)));
    assertUnchanged(twins.b(), bBefore);

    Catalog aOnly = createAOnlyCatalog(twins);
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().catalogs().get(twins.b(), A_ONLY_CATALOG))).isEmpty();
    Catalog bOwn =
        await(store().catalogs().create(twins.b(), NewCatalog.local(A_ONLY_CATALOG, WAREHOUSE)));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
  }

  @Test
  @IsolationCase("catalogs.get")
  void getCatalogReadsTheCallersCatalogOnly() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    Catalog bCatalog = snapshot(twins.b()).catalog(CATALOG).orElseThrow().catalog();

    assertThat(await(store().catalogs().get(twins.b(), CATALOG)))
        .contains(bCatalog)
        .hasValueSatisfying(c -> assertThat(c.properties()).containsEntry("owner", "B"));
    assertThat(await(store().catalogs().get(twins.b(), A_ONLY_CATALOG))).isEmpty();
  }

  @Test
  @IsolationCase("catalogs.list")
  void listCatalogsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    Catalog bCatalog = await(store().catalogs().get(twins.b(), CATALOG)).orElseThrow();
    String aToken =
        await(store().catalogs().list(twins.a(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().catalogs().list(twins.b(), page)))
        .containsExactly(bCatalog);
    assertInvalid(
        "page.pageToken",
        () -> store().catalogs().list(twins.b(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("catalogs.update")
  void updateCatalogChangesOnlyTheCallersCatalog() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Catalog updated =
        await(
            store()
                .catalogs()
                .update(
                    twins.a(),
                    CATALOG,
                    CatalogUpdate.builder()
                        .properties(PropertyUpdate.setting("owner", "changed-by-A"))
                        .build()));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .catalogs()
                .update(
                    twins.b(),
                    A_ONLY_CATALOG,
                    CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("catalogs.delete")
  void deleteCatalogRemovesOnlyTheCallersCatalog() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(
        NotFoundException.class, () -> store().catalogs().delete(twins.b(), A_ONLY_CATALOG));
    assertUnchanged(twins.a(), aBefore);

    await(store().catalogs().delete(twins.a(), CATALOG));
    assertThat(await(store().catalogs().get(twins.a(), CATALOG))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  void aCatalogDeletedAndRecreatedUnderItsNameGetsNothingOfTheTwinsCatalog() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow().id();

    await(store().catalogs().delete(twins.a(), CATALOG));
    assertUnchanged(twins.b(), bBefore);
    Catalog recreated =
        await(store().catalogs().create(twins.a(), NewCatalog.local(CATALOG, WAREHOUSE)));

    assertThat(recreated.id()).isNotEqualTo(bBefore.catalog(CATALOG).orElseThrow().catalog().id());
    assertThat(snapshot(twins.a()).catalog(CATALOG).orElseThrow().namespaces()).isEmpty();
    assertThat(await(store().namespaces().get(twins.a(), SALES))).isEmpty();
    assertThat(await(store().assets().get(twins.a(), ORDERS))).isEmpty();
    assertThat(await(store().assets().getById(twins.a(), bOrders))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
  }
}
