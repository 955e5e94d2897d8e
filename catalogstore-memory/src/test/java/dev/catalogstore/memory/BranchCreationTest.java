package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import java.util.NavigableMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A new branch starts with the assets at its start commit whichever source they are materialised
 * from: the branch named, a branch at that commit, a full branch descending from it with the
 * changes since undone, or the history from the root. Each source must give the same assets, which
 * the facets alone cannot tell apart.
 */
class BranchCreationTest {
  private final Lake lake = new Lake();

  @Test
  void everySourceOfTheAssetsAtACommitGivesTheSameAssets() {
    lake.create(Lake.MAIN, "a");
    lake.create(Lake.MAIN, "b");
    lake.commit(Lake.MAIN, "a", 1);
    CommitId middle = head(Lake.MAIN);
    NavigableMap<AssetKey, AssetContent> atMiddle = lake.contents(Lake.MAIN);

    // (c): main descends from the middle commit; undo what it did since, a delete included.
    lake.commit(Lake.MAIN, "a", 2);
    lake.create(Lake.MAIN, "c");
    lake.store.assets().delete(lake.tenant, Lake.table(Lake.MAIN, "b")).join();
    lake.store
        .assets()
        .updateProperties(
            lake.tenant, Lake.table(Lake.MAIN, "a"), PropertyUpdate.setting("owner", "x"))
        .join();
    BranchRef fromDescendant = create("from-descendant", CommitRef.id(Lake.CATALOG, middle));
    assertThat(lake.contents(fromDescendant)).isEqualTo(atMiddle);

    // (b): a branch whose head is the commit; (a) through a tag and a head alike.
    lake.store
        .tags()
        .create(lake.tenant, new TagRef(Lake.CATALOG, "m"), CommitRef.id(Lake.CATALOG, middle))
        .join();
    BranchRef fromTag = create("from-tag", CommitRef.tag(new TagRef(Lake.CATALOG, "m")));
    assertThat(lake.contents(fromTag)).isEqualTo(atMiddle);
    BranchRef fromHead = create("from-head", CommitRef.head(fromTag));
    assertThat(lake.contents(fromHead)).isEqualTo(atMiddle);

    // (d): a commit of a deleted branch that no branch descends from: folded from the root.
    lake.commit(fromHead, "a", 2);
    CommitId onDeleted = head(fromHead);
    NavigableMap<AssetKey, AssetContent> atOnDeleted = lake.contents(fromHead);
    lake.commit(fromHead, "a", 3);
    lake.store.branches().delete(lake.tenant, fromHead).join();
    BranchRef fromRoot = create("from-root", CommitRef.id(Lake.CATALOG, onDeleted));
    assertThat(lake.contents(fromRoot)).isEqualTo(atOnDeleted);
    assertThat(branch(fromRoot).partial()).isFalse();
  }

  @Test
  void aSubsetCopiesOnlyTheKeysNamedThatExistAndABranchOfAPartialOneIsPartial() {
    lake.create(Lake.MAIN, "a");
    lake.create(Lake.MAIN, "b");
    AssetKey a = AssetKey.of(Lake.table(Lake.MAIN, "a"));
    AssetKey missing = AssetKey.of(Lake.table(Lake.MAIN, "nope"));
    BranchRef partial = new BranchRef(Lake.CATALOG, "partial");
    Branch created =
        lake.store
            .branches()
            .create(
                lake.tenant,
                partial,
                NewBranch.partial(CommitRef.head(Lake.MAIN), BranchType.INGEST, Set.of(a, missing)))
            .join();
    assertThat(created.partial()).isTrue();
    assertThat(lake.contents(partial).keySet()).containsExactly(a);

    BranchRef ofPartial = create("of-partial", CommitRef.head(partial));
    assertThat(branch(ofPartial).partial()).isTrue();
    assertThat(lake.contents(ofPartial).keySet()).containsExactly(a);
  }

  @Test
  void copiesGetNewIdsAndAOneEntryHistory() {
    lake.create(Lake.MAIN, "a");
    lake.commit(Lake.MAIN, "a", 1);
    BranchRef copy = create("copy", CommitRef.head(Lake.MAIN));
    Asset original =
        lake.store.assets().get(lake.tenant, Lake.table(Lake.MAIN, "a")).join().orElseThrow();
    Asset copied = lake.store.assets().get(lake.tenant, Lake.table(copy, "a")).join().orElseThrow();
    assertThat(copied.id()).isNotEqualTo(original.id());
    assertThat(lake.store.assets().getById(lake.tenant, copied.id()).join()).contains(copied);
    var history =
        lake.store
            .assets()
            .history(lake.tenant, Lake.table(copy, "a"), PageRequest.firstPage(10))
            .join()
            .items();
    assertThat(history).hasSize(1);
    assertThat(history.get(0).sequence()).isEqualTo(1);
    assertThat(history.get(0).location()).isEqualTo(Lake.metadata("a", 1));
    assertThat(history.get(0).previousLocation()).isEmpty();

    // Deleting the branch drops its assets from the id index too.
    lake.store.branches().delete(lake.tenant, copy).join();
    assertThat(lake.store.assets().getById(lake.tenant, copied.id()).join()).isEmpty();
    assertThat(lake.store.assets().getById(lake.tenant, original.id()).join()).isPresent();
  }

  private BranchRef create(String name, CommitRef from) {
    BranchRef ref = new BranchRef(Lake.CATALOG, name);
    lake.store.branches().create(lake.tenant, ref, NewBranch.from(from)).join();
    return ref;
  }

  private Branch branch(BranchRef ref) {
    return lake.store.branches().get(lake.tenant, ref).join().orElseThrow();
  }

  private CommitId head(BranchRef ref) {
    return branch(ref).head();
  }
}
