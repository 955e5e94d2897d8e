package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().delete}: it removes exactly the named asset and its history, its name
 * can then be reused by a new asset with a new id, and a missing name, even next to similar ones,
 * is not found and deletes nothing.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetDeleteContract extends AssetSuite {
  @Test
  void deleteRemovesTheAssetAndItsHistory() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset created = createTable(orders);
    Asset returns = createTable(assetOnMain(sales, "returns"));

    await(store().assets().delete(tenant, orders));

    assertThat(get(orders)).isEmpty();
    assertThat(await(store().assets().getById(tenant, created.id()))).isEmpty();
    assertThat(listAll(sales)).containsExactly(returns);
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
  }

  @Test
  void aDeletedNameCanBeReusedByANewAssetWithANewId() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset old = createTable(orders);
    await(store().assets().delete(tenant, orders));

    Asset reborn =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.SQL_VIEW)
                        .metadataLocation("s3://lake/sales/orders/view.json")
                        .build()));

    assertThat(reborn.id()).isNotEqualTo(old.id());
    assertThat(reborn.kind()).isEqualTo(AssetKind.SQL_VIEW);
    assertThat(get(orders)).contains(reborn);
    assertThat(await(store().assets().getById(tenant, old.id()))).isEmpty();
    assertThat(history(orders))
        .as("the old asset's history is gone")
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo("s3://lake/sales/orders/view.json");
            });
  }

  @Test
  void deleteOfAMissingAssetIsNotFound() {
    AssetRef orders = assetOnMain(sales, "orders");
    createTable(orders);
    await(store().assets().delete(tenant, orders));

    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    assertFails(
        NotFoundException.class,
        () -> store().assets().delete(tenant, assetOnMain(sales, "never-existed")));
  }

  @Test
  void deleteRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertInvalid("tenant", () -> store().assets().delete(null, orders.ref()));
    assertInvalid("asset", () -> store().assets().delete(tenant, null));
    assertInvalid(
        "asset.branch.branch",
        () ->
            store()
                .assets()
                .delete(tenant, new AssetRef(new BranchRef(CATALOG, ""), sales.path(), "orders")));
    assertInvalid(
        "asset.name", () -> store().assets().delete(tenant, orders.ref().withName("orders\u0000")));

    assertThat(get(orders.ref())).contains(orders);
  }

  @Test
  void deleteRemovesExactlyTheNamedAsset() {
    NamespaceRef salesEu = newNamespaces(tenant, CATALOG, "sales", "eu");
    NamespaceRef hr = newNamespaces(tenant, CATALOG, "hr");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    TenantId twin = newTenant();
    newLocalCatalog(twin, CATALOG);
    NamespaceRef twinSales = newNamespaces(twin, CATALOG, "sales");
    AssetRef orders = assetOnMain(sales, "orders");
    Asset doomed = createTable(orders);
    List<Asset> survivors = new ArrayList<>();
    for (String sibling : List.of("order", "orders2", "orders_", "Orders", "orders.x")) {
      survivors.add(createTable(assetOnMain(sales, sibling)));
    }
    for (NamespaceRef elsewhere : List.of(salesEu, hr, pondSales)) {
      survivors.add(createTable(assetOnMain(elsewhere, "orders")));
    }
    Asset twinOrders =
        await(
            store()
                .assets()
                .create(
                    twin,
                    assetOnMain(twinSales, "orders"),
                    NewAsset.icebergTable("s3://twin/orders", metadata(orders, 1))));
    Map<AssetRef, List<MetadataLocation>> histories = new HashMap<>();
    survivors.forEach(a -> histories.put(a.ref(), history(a.ref())));

    await(store().assets().delete(tenant, orders));

    assertThat(get(orders)).isEmpty();
    assertThat(await(store().assets().getById(tenant, doomed.id()))).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
    for (Asset survivor : survivors) {
      assertThat(get(survivor.ref())).as("%s", survivor.ref()).contains(survivor);
      assertThat(await(store().assets().getById(tenant, survivor.id()))).contains(survivor);
      assertThat(history(survivor.ref())).isEqualTo(histories.get(survivor.ref()));
    }
    assertThat(await(store().assets().get(twin, twinOrders.ref()))).contains(twinOrders);
    assertThat(await(store().assets().getById(twin, twinOrders.id()))).contains(twinOrders);
    assertThat(names(listAll(sales)))
        .containsExactly("Orders", "order", "orders.x", "orders2", "orders_");
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    Asset reborn = await(store().assets().create(tenant, orders, NewAsset.of(AssetKind.FILE)));
    assertThat(reborn.id()).isNotEqualTo(doomed.id());
  }

  @Test
  void deleteOfAMissingNameNextToSimilarNamesIsNotFoundAndDeletesNothing() {
    List<Asset> present = new ArrayList<>();
    for (String name : List.of("orders", "Orders", "orders_2023", "a_c", "100%")) {
      present.add(createTable(assetOnMain(sales, name)));
    }

    for (String missing : List.of("order", "ORDERS", "orders_%", "abc", "100", "1000")) {
      assertFails(
          NotFoundException.class,
          () -> store().assets().delete(tenant, assetOnMain(sales, missing)));
    }

    assertThat(listAll(sales)).containsExactlyInAnyOrderElementsOf(present);
  }
}
