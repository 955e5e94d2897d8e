package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.Race;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The multi-asset commit ({@code assets().commitMetadataLocations}, Iceberg REST's multi-table
 * transaction) commits several assets of one catalog and branch as one all-or-nothing step; every
 * part is a compare-and-set. Concurrent commits over overlapping assets behave as if run one after
 * the other: exactly one of those with the same expectations wins, none is seen half applied, and
 * two commits naming the same assets in opposite orders never deadlock.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MultiAssetCommitRacesContract extends MultiAssetCommitSuite {
  /** Rounds of the races whose interleaving differs from run to run. */
  private static final int ROUNDS = 5;

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

  private static String racerLocation(int racer, AssetRef ref) {
    return "s3://lake/sales/" + ref.name() + "/metadata/racer-" + racer + ".json";
  }
}
