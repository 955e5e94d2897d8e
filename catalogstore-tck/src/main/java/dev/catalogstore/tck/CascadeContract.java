package dev.catalogstore.tck;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.SALES_EU;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rules of cascading deletes and of refused deletes: deleting a catalog removes its
 * namespaces, assets and their history in one step; deleting a tenant removes everything it owns;
 * neither touches another catalog or another tenant, even one holding identical names; a name
 * freed by a delete starts empty when reused; and a refused delete (a namespace that is not empty,
 * a warehouse still in use) changes nothing.
 *
 * <p>Tests fill fresh tenants with the {@link SampleTenant} content.
 */
public abstract class CascadeContract extends TckSuite {
  /** Writers racing with a catalog deletion: enough to interleave, few enough to stay fast. */
  private static final int RACING_WRITERS = 8;

  // ---------------------------------------------------------------------------------------------
  // deleteCatalog

  @Test
  void deletingACatalogRemovesItsNamespacesAssetsAndHistory() {
    TenantId tenant = sampleTenant("owner");
    AssetId orders = assetId(tenant, ORDERS);
    AssetId customers = assetId(tenant, CUSTOMERS);

    await(store().deleteCatalog(tenant, CATALOG));

    assertThat(await(store().getCatalog(tenant, CATALOG))).isEmpty();
    assertThat(await(store().getNamespace(tenant, SALES))).isEmpty();
    assertThat(await(store().getNamespace(tenant, SALES_EU))).isEmpty();
    assertThat(await(store().getAsset(tenant, ORDERS))).isEmpty();
    assertThat(await(store().getAsset(tenant, CUSTOMERS))).isEmpty();
    assertThat(await(store().getAssetById(tenant, orders))).isEmpty();
    assertThat(await(store().getAssetById(tenant, customers))).isEmpty();
    assertFails(NotFoundException.class, () -> store().listNamespaces(
        tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage()));
    assertFails(NotFoundException.class, () -> store().listAssets(
        tenant, BranchRef.main(CATALOG), SALES.path(), PageRequest.firstPage()));
    assertFails(NotFoundException.class,
        () -> store().listMetadataHistory(tenant, ORDERS, PageRequest.firstPage()));
    assertThat(await(store().getWarehouse(tenant, WAREHOUSE)))
        .as("a catalog's warehouse is not part of it").isPresent();
    await(store().deleteWarehouse(tenant, WAREHOUSE));
  }

