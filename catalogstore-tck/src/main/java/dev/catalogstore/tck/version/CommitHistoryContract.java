package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.ConflictException;
import org.junit.jupiter.api.Test;

/**
 * Specifies the history a catalog's changes write: a catalog starts with branch {@code main} at a
 * root commit (no parents, no operations, no author or message); every change on a branch appends
 * one commit whose parent is the branch's previous head, recording the author and message given and
 * the change's operations, and moves the head; {@code commits().get} finds a commit only in its own
 * catalog.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class CommitHistoryContract extends VersionSuite {
  @Test
  void aCatalogStartsWithARootCommitAtTheHeadOfMain() {
    Catalog catalog = await(store().catalogs().get(tenant, CATALOG)).orElseThrow();
    Branch mainBranch = branch(main);

    Commit root = commit(mainBranch.head());

    assertThat(root.id()).isEqualTo(mainBranch.head());
    assertThat(root.catalog()).isEqualTo(CATALOG);
    assertThat(root.parents()).isEmpty();
    assertThat(root.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(root.createdAt()).isEqualTo(catalog.createdAt());
    assertThat(operations(root.id())).isEmpty();
    assertThat(ancestry(headOf(main))).containsExactly(root);
  }

  @Test
  void aCatalogStartsWithBranchMainOnly() {
    Catalog catalog = await(store().catalogs().get(tenant, CATALOG)).orElseThrow();

    Branch mainBranch = branch(main);

    assertThat(mainBranch.ref()).isEqualTo(main);
    assertThat(mainBranch.type()).isEqualTo(BranchType.INGEST);
    assertThat(mainBranch.partial()).isFalse();
    assertThat(mainBranch.createdAt()).isEqualTo(catalog.createdAt());
    assertThat(mainBranch.updatedAt()).isEqualTo(catalog.createdAt());
    assertThat(branches()).containsExactly(mainBranch);
    assertThat(tags()).isEmpty();
  }

  @Test
  void aChangeAppendsACommitOnTheOldHeadWithItsAuthorAndMessage() {
    CommitId root = head(main);
    CommitMeta meta = CommitMeta.of("alice", "add orders\n\nfor the Q1 report");

    Asset orders =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    at(main, "orders"),
                    NewAsset.icebergTable("s3://lake/sales/orders", v("orders", 1)),
                    meta));

    Branch after = branch(main);
    Commit commit = commit(after.head());
    assertThat(commit.id()).isNotEqualTo(root);
    assertThat(commit.parents()).containsExactly(root);
    assertThat(commit.meta()).isEqualTo(meta);
    assertThat(commit.catalog()).isEqualTo(CATALOG);
    assertThat(commit.createdAt()).isAfterOrEqualTo(commit(root).createdAt());
    assertThat(after.updatedAt()).isEqualTo(commit.createdAt());
    assertThat(operations(commit.id()))
        .containsExactly(AssetChange.created(key("orders"), AssetContent.of(orders)));
  }

  @Test
  void aChangeWithoutAuthorOrMessageStillAppendsACommit() {
    table(main, "orders");
    CommitId before = head(main);

    pointer(main, "orders", 1, 2);

    Commit commit = commit(head(main));
    assertThat(commit.parents()).containsExactly(before);
    assertThat(commit.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(operations(commit.id()))
        .containsExactly(
            AssetChange.updated(
                key("orders"), tableContent("orders", 1), tableContent("orders", 2)));
  }

  @Test
  void aMessageWithoutAnAuthorIsRecorded() {
    table(main, "orders");

    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant,
                at(main, "orders"),
                MetadataCommit.replacing(v("orders", 1), v("orders", 2)),
                CommitMeta.message("compaction")));

    assertThat(commit(head(main)).meta()).isEqualTo(CommitMeta.message("compaction"));
  }

  @Test
  void successiveChangesFormOneFirstParentChain() {
    CommitId root = head(main);
    table(main, "orders");
    CommitId c1 = head(main);
    pointer(main, "orders", 1, 2);
    CommitId c2 = head(main);
    await(
        store()
            .assets()
            .delete(
                tenant, at(main, "orders"), AssetExpectation.ANY, CommitMeta.of("bob", "drop")));
    CommitId c3 = head(main);

    assertThat(ancestryIds(headOf(main))).containsExactly(c3, c2, c1, root);
    assertThat(commit(c3).parents()).containsExactly(c2);
    assertThat(commit(c2).parents()).containsExactly(c1);
    assertThat(commit(c1).parents()).containsExactly(root);
    assertThat(operations(c3))
        .containsExactly(AssetChange.deleted(key("orders"), tableContent("orders", 2)));
  }

  @Test
  void aChangeOnABranchMovesOnlyThatBranchsHead() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    CommitId mainHead = head(main);

    pointer(dev, "orders", 1, 2);

    assertThat(head(main)).isEqualTo(mainHead);
    assertThat(commit(head(dev)).parents()).containsExactly(mainHead);
  }

  @Test
  void aCommitOfAnotherCatalogIsNotFoundByGet() {
    newLocalCatalog(tenant, "other");
    CommitId otherRoot = head(BranchRef.main("other"));
    CommitId lakeRoot = head(main);

    assertThat(await(store().commits().get(tenant, CATALOG, otherRoot))).isEmpty();
    assertThat(await(store().commits().get(tenant, "other", lakeRoot))).isEmpty();
    assertThat(await(store().commits().get(tenant, "other", otherRoot))).isPresent();
    assertThat(await(store().commits().get(tenant, CATALOG, CommitId.random()))).isEmpty();
  }

  @Test
  void aFailedChangeWritesNoCommit() {
    table(main, "orders");
    CommitId before = head(main);

    var failed =
        store()
            .assets()
            .commitMetadataLocation(
                tenant,
                at(main, "orders"),
                MetadataCommit.replacing(v("orders", 7), v("orders", 8)),
                CommitMeta.of("alice", "stale"));
    assertFails(ConflictException.class, () -> failed);

    assertThat(head(main)).isEqualTo(before);
    assertThat(ancestry(headOf(main))).hasSize(2);
  }
}
