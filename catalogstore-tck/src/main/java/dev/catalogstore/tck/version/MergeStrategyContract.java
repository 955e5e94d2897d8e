package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeConflict;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Specifies the strategies {@code SOURCE_WINS} and {@code TARGET_WINS} of {@code branches().merge}:
 * each conflict is resolved with the source's or the target's content and listed in the result with
 * its base, source and target contents; changes made on one side only are merged as without
 * conflicts (the source's applied, the target's kept).
 *
 * <p>Each test starts from the same history: {@code orders}, {@code returns} and {@code items} on
 * main, branch {@code dev} forked, then on dev {@code orders} committed to v2, {@code returns}
 * deleted and {@code fresh} created, and on main {@code orders} committed to v3, {@code returns} to
 * v2 and {@code items} to v2.
 */
public abstract class MergeStrategyContract extends VersionSuite {
  private BranchRef dev;

  private void divergeWithTwoConflicts() {
    table(main, "orders");
    table(main, "returns");
    table(main, "items");
    dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    drop(dev, "returns");
    table(dev, "fresh");
    pointer(main, "orders", 1, 3);
    pointer(main, "returns", 1, 2);
    pointer(main, "items", 1, 2);
  }

  private static List<MergeConflict> theTwoConflicts() {
    return List.of(
        new MergeConflict(
            key("orders"),
            Optional.of(tableContent("orders", 1)),
            Optional.of(tableContent("orders", 2)),
            Optional.of(tableContent("orders", 3))),
        new MergeConflict(
            key("returns"),
            Optional.of(tableContent("returns", 1)),
            Optional.empty(),
            Optional.of(tableContent("returns", 2))));
  }

  @Test
  void sourceWinsInstallsTheSourcesContentAndListsTheResolvedConflicts() {
    divergeWithTwoConflicts();
    AssetId ordersId = read(main, "orders").id();

    MergeResult result = merge(dev, main, MergeStrategy.SOURCE_WINS);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.conflicts()).containsExactlyElementsOf(theTwoConflicts());
    assertThat(result.applied())
        .containsExactly(
            AssetChange.created(key("fresh"), tableContent("fresh", 1)),
            AssetChange.updated(
                key("orders"), tableContent("orders", 3), tableContent("orders", 2)),
            AssetChange.deleted(key("returns"), tableContent("returns", 2)));
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("fresh"), tableContent("fresh", 1)),
            Map.entry(key("items"), tableContent("items", 2)),
            Map.entry(key("orders"), tableContent("orders", 2)));
    assertThat(read(main, "orders").id()).isEqualTo(ordersId);
  }

  @Test
  void targetWinsKeepsTheTargetsContentAndListsTheResolvedConflicts() {
    divergeWithTwoConflicts();

    MergeResult result = merge(dev, main, MergeStrategy.TARGET_WINS);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.conflicts()).containsExactlyElementsOf(theTwoConflicts());
    assertThat(result.applied())
        .containsExactly(AssetChange.created(key("fresh"), tableContent("fresh", 1)));
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("fresh"), tableContent("fresh", 1)),
            Map.entry(key("items"), tableContent("items", 2)),
            Map.entry(key("orders"), tableContent("orders", 3)),
            Map.entry(key("returns"), tableContent("returns", 2)));
  }

  @Test
  void aStrategyLeavesChangesMadeOnlyOnTheTarget() {
    divergeWithTwoConflicts();

    merge(dev, main, MergeStrategy.SOURCE_WINS);

    assertThat(read(main, "items").metadataLocation()).contains(v("items", 2));
    assertThat(historyLocations(main, "items")).containsExactly(v("items", 2), v("items", 1));
  }

  @Test
  void aTargetWinsMergeThatOnlyResolvesConflictsStillWritesAMergeCommit() {
    table(main, "orders");
    dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    pointer(main, "orders", 1, 3);

    MergeResult result = merge(dev, main, MergeStrategy.TARGET_WINS);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.applied()).isEmpty();
    assertThat(result.conflicts()).extracting(MergeConflict::key).containsExactly(key("orders"));
    assertThat(result.mergeCommit()).isPresent();
    assertThat(head(main)).isEqualTo(result.mergeCommit().get());
    assertThat(contents(main)).containsOnly(Map.entry(key("orders"), tableContent("orders", 3)));

    // The merge commit moved the next merge's base past the conflict: it is not reported again.
    table(dev, "items");
    MergeResult next = merge(dev, main);
    assertThat(next.conflicts()).isEmpty();
    assertThat(next.applied()).extracting(AssetChange::key).containsExactly(key("items"));
    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("items"), tableContent("items", 1)),
            Map.entry(key("orders"), tableContent("orders", 3)));
  }

  @Test
  void aStrategyWithoutConflictsMergesLikeFail() {
    table(main, "orders");
    dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(main, "returns");

    for (MergeStrategy strategy : List.of(MergeStrategy.SOURCE_WINS, MergeStrategy.TARGET_WINS)) {
      MergeResult dryRun = merge(dev, main, MergeOptions.DEFAULT.withStrategy(strategy).asDryRun());
      assertThat(dryRun.conflicts()).as(strategy.name()).isEmpty();
      assertThat(dryRun.applied())
          .as(strategy.name())
          .containsExactly(
              AssetChange.updated(
                  key("orders"), tableContent("orders", 1), tableContent("orders", 2)));
    }
  }
}
