package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.spi.HistoryPath;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What a merge commit stores beyond its operations: its generation and its changes relative to its
 * second parent. Folding history along either parent of a merge must lead to the assets the branch
 * really holds, or a later merge that walks the other side would compare against a wrong state.
 */
class MergeHistoryTest {
  private final Lake lake = new Lake();
  private final BranchRef dev = new BranchRef(Lake.CATALOG, "dev");

  @Test
  void bothParentsOfAMergeCommitFoldToTheMergedAssets() {
    lake.create(Lake.MAIN, "shared");
    lake.create(Lake.MAIN, "gone");
    lake.store
        .branches()
        .create(lake.tenant, dev, NewBranch.from(CommitRef.head(Lake.MAIN)))
        .join();
    lake.commit(dev, "shared", 1);
    lake.create(dev, "new-on-dev");
    lake.store.assets().delete(lake.tenant, Lake.table(dev, "gone")).join();
    lake.commit(Lake.MAIN, "shared", 1); // the same change: no conflict
    lake.store
        .assets()
        .updateProperties(
            lake.tenant, Lake.table(Lake.MAIN, "shared"), PropertyUpdate.setting("k", "v"))
        .join(); // then a change of its own: a conflict, resolved by the source
    lake.create(Lake.MAIN, "new-on-main");
    CommitId mainHead = head(Lake.MAIN);
    CommitId devHead = head(dev);

    MergeResult result =
        lake.store
            .branches()
            .merge(
                lake.tenant,
                dev,
                Lake.MAIN,
                MergeOptions.DEFAULT.withStrategy(MergeStrategy.SOURCE_WINS))
            .join();

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    CommitId merge = result.mergeCommit().orElseThrow();
    NavigableMap<AssetKey, AssetContent> merged = lake.contents(Lake.MAIN);
    lake.withLog(
        log -> {
          assertThat(log.parents(merge)).containsExactly(mainHead, devHead);
          assertThat(log.generation(merge))
              .isEqualTo(Math.max(log.generation(mainHead), log.generation(devHead)) + 1);
          return null;
        });
    assertThat(fold(lake.contents(dev), devHead, merge)).isEqualTo(merged);
    assertThat(merged.keySet())
        .extracting(AssetKey::name)
        .containsExactly("new-on-dev", "new-on-main", "shared");
  }

  @Test
  void aCrissCrossHistoryStillMergesAndFoldsAlongEitherSide() {
    lake.create(Lake.MAIN, "a");
    lake.create(Lake.MAIN, "b");
    lake.store
        .branches()
        .create(lake.tenant, dev, NewBranch.from(CommitRef.head(Lake.MAIN)))
        .join();
    lake.commit(Lake.MAIN, "a", 1);
    lake.commit(dev, "b", 1);
    // Criss-cross: each side merges the other's head as it was before either merge.
    BranchRef mainAtFork = new BranchRef(Lake.CATALOG, "main-at-fork");
    lake.store
        .branches()
        .create(lake.tenant, mainAtFork, NewBranch.from(CommitRef.head(Lake.MAIN)))
        .join();
    lake.store.branches().merge(lake.tenant, dev, Lake.MAIN).join();
    lake.store.branches().merge(lake.tenant, mainAtFork, dev).join();
    // Each side then changes a key of its own; both already hold a 1 and b 1 through the merges.
    lake.create(Lake.MAIN, "c");
    lake.create(dev, "d");

    MergeResult result = lake.store.branches().merge(lake.tenant, dev, Lake.MAIN).join();

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.conflicts()).isEmpty();
    assertThat(result.applied()).extracting(change -> change.key().name()).containsExactly("d");
    NavigableMap<AssetKey, AssetContent> merged = lake.contents(Lake.MAIN);
    assertThat(merged.keySet()).extracting(AssetKey::name).containsExactly("a", "b", "c", "d");
    assertThat(merged.get(AssetKey.of(Lake.table(Lake.MAIN, "a"))).metadataLocation())
        .contains(Lake.metadata("a", 1));
    assertThat(merged.get(AssetKey.of(Lake.table(Lake.MAIN, "b"))).metadataLocation())
        .contains(Lake.metadata("b", 1));
    assertThat(fold(lake.contents(dev), head(dev), result.mergeCommit().orElseThrow()))
        .isEqualTo(merged);
  }

  /** {@code start}'s contents moved along the history from {@code from} to {@code to}. */
  private NavigableMap<AssetKey, AssetContent> fold(
      Map<AssetKey, AssetContent> start, CommitId from, CommitId to) {
    NavigableMap<AssetKey, AssetContent> contents = new TreeMap<>(start);
    lake.withLog(
        log -> {
          for (AssetChange change : HistoryPath.netChanges(log, from, to).values()) {
            if (change.after().isPresent()) {
              contents.put(change.key(), change.after().get());
            } else {
              contents.remove(change.key());
            }
          }
          return null;
        });
    return contents;
  }

  private CommitId head(BranchRef ref) {
    return lake.store.branches().get(lake.tenant, ref).join().orElseThrow().head();
  }
}
