package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies the outcomes of {@code branches().merge} without conflicts (DESIGN §2.7): a
 * fast-forward when the target did not move, a merge commit with two parents when both sides moved,
 * nothing when the source has nothing new (the same merge made again, or the same change made on
 * both sides), deletions that propagate, and a rename that merges as a deletion plus a creation.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MergeOutcomeContract extends VersionSuite {
  @Test
  void aTargetThatDidNotMoveIsFastForwardedWithoutAMergeCommit() {
    Asset orders = table(main, "orders");
    CommitId fork = head(main);
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "returns");
    CommitId devHead = head(dev);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(result.mergeCommit()).isEmpty();
    assertThat(result.base()).isEqualTo(fork);
    assertThat(result.sourceHead()).isEqualTo(devHead);
    assertThat(result.targetHead()).isEqualTo(devHead);
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.dryRun()).isFalse();
    assertThat(head(main)).as("main's head after the fast-forward").isEqualTo(devHead);
    assertThat(contents(main)).isEqualTo(contents(dev));
    assertThat(read(main, "orders").id()).as("the id of main's orders").isEqualTo(orders.id());
    assertThat(read(main, "returns").id())
        .as("main's new asset has an id of its own")
        .isNotEqualTo(read(dev, "returns").id());
  }

  @Test
  void divergedDisjointChangesAreMergedWithAMergeCommitOfTwoParents() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    pointer(main, "returns", 1, 2);
    CommitId mainHead = head(main);
    CommitId devHead = head(dev);
    Map<AssetKey, ?> devBefore = assets(dev);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.mergeCommit()).isPresent();
    assertThat(head(main)).isEqualTo(result.mergeCommit().get());
    assertThat(commit(result.mergeCommit().get()).parents()).containsExactly(mainHead, devHead);
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 2)),
            Map.entry(key("items"), tableContent("items", 1)));
    assertThat(assets(dev)).as("the source is not changed by a merge").isEqualTo(devBefore);
    assertThat(head(dev)).isEqualTo(devHead);
  }

  @Test
  void theSameChangeMadeOnBothSidesIsNoConflict() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    pointer(main, "orders", 1, 2);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.applied()).extracting(AssetChange::key).containsExactly(key("items"));
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("items"), tableContent("items", 1)));
  }

  @Test
  void onlyTheSameChangeOnBothSidesLeavesTheTargetUpToDate() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    pointer(main, "orders", 1, 2);
    CommitId mainHead = head(main);
    CatalogState before = state();

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(result.targetHead()).isEqualTo(mainHead);
    assertThat(result.mergeCommit()).isEmpty();
    assertThat(result.applied()).isEmpty();
    assertUnchanged(before);
  }

  @Test
  void repeatingAMergeIsUpToDateAndWritesNothing() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(main, "returns");
    MergeResult first = merge(dev, main);
    assertThat(first.outcome()).isEqualTo(MergeOutcome.MERGED);
    CatalogState before = state();

    MergeResult again = merge(dev, main);

    assertThat(again.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(again.base()).as("the base: the source's head, already merged").isEqualTo(head(dev));
    assertThat(again.sourceHead()).isEqualTo(head(dev));
    assertThat(again.targetHead()).isEqualTo(first.targetHead());
    assertThat(again.mergeCommit()).isEmpty();
    assertThat(again.applied()).isEmpty();
    assertThat(again.conflicts()).isEmpty();
    assertUnchanged(before);
  }

  @Test
  void repeatingAFastForwardIsUpToDateAndWritesNothing() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    assertThat(merge(dev, main).outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    CatalogState before = state();

    MergeResult again = merge(dev, main);

    assertThat(again.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(again.targetHead()).isEqualTo(head(dev));
    assertThat(again.applied()).isEmpty();
    assertUnchanged(before);
  }

  @Test
  void aSourceWithoutChangesLeavesTheTargetUpToDate() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    table(main, "returns");
    CatalogState before = state();

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertUnchanged(before);
  }

  @Test
  void aDeletionOnTheSourcePropagatesToTheTarget() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    drop(dev, "orders");
    pointer(main, "returns", 1, 2);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.applied())
        .containsExactly(AssetChange.deleted(key("orders"), tableContent("orders", 1)));
    assertThat(get(main, "orders")).isEmpty();
    assertThat(contents(main)).containsOnlyKeys(key("returns"));
  }

  @Test
  void aDeletionOnTheSourcePropagatesThroughAFastForward() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    drop(dev, "orders");

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(get(main, "orders")).isEmpty();
    assertThat(contents(main)).containsOnlyKeys(key("returns"));
  }

  @Test
  void aRenameOnTheSourceMergesAsADeletionAndACreation() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    await(store().assets().rename(tenant, at(dev, "orders"), at(dev, "orders-2024")));
    pointer(main, "returns", 1, 2);
    AssetId mainOrders = read(main, "orders").id();

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.applied())
        .containsExactly(
            AssetChange.deleted(key("orders"), tableContent("orders", 1)),
            AssetChange.created(key("orders-2024"), tableContent("orders", 1)));
    assertThat(get(main, "orders")).isEmpty();
    assertThat(AssetContent.of(read(main, "orders-2024"))).isEqualTo(tableContent("orders", 1));
    assertThat(read(main, "orders-2024").id())
        .as("a key the target did not hold gets a new asset")
        .isNotEqualTo(mainOrders);
  }
}
