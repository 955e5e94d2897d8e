package dev.catalogstore.api.spi;

import static dev.catalogstore.api.spi.TestHistory.created;
import static dev.catalogstore.api.spi.TestHistory.key;
import static dev.catalogstore.api.spi.TestHistory.table;
import static dev.catalogstore.api.spi.TestHistory.updated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.PreconditionFailedException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * A whole merge decided by {@link Merges#decide}: the outcome of each kind of history, the plan,
 * the changes a merge commit records relative to its second parent, and the result a backend
 * returns; over an in-memory history.
 */
class MergesTest {
  private final TestHistory history = new TestHistory();

  /** What the target holds now, by key; keys not in it are absent. */
  private final Map<AssetKey, AssetContent> target = new HashMap<>();

  /** The keys {@link #current()} was asked for, in order. */
  private final List<AssetKey> asked = new ArrayList<>();

  private Function<AssetKey, Optional<AssetContent>> current() {
    return key -> {
      asked.add(key);
      return Optional.ofNullable(target.get(key));
    };
  }

  private Merges.Decision decide(
      CommitId source, boolean partial, CommitId targetHead, MergeStrategy strategy) {
    return Merges.decide(history, source, partial, targetHead, current(), strategy);
  }

  /** A fork commit holding orders and returns at v1. */
  private CommitId fork() {
    CommitId root = history.root();
    CommitId fork = history.commit(root, created("orders"), created("returns"));
    target.put(key("orders"), table("orders", 1));
    target.put(key("returns"), table("returns", 1));
    return fork;
  }

  @Test
  void aSourceHeadTheTargetAlreadyContainsIsUpToDate() {
    CommitId fork = fork();
    CommitId targetHead = history.commit(fork, updated("orders", 1, 2));

    Merges.Decision decision = decide(fork, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(decision.base()).isEqualTo(fork);
    assertThat(decision.plan().isNoOp()).isTrue();
    assertThat(decision.secondParentChanges()).isEmpty();
    assertThat(asked).isEmpty();
  }

  @Test
  void aTargetThatDidNotMoveIsFastForwarded() {
    CommitId fork = fork();
    CommitId s1 = history.commit(fork, updated("orders", 1, 2));
    CommitId s2 = history.commit(s1, created("items"));

    Merges.Decision decision = decide(s2, false, fork, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(decision.base()).isEqualTo(fork);
    assertThat(decision.plan().toApply())
        .containsExactly(created("items"), updated("orders", 1, 2));
    assertThat(decision.secondParentChanges()).isEmpty();
  }

  @Test
  void aPartialSourceIsNeverFastForwardedTo() {
    CommitId fork = fork();
    CommitId s1 = history.commit(fork, updated("orders", 1, 2));

    Merges.Decision decision = decide(s1, true, fork, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.plan().toApply()).containsExactly(updated("orders", 1, 2));
    assertThat(decision.secondParentChanges())
        .as("the target after the merge holds exactly the source's contents at the changed keys")
        .isEmpty();
  }

  @Test
  void divergedSidesMergeAndTheSecondParentChangesAreTheTargetsOwn() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2));
    CommitId targetHead = history.commit(fork, updated("returns", 1, 2));
    target.put(key("returns"), table("returns", 2));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.base()).isEqualTo(fork);
    assertThat(decision.plan().toApply()).containsExactly(updated("orders", 1, 2));
    assertThat(decision.secondParentChanges()).containsExactly(updated("returns", 1, 2));
    assertThat(asked).containsExactly(key("orders"));
  }

  @Test
  void theSecondParentChangesAreSortedByKey() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, created("zeta"));
    CommitId targetHead =
        history.commit(fork, updated("returns", 1, 2), updated("orders", 1, 2), created("alpha"));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.secondParentChanges())
        .extracting(AssetChange::key)
        .containsExactly(key("alpha"), key("orders"), key("returns"));
  }

  @Test
  void conflictsWithStrategyFailAreConflictedAndApplyNothing() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2), created("items"));
    CommitId targetHead = history.commit(fork, updated("orders", 1, 3));
    MergeConflict conflict =
        new MergeConflict(
            key("orders"),
            Optional.of(table("orders", 1)),
            Optional.of(table("orders", 2)),
            Optional.of(table("orders", 3)));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(decision.plan().toApply()).isEmpty();
    assertThat(decision.plan().conflicts()).containsExactly(conflict);
    assertThat(decision.reportedConflicts()).containsExactly(conflict);
    assertThat(decision.secondParentChanges()).isEmpty();
    assertThat(decision.conflictFailure().conflicts()).containsExactly(conflict);
    assertThat(decision.conflictFailure().getMessage()).contains("1 conflict").contains("orders");
    MergeResult dryRun = decision.result(targetHead, Optional.empty(), true);
    assertThat(dryRun.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(dryRun.applied()).isEmpty();
    assertThat(dryRun.conflicts()).containsExactly(conflict);
    assertThat(dryRun.targetHead()).isEqualTo(targetHead);
    assertThat(dryRun.dryRun()).isTrue();
  }

  @Test
  void theSameChangeOnBothSidesIsUpToDate() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2));
    CommitId targetHead = history.commit(fork, updated("orders", 1, 2));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(decision.plan().isNoOp()).isTrue();
  }

  @Test
  void targetWinsOnlyResolvingIsStillAMergeWhoseSecondParentChangesKeepTheTarget() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2));
    CommitId targetHead = history.commit(fork, updated("orders", 1, 3));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.TARGET_WINS);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.plan().toApply()).isEmpty();
    assertThat(decision.reportedConflicts())
        .extracting(MergeConflict::key)
        .containsExactly(key("orders"));
    assertThat(decision.secondParentChanges()).containsExactly(updated("orders", 2, 3));
  }

  @Test
  void sourceWinsInstallsTheSourcesContentSoTheSecondParentSeesNoChange() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2));
    CommitId targetHead = history.commit(fork, updated("orders", 1, 3));

    Merges.Decision decision = decide(source, false, targetHead, MergeStrategy.SOURCE_WINS);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(decision.plan().toApply()).containsExactly(updated("orders", 3, 2));
    assertThat(decision.secondParentChanges()).isEmpty();
    MergeResult result = decision.result(CommitId.random(), Optional.empty(), false);
    assertThat(result.applied()).containsExactly(updated("orders", 3, 2));
    assertThat(result.conflicts()).extracting(MergeConflict::key).containsExactly(key("orders"));
  }

  @Test
  void aPartialSourcesCreateOverAKeyItNeverCopiedKeepsTheTargetsContentWithTargetWins() {
    CommitId fork = fork();
    // The partial source never copied returns, and created its own.
    AssetChange ownReturns = AssetChange.created(key("returns"), table("returns", 9));
    CommitId source = history.commit(fork, ownReturns);

    Merges.Decision failing = decide(source, true, fork, MergeStrategy.FAIL);
    Merges.Decision keeping = decide(source, true, fork, MergeStrategy.TARGET_WINS);

    assertThat(failing.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(failing.plan().conflicts())
        .containsExactly(
            new MergeConflict(
                key("returns"),
                Optional.of(table("returns", 1)),
                Optional.of(table("returns", 9)),
                Optional.of(table("returns", 1))));
    assertThat(keeping.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(keeping.secondParentChanges()).containsExactly(updated("returns", 9, 1));
  }

  @Test
  void theTargetsContentIsReadOnceAndOnlyForKeysOnlyTheSourceChanged() {
    CommitId fork = fork();
    CommitId s1 = history.commit(fork, updated("orders", 1, 2), created("items"));
    CommitId s2 = history.commit(s1, updated("orders", 2, 3));
    CommitId targetHead = history.commit(fork, updated("returns", 1, 2), created("zeta"));
    target.put(key("returns"), table("returns", 2));

    Merges.Decision decision = decide(s2, false, targetHead, MergeStrategy.FAIL);

    assertThat(decision.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(asked).containsExactlyInAnyOrder(key("items"), key("orders"));
  }

  @Test
  void aResultNamesTheMergeCommitAndTheHeads() {
    CommitId fork = fork();
    CommitId source = history.commit(fork, updated("orders", 1, 2));
    CommitId targetHead = history.commit(fork, created("items"));
    CommitId mergeCommit = CommitId.random();

    MergeResult result =
        decide(source, false, targetHead, MergeStrategy.FAIL)
            .result(mergeCommit, Optional.of(mergeCommit), false);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.base()).isEqualTo(fork);
    assertThat(result.sourceHead()).isEqualTo(source);
    assertThat(result.targetHead()).isEqualTo(mergeCommit);
    assertThat(result.mergeCommit()).contains(mergeCommit);
    assertThat(result.applied()).containsExactly(updated("orders", 1, 2));
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.dryRun()).isFalse();
  }

  @Test
  void headsThatShareNoHistoryFailAsABrokenStore() {
    CommitId a = history.commit(history.root(), created("orders"));
    CommitId b = history.commit(history.root(), created("orders"));

    assertThatThrownBy(() -> decide(a, false, b, MergeStrategy.FAIL))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("share no history");
  }

  @Test
  void anExperimentalSourceIsNotMergeable() {
    BranchRef lab = new BranchRef("lake", "lab");

    assertThatThrownBy(() -> Merges.requireMergeable(lab, BranchType.EXPERIMENTAL))
        .isInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("'lab'")
        .hasMessageContaining("'lake'");
    Merges.requireMergeable(lab, BranchType.INGEST);
  }
}
