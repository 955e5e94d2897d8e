package dev.catalogstore.tck.asset;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS_V1;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS_V2;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.SALES_EU;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code assets()} facet: one {@link IsolationCase} per method, each
 * proving that nothing of tenant A is observable or changeable through tenant B (see {@link
 * IsolationSuite} for how the twin tenants are built and compared).
 */
public abstract class AssetIsolationContract extends IsolationSuite {
  @Test
  @IsolationCase("assets.create/3")
  void createAssetAddsToTheCallersNamespaceOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .create(
                    twins.b(),
                    AssetRef.onMain(A_ONLY_NAMESPACE, "leads"),
                    NewAsset.of(AssetKind.FILE)));
    assertUnchanged(twins.b(), bBefore);

    Asset aOnly = createAOnlyAsset(twins);
    assertUnchanged(twins.b(), bBefore);
    Asset bOwn =
        await(store().assets().create(twins.b(), A_ONLY_ASSET, NewAsset.of(AssetKind.FILE)));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
    assertThat(await(store().assets().get(twins.a(), A_ONLY_ASSET))).contains(aOnly);
  }

  @Test
  @IsolationCase("assets.get")
  void getAssetReadsTheCallersAssetOnly() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    Asset bOrders = snapshot(twins.b()).asset(ORDERS).orElseThrow().asset();

    assertThat(await(store().assets().get(twins.b(), ORDERS)))
        .contains(bOrders)
        .hasValueSatisfying(a -> assertThat(a.properties()).containsEntry("owner", "B"));
    assertThat(await(store().assets().get(twins.b(), A_ONLY_ASSET))).isEmpty();
  }

  @Test
  @IsolationCase("assets.getById")
  void getAssetByIdOfAnotherTenantsAssetIsEmpty() {
    Twins twins = twins();
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    Asset bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow();
    AssetId aCustomers = assetId(twins.a(), CUSTOMERS);

    assertThat(await(store().assets().getById(twins.b(), aOrders.id()))).isEmpty();
    assertThat(await(store().assets().getById(twins.b(), aCustomers))).isEmpty();
    assertThat(await(store().assets().getById(twins.a(), bOrders.id()))).isEmpty();
    assertThat(await(store().assets().getById(twins.a(), aOrders.id()))).contains(aOrders);
    assertThat(await(store().assets().getById(twins.b(), bOrders.id()))).contains(bOrders);
  }

  @Test
  @IsolationCase("assets.list/4")
  void listAssetsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    createAOnlyNamespace(twins);
    BranchRef main = BranchRef.main(CATALOG);
    Asset bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow();
    String aToken =
        await(store().assets().list(twins.a(), main, SALES.path(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().assets().list(twins.b(), main, SALES.path(), page)))
        .containsExactly(bOrders);
    assertInvalid(
        "page.pageToken",
        () ->
            store().assets().list(twins.b(), main, SALES.path(), PageRequest.nextPage(aToken, 1)));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(twins.b(), main, A_ONLY_NAMESPACE.path(), PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("assets.rename/3")
  void renameAssetMovesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().assets().rename(twins.a(), ORDERS, ORDERS.withName("orders-renamed")));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(twins.b(), A_ONLY_ASSET, A_ONLY_ASSET.withName("stolen")));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(twins.b(), CUSTOMERS, AssetRef.onMain(A_ONLY_NAMESPACE, "customers")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.updateProperties/3")
  void updateAssetPropertiesChangesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    twins.a(), ORDERS, PropertyUpdate.setting("owner", "changed-by-A")));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .updateProperties(twins.b(), A_ONLY_ASSET, PropertyUpdate.setting("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.delete/2")
  void deleteAssetRemovesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().assets().delete(twins.a(), ORDERS));
    assertThat(await(store().assets().get(twins.a(), ORDERS))).isEmpty();
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().assets().delete(twins.b(), A_ONLY_ASSET));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.commitMetadataLocation/3")
  void commitMetadataLocationMovesOnlyTheCallersPointer() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());
    String aNext = "s3://lake/sales/orders/metadata/00003-a.metadata.json";
    String bNext = "s3://lake/sales/orders/metadata/00003-b.metadata.json";

    await(
        store()
            .assets()
            .commitMetadataLocation(twins.a(), ORDERS, MetadataCommit.replacing(ORDERS_V2, aNext)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    // B's pointer still holds the location both started from, whatever A committed.
    Asset bCommitted =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    twins.b(), ORDERS, MetadataCommit.replacing(ORDERS_V2, bNext)));
    assertThat(bCommitted.metadataLocation()).contains(bNext);
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(twins.b(), A_ONLY_ASSET, MetadataCommit.first(bNext)));
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("assets.history")
  void listMetadataHistoryShowsOnlyTheCallersHistoryAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    await(
        store()
            .assets()
            .commitMetadataLocation(
                twins.a(),
                ORDERS,
                MetadataCommit.replacing(ORDERS_V2, "s3://lake/sales/orders/metadata/00003.json")));
    List<MetadataLocation> bHistory = snapshot(twins.b()).asset(ORDERS).orElseThrow().history();
    String aToken =
        await(store().assets().history(twins.a(), ORDERS, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().assets().history(twins.b(), ORDERS, page)))
        .isEqualTo(bHistory)
        .extracting(MetadataLocation::location)
        .containsExactly(ORDERS_V2, SampleTenant.ORDERS_V1);
    assertInvalid(
        "page.pageToken",
        () -> store().assets().history(twins.b(), ORDERS, PageRequest.nextPage(aToken, 1)));
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(twins.b(), A_ONLY_ASSET, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("assets.list/5")
  void listAssetsOfKindsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    Asset aReturns = createAOnlyAsset(twins);
    createAOnlyNamespace(twins);
    BranchRef main = BranchRef.main(CATALOG);
    Set<AssetKind> icebergTables = EnumSet.of(AssetKind.ICEBERG_TABLE);
    Set<AssetKind> deltaTables = EnumSet.of(AssetKind.DELTA_TABLE);
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    Asset bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow();
    Asset bCustomers = await(store().assets().get(twins.b(), CUSTOMERS)).orElseThrow();
    String aToken =
        await(
                store()
                    .assets()
                    .list(twins.a(), main, SALES.path(), icebergTables, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(
            PagedReads.all(
                page -> store().assets().list(twins.b(), main, SALES.path(), icebergTables, page)))
        .containsExactly(bOrders);
    assertThat(
            PagedReads.all(
                page -> store().assets().list(twins.b(), main, SALES_EU.path(), deltaTables, page)))
        .containsExactly(bCustomers);
    assertThat(
            PagedReads.all(
                page -> store().assets().list(twins.a(), main, SALES.path(), icebergTables, page)))
        .containsExactly(aOrders, aReturns);
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .assets()
                .list(
                    twins.b(), main, SALES.path(), icebergTables, PageRequest.nextPage(aToken, 1)));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(
                    twins.b(),
                    main,
                    A_ONLY_NAMESPACE.path(),
                    icebergTables,
                    PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("assets.rename/4")
  void guardedRenameAssetMovesOnlyTheCallersAsset() {
    Twins twins = twins();
    Asset aReturns = createAOnlyAsset(twins);
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    Asset bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow();
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    // B's "orders" is not the asset A read under that name: its id tells them apart.
    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(
                        twins.b(),
                        ORDERS,
                        ORDERS.withName("stolen"),
                        AssetExpectation.of(aOrders)));
    assertThat(conflict.currentValue()).contains(bOrders.id().toString());
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(
                    twins.b(),
                    A_ONLY_ASSET,
                    A_ONLY_ASSET.withName("stolen"),
                    AssetExpectation.of(aReturns)));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);

    Asset renamed =
        await(
            store()
                .assets()
                .rename(
                    twins.a(),
                    ORDERS,
                    ORDERS.withName("orders-renamed"),
                    AssetExpectation.of(aOrders)));
    assertThat(renamed.id()).isEqualTo(aOrders.id());
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().assets().get(twins.b(), ORDERS.withName("orders-renamed")))).isEmpty();
    assertThat(await(store().assets().getById(twins.b(), aOrders.id()))).isEmpty();
  }

  @Test
  @IsolationCase("assets.delete/3")
  void guardedDeleteAssetRemovesOnlyTheCallersAsset() {
    Twins twins = twins();
    Asset aReturns = createAOnlyAsset(twins);
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    Asset bOrders = await(store().assets().get(twins.b(), ORDERS)).orElseThrow();
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    // B's "orders" is not the asset A read under that name: its id tells them apart.
    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () -> store().assets().delete(twins.b(), ORDERS, AssetExpectation.of(aOrders)));
    assertThat(conflict.currentValue()).contains(bOrders.id().toString());
    assertFails(
        NotFoundException.class,
        () -> store().assets().delete(twins.b(), A_ONLY_ASSET, AssetExpectation.of(aReturns)));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);

    await(store().assets().delete(twins.a(), ORDERS, AssetExpectation.of(aOrders)));
    assertThat(await(store().assets().get(twins.a(), ORDERS))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().assets().getById(twins.b(), bOrders.id()))).contains(bOrders);
  }

  @Test
  @IsolationCase("assets.commitMetadataLocations/2")
  void commitMetadataLocationsMovesOnlyTheCallersPointers() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());
    String aOrdersNext = "s3://lake/sales/orders/metadata/00003-a.metadata.json";
    String aReturnsNext = "s3://lake/sales/returns/2-a.json";
    String bOrdersNext = "s3://lake/sales/orders/metadata/00003-b.metadata.json";
    String bCustomersNext = "s3://lake/sales/eu/customers/metadata/00002-b.metadata.json";

    List<Asset> aCommitted =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    twins.a(),
                    List.of(
                        new AssetCommit(ORDERS, MetadataCommit.replacing(ORDERS_V2, aOrdersNext)),
                        new AssetCommit(
                            A_ONLY_ASSET,
                            MetadataCommit.replacing(A_ONLY_ASSET_METADATA, aReturnsNext)))));
    assertThat(aCommitted)
        .extracting(a -> a.metadataLocation().orElseThrow())
        .containsExactly(aOrdersNext, aReturnsNext);
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    // A's asset does not exist under B, so B's own part is not committed either.
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    twins.b(),
                    List.of(
                        new AssetCommit(ORDERS, MetadataCommit.replacing(ORDERS_V2, bOrdersNext)),
                        new AssetCommit(
                            A_ONLY_ASSET,
                            MetadataCommit.replacing(A_ONLY_ASSET_METADATA, bOrdersNext)))));
    // B's pointer still holds the location both started from, not the one A committed.
    AssetsConflictException conflict =
        assertFails(
            AssetsConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocations(
                        twins.b(),
                        List.of(
                            new AssetCommit(
                                ORDERS, MetadataCommit.replacing(aOrdersNext, bOrdersNext)))));
    assertThat(conflict.conflicts())
        .extracting(StaleAsset::current)
        .containsExactly(Optional.of(ORDERS_V2));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);

    List<Asset> bCommitted =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    twins.b(),
                    List.of(
                        new AssetCommit(ORDERS, MetadataCommit.replacing(ORDERS_V2, bOrdersNext)),
                        new AssetCommit(
                            CUSTOMERS, MetadataCommit.replacing(CUSTOMERS_V1, bCustomersNext)))));
    assertThat(bCommitted).extracting(a -> a.properties().get("owner")).containsExactly("B", "B");
    assertUnchanged(twins.a(), aBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // Isolation probed again after renames, moves and deletes

  @Test
  @IsolationCase("assets.rename/3")
  void aRenamedOrMovedAssetStaysUnreachableFromTheTwinAndTheSystemTenant() {
    Twins twins = twins();
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    Asset aCustomers = await(store().assets().get(twins.a(), CUSTOMERS)).orElseThrow();
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetRef renamed = ORDERS.withName("orders-2024");
    AssetRef moved = AssetRef.onMain(SALES, "customers");

    await(store().assets().rename(twins.a(), ORDERS, renamed));
    await(store().assets().rename(twins.a(), CUSTOMERS, moved));

    assertUnchanged(twins.b(), bBefore);
    for (TenantId other : List.of(twins.b(), TenantId.SYSTEM)) {
      for (Asset a : List.of(aOrders, aCustomers)) {
        assertThat(await(store().assets().getById(other, a.id())))
            .as("A's id %s under %s after A renamed it", a.id(), other)
            .isEmpty();
      }
      for (AssetRef ref : List.of(renamed, moved)) {
        assertThat(await(store().assets().get(other, ref))).as("%s under %s", ref, other).isEmpty();
        assertFails(
            NotFoundException.class,
            () -> store().assets().history(other, ref, PageRequest.firstPage()));
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .assets()
                    .updateProperties(other, ref, PropertyUpdate.setting("owner", "stolen")));
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(
                        other, ref, MetadataCommit.replacing(ORDERS_V2, "s3://stolen/3.json")));
        assertFails(
            NotFoundException.class,
            () -> store().assets().rename(other, ref, ref.withName("stolen")));
        assertFails(NotFoundException.class, () -> store().assets().delete(other, ref));
      }
    }
    assertUnchanged(twins.b(), bBefore);
    // B's own assets, still under the names A gave up, are B's and keep working.
    assertThat(await(store().assets().get(twins.b(), ORDERS)))
        .hasValueSatisfying(b -> assertThat(b.properties()).containsEntry("owner", "B"));
    Asset bCommitted =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    twins.b(),
                    ORDERS,
                    MetadataCommit.replacing(
                        ORDERS_V2, "s3://lake/sales/orders/metadata/00003-b.json")));
    assertThat(bCommitted.id()).isNotEqualTo(aOrders.id());
    assertThat(await(store().assets().getById(twins.a(), aOrders.id())))
        .hasValueSatisfying(a -> assertThat(a.metadataLocation()).contains(ORDERS_V2));
  }

  @Test
  @IsolationCase("assets.rename/3")
  void aRenameOntoANameOnlyTheTwinHasSucceedsAndLeavesTheTwinsAssetAlone() {
    Twins twins = twins();
    AssetRef bOnly = AssetRef.onMain(SALES, "b-only");
    Asset bAsset =
        await(store().assets().create(twins.b(), bOnly, NewAsset.of(AssetKind.SQL_VIEW)));
    TenantSnapshot bBefore = snapshot(twins.b());

    Asset renamed = await(store().assets().rename(twins.a(), ORDERS, bOnly));

    assertThat(renamed.ref()).isEqualTo(bOnly);
    assertThat(await(store().assets().get(twins.a(), bOnly))).contains(renamed);
    assertThat(await(store().assets().get(twins.b(), bOnly))).contains(bAsset);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.delete/2")
  void aDeletedAssetsIdAndNameStayUnreachableAndTheTwinsAssetSurvives() {
    Twins twins = twins();
    Asset aOrders = await(store().assets().get(twins.a(), ORDERS)).orElseThrow();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().assets().delete(twins.a(), ORDERS));

    assertUnchanged(twins.b(), bBefore);
    for (TenantId other : List.of(twins.b(), TenantId.SYSTEM)) {
      assertThat(await(store().assets().getById(other, aOrders.id()))).isEmpty();
    }
    Asset aReborn =
        await(
            store()
                .assets()
                .create(
                    twins.a(), ORDERS, NewAsset.icebergTable("s3://lake/sales/orders", ORDERS_V2)));
    assertThat(aReborn.id()).isNotEqualTo(aOrders.id());
    assertUnchanged(twins.b(), bBefore);
    assertThat(PagedReads.all(page -> store().assets().history(twins.a(), ORDERS, page)))
        .extracting(MetadataLocation::location)
        .containsExactly(ORDERS_V2);
    assertThat(PagedReads.all(page -> store().assets().history(twins.b(), ORDERS, page)))
        .extracting(MetadataLocation::location)
        .containsExactly(ORDERS_V2, SampleTenant.ORDERS_V1);
    await(store().assets().delete(twins.b(), ORDERS));
    assertThat(await(store().assets().get(twins.a(), ORDERS))).contains(aReborn);
  }
}
