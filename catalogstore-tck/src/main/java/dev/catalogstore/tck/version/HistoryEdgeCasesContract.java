package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies branch creation and merges over the histories that are easy to get wrong: a partial
 * branch sitting on the commit a tag names, a partial branch creating a key it never copied, a
 * merge into a partial branch, a namespace deleted since the commit a branch starts from,
 * criss-cross histories whose nearest common ancestors are criss-cross themselves, and a merge that
 * installs a table without metadata over one with a history.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class HistoryEdgeCasesContract extends VersionSuite {
  @Test
  void aBranchFromATagIsFullEvenWhenAPartialBranchSitsOnTheTaggedCommit() {
    table(main, "orders");
    table(main, "returns");
    tag("release", headOf(main));
    forkPartial("only-orders", "orders");
    pointer(main, "returns", 1, 2);

    Branch fromTag =
        createBranch("from-tag", NewBranch.from(CommitRef.tag(new TagRef(CATALOG, "release"))));

    assertThat(fromTag.partial()).isFalse();
    assertThat(contents(fromTag.ref()))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 1)),
            Map.entry(key("returns"), tableContent("returns", 1)));
  }

  @Test
  void aPartialBranchsCreateOverAKeyItNeverCopiedMergesIntoABranchOlderThanThatKey() {
    table(main, "orders");
    BranchRef old = fork("old");
    table(main, "returns");
    BranchRef partial = forkPartial("only-orders", "orders");
    // The partial branch never copied returns, so for it returns does not exist yet.
    table(partial, "returns");
    pointer(partial, "returns", 1, 2);

    MergeResult result = merge(partial, old);

    assertThat(result.conflicts()).isEmpty();
    assertThat(contents(old))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 1)),
            Map.entry(key("returns"), tableContent("returns", 2)));
  }

  @Test
  void aMergeIntoAPartialBranchLeavesOutWhatItNeverCopied() {
    table(main, "orders");
    table(main, "returns");
    BranchRef partial = forkPartial("only-orders", "orders");
    pointer(main, "returns", 1, 2);
    table(main, "items");

    MergeResult result = merge(main, partial);

    assertThat(result.conflicts()).isEmpty();
    assertThat(result.applied())
        .containsExactly(AssetChange.created(key("items"), tableContent("items", 1)));
    assertThat(contents(partial))
        .containsOnly(
            Map.entry(key("items"), tableContent("items", 1)),
            Map.entry(key("orders"), tableContent("orders", 1)));
    assertThat(branch(partial).partial()).isTrue();
  }

  @Test
  void aBranchFromACommitWhoseNamespaceWasDeletedSinceIsPartialWithoutThoseAssets() {
    table(main, "orders");
    // Not one of the namespaces contents() reads: it will be gone.
    newNamespaces(tenant, CATALOG, "scratch");
    NamespacePath scratch = NamespacePath.of("scratch");
    AssetRef draft = new AssetRef(main, scratch, "draft");
    await(store().assets().create(tenant, draft, NewAsset.icebergTable("s3://d", "s3://d/1")));
    tag("with-draft", headOf(main));
    await(store().assets().delete(tenant, draft));
    await(store().namespaces().delete(tenant, new NamespaceRef(CATALOG, scratch)));

    Branch fromTag =
        createBranch("from-tag", NewBranch.from(CommitRef.tag(new TagRef(CATALOG, "with-draft"))));

    assertThat(fromTag.partial()).as("it lacks an asset of its commit").isTrue();
    assertThat(contents(fromTag.ref()))
        .containsOnly(Map.entry(key("orders"), tableContent("orders", 1)));
  }

  @Test
  void crissCrossAncestorsThatAreCrissCrossThemselvesStillReportTheConflict() {
    // Built several times, since which ancestor is named first depends on random commit ids.
    for (int round = 0; round < 4; round++) {
      String orders = "orders-" + round;
      table(main, orders);
      BranchRef p = fork("p-" + round);
      BranchRef q = fork("q-" + round);
      pointer(p, orders, 1, 2);
      pointer(q, orders, 1, 3);
      BranchRef p2 = fork("p2-" + round, p);
      BranchRef q2 = fork("q2-" + round, q);
      // Each side takes the other's history in but keeps its own orders.
      merge(q, p, MergeStrategy.TARGET_WINS);
      merge(p2, q, MergeStrategy.TARGET_WINS);
      BranchRef f2 = fork("f2-" + round, p);
      BranchRef o2 = fork("o2-" + round, q);
      merge(o2, p, MergeStrategy.TARGET_WINS);
      merge(f2, q, MergeStrategy.TARGET_WINS);
      assertThat(q2).isNotNull();

      MergeConflictException failure = mergeFails(p, q);

      assertThat(failure.conflicts()).as("round %d", round).hasSize(1);
      assertThat(failure.conflicts().get(0).key()).isEqualTo(key(orders));
      assertThat(contents(q)).contains(Map.entry(key(orders), tableContent(orders, 3)));
      assertThat(dryRun(p, q).outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    }
  }

  @Test
  void aMergeInstallingATableWithoutMetadataOverOneWithHistoryLeavesItWithoutHistory() {
    table(main, "orders");
    pointer(main, "orders", 1, 2);
    AssetId id = read(main, "orders").id();
    BranchRef dev = fork("dev");
    // dev drops orders and creates it again, not committed yet: no metadata location, no history.
    drop(dev, "orders");
    await(store().assets().create(tenant, at(dev, "orders"), NewAsset.of(AssetKind.ICEBERG_TABLE)));

    merge(dev, main);

    assertThat(read(main, "orders").id()).as("the target's id is kept").isEqualTo(id);
    assertThat(read(main, "orders").metadataLocation()).isEmpty();
    assertThat(historyLocations(main, "orders")).isEmpty();
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, at(main, "orders"), MetadataCommit.first(v("orders", 9))));
    assertThat(historyLocations(main, "orders")).containsExactly(v("orders", 9));
  }
}