  @Test
  void aCatalogRecreatedUnderItsNameStartsEmpty() {
    TenantId tenant = sampleTenant("owner");
    AssetId oldOrders = assetId(tenant, ORDERS);
    await(store().deleteCatalog(tenant, CATALOG));

    await(store().createCatalog(tenant, NewCatalog.local(CATALOG, WAREHOUSE)));

    assertThat(await(store().listNamespaces(
        tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage())).items()).isEmpty();
    assertThat(await(store().getNamespace(tenant, SALES))).isEmpty();
    await(store().createNamespace(tenant, SALES, Map.of()));
    assertThat(await(store().listAssets(
        tenant, BranchRef.main(CATALOG), SALES.path(), PageRequest.firstPage())).items())
        .isEmpty();
    Asset reborn = await(store().createAsset(tenant, ORDERS, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    assertThat(reborn.id()).isNotEqualTo(oldOrders);
    assertThat(reborn.metadataLocation()).isEmpty();
    assertThat(await(store().listMetadataHistory(tenant, ORDERS, PageRequest.firstPage())).items())
        .as("no history survives from the deleted catalog").isEmpty();
    assertThat(await(store().getAssetById(tenant, oldOrders))).isEmpty();
  }

  @Test
  void deletingACatalogLeavesOtherCatalogsAndTheTwinTenantUntouched() {
    TenantId tenant = sampleTenant("owner");
    await(store().createCatalog(tenant, NewCatalog.local("pond", WAREHOUSE)));
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    await(store().createAsset(tenant, assetOnMain(pondSales, "orders"),
        NewAsset.icebergTable("s3://pond/sales/orders", SampleTenant.ORDERS_V1)));
    TenantId twin = sampleTenant("twin");
    TenantSnapshot tenantBefore = snapshot(tenant);
    TenantSnapshot twinBefore = snapshot(twin);

    await(store().deleteCatalog(tenant, CATALOG));

    assertThat(snapshot(tenant)).isEqualTo(tenantBefore.withoutCatalog(CATALOG));
    assertThat(snapshot(twin)).isEqualTo(twinBefore);
  }

  @Test
  void aCatalogDeletionRacingWithWritesLeavesNoOrphans() {
    TenantId tenant = sampleTenant("owner");

    List<Optional<AssetId>> created = ConcurrentCalls.race(RACING_WRITERS + 1, racer -> {
      if (racer == RACING_WRITERS) {
        await(storeOf(racer).deleteCatalog(tenant, CATALOG));
        return Optional.empty();
      }
      NamespaceRef namespace = NamespaceRef.of(CATALOG, "writer-" + racer);
      // Each write lands before the deletion or fails as NotFound after it; nothing else.
      Outcome.of(() -> storeOf(racer).createNamespace(tenant, namespace, Map.of()))
          .failure(NotFoundException.class);
      Outcome<Asset> asset = Outcome.of(() -> storeOf(racer).createAsset(
          tenant, assetOnMain(SALES, "writer-" + racer), NewAsset.of(AssetKind.FILE)));
      return asset.failure(NotFoundException.class).isPresent()
          ? Optional.empty()
          : asset.value().map(Asset::id);
    });

    assertThat(await(store().getCatalog(tenant, CATALOG))).isEmpty();
    for (Optional<AssetId> id : created) {
      id.ifPresent(assetId -> assertThat(await(store().getAssetById(tenant, assetId)))
          .as("an asset created before the catalog's deletion is gone with it").isEmpty());
    }
    await(store().createCatalog(tenant, NewCatalog.local(CATALOG, WAREHOUSE)));
    assertThat(await(store().listNamespaces(
        tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage())).items())
        .as("no namespace outlives the catalog it was created in").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // deleteTenant

  @Test
  void deletingATenantRemovesEverythingItOwns() {
    TenantId tenant = sampleTenant("owner");
    await(store().createWarehouse(tenant, NewWarehouse.of("cold", fileStorage("cold"))));
    await(store().createCatalog(tenant, NewCatalog.federated(
        "remote", new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example")))));
    AssetId orders = assetId(tenant, ORDERS);
    AssetId customers = assetId(tenant, CUSTOMERS);

    await(store().deleteTenant(tenant));

    assertThat(await(store().getTenant(tenant))).isEmpty();
    assertThat(await(store().getWarehouse(tenant, WAREHOUSE))).isEmpty();
    assertThat(await(store().getWarehouse(tenant, "cold"))).isEmpty();
    assertThat(await(store().getCatalog(tenant, CATALOG))).isEmpty();
    assertThat(await(store().getCatalog(tenant, "remote"))).isEmpty();
    assertThat(await(store().getNamespace(tenant, SALES))).isEmpty();
    assertThat(await(store().getNamespace(tenant, SALES_EU))).isEmpty();
    assertThat(await(store().getAsset(tenant, ORDERS))).isEmpty();
    assertThat(await(store().getAssetById(tenant, orders))).isEmpty();
    assertThat(await(store().getAssetById(tenant, customers))).isEmpty();
    assertFails(NotFoundException.class,
        () -> store().listWarehouses(tenant, PageRequest.firstPage()));
    assertFails(NotFoundException.class,
        () -> store().listCatalogs(tenant, PageRequest.firstPage()));
    assertFails(NotFoundException.class, () -> store().listNamespaces(
        tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage()));
    assertFails(NotFoundException.class, () -> store().listAssets(
        tenant, BranchRef.main(CATALOG), SALES.path(), PageRequest.firstPage()));
    assertFails(NotFoundException.class,
        () -> store().listMetadataHistory(tenant, ORDERS, PageRequest.firstPage()));
  }

  @Test
  void aDeletedTenantTakesNoFurtherWrites() {
    TenantId tenant = sampleTenant("owner");
    await(store().deleteTenant(tenant));

    assertFails(NotFoundException.class, () -> store().createWarehouse(
        tenant, NewWarehouse.of(WAREHOUSE, fileStorage(WAREHOUSE))));
    assertFails(NotFoundException.class,
        () -> store().updateTenant(tenant, TenantUpdate.builder().name(uniqueName("t")).build()));
    assertFails(NotFoundException.class, () -> store().deleteTenant(tenant));

    assertThat(await(store().getTenant(tenant))).isEmpty();
  }

  @Test
  void deletingATenantLeavesItsTwinUntouched() {
    TenantId tenant = sampleTenant("owner");
    TenantId twin = sampleTenant("twin");
    TenantSnapshot twinBefore = snapshot(twin);

    await(store().deleteTenant(tenant));

    assertThat(snapshot(twin)).isEqualTo(twinBefore);
  }

  @Test
  void aTenantRecreatedUnderItsNameStartsEmpty() {
    String name = uniqueName("tenant");
    TenantId old = await(store().createTenant(NewTenant.named(name))).id();
    SampleTenant.fill(store(), old, "old");
    AssetId oldOrders = assetId(old, ORDERS);
    await(store().deleteTenant(old));

    Tenant reborn = await(store().createTenant(NewTenant.named(name)));

    assertThat(reborn.id()).isNotEqualTo(old);
    assertThat(await(store().getTenant(old))).isEmpty();
    TenantSnapshot content = snapshot(reborn.id());
    assertThat(content.warehouses()).isEmpty();
    assertThat(content.catalogs()).isEmpty();
    assertThat(await(store().getAssetById(reborn.id(), oldOrders))).isEmpty();
    SampleTenant.fill(store(), reborn.id(), "reborn");
  }

  // ---------------------------------------------------------------------------------------------
  // Refused deletes

  @Test
  void aNamespaceDeletionRefusedForAChildOrAnAssetChangesNothing() {
    TenantId tenant = sampleTenant("owner");
    newNamespaces(tenant, CATALOG, "hr", "payroll");
    TenantSnapshot before = snapshot(tenant);

    assertFails(PreconditionFailedException.class,
        () -> store().deleteNamespace(tenant, NamespaceRef.of(CATALOG, "hr")));
    assertFails(PreconditionFailedException.class,
        () -> store().deleteNamespace(tenant, SALES_EU));
    assertFails(PreconditionFailedException.class, () -> store().deleteNamespace(tenant, SALES));

    assertThat(snapshot(tenant)).isEqualTo(before);
  }

  @Test
  void aWarehouseDeletionRefusedWhileACatalogUsesItChangesNothing() {
    TenantId tenant = sampleTenant("owner");
    TenantSnapshot before = snapshot(tenant);

    assertFails(PreconditionFailedException.class,
        () -> store().deleteWarehouse(tenant, WAREHOUSE));

    assertThat(snapshot(tenant)).isEqualTo(before);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** A fresh tenant filled with the sample content. */
  private TenantId sampleTenant(String owner) {
    TenantId tenant = newTenant();
    SampleTenant.fill(store(), tenant, owner);
    return tenant;
  }

  private AssetId assetId(TenantId tenant, AssetRef ref) {
    return await(store().getAsset(tenant, ref)).orElseThrow().id();
  }

  private TenantSnapshot snapshot(TenantId tenant) {
    return TenantSnapshot.read(store(), tenant);
  }

  /** Racers alternate between the store and its peer, as writers on two nodes would. */
  private CatalogStore storeOf(int racer) {
    return racer % 2 == 0 ? store() : peerStore();
  }
}
