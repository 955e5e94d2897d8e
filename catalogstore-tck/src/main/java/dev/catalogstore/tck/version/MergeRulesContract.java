package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.error.PreconditionFailedException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies which merges {@code branches().merge} refuses: an experimental source ({@code
 * PreconditionFailedException}, changing nothing), branches of two catalogs and a branch into
 * itself ({@code InvalidArgumentException} on {@code target}); while merging into an experimental
 * branch is allowed.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MergeRulesContract extends VersionSuite {
  @Test
  void anExperimentalBranchCannotBeMerged() {
    table(main, "orders");
    BranchRef lab =
        createBranch("lab", NewBranch.from(headOf(main), BranchType.EXPERIMENTAL)).ref();
    pointer(lab, "orders", 1, 2);
    CatalogState before = state();

    assertFails(
        PreconditionFailedException.class, () -> store().branches().merge(tenant, lab, main));
    assertFails(
        PreconditionFailedException.class,
        () -> store().branches().merge(tenant, lab, main, MergeOptions.DEFAULT.asDryRun()));

    assertUnchanged(before);
  }

  @Test
  void aBranchCanBeMergedIntoAnExperimentalBranch() {
    table(main, "orders");
    BranchRef lab =
        createBranch("lab", NewBranch.from(headOf(main), BranchType.EXPERIMENTAL)).ref();
    pointer(lab, "orders", 1, 2);
    table(main, "returns");

    MergeResult result = merge(main, lab);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(contents(lab))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 1)));
    assertThat(branch(lab).type()).isEqualTo(BranchType.EXPERIMENTAL);
  }

  @Test
  void branchesOfTwoCatalogsCannotBeMerged() {
    newLocalCatalog(tenant, "other");
    BranchRef dev = fork("dev");
    CatalogState before = state();

    assertInvalid("target", () -> store().branches().merge(tenant, dev, BranchRef.main("other")));
    assertInvalid("target", () -> store().branches().merge(tenant, BranchRef.main("other"), main));

    assertUnchanged(before);
  }

  @Test
  void aBranchCannotBeMergedIntoItself() {
    table(main, "orders");
    CatalogState before = state();

    assertInvalid("target", () -> store().branches().merge(tenant, main, main));
    assertInvalid("target", () -> store().branches().merge(tenant, main, BranchRef.main(CATALOG)));

    assertUnchanged(before);
  }
}
