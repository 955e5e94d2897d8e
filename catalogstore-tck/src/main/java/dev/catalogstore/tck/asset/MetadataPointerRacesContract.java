package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.ConcurrentCalls.Outcome;
import dev.catalogstore.tck.Race;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Concurrent writers of the metadata pointer: of N writers holding the same expected location
 * exactly one wins, also across two store instances over the same data, and writers retrying on
 * conflict land every commit in one chain. Races use fixed numbers of threads and commits, half
 * through {@link #store()} and half through {@link #peerStore()}: {@link Race} when each racer
 * makes one call, {@link ConcurrentCalls} when each runs a whole workload.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MetadataPointerRacesContract extends MetadataPointerSuite {
  /** Writers, and commits each must land, in the retrying race. */
  private static final int RETRYING_WRITERS = 8;

  private static final int COMMITS_PER_WRITER = 5;

  @Test
  void aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    String seenByA =
        await(store().assets().get(tenant, orders)).orElseThrow().metadataLocation().orElseThrow();
    String seenByB =
        await(peerStore().assets().get(tenant, orders))
            .orElseThrow()
            .metadataLocation()
            .orElseThrow();

    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(seenByA, "s3://writer-a/2.json")));
    ConflictException lost =
        assertFails(
            ConflictException.class,
            () ->
                peerStore()
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.replacing(seenByB, "s3://writer-b/2.json")));
    assertThat(lost.currentValue()).contains("s3://writer-a/2.json");
    Asset retried =
        await(
            peerStore()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(
                        lost.currentValue().orElseThrow(), "s3://writer-b/2.json")));

    assertThat(retried.metadataLocation()).contains("s3://writer-b/2.json");
    assertThat(await(store().assets().get(tenant, orders))).contains(retried);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly("s3://writer-b/2.json", "s3://writer-a/2.json", v(1));
    assertOneChain(history(orders));
  }

  @Test
  void ofTwoWritersCommittingAFirstLocationTheSecondConflictsWithTheFirstsLocation() {
    AssetRef orders = tableWithoutMetadata("orders");

    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.first("s3://writer-a/1.json")));
    ConflictException lost =
        assertFails(
            ConflictException.class,
            () ->
                peerStore()
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.first("s3://writer-b/1.json")));

    assertThat(lost.currentValue()).contains("s3://writer-a/1.json");
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly("s3://writer-a/1.json");
  }

  @Test
  void ofConcurrentCommitsWithTheSameExpectedLocationExactlyOneWins() {
    AssetRef orders = tableWithMetadata("orders", v(1));

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.replacing(v(1), racerLocation(racer, 0))));

    assertExactlyOneWon(orders, outcomes, Optional.of(v(1)));
  }

  @Test
  void ofConcurrentFirstCommitsExactlyOneWins() {
    AssetRef orders = tableWithoutMetadata("orders");

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant, orders, MetadataCommit.first(racerLocation(racer, 0))));

    assertExactlyOneWon(orders, outcomes, Optional.empty());
  }

  @Test
  void writersRetryingOnConflictLandEveryCommitInOneChain() {
    AssetRef orders = tableWithoutMetadata("orders");
    // A writer's commit fails only after another commit landed since it last looked, so no
    // writer needs more attempts than its own commits plus all commits of the race.
    int maxAttempts = COMMITS_PER_WRITER + RETRYING_WRITERS * COMMITS_PER_WRITER;

    List<List<String>> landed =
        ConcurrentCalls.race(
            RETRYING_WRITERS,
            writer -> {
              CatalogStore store = storeOf(writer);
              List<String> mine = new ArrayList<>();
              Optional<String> current = Optional.empty();
              for (int attempt = 1; mine.size() < COMMITS_PER_WRITER; attempt++) {
                assertThat(attempt)
                    .as("attempts of writer %d", writer)
                    .isLessThanOrEqualTo(maxAttempts);
                String next = racerLocation(writer, mine.size());
                MetadataCommit commit =
                    current.isEmpty()
                        ? MetadataCommit.first(next)
                        : MetadataCommit.replacing(current.get(), next);
                Outcome<Asset> outcome =
                    Outcome.of(() -> store.assets().commitMetadataLocation(tenant, orders, commit));
                Optional<ConflictException> conflict = outcome.failure(ConflictException.class);
                if (conflict.isPresent()) {
                  assertThat(conflict.get().currentValue())
                      .as(
                          "a conflict reports the location that won, not the one the writer expected")
                      .isNotEqualTo(current);
                  current = conflict.get().currentValue();
                } else {
                  mine.add(next);
                  current = Optional.of(next);
                }
              }
              return mine;
            });

    List<MetadataLocation> history = history(orders);
    int total = RETRYING_WRITERS * COMMITS_PER_WRITER;
    assertThat(history).as("one entry per landed commit").hasSize(total);
    assertOneChain(history);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactlyInAnyOrderElementsOf(flatten(landed));
    List<String> oldestFirst =
        new ArrayList<>(history.stream().map(MetadataLocation::location).toList());
    Collections.reverse(oldestFirst);
    for (List<String> writerCommits : landed) {
      assertThat(oldestFirst.stream().filter(writerCommits::contains).toList())
          .as("a writer's commits in the order it landed them")
          .isEqualTo(writerCommits);
    }
    assertThat(get(orders).orElseThrow().metadataLocation()).contains(history.get(0).location());
  }

  private static String racerLocation(int racer, int commit) {
    return "s3://lake/sales/orders/metadata/writer-" + racer + "-commit-" + commit + ".json";
  }

  /** Racers alternate between the store and its peer, as writers on two nodes would. */
  private CatalogStore storeOf(int racer) {
    return racer % 2 == 0 ? store() : peerStore();
  }

  /**
   * Asserts that exactly one racer won, every other lost with a conflict naming the winner's
   * location, and the history holds the winner's commit once, right after {@code expected}.
   */
  private void assertExactlyOneWon(
      AssetRef ref, List<Race.Outcome<Asset>> outcomes, Optional<String> expected) {
    String won =
        Race.assertOneWinner(outcomes, ConflictException.class)
            .value()
            .metadataLocation()
            .orElseThrow();
    assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Race.Outcome::failure))
        .as("every loser's conflict names the location that won")
        .map(ConflictException.class::cast)
        .allSatisfy(conflict -> assertThat(conflict.currentValue()).contains(won));
    assertThat(get(ref).orElseThrow().metadataLocation()).contains(won);

    List<MetadataLocation> history = history(ref);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactlyElementsOf(expected.map(e -> List.of(won, e)).orElse(List.of(won)));
    assertOneChain(history);
  }

  private static <T> List<T> flatten(Collection<List<T>> lists) {
    return lists.stream().flatMap(List::stream).toList();
  }
}
