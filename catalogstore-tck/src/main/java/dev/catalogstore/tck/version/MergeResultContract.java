package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a merge returns and records: the result names the base, both heads and the merge
 * commit, and lists the changes applied sorted by key; the merge commit has the target's and the
 * source's heads as parents, the options' author and message, and the applied changes as its
 * operations; the target keeps the id (and the metadata history) of every asset it already had.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MergeResultContract extends VersionSuite {
  @Test
  void theResultNamesTheBaseBothHeadsAndTheMergeCommit() {
    table(main, "orders");
    CommitId fork = head(main);
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(main, "returns");
    CommitId devHead = head(dev);

    MergeResult result = merge(dev, main);

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.base()).isEqualTo(fork);
    assertThat(result.sourceHead()).isEqualTo(devHead);
    assertThat(result.mergeCommit()).isPresent();
    assertThat(result.targetHead()).isEqualTo(result.mergeCommit().get());
    assertThat(result.targetHead()).isEqualTo(head(main));
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.dryRun()).isFalse();
  }

  @Test
  void theAppliedChangesAreSortedByKeyWithTheTargetsContentBefore() {
    NamespacePath archive = namespace("archive");
    table(main, "orders");
    BranchRef dev = fork("dev");
    for (String name : new String[] {"zeta", "alpha", "mid"}) {
      table(dev, name);
    }
    AssetRef old = new AssetRef(dev, archive, "old");
    await(store().assets().create(tenant, old, NewAsset.icebergTable("s3://old", "s3://old/1")));
    pointer(dev, "orders", 1, 2);
    table(main, "returns");

    MergeResult result = merge(dev, main);

    AssetContent oldContent = AssetContent.of(await(store().assets().get(tenant, old)).get());
    assertThat(result.applied())
        .containsExactly(
            AssetChange.created(new AssetKey(archive, "old"), oldContent),
            AssetChange.created(key("alpha"), tableContent("alpha", 1)),
            AssetChange.created(key("mid"), tableContent("mid", 1)),
            AssetChange.updated(
                key("orders"), tableContent("orders", 1), tableContent("orders", 2)),
            AssetChange.created(key("zeta"), tableContent("zeta", 1)));
  }

  @Test
  void theMergeCommitHasBothHeadsAsParentsTheOptionsMetaAndTheAppliedChangesAsOperations() {
    table(main, "orders");
    table(main, "items");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    drop(dev, "items");
    table(dev, "fresh");
    table(main, "returns");
    CommitId mainHead = head(main);
    CommitId devHead = head(dev);
    CommitMeta meta = CommitMeta.of("release-bot", "merge dev into main");

    MergeResult result = merge(dev, main, MergeOptions.DEFAULT.withMeta(meta));

    Commit mergeCommit = commit(result.mergeCommit().orElseThrow());
    assertThat(mergeCommit.parents()).containsExactly(mainHead, devHead);
    assertThat(mergeCommit.meta()).isEqualTo(meta);
    assertThat(mergeCommit.catalog()).isEqualTo(CATALOG);
    assertThat(mergeCommit.createdAt())
        .isAfterOrEqualTo(commit(mainHead).createdAt())
        .isAfterOrEqualTo(commit(devHead).createdAt());
    assertThat(operations(mergeCommit.id())).isEqualTo(result.applied());
    assertThat(result.applied()).hasSize(3);
  }

  @Test
  void aMergeNeverChangesTheIdOfAnAssetTheTargetHas() {
    table(main, "orders");
    table(main, "returns");
    table(main, "items");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    setProperty(dev, "returns", "owner", "ingest");
    pointer(dev, "items", 1, 2);
    pointer(main, "items", 1, 3);
    Map<AssetKey, AssetId> idsBefore = ids(main);

    merge(dev, main, MergeStrategy.SOURCE_WINS);

    assertThat(contents(main))
        .containsOnly(
            Map.entry(key("orders"), tableContent("orders", 2)),
            Map.entry(key("returns"), tableContent("returns", 1, Map.of("owner", "ingest"))),
            Map.entry(key("items"), tableContent("items", 2)));
    assertThat(ids(main)).isEqualTo(idsBefore);
  }

  @Test
  void applyingAPointerChangeAppendsToTheTargetsMetadataHistory() {
    Asset orders = table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    pointer(dev, "orders", 2, 3);
    table(main, "returns");

    merge(dev, main);

    Asset merged = read(main, "orders");
    assertThat(merged.metadataLocation()).contains(v("orders", 3));
    assertThat(merged.createdAt()).isEqualTo(orders.createdAt());
    assertThat(merged.updatedAt()).isAfterOrEqualTo(orders.updatedAt());
    assertThat(historyLocations(main, "orders")).containsExactly(v("orders", 3), v("orders", 1));
  }

  @Test
  void anAssetCreatedByAMergeStartsItsOwnMetadataHistory() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    table(dev, "fresh");
    pointer(dev, "fresh", 1, 2);
    table(main, "returns");

    merge(dev, main);

    assertThat(read(main, "fresh").id()).isNotEqualTo(read(dev, "fresh").id());
    assertThat(historyLocations(main, "fresh")).containsExactly(v("fresh", 2));
  }
}
