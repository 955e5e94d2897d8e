package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The merge base, the nearest common ancestor of two heads, over an in-memory commit graph that
 * counts how much of it a walk reads.
 */
class MergeBaseTest {
  private final TestGraph graph = new TestGraph();

  @Test
  void onALinearHistoryTheBaseIsTheOlderHead() {
    CommitId root = graph.root();
    CommitId c1 = graph.commit(root);
    CommitId c2 = graph.commit(c1);

    assertThat(MergeBase.find(graph, c2, c1)).contains(c1);
    assertThat(MergeBase.find(graph, c1, c2)).contains(c1);
    assertThat(MergeBase.find(graph, root, c2)).contains(root);
  }

  @Test
  void aCommitIsItsOwnBase() {
    CommitId c1 = graph.commit(graph.root());

    assertThat(MergeBase.find(graph, c1, c1)).contains(c1);
  }

  @Test
  void whenOneHeadIsAnAncestorOfTheOtherTheBaseIsThatHeadForAFastForward() {
    CommitId main = graph.commit(graph.root());
    CommitId dev = graph.commit(graph.commit(graph.commit(main)));

    assertThat(MergeBase.find(graph, main, dev)).contains(main);
    assertThat(MergeBase.find(graph, dev, main)).contains(main);
  }

  @Test
  void afterAForkTheBaseIsTheForkPoint() {
    CommitId fork = graph.commit(graph.root());
    CommitId main = graph.commit(graph.commit(fork));
    CommitId dev = graph.commit(graph.commit(graph.commit(fork)));

    assertThat(MergeBase.find(graph, dev, main)).contains(fork);
    assertThat(MergeBase.find(graph, main, dev)).contains(fork);
  }

  @Test
  void afterAMergeTheBaseOfTheNextMergeIsTheMergedSourceHead() {
    CommitId fork = graph.commit(graph.root());
    CommitId dev = graph.commit(fork);
    CommitId main = graph.commit(graph.commit(fork), dev);
    CommitId devLater = graph.commit(dev);

    assertThat(MergeBase.find(graph, devLater, main)).contains(dev);
  }

  @Test
  void afterSyncingTheTargetIntoTheSourceTheBaseMovesToTheSyncPoint() {
    // main and dev changed the same table; syncing main into dev resolved it there. Merging dev
    // back compares from main's head as it was synced, so main's old change is not a change of the
    // target any more and the resolved conflict is not reported again.
    CommitId fork = graph.commit(graph.root());
    CommitId mainChange = graph.commit(fork);
    CommitId devChange = graph.commit(fork);
    CommitId sync = graph.commit(devChange, mainChange);
    CommitId devAfterSync = graph.commit(sync);

    assertThat(MergeBase.find(graph, devAfterSync, mainChange)).contains(mainChange);
  }

  @Test
  void inACrissCrossHistoryTheBaseIsChosenDeterministicallyWhicheverHeadComesFirst() {
    CommitId root = graph.root();
    CommitId x = graph.commitWithId(id("00000000-0000-0000-0000-00000000000b"), root);
    CommitId y = graph.commitWithId(id("00000000-0000-0000-0000-00000000000a"), root);
    CommitId a = graph.commit(x, y);
    CommitId b = graph.commit(y, x);

    // x and y are both nearest common ancestors, of equal generation: the smaller id wins.
    assertThat(MergeBase.find(graph, a, b)).contains(y);
    assertThat(MergeBase.find(graph, b, a)).contains(y);
  }

  @Test
  void inACrissCrossHistoryAHigherGenerationWinsOverASmallerId() {
    CommitId root = graph.root();
    CommitId x = graph.commitWithId(id("ffffffff-0000-0000-0000-000000000000"), graph.commit(root));
    CommitId y = graph.commitWithId(id("00000000-0000-0000-0000-000000000001"), root);
    CommitId a = graph.commit(x, y);
    CommitId b = graph.commit(y, x);

    assertThat(MergeBase.find(graph, a, b)).contains(x);
    assertThat(MergeBase.find(graph, b, a)).contains(x);
  }

  @Test
  void idsCompareAsUuidStringsNotAsSignedNumbers() {
    // UUID.compareTo compares signed longs and would put 8... before 0...; the string order does
    // not, and is the order a backend can reproduce in SQL.
    CommitId root = graph.root();
    CommitId low = graph.commitWithId(id("00000000-0000-0000-0000-000000000001"), root);
    CommitId high = graph.commitWithId(id("80000000-0000-0000-0000-000000000000"), root);
    CommitId a = graph.commit(low, high);
    CommitId b = graph.commit(high, low);

    assertThat(MergeBase.find(graph, a, b)).contains(low);
  }

  @Test
  void commitsWithoutCommonHistoryHaveNoBase() {
    CommitId one = graph.commit(graph.root());
    CommitId other = graph.commit(graph.root());

    assertThat(MergeBase.find(graph, one, other)).isEmpty();
  }

  @Test
  void findingTheBaseReadsOnlyTheCommitsSinceTheForkNotTheWholeHistory() {
    CommitId fork = graph.root();
    for (int i = 0; i < 10_000; i++) {
      fork = graph.commit(fork);
    }
    CommitId main = fork;
    CommitId dev = fork;
    for (int i = 0; i < 5; i++) {
      main = graph.commit(main);
      dev = graph.commit(dev);
    }
    graph.parentReads = 0;

    assertThat(MergeBase.find(graph, dev, main)).contains(fork);
    // Five commits on each side, the fork point itself, and nothing below it.
    assertThat(graph.parentReads).isEqualTo(11);
  }

