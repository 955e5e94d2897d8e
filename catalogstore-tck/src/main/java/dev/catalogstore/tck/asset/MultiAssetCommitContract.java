package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
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
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.Race;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The multi-asset commit ({@code assets().commitMetadataLocations}, Iceberg REST's multi-table
 * transaction): several assets of one catalog and branch committed as one all-or-nothing step.
 * Every part is a compare-and-set; either every expectation holds and every part is applied
 * (pointer, location, properties and one history entry each) and the assets are returned in request
 * order, or nothing changes: a stale part fails the whole commit with an {@link
 * AssetsConflictException} listing every stale part, expected and current, and a missing asset with
 * {@code NotFoundException} ({@link ObjectType#ASSET}). Concurrent multi-commits over overlapping
 * assets behave as if run one after the other: exactly one of those with the same expectations
 * wins, none is seen half applied, and two commits naming the same assets in opposite orders never
 * deadlock.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MultiAssetCommitContract extends LakeTenantSuite {
  /** Rounds of the races whose interleaving differs from run to run. */
  private static final int ROUNDS = 5;

  // ---------------------------------------------------------------------------------------------
  // Applied whole

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

  // ---------------------------------------------------------------------------------------------
  // Nothing changed

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

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void aMultiAssetCommitRejectsBadInputNamingTheFieldAndChangesNothing() {
    newLocalCatalog(tenant, "pond");
    newNamespaces(tenant, "pond", "sales");
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef inPond = AssetRef.onMain("pond", sales.path(), "b");
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "b");
    Snapshot before = snapshot(a, b);
    AssetCommit goodA = new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2)));
    AssetCommit goodB = new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 2)));

    assertInvalid("tenant", () -> store().assets().commitMetadataLocations(null, List.of(goodA)));
    assertInvalid("commits", () -> store().assets().commitMetadataLocations(tenant, null));
    assertInvalid("commits", () -> store().assets().commitMetadataLocations(tenant, List.of()));
    assertInvalid(
        "commits[1]",
        () -> store().assets().commitMetadataLocations(tenant, Arrays.asList(goodA, null)));
    assertInvalid(
        "commits[1].asset",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(null, goodB.commit()))));
    assertInvalid(
        "commits[1].asset.name",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(b.withName(" "), goodB.commit()))));
    assertInvalid(
        "commits[1].commit",
        () ->
            store()
                .assets()
                .commitMetadataLocations(tenant, List.of(goodA, new AssetCommit(b, null))));
    assertInvalid(
        "commits[1].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(goodA, new AssetCommit(b, MetadataCommit.replacing(v("b", 1), " ")))));
    assertInvalid(
        "commits[1].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        goodA,
                        new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 1))))));
    assertInvalid(
        "commits[1].commit.location",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(b, goodB.commit().withLocation("")))));
    assertInvalid(
        "commits[1].commit.properties.remove",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        goodA,
                        new AssetCommit(
                            b,
                            goodB
                                .commit()
                                .withProperties(
                                    new PropertyUpdate(Map.of("k", "v"), Set.of("k")))))));
    assertInvalid(
        "commits[2].asset",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(goodA, goodB, new AssetCommit(a, MetadataCommit.first(v("a", 9))))));
    assertInvalid(
        "commits[1].asset.branch",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(onDev, goodB.commit()))));
    assertInvalid(
        "commits[1].asset.branch",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(inPond, goodB.commit()))));

    assertThat(snapshot(a, b)).isEqualTo(before);
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrAsset() {
    AssetRef missing = assetOnMain(sales, "missing");
    AssetCommit good = new AssetCommit(missing, MetadataCommit.first(v("missing", 1)));

    assertInvalid(
        "commits[1].asset",
        () -> store().assets().commitMetadataLocations(TenantId.random(), List.of(good, good)));
    assertInvalid(
        "commits[0].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(new AssetCommit(missing, MetadataCommit.first("")))));
  }

  // ---------------------------------------------------------------------------------------------
  // Time

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

  // ---------------------------------------------------------------------------------------------
  // Concurrency

  @Test
  void aSingleCommitThatLandedFirstMakesTheMultiAssetCommitFailWhole() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    await(
        peerStore()
            .assets()
            .commitMetadataLocation(
                tenant, b, MetadataCommit.replacing(v("b", 1), "s3://single/b.json")));
    Snapshot before = snapshot(a, b);

    AssetsConflictException conflict =
        assertFails(
            AssetsConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocations(
                        tenant,
                        List.of(
                            new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2))),
                            new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 2))))));

    assertThat(conflict.conflicts())
        .containsExactly(
            new StaleAsset(b, Optional.of(v("b", 1)), Optional.of("s3://single/b.json")));
    assertThat(snapshot(a, b)).isEqualTo(before);
  }

  @Test
  void ofRacingMultiAssetCommitsOverOverlappingAssetsExactlyOneWinsWhole() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef c = table("c");
    // Every racer's set holds c, so any two racers overlap; all expect version 1.
    List<List<AssetRef>> sets = List.of(List.of(a, b, c), List.of(c, b), List.of(a, c), List.of(c));

    List<Race.Outcome<List<Asset>>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocations(
                        tenant,
                        sets.get(racer % sets.size()).stream()
                            .map(
                                ref ->
                                    new AssetCommit(
                                        ref,
                                        MetadataCommit.replacing(
                                                v(ref.name(), 1), racerLocation(racer, ref))
                                            .withProperties(
                                                PropertyUpdate.setting(
                                                    "writer", "racer-" + racer))))
                            .toList()));

    int won = Race.assertOneWinner(outcomes, AssetsConflictException.class).racer();
    List<AssetRef> winnersSet = sets.get(won % sets.size());
    for (AssetRef ref : List.of(a, b, c)) {
      Asset stored = read(ref);
      if (winnersSet.contains(ref)) {
        assertThat(stored.metadataLocation())
            .as("%s, committed by the winner", ref)
            .contains(racerLocation(won, ref));
        assertThat(stored.properties()).containsEntry("writer", "racer-" + won);
        assertThat(historyLocations(ref))
            .containsExactly(racerLocation(won, ref), v(ref.name(), 1));
      } else {
        assertThat(stored.metadataLocation())
            .as("%s, not in the winner's set", ref)
            .contains(v(ref.name(), 1));
        assertThat(stored.properties()).isEmpty();
        assertThat(historyLocations(ref)).containsExactly(v(ref.name(), 1));
      }
    }
    for (Race.Outcome<List<Asset>> lost : outcomes) {
      if (lost.succeeded()) {
        continue;
      }
      AssetsConflictException conflict = (AssetsConflictException) lost.failure();
      assertThat(conflict.conflicts())
          .as("the stale parts reported to racer %d", lost.racer())
          .isNotEmpty()
          .allSatisfy(
              stale -> {
                assertThat(winnersSet).contains(stale.asset());
                assertThat(stale.expected()).contains(v(stale.asset().name(), 1));
                assertThat(stale.current()).contains(racerLocation(won, stale.asset()));
              });
    }
  }

  @Test
  void twoMultiAssetCommitsOverTheSameAssetsInOppositeOrdersDoNotDeadlockAndOneWins() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    String[] current = {v("a", 1), v("b", 1)};

    for (int round = 1; round <= ROUNDS; round++) {
      String expectedA = current[0];
      String expectedB = current[1];
      int r = round;
      List<Race.Outcome<List<Asset>>> outcomes =
          Race.run(
              store(),
              peerStore(),
              (store, racer) -> {
                AssetCommit onA =
                    new AssetCommit(
                        a,
                        MetadataCommit.replacing(
                            expectedA, "s3://a/r" + r + "-" + racer + ".json"));
                AssetCommit onB =
                    new AssetCommit(
                        b,
                        MetadataCommit.replacing(
                            expectedB, "s3://b/r" + r + "-" + racer + ".json"));
                return store
                    .assets()
                    .commitMetadataLocations(
                        tenant, racer % 2 == 0 ? List.of(onA, onB) : List.of(onB, onA));
              });

      int won = Race.assertOneWinner(outcomes, AssetsConflictException.class).racer();
      current[0] = "s3://a/r" + round + "-" + won + ".json";
      current[1] = "s3://b/r" + round + "-" + won + ".json";
      assertThat(read(a).metadataLocation()).as("a after round %d", round).contains(current[0]);
      assertThat(read(b).metadataLocation()).as("b after round %d", round).contains(current[1]);
    }
    assertThat(history(a)).hasSize(ROUNDS + 1);
    assertThat(history(b)).hasSize(ROUNDS + 1);
    assertOneChain(history(a));
    assertOneChain(history(b));
  }

  @Test
  void aRacingSingleCommitOnOnePartMakesTheMultiAssetCommitFailWhole() {
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef c = table("c");

    for (int round = 1; round <= ROUNDS; round++) {
      Asset beforeA = read(a);
      Asset beforeB = read(b);
      Asset beforeC = read(c);
      String single = "s3://single/b-" + round + ".json";
      String multi = "-multi-" + round + ".json";
      List<AssetCommit> parts =
          List.of(beforeA, beforeB, beforeC).stream()
              .map(
                  asset ->
                      new AssetCommit(
                          asset.ref(),
                          MetadataCommit.replacing(
                              asset.metadataLocation().orElseThrow(),
                              "s3://" + asset.ref().name() + multi)))
              .toList();
      List<Outcome<?>> outcomes =
          ConcurrentCalls.race(
              2,
              thread -> {
                CatalogStore store = thread == 0 ? store() : peerStore();
                if (thread == 0) {
                  return Outcome.of(
                      () ->
                          store
                              .assets()
                              .commitMetadataLocation(
                                  tenant,
                                  b,
                                  MetadataCommit.replacing(
                                      beforeB.metadataLocation().orElseThrow(), single)));
                }
                return Outcome.of(() -> store.assets().commitMetadataLocations(tenant, parts));
              });

      Outcome<?> singleOutcome = outcomes.get(0);
      Outcome<?> multiOutcome = outcomes.get(1);
      assertThat(singleOutcome.succeeded() ^ multiOutcome.succeeded())
          .as(
              "exactly one of the single commit %s and the multi-asset commit %s won in round %d",
              singleOutcome, multiOutcome, round)
          .isTrue();
      if (singleOutcome.succeeded()) {
        assertThat(multiOutcome.failure().orElseThrow())
            .isInstanceOf(AssetsConflictException.class);
        assertThat(((AssetsConflictException) multiOutcome.failure().orElseThrow()).conflicts())
            .extracting(StaleAsset::asset)
            .containsExactly(b);
        assertThat(get(a)).as("a, of the multi-asset commit that lost").contains(beforeA);
        assertThat(get(c)).as("c, of the multi-asset commit that lost").contains(beforeC);
        assertThat(read(b).metadataLocation()).contains(single);
      } else {
        assertThat(singleOutcome.failure().orElseThrow()).isInstanceOf(ConflictException.class);
        assertThat(read(a).metadataLocation()).contains("s3://a" + multi);
        assertThat(read(b).metadataLocation()).contains("s3://b" + multi);
        assertThat(read(c).metadataLocation()).contains("s3://c" + multi);
      }
    }
    for (AssetRef ref : List.of(a, b, c)) {
      assertOneChain(history(ref));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static String racerLocation(int racer, AssetRef ref) {
    return "s3://lake/sales/" + ref.name() + "/metadata/racer-" + racer + ".json";
  }

  /** Some assets with their histories, by coordinates. */
  private record Snapshot(
      Map<AssetRef, Optional<Asset>> assets, Map<AssetRef, List<MetadataLocation>> histories) {}

  private Snapshot snapshot(AssetRef... refs) {
    Map<AssetRef, Optional<Asset>> assets = new LinkedHashMap<>();
    Map<AssetRef, List<MetadataLocation>> histories = new LinkedHashMap<>();
    for (AssetRef ref : refs) {
      assets.put(ref, get(ref));
      histories.put(ref, new ArrayList<>(history(ref)));
    }
    return new Snapshot(assets, histories);
  }
}
