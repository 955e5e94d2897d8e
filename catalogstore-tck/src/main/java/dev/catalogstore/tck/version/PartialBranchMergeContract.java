package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.CommitId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Specifies merging a partial branch (one created for a subset of assets): the assets it did not
 * copy are absent from it, not deleted, so merging it never deletes them; its changes to what it
 * copied merge as any branch's; creating on it a key it did not copy but the target holds is a
 * conflict; and it is never fast-forwarded to, since its head does not describe the assets it
 * lacks.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class PartialBranchMergeContract extends VersionSuite {
  @Test
  void aPartialBranchNeverDeletesWhatItDidNotCopy() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    pointer(dev, "orders", 1, 2);

    MergeResult result = merge(dev, main);

    assertThat(result.applied())
        .containsExactly(
            AssetChange.updated(
                key("orders"), tableContent("orders", 1), tableContent("orders", 2)));
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 1)));
  }

  @Test
  void aPartialBranchIsNeverFastForwardedTo() {
    table(main, "orders");
    table(main, "returns");
    CommitId mainHead = head(main);
    BranchRef dev = forkPartial("dev", "orders");
    pointer(dev, "orders", 1, 2);
    CommitId devHead = head(dev);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.mergeCommit()).isPresent();
    assertThat(commit(head(main)).parents()).containsExactly(mainHead, devHead);
    assertThat(contents(main)).containsKey(key("returns"));
  }

  @Test
  void aPartialBranchPropagatesTheDeletionOfWhatItCopied() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    drop(dev, "orders");

    merge(dev, main);

    assertThat(contents(main)).containsOnly(Map.entry(key("returns"), tableContent("returns", 1)));
  }

  @Test
  void aPartialBranchKeepsTheTargetsChangesToWhatItDidNotCopy() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    pointer(dev, "orders", 1, 2);
    pointer(main, "returns", 1, 2);

    merge(dev, main);

    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 2)));
  }

  @Test
  void creatingOnAPartialBranchOverAKeyItDidNotCopyIsAConflict() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    await(
        store()
            .assets()
            .create(
                tenant,
                at(dev, "returns"),
                NewAsset.builder(AssetKind.ICEBERG_VIEW).metadataLocation("s3://view/1").build()));
    AssetContent view = AssetContent.of(read(dev, "returns"));
    CatalogState before = state();

    var e = mergeFails(dev, main);

    assertThat(e.conflicts())
        .containsExactly(
            new MergeConflict(
                key("returns"),
                Optional.of(tableContent("returns", 1)),
                Optional.of(view),
                Optional.of(tableContent("returns", 1))));
    assertUnchanged(before);
  }

  @Test
  void creatingOnAPartialBranchOverAnUncopiedKeyResolvesWithSourceWins() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    await(
        store()
            .assets()
            .create(
                tenant,
                at(dev, "returns"),
                NewAsset.builder(AssetKind.ICEBERG_VIEW).metadataLocation("s3://view/1").build()));
    AssetContent view = AssetContent.of(read(dev, "returns"));
    var returnsId = read(main, "returns").id();

    MergeResult result = merge(dev, main, MergeStrategy.SOURCE_WINS);

    assertThat(result.conflicts()).extracting(MergeConflict::key).containsExactly(key("returns"));
    assertThat(AssetContent.of(read(main, "returns"))).isEqualTo(view);
    assertThat(read(main, "returns").id()).isEqualTo(returnsId);
  }

  @Test
  void creatingOnAPartialBranchWhatTheTargetAlreadyHoldsIsNoConflict() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = forkPartial("dev", "orders");
    table(dev, "returns");
    pointer(dev, "orders", 1, 2);

    MergeResult result = merge(dev, main);

    assertThat(result.conflicts()).isEmpty();
    assertThat(result.applied()).extracting(AssetChange::key).containsExactly(key("orders"));
  }
}