  @Test
  void aFastForwardCheckReadsOnlyTheCommitsBetweenTheTwo() {
    CommitId main = graph.root();
    for (int i = 0; i < 10_000; i++) {
      main = graph.commit(main);
    }
    CommitId dev = main;
    for (int i = 0; i < 5; i++) {
      dev = graph.commit(dev);
    }
    graph.parentReads = 0;

    assertThat(MergeBase.find(graph, main, dev)).contains(main);
    assertThat(graph.parentReads).isLessThanOrEqualTo(6);
  }

  @Test
  void aCommitIsAnAncestorOfItselfAndOfItsDescendantsOnly() {
    CommitId root = graph.root();
    CommitId fork = graph.commit(root);
    CommitId main = graph.commit(fork);
    CommitId dev = graph.commit(fork);
    CommitId merge = graph.commit(main, dev);

    assertThat(MergeBase.isAncestor(graph, fork, fork)).isTrue();
    assertThat(MergeBase.isAncestor(graph, root, merge)).isTrue();
    assertThat(MergeBase.isAncestor(graph, dev, merge)).isTrue();
    assertThat(MergeBase.isAncestor(graph, merge, dev)).isFalse();
    assertThat(MergeBase.isAncestor(graph, main, dev)).isFalse();
  }

  @Test
  void anAncestryCheckDoesNotWalkBelowTheAncestorsGeneration() {
    CommitId tip = graph.root();
    for (int i = 0; i < 10_000; i++) {
      tip = graph.commit(tip);
    }
    CommitId sideline = graph.commit(tip);
    CommitId head = graph.commit(graph.commit(tip));
    graph.parentReads = 0;

    assertThat(MergeBase.isAncestor(graph, tip, head)).isTrue();
    assertThat(graph.parentReads).isEqualTo(2);

    graph.parentReads = 0;
    assertThat(MergeBase.isAncestor(graph, sideline, head)).isFalse();
    assertThat(graph.parentReads).isEqualTo(1);
  }

  @Test
  void aParentWhoseGenerationIsNotLowerThanItsChildsIsAStoreDefect() {
    // bad claims generation 0 like its parent root: a walk ordered by generation could leave root
    // behind before reaching it from bad, and answer wrongly.
    CommitId root = graph.root();
    CommitId bad = graph.commitWithGeneration(0, root);
    CommitId main = graph.commit(bad);
    CommitId dev = graph.commit(root);

    assertThatThrownBy(() -> MergeBase.find(graph, main, dev))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining(root.toString())
        .hasMessageContaining(bad.toString());
    assertThatThrownBy(() -> MergeBase.find(graph, dev, main))
        .isInstanceOf(InternalStoreException.class);
  }

  @Test
  void anAncestryCheckReadingAParentWithAHigherGenerationIsAStoreDefect() {
    CommitId root = graph.root();
    CommitId high = graph.commitWithGeneration(3, root);
    CommitId low = graph.commitWithGeneration(2, high);

    assertThatThrownBy(() -> MergeBase.isAncestor(graph, root, low))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("generation 3");
  }

  @Test
  void aTargetsOwnHistoryBelowTheBaseIsNotWalkedOnceTheSourceSideIsDone() {
    // main keeps 100 commits of its own that the feature branch never takes in, then merges the
    // feature branch; the feature branch moves on by one commit. Below the base, only main's own
    // commits are left to visit: none can be reached from the feature branch any more.
    CommitId fork = graph.commit(graph.root());
    CommitId mainHead = fork;
    for (int i = 0; i < 100; i++) {
      mainHead = graph.commit(mainHead);
    }
    CommitId feature = fork;
    for (int i = 0; i < 200; i++) {
      feature = graph.commit(feature);
    }
    CommitId merged = graph.commit(mainHead, feature);
    CommitId next = graph.commit(feature);
    graph.parentReads = 0;

    assertThat(MergeBase.find(graph, next, merged)).contains(feature);
    assertThat(graph.parentReads).as("parent reads").isLessThan(10);
  }

  private static CommitId id(String uuid) {
    return new CommitId(UUID.fromString(uuid));
  }

  /** Commits in memory, with their generations, counting the parent reads of a walk. */
  private static final class TestGraph implements CommitGraph {
    private final Map<CommitId, List<CommitId>> parents = new HashMap<>();
    private final Map<CommitId, Long> generations = new HashMap<>();
    int parentReads;

    CommitId root() {
      return commitWithId(CommitId.random());
    }

    CommitId commit(CommitId... parentIds) {
      return commitWithId(CommitId.random(), parentIds);
    }

    CommitId commitWithId(CommitId id, CommitId... parentIds) {
      long generation = -1;
      for (CommitId parent : parentIds) {
        generation = Math.max(generation, generations.get(parent));
      }
      parents.put(id, List.of(parentIds));
      generations.put(id, generation + 1);
      return id;
    }

    /** A commit stored with {@code generation}, right or wrong. */
    CommitId commitWithGeneration(long generation, CommitId... parentIds) {
      CommitId id = commit(parentIds);
      generations.put(id, generation);
      return id;
    }

    @Override
    public List<CommitId> parents(CommitId commit) {
      parentReads++;
      return parents.get(commit);
    }

    @Override
    public long generation(CommitId commit) {
      return generations.get(commit);
    }
  }
}
