package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.TestHistory.created;
import static dev.catalogstore.api.spi.TestHistory.key;
import static dev.catalogstore.api.spi.TestHistory.table;
import static dev.catalogstore.api.spi.TestHistory.updated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Merges over a criss-cross history: branches A and B fork, A changes {@code orders}, B changes
 * {@code returns}, then each merges the other's first commit, so both merge commits have the two
 * first commits as nearest common ancestors. Which of the two {@link MergeBase} picks depends on
 * the commits' random ids, so each test is repeated: the answer must not depend on the pick, which
 * holds because {@link Merges} compares against the virtual base merged from both ({@link
 * VirtualBase}).
 */
class CrissCrossMergeTest {
  private final TestHistory history = new TestHistory();
  private final Map<AssetKey, AssetContent> onA = new HashMap<>();

  private CommitId a1;
  private CommitId b1;
  private CommitId mergeOnA;
  private CommitId mergeOnB;

  /** Builds the criss-cross; A's assets end with orders at 2 and returns at 2. */
  private void crissCross() {
    CommitId fork = history.commit(history.root(), created("orders"), created("returns"));
    a1 = history.commit(fork, updated("orders", 1, 2));
    b1 = history.commit(fork, updated("returns", 1, 2));
    mergeOnA =
        history.merge(a1, b1, List.of(updated("returns", 1, 2)), List.of(updated("orders", 1, 2)));
    mergeOnB =
        history.merge(b1, a1, List.of(updated("orders", 1, 2)), List.of(updated("returns", 1, 2)));
    onA.put(key("orders"), table("orders", 2));
    onA.put(key("returns"), table("returns", 2));
  }

  private Merges.Decision mergeIntoA(CommitId source, CommitId targetHead) {
    return Merges.decide(
        history,
        source,
        false,
        targetHead,
        key -> Optional.ofNullable(onA.get(key)),
        MergeStrategy.FAIL);
  }

  @RepeatedTest(20)
  void bothFirstCommitsAreNearestCommonAncestors() {
    crissCross();

    assertThat(MergeBase.nearestCommonAncestors(history, mergeOnA, mergeOnB))
        .containsExactlyInAnyOrder(a1, b1);
  }

  @RepeatedTest(20)
  void aKeyChangedAgainOnOneSideAfterTheCrissCrossMergesWithoutConflict() {
    crissCross();
    // B changes again the orders it received from A.
    CommitId b2 = history.commit(mergeOnB, updated("orders", 2, 3));

    Merges.Decision decision = mergeIntoA(b2, mergeOnA);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.plan().toApply()).containsExactly(updated("orders", 2, 3));
    assertThat(decision.plan().conflicts()).isEmpty();
  }

  @RepeatedTest(20)
  void keysEachSideChangedAgainAfterTheCrissCrossMergeWithoutConflict() {
    crissCross();
    // B changes again what it received from A, and A changes again what it received from B.
    CommitId b2 = history.commit(mergeOnB, updated("orders", 2, 3));
    CommitId a2 = history.commit(mergeOnA, updated("returns", 2, 3));
    onA.put(key("returns"), table("returns", 3));

    Merges.Decision decision = mergeIntoA(b2, a2);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.plan().toApply()).containsExactly(updated("orders", 2, 3));
    assertThat(decision.secondParentChanges()).containsExactly(updated("returns", 2, 3));
  }

  @RepeatedTest(20)
  void theSameKeyChangedAgainOnBothSidesIsAConflictFromTheMergedBase() {
    crissCross();
    CommitId b2 = history.commit(mergeOnB, updated("orders", 2, 3));
    CommitId a2 = history.commit(mergeOnA, updated("orders", 2, 4));
    onA.put(key("orders"), table("orders", 4));

    Merges.Decision decision = mergeIntoA(b2, a2);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(decision.plan().conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(table("orders", 2)),
                Optional.of(table("orders", 3)),
                Optional.of(table("orders", 4))));
  }

  @RepeatedTest(20)
  void mergingTheCrissCrossHeadsWithNothingNewIsUpToDate() {
    crissCross();

    Merges.Decision decision = mergeIntoA(mergeOnB, mergeOnA);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(decision.plan().isNoOp()).isTrue();
  }

  @RepeatedTest(20)
  void ancestorsThatDisagreeLeaveBothChangesVisibleAsAConflict() {
    // A and B change orders differently, and each resolves the other's merge its own way.
    CommitId fork = history.commit(history.root(), created("orders"));
    a1 = history.commit(fork, updated("orders", 1, 2));
    b1 = history.commit(fork, updated("orders", 1, 3));
    mergeOnA = history.merge(a1, b1, List.of(), List.of(updated("orders", 3, 2)));
    mergeOnB = history.merge(b1, a1, List.of(), List.of(updated("orders", 2, 3)));
    onA.put(key("orders"), table("orders", 2));

    Merges.Decision decision = mergeIntoA(mergeOnB, mergeOnA);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(decision.plan().conflicts())
        .containsExactly(
            new MergeConflict(
                key("orders"),
                Optional.of(table("orders", 1)),
                Optional.of(table("orders", 3)),
                Optional.of(table("orders", 2))));
  }
}
