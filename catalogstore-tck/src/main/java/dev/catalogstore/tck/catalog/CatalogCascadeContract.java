package dev.catalogstore.tck.catalog;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.SALES_EU;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.SampleTenantSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What deleting a catalog removes: its namespaces, assets and their history, its commits, branches
 * and tags, in one step, touching no other catalog and no other tenant, even one holding identical
 * names; a name freed by the delete starts empty when reused. Tests fill fresh tenants with the
 * {@link SampleTenant} content.
 */
public abstract class CatalogCascadeContract extends SampleTenantSuite {
  /** Writers racing with a catalog deletion: enough to interleave, few enough to stay fast. */
  private static final int RACING_WRITERS = 8;

  @Test
  void deletingACatalogRemovesItsNamespacesAssetsAndHistory() {
    TenantId tenant = sampleTenant("owner");
    AssetId orders = assetId(tenant, ORDERS);
    AssetId customers = assetId(tenant, CUSTOMERS);

    await(store().catalogs().delete(tenant, CATALOG));

    assertThat(await(store().catalogs().get(tenant, CATALOG))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, SALES))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, SALES_EU))).isEmpty();
    assertThat(await(store().assets().get(tenant, ORDERS))).isEmpty();
    assertThat(await(store().assets().get(tenant, CUSTOMERS))).isEmpty();
    assertThat(await(store().assets().getById(tenant, orders))).isEmpty();
    assertThat(await(store().assets().getById(tenant, customers))).isEmpty();
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
    assertThat(await(store().warehouses().get(tenant, WAREHOUSE)))
        .as("a catalog's warehouse is not part of it")
        .isPresent();
    await(store().warehouses().delete(tenant, WAREHOUSE));
  }

  @Test
  void aCatalogRecreatedUnderItsNameStartsEmpty() {
    TenantId tenant = sampleTenant("owner");
    AssetId oldOrders = assetId(tenant, ORDERS);
    await(store().catalogs().delete(tenant, CATALOG));

    await(store().catalogs().create(tenant, NewCatalog.local(CATALOG, WAREHOUSE)));

    assertThat(
            await(
                    store()
                        .namespaces()
                        .list(tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage()))
                .items())
        .isEmpty();
    assertThat(await(store().namespaces().get(tenant, SALES))).isEmpty();
    await(store().namespaces().create(tenant, SALES, Map.of()));
    assertThat(
            await(
                    store()
                        .assets()
                        .list(
                            tenant, BranchRef.main(CATALOG), SALES.path(), PageRequest.firstPage()))
                .items())
        .isEmpty();
    Asset reborn =
        await(store().assets().create(tenant, ORDERS, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    assertThat(reborn.id()).isNotEqualTo(oldOrders);
    assertThat(reborn.metadataLocation()).isEmpty();
    assertThat(await(store().assets().history(tenant, ORDERS, PageRequest.firstPage())).items())
        .as("no history survives from the deleted catalog")
        .isEmpty();
    assertThat(await(store().assets().getById(tenant, oldOrders))).isEmpty();
  }

  @Test
  void deletingACatalogRemovesItsCommitsBranchesAndTags() {
    TenantId tenant = sampleTenant("owner");
    BranchRef main = BranchRef.main(CATALOG);
    BranchRef dev = new BranchRef(CATALOG, "dev");
    TagRef release = new TagRef(CATALOG, "release");
    await(store().branches().create(tenant, dev, NewBranch.from(CommitRef.head(main))));
    await(
        store()
            .assets()
            .updateProperties(
                tenant,
                new AssetRef(dev, ORDERS.namespace(), ORDERS.name()),
                PropertyUpdate.setting("stage", "dev")));
    await(store().tags().create(tenant, release, CommitRef.head(dev)));
    List<Commit> mainHistory =
        PagedReads.all(page -> store().commits().ancestry(tenant, CommitRef.head(main), page));
    CommitId devHead = await(store().branches().get(tenant, dev)).orElseThrow().head();

    await(store().catalogs().delete(tenant, CATALOG));
    await(store().catalogs().create(tenant, NewCatalog.local(CATALOG, WAREHOUSE)));

    assertThat(PagedReads.all(page -> store().branches().list(tenant, CATALOG, page)))
        .as("the branches of the catalog created again under the name")
        .extracting(branch -> branch.ref().branch())
        .containsExactly(BranchRef.MAIN);
    assertThat(await(store().branches().get(tenant, dev))).isEmpty();
    assertThat(PagedReads.all(page -> store().tags().list(tenant, CATALOG, page))).isEmpty();
    assertThat(await(store().tags().get(tenant, release))).isEmpty();
    List<Commit> reborn =
        PagedReads.all(page -> store().commits().ancestry(tenant, CommitRef.head(main), page));
    assertThat(reborn).as("the history of the new main: its root commit only").hasSize(1);
    List<CommitId> gone = new ArrayList<>(mainHistory.stream().map(Commit::id).toList());
    gone.add(devHead);
    for (CommitId id : gone) {
      assertThat(reborn.get(0).id()).isNotEqualTo(id);
      assertThat(await(store().commits().get(tenant, CATALOG, id)))
          .as("commit %s of the deleted catalog", id)
          .isEmpty();
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () ->
                          store()
                              .commits()
                              .operations(tenant, CATALOG, id, PageRequest.firstPage()))
                  .missing())
          .isEqualTo(ObjectType.COMMIT);
    }
  }

  @Test
  void deletingACatalogLeavesOtherCatalogsAndTheTwinTenantUntouched() {
    TenantId tenant = sampleTenant("owner");
    await(store().catalogs().create(tenant, NewCatalog.local("pond", WAREHOUSE)));
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    await(
        store()
            .assets()
            .create(
                tenant,
                assetOnMain(pondSales, "orders"),
                NewAsset.icebergTable("s3://pond/sales/orders", SampleTenant.ORDERS_V1)));
    TenantId twin = sampleTenant("twin");
    TenantSnapshot tenantBefore = snapshot(tenant);
    TenantSnapshot twinBefore = snapshot(twin);

    await(store().catalogs().delete(tenant, CATALOG));

    assertThat(snapshot(tenant)).isEqualTo(tenantBefore.withoutCatalog(CATALOG));
    assertThat(snapshot(twin)).isEqualTo(twinBefore);
  }

  @Test
  void aCatalogDeletionRacingWithWritesLeavesNoOrphans() {
    TenantId tenant = sampleTenant("owner");

    List<Optional<AssetId>> created =
        ConcurrentCalls.race(
            RACING_WRITERS + 1,
            racer -> {
              if (racer == RACING_WRITERS) {
                await(storeOf(racer).catalogs().delete(tenant, CATALOG));
                return Optional.empty();
              }
              NamespaceRef namespace = NamespaceRef.of(CATALOG, "writer-" + racer);
              // Each write lands before the deletion or fails as NotFound after it; nothing else.
              Outcome.of(() -> storeOf(racer).namespaces().create(tenant, namespace, Map.of()))
                  .failure(NotFoundException.class);
              Outcome<Asset> asset =
                  Outcome.of(
                      () ->
                          storeOf(racer)
                              .assets()
                              .create(
                                  tenant,
                                  assetOnMain(SALES, "writer-" + racer),
                                  NewAsset.of(AssetKind.FILE)));
              return asset.failure(NotFoundException.class).isPresent()
                  ? Optional.empty()
                  : asset.value().map(Asset::id);
            });

    assertThat(await(store().catalogs().get(tenant, CATALOG))).isEmpty();
    for (Optional<AssetId> id : created) {
      id.ifPresent(
          assetId ->
              assertThat(await(store().assets().getById(tenant, assetId)))
                  .as("an asset created before the catalog's deletion is gone with it")
                  .isEmpty());
    }
    await(store().catalogs().create(tenant, NewCatalog.local(CATALOG, WAREHOUSE)));
    assertThat(
            await(
                    store()
                        .namespaces()
                        .list(tenant, NamespaceRef.root(CATALOG), PageRequest.firstPage()))
                .items())
        .as("no namespace outlives the catalog it was created in")
        .isEmpty();
  }
}
