package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.StoredProperties;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The multi-asset commit ({@code assets().commitMetadataLocations}, Iceberg REST's multi-table
 * transaction) commits several assets of one catalog and branch as one all-or-nothing step; every
 * part is a compare-and-set. When any part fails nothing changes: a stale part fails the whole
 * commit with an {@code AssetsConflictException} listing every stale part, expected and current, in
 * request order; a missing asset fails it with {@code NotFoundException}; each asset is named
 * exactly.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MultiAssetCommitAllOrNothingContract extends MultiAssetCommitSuite {
  @Test
  void oneStalePartFailsTheWholeCommitAndChangesNothing() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef c = table("c");
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, c, MetadataCommit.replacing(v("c", 1), v("c", 2))));
    Snapshot before = snapshot(a, b, c);

    AssetsConflictException conflict =
        assertFails(
            AssetsConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocations(
                        tenant,
                        List.of(
                            new AssetCommit(
                                a,
                                MetadataCommit.replacing(v("a", 1), v("a", 2))
                                    .withLocation("s3://moved/a")
                                    .withProperties(PropertyUpdate.setting("txn", "1"))),
                            new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 2))),
                            new AssetCommit(c, MetadataCommit.replacing(v("c", 1), v("c", 3))))));

    assertThat(conflict.conflicts())
        .containsExactly(new StaleAsset(c, Optional.of(v("c", 1)), Optional.of(v("c", 2))));
    assertThat(snapshot(a, b, c)).as("every asset and its history").isEqualTo(before);
  }

  @Test
  void theConflictListsEveryStalePartWithItsExpectedAndCurrentLocationInRequestOrder() {
    AssetRef a = table("a");
    AssetRef none = bare("none", AssetKind.ICEBERG_TABLE);
    AssetRef c = table("c");
    AssetRef d = table("d");
    AssetRef e = table("e");
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, d, MetadataCommit.replacing(v("d", 1), v("d", 2))));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, a, MetadataCommit.replacing(v("a", 1), v("a", 2))));
    Snapshot before = snapshot(a, none, c, d, e);

    AssetsConflictException conflict =
        assertFails(
            AssetsConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocations(
                        tenant,
                        List.of(
                            new AssetCommit(e, MetadataCommit.first(v("e", 9))),
                            new AssetCommit(c, MetadataCommit.replacing(v("c", 1), v("c", 2))),
                            new AssetCommit(d, MetadataCommit.replacing(v("d", 1), v("d", 3))),
                            new AssetCommit(
                                none, MetadataCommit.replacing(v("none", 1), v("none", 2))),
                            new AssetCommit(a, MetadataCommit.replacing(v("a", 2), v("a", 3))))));

    assertThat(conflict.conflicts())
        .containsExactly(
            new StaleAsset(e, Optional.empty(), Optional.of(v("e", 1))),
            new StaleAsset(d, Optional.of(v("d", 1)), Optional.of(v("d", 2))),
            new StaleAsset(none, Optional.of(v("none", 1)), Optional.empty()));
    assertThat(conflict).isInstanceOf(ConflictException.class);
    assertThat(snapshot(a, none, c, d, e)).isEqualTo(before);
  }

  @Test
  void aMissingAssetFailsTheWholeCommitWithNotFoundAndChangesNothing() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef dropped = table("dropped");
    await(store().assets().delete(tenant, dropped));
    Snapshot before = snapshot(a, b);

    for (AssetRef missing : List.of(assetOnMain(sales, "never-existed"), dropped)) {
      NotFoundException notFound =
          assertFails(
              NotFoundException.class,
              () ->
                  store()
                      .assets()
                      .commitMetadataLocations(
                          tenant,
                          List.of(
                              new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2))),
                              new AssetCommit(missing, MetadataCommit.first(v("x", 1))),
                              new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 2))))));
      assertThat(notFound.missing())
          .as("what %s says is missing", notFound)
          .isEqualTo(ObjectType.ASSET);
    }

    assertThat(snapshot(a, b)).isEqualTo(before);
    assertThat(get(dropped)).as("a failed commit does not create the asset").isEmpty();
  }

  @Test
  void aMultiAssetCommitWhosePropertiesWouldExceedTheLimitChangesNothing() {
    Map<String, String> full = new HashMap<>();
    for (int i = 0; i < StoredProperties.MAX_ENTRIES; i++) {
      full.put("key-" + i, "v");
    }
    AssetRef a = table("a");
    AssetRef b = table("b", full);
    Snapshot before = snapshot(a, b);

    assertInvalid(
        "commits[1].commit.properties",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2))),
                        new AssetCommit(
                            b,
                            MetadataCommit.replacing(v("b", 1), v("b", 2))
                                .withProperties(PropertyUpdate.setting("one-too-many", "v"))))));

    assertThat(snapshot(a, b)).isEqualTo(before);
  }

  @Test
  void aMultiAssetCommitNamesEachAssetExactly() {
    AssetRef lower = table("orders");
    AssetRef upper = table("Orders");
    AssetRef composed = table("\u00e9t\u00e9");
    AssetRef decomposed = table("e\u0301te\u0301");
    AssetRef wildcard = table("a_b");
    AssetRef matchedByWildcard = table("axb");

    List<Asset> committed =
        await(
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(
                            upper, MetadataCommit.replacing(v("Orders", 1), v("Orders", 2))),
                        new AssetCommit(
                            decomposed,
                            MetadataCommit.replacing(
                                v("e\u0301te\u0301", 1), v("e\u0301te\u0301", 2))),
                        new AssetCommit(
                            wildcard, MetadataCommit.replacing(v("a_b", 1), v("a_b", 2))))));

    assertThat(committed)
        .extracting(a -> a.ref().name())
        .containsExactly("Orders", "e\u0301te\u0301", "a_b");
    for (AssetRef untouched : List.of(lower, composed, matchedByWildcard)) {
      assertThat(historyLocations(untouched))
          .as("%s, not named by the commit", untouched)
          .containsExactly(v(untouched.name(), 1));
    }
    Snapshot before = snapshot(lower, upper, composed, decomposed);
    for (String written : List.of("ORDERS", "orders ", "order", "order_", "\u00c9t\u00e9")) {
      NotFoundException notFound =
          assertFails(
              NotFoundException.class,
              () ->
                  store()
                      .assets()
                      .commitMetadataLocations(
                          tenant,
                          List.of(
                              new AssetCommit(
                                  lower, MetadataCommit.replacing(v("orders", 1), v("orders", 2))),
                              new AssetCommit(
                                  assetOnMain(sales, written),
                                  MetadataCommit.replacing(v("Orders", 2), v("Orders", 3))))));
      assertThat(notFound.missing()).isEqualTo(ObjectType.ASSET);
    }
    assertThat(snapshot(lower, upper, composed, decomposed)).isEqualTo(before);
  }
}
