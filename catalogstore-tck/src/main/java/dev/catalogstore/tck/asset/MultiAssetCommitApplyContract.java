package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The multi-asset commit ({@code assets().commitMetadataLocations}, Iceberg REST's multi-table
 * transaction) commits several assets of one catalog and branch as one all-or-nothing step; every
 * part is a compare-and-set. When every expectation holds, every part is applied (pointer,
 * location, properties and one history entry each, all stamped with one instant) and the assets are
 * returned in request order.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MultiAssetCommitApplyContract extends MultiAssetCommitSuite {
  @Test
  void aMultiAssetCommitAppliesEveryPartAndReturnsThemInRequestOrder() {
    NamespaceRef eu = newNamespaces(tenant, CATALOG, "sales", "eu");
    AssetRef returns = table("returns");
    AssetRef orders = table("orders");
    AssetRef customers = assetOnMain(eu, "customers");
    await(
        store()
            .assets()
            .create(tenant, customers, NewAsset.icebergTable("s3://c", "s3://c/1.json")));
    Map<AssetRef, Asset> before = new HashMap<>();
    for (AssetRef ref : List.of(returns, orders, customers)) {
      before.put(ref, read(ref));
    }

    List<Asset> committed =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(
                            returns, MetadataCommit.replacing(v("returns", 1), v("returns", 2))),
                        new AssetCommit(
                            customers, MetadataCommit.replacing("s3://c/1.json", "s3://c/2.json")),
                        new AssetCommit(
                            orders, MetadataCommit.replacing(v("orders", 1), v("orders", 2))))));

    assertThat(committed).extracting(Asset::ref).containsExactly(returns, customers, orders);
    assertThat(committed)
        .extracting(a -> a.metadataLocation().orElseThrow())
        .containsExactly(v("returns", 2), "s3://c/2.json", v("orders", 2));
    for (Asset asset : committed) {
      Asset was = before.get(asset.ref());
      assertThat(asset.id()).isEqualTo(was.id());
      assertThat(asset.kind()).isEqualTo(was.kind());
      assertThat(asset.location()).isEqualTo(was.location());
      assertThat(asset.properties()).isEqualTo(was.properties());
      assertThat(asset.createdAt()).isEqualTo(was.createdAt());
      assertThat(asset.updatedAt()).isAfterOrEqualTo(was.updatedAt());
      assertThat(get(asset.ref())).as("a fresh read of %s", asset.ref()).contains(asset);
      List<MetadataLocation> history = history(asset.ref());
      assertThat(history).as("the history of %s", asset.ref()).hasSize(2);
      assertThat(history.get(0).location()).isEqualTo(asset.metadataLocation().orElseThrow());
      assertOneChain(history);
    }
  }

  @Test
  void aMultiAssetCommitAppliesTheLocationAndPropertiesOfEveryPart() {
    AssetRef orders = table("orders", Map.of("owner", "ops", "drop", "me"));
    AssetRef returns = table("returns", Map.of("owner", "ops"));

    List<Asset> committed =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(
                            orders,
                            MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                                .withLocation("s3://moved/orders")
                                .withProperties(
                                    new PropertyUpdate(Map.of("txn", "1"), Set.of("drop")))),
                        new AssetCommit(
                            returns,
                            MetadataCommit.replacing(v("returns", 1), v("returns", 2))
                                .withProperties(PropertyUpdate.setting("txn", "1"))))));

    assertThat(committed.get(0).location()).contains("s3://moved/orders");
    assertThat(committed.get(0).properties()).isEqualTo(Map.of("owner", "ops", "txn", "1"));
    assertThat(committed.get(1).location())
        .as("a location not named")
        .contains("s3://lake/sales/returns");
    assertThat(committed.get(1).properties()).isEqualTo(Map.of("owner", "ops", "txn", "1"));
    assertThat(get(orders)).contains(committed.get(0));
    assertThat(get(returns)).contains(committed.get(1));
  }

  @Test
  void aMultiAssetCommitMixesFirstCommitsAndReplacements() {
    AssetRef fresh = bare("fresh", AssetKind.ICEBERG_TABLE);
    AssetRef orders = table("orders");

    List<Asset> committed =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(fresh, MetadataCommit.first(v("fresh", 1))),
                        new AssetCommit(
                            orders, MetadataCommit.replacing(v("orders", 1), v("orders", 2))))));

    assertThat(committed)
        .extracting(a -> a.metadataLocation().orElseThrow())
        .containsExactly(v("fresh", 1), v("orders", 2));
    assertThat(history(fresh))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.previousLocation()).isEmpty();
            });
    assertThat(historyLocations(orders)).containsExactly(v("orders", 2), v("orders", 1));
  }

  @Test
  void aSinglePartMultiAssetCommitBehavesLikeACommit() {
    AssetRef orders = table("orders");

    List<Asset> committed =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(
                            orders, MetadataCommit.replacing(v("orders", 1), v("orders", 2))))));

    assertThat(committed).singleElement().isEqualTo(read(orders));
    assertThat(historyLocations(orders)).containsExactly(v("orders", 2), v("orders", 1));
  }

  @Test
  void aMultiAssetCommitStampsEveryPartAndHistoryEntryWithOneInstant() {
    withFrozenClock(
        clock -> {
          AssetRef a = table("a");
          AssetRef b = table("b");
          clock.advance(LATER);

          List<Asset> committed =
              await(
                  store()
                      .assets()
                      .commitMetadataLocations(
                          tenant,
                          List.of(
                              new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2))),
                              new AssetCommit(
                                  b,
                                  MetadataCommit.replacing(v("b", 1), v("b", 2))
                                      .withLocation("s3://moved/b")))));

          for (Asset asset : committed) {
            assertThat(asset.createdAt()).as("createdAt of %s", asset.ref()).isEqualTo(T0_MICROS);
            assertThat(asset.updatedAt())
                .as("updatedAt of %s", asset.ref())
                .isEqualTo(T0_MICROS.plus(LATER));
            assertThat(
                    await(store().assets().history(tenant, asset.ref(), PageRequest.firstPage(1)))
                        .items()
                        .get(0)
                        .committedAt())
                .as("committedAt of the new history entry of %s", asset.ref())
                .isEqualTo(T0_MICROS.plus(LATER));
          }
        });
  }
}
