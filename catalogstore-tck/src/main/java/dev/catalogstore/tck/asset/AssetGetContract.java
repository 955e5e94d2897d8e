package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().get} and {@code assets().getById}: a missing asset is empty, not a
 * failure; an id finds the asset at its current coordinates; bad input is refused naming the field.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetGetContract extends AssetSuite {
  @Test
  void getOfAMissingAssetIsEmptyNotAFailure() {
    createTable(assetOnMain(sales, "orders"));

    assertThat(get(assetOnMain(sales, "no-such-asset"))).isEmpty();
    assertThat(get(AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders"))).isEmpty();
    assertThat(get(AssetRef.onMain("no-such-catalog", sales.path(), "orders"))).isEmpty();
  }

  @Test
  void getAssetByIdReturnsTheAssetAtItsCurrentCoordinates() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    Asset created = createTable(assetOnMain(sales, "orders"));
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(created);

    Asset renamed =
        await(store().assets().rename(tenant, created.ref(), assetOnMain(archive, "orders-2023")));

    assertThat(renamed.ref()).isEqualTo(assetOnMain(archive, "orders-2023"));
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(renamed);
  }

  @Test
  void getAssetByIdOfAnUnknownIdIsEmpty() {
    createTable(assetOnMain(sales, "orders"));

    assertThat(await(store().assets().getById(tenant, AssetId.random()))).isEmpty();
  }

  @Test
  void getRejectsBadInputNamingTheField() {
    AssetRef orders = assetOnMain(sales, "orders");

    assertInvalid("tenant", () -> store().assets().get(null, orders));
    assertInvalid("asset", () -> store().assets().get(tenant, null));
    assertInvalid(
        "asset.namespace",
        () -> store().assets().get(tenant, orders.inNamespace(NamespacePath.ROOT)));
    assertInvalid("asset.name", () -> store().assets().get(tenant, orders.withName("a\u0000b")));
    assertInvalid("tenant", () -> store().assets().getById(null, AssetId.random()));
    assertInvalid("id", () -> store().assets().getById(tenant, null));
  }
}
