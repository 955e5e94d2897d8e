package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.PageRequest;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A merge touches only the keys changed since the merge base: in a large catalog, every other asset
 * of the target stays the very same stored value, and the merge commit records only the changed
 * keys. Its time does not grow with the catalog's size.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MergeCostTest {
  private static final int CHANGED = 10;

  @Test
  void aMergeInALargeCatalogTouchesOnlyTheChangedKeys() {
    Lake lake = new Lake();
    int size = 20_000;
    fill(lake, size);
    BranchRef ingest = new BranchRef(Lake.CATALOG, "ingest");
    lake.store
        .branches()
        .create(lake.tenant, ingest, NewBranch.from(CommitRef.head(Lake.MAIN)))
        .join();
    for (int i = 0; i < CHANGED; i++) {
      lake.commit(ingest, "t" + i, 1);
    }
    // Main moves on too, so the merge writes a merge commit rather than fast-forwarding.
    lake.commit(Lake.MAIN, "t" + (size - 1), 1);
    Map<Asset, Boolean> before = storedValues(lake);
    Map<String, AssetId> idsBefore = ids(lake);

    MergeResult result = lake.store.branches().merge(lake.tenant, ingest, Lake.MAIN).join();

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(result.applied()).hasSize(CHANGED);
    List<AssetChange> operations =
        lake.store
            .commits()
            .operations(
                lake.tenant,
                Lake.CATALOG,
                result.mergeCommit().orElseThrow(),
                PageRequest.firstPage(100))
            .join()
            .items();
    assertThat(operations)
        .extracting(change -> change.key().name())
        .containsExactly("t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9");
    Map<Asset, Boolean> after = storedValues(lake);
    int untouched = 0;
    for (Asset asset : after.keySet()) {
      if (before.containsKey(asset)) {
        untouched++;
      }
    }
    assertThat(untouched)
        .as("assets whose stored value is the same object")
        .isEqualTo(size - CHANGED);
    assertThat(ids(lake)).as("a merge never changes the target's ids").isEqualTo(idsBefore);
  }

  @Test
  void mergeTimeIsFlatInCatalogSize() {
    long small = fastestMerge(1_000);
    long large = fastestMerge(50_000);
    // Linear work would make the large merge about 50 times slower; allow noise, not that.
    assertThat(large)
        .as("fastest merge in ns: 1k assets %d, 50k assets %d", small, large)
        .isLessThan(Math.max(10 * small, 20_000_000L));
  }

  /** The fastest of several merges of 10 changed assets into a catalog of {@code size} assets. */
  private static long fastestMerge(int size) {
    Lake lake = new Lake();
    fill(lake, size);
    long fastest = Long.MAX_VALUE;
    for (int round = 0; round < 7; round++) {
      BranchRef branch = new BranchRef(Lake.CATALOG, "b" + round);
      lake.store
          .branches()
          .create(lake.tenant, branch, NewBranch.from(CommitRef.head(Lake.MAIN)))
          .join();
      for (int i = 0; i < CHANGED; i++) {
        lake.commit(branch, "t" + (round * CHANGED + i), 1);
      }
      lake.commit(Lake.MAIN, "t" + (size - 1 - round), 1);
      long start = System.nanoTime();
      lake.store.branches().merge(lake.tenant, branch, Lake.MAIN).join();
      fastest = Math.min(fastest, System.nanoTime() - start);
      lake.store.branches().delete(lake.tenant, branch).join();
    }
    return fastest;
  }

  private static void fill(Lake lake, int size) {
    for (int i = 0; i < size; i++) {
      lake.create(Lake.MAIN, "t" + i);
    }
  }

  /** The stored asset values of main, by identity. */
  private static Map<Asset, Boolean> storedValues(Lake lake) {
    return lake.store
        .registry()
        .read(
            lake.tenant,
            state -> {
              Map<Asset, Boolean> values = new IdentityHashMap<>();
              for (AssetEntry entry :
                  state.requireCatalog(Lake.CATALOG).requireBranch(Lake.MAIN).allAssets()) {
                values.put(entry.asset(), true);
              }
              return values;
            });
  }

  private static Map<String, AssetId> ids(Lake lake) {
    return lake.store
        .registry()
        .read(
            lake.tenant,
            state -> {
              Map<String, AssetId> ids = new HashMap<>();
              for (AssetEntry entry :
                  state.requireCatalog(Lake.CATALOG).requireBranch(Lake.MAIN).allAssets()) {
                ids.put(entry.asset().ref().name(), entry.asset().id());
              }
              return ids;
            });
  }
}
