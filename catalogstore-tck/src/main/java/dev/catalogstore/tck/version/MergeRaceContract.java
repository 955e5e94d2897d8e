package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.tck.ConcurrentCalls;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Specifies that a merge is one atomic step guarded by the target's head: a commit that lands on
 * the target while a merge runs is never lost. Each acknowledged commit is still in the target's
 * content and in its history afterwards (the merge either saw it or failed with a retryable error),
 * and the committer never finds its own previous commit undone.
 *
 * <p>A bounded race of two threads: one commits the metadata pointer of table {@code hot} on main
 * again and again (through the store); the other creates a table on branch {@code dev} and merges
 * dev into main, again and again (through the peer store).
 */
public abstract class MergeRaceContract extends VersionSuite {
  private static final int COMMITS = 40;
  private static final int MERGES = 15;

  @Test
  void aCommitRacingAMergeOntoTheTargetIsNeverLost() {
    table(main, "hot");
    BranchRef dev = fork("dev");

    List<List<String>> results =
        ConcurrentCalls.race(
            2, thread -> thread == 0 ? commitHot(store()) : mergeDev(peerStore(), dev));

    List<String> commitFailures = results.get(0);
    List<String> merged = results.get(1);
    assertThat(commitFailures)
        .as("commits of hot on main that found their own previous commit undone or failed")
        .isEmpty();
    assertThat(read(main, "hot").metadataLocation())
        .as("main's hot after the race: the last acknowledged commit")
        .contains(v("hot", COMMITS + 1));
    assertThat(historyLocations(main, "hot"))
        .as("every acknowledged commit of hot, newest first")
        .containsExactlyElementsOf(
            IntStream.iterate(COMMITS + 1, n -> n >= 1, n -> n - 1)
                .mapToObj(n -> v("hot", n))
                .toList());
    assertThat(merged).as("the merges that succeeded").isNotEmpty();
    for (String name : merged) {
      assertThat(get(main, name)).as("%s, merged into main", name).isPresent();
    }
    assertThat(contents(main).get(key("hot"))).isEqualTo(tableContent("hot", COMMITS + 1));
    assertThat(commitsOfHotReachableFromMain())
        .as("the commits of hot that main's history reaches through any parent")
        .isEqualTo(COMMITS);
  }

  /** How many commits that main's head reaches, through any parent, changed hot's pointer. */
  private long commitsOfHotReachableFromMain() {
    Set<CommitId> seen = new HashSet<>();
    Deque<CommitId> toVisit = new ArrayDeque<>();
    toVisit.push(head(main));
    while (!toVisit.isEmpty()) {
      CommitId id = toVisit.pop();
      if (seen.add(id)) {
        commit(id).parents().forEach(toVisit::push);
      }
    }
    return seen.stream()
        .filter(
            id ->
                operations(id).stream()
                    .anyMatch(
                        op -> op.key().equals(key("hot")) && !op.isCreate() && !op.isDelete()))
        .count();
  }

  /** Commits hot from v1 to v{COMMITS + 1}; returns the failures (none expected). */
  private List<String> commitHot(CatalogStore store) {
    List<String> failures = new ArrayList<>();
    for (int i = 1; i <= COMMITS; i++) {
      MetadataCommit commit = MetadataCommit.replacing(v("hot", i), v("hot", i + 1));
      ConcurrentCalls.Outcome<?> outcome =
          ConcurrentCalls.Outcome.of(
              () -> store.assets().commitMetadataLocation(tenant, at(main, "hot"), commit));
      if (!outcome.succeeded()) {
        failures.add("commit " + i + " -> " + (i + 1) + ": " + outcome.failure().get());
        break;
      }
    }
    return failures;
  }

  /**
   * Creates table d{j} on dev and merges dev into main, MERGES times; returns the tables whose
   * merge succeeded. A merge may fail only with a retryable error.
   */
  private List<String> mergeDev(CatalogStore store, BranchRef dev) {
    List<String> merged = new ArrayList<>();
    for (int j = 1; j <= MERGES; j++) {
      String name = "d" + j;
      ConcurrentCalls.Outcome<?> created =
          ConcurrentCalls.Outcome.of(
              () ->
                  store
                      .assets()
                      .create(
                          tenant,
                          at(dev, name),
                          NewAsset.icebergTable("s3://lake/sales/" + name, v(name, 1))));
      assertThat(created.failure()).as("creating %s on dev", name).isEmpty();
      ConcurrentCalls.Outcome<MergeResult> merge =
          ConcurrentCalls.Outcome.of(() -> store.branches().merge(tenant, dev, main));
      if (merge.succeeded()) {
        merged.add(name);
      } else {
        CatalogStoreException failure = merge.failure().get();
        assertThat(failure.isRetryable())
            .as("a merge racing a commit may only fail with a retryable error, not %s", failure)
            .isTrue();
      }
    }
    return merged;
  }
}
