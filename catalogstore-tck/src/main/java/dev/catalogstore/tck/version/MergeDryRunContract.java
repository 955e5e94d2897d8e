package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.MergeConflictException;
import org.junit.jupiter.api.Test;

/**
 * Specifies dry runs of {@code branches().merge}: a dry run changes nothing (no head moves, no
 * asset of any branch changes, no commit is written), reports the target's head as it is and no
 * merge commit, and otherwise reports exactly what the real merge then does: its outcome, base,
 * source head, applied changes and conflicts. A dry run with conflicts and strategy {@code FAIL}
 * reports them with outcome {@code CONFLICTED} instead of failing.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MergeDryRunContract extends VersionSuite {
  @Test
  void aDryRunOfAFastForwardChangesNothingAndReportsWhatTheMergeDoes() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "returns");
    CommitId mainHead = head(main);
    CatalogState before = state();

    MergeResult dry = dryRun(dev, main);

    assertUnchanged(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(dry.targetHead()).as("the target's head as it is").isEqualTo(mainHead);
    assertThat(dry.mergeCommit()).isEmpty();
    assertSameReport(dry, merge(dev, main));
  }

  @Test
  void aDryRunOfAMergeChangesNothingAndReportsWhatTheMergeDoes() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    table(main, "returns");
    CommitId mainHead = head(main);
    CatalogState before = state();

    MergeResult dry = dryRun(dev, main);

    assertUnchanged(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(dry.targetHead()).isEqualTo(mainHead);
    assertThat(dry.mergeCommit()).as("no merge commit is written").isEmpty();
    MergeResult real = merge(dev, main);
    assertSameReport(dry, real);
    assertThat(real.mergeCommit()).isPresent();
  }

  @Test
  void aDryRunWithConflictsChangesNothingAndReportsTheConflictsTheMergeFailsWith() {
    table(main, "orders");
    table(main, "returns");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    pointer(main, "orders", 1, 3);
    drop(main, "returns");
    pointer(dev, "returns", 1, 2);
    CommitId mainHead = head(main);
    CatalogState before = state();

    MergeResult dry = dryRun(dev, main);

    assertUnchanged(before);
    assertThat(dry.dryRun()).isTrue();
    assertThat(dry.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(dry.targetHead()).isEqualTo(mainHead);
    assertThat(dry.mergeCommit()).isEmpty();
    assertThat(dry.applied()).as("a merge with conflicts applies nothing").isEmpty();
    assertThat(dry.conflicts()).hasSize(2);
    MergeConflictException e = mergeFails(dev, main);
    assertThat(e.conflicts()).isEqualTo(dry.conflicts());
    assertUnchanged(before);
  }

  @Test
  void aDryRunWithAStrategyReportsTheResolvedConflictsAndChangesNothing() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    pointer(main, "orders", 1, 3);
    CatalogState before = state();

    MergeOptions options = MergeOptions.DEFAULT.withStrategy(MergeStrategy.SOURCE_WINS);
    MergeResult dry = merge(dev, main, options.asDryRun());

    assertUnchanged(before);
    assertThat(dry.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertSameReport(dry, merge(dev, main, options));
  }

  @Test
  void aDryRunOfAnUpToDateMergeChangesNothing() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    table(main, "returns");
    CatalogState before = state();

    MergeResult dry = dryRun(dev, main);

    assertUnchanged(before);
    assertThat(dry.outcome()).isEqualTo(MergeOutcome.UP_TO_DATE);
    assertThat(dry.dryRun()).isTrue();
  }

  private static void assertSameReport(MergeResult dry, MergeResult real) {
    assertThat(real.dryRun()).isFalse();
    assertThat(real.outcome()).as("the outcome").isEqualTo(dry.outcome());
    assertThat(real.base()).as("the base").isEqualTo(dry.base());
    assertThat(real.sourceHead()).as("the source's head").isEqualTo(dry.sourceHead());
    assertThat(real.applied()).as("the changes applied").isEqualTo(dry.applied());
    assertThat(real.conflicts()).as("the conflicts").isEqualTo(dry.conflicts());
  }
}
