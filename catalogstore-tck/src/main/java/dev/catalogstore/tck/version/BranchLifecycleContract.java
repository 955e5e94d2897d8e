package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.tck.PagedReads;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code branches().get}, {@code list} and {@code delete}: a branch reads back as it was
 * created and as its head moved; branches list by name in code-point order with exact pages; a
 * deletion removes the branch and its assets but keeps its commits and the tags on them, and main
 * cannot be deleted.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class BranchLifecycleContract extends VersionSuite {
  @Test
  void aBranchReadsBackWithItsHeadMovedByEachChange() {
    table(main, "orders");
    Branch created = createBranch("dev", NewBranch.from(headOf(main)));

    pointer(created.ref(), "orders", 1, 2);

    Branch read = branch(created.ref());
    assertThat(read.head()).isNotEqualTo(created.head());
    assertThat(commit(read.head()).parents()).containsExactly(created.head());
    assertThat(read.createdAt()).isEqualTo(created.createdAt());
    assertThat(read.updatedAt()).isEqualTo(commit(read.head()).createdAt());
    assertThat(read.type()).isEqualTo(created.type());
    assertThat(read.partial()).isEqualTo(created.partial());
  }

  @Test
  void aMissingBranchReadsAsEmpty() {
    assertThat(await(store().branches().get(tenant, ref("nope")))).isEmpty();
    assertThat(await(store().branches().get(tenant, BranchRef.main("no-such-catalog")))).isEmpty();
  }

  @Test
  void branchesAreListedByNameInCodePointOrder() {
    for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b")) {
      fork(name);
    }

    assertThat(branches())
        .extracting(b -> b.ref().branch())
        .containsExactly("B", "a", "a.b", "main", "é", "日", "ｚ", "😀");
  }

  @Test
  void everyPageOfBranchesIsFullWhileMoreFollowAndOnlyThenHasAToken() {
    for (String name : List.of("d", "a", "c", "b")) {
      fork(name);
    }
    List<String> all = List.of("a", "b", "c", "d", "main");

    for (int limit = 1; limit <= all.size() + 1; limit++) {
      List<String> read = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      while (true) {
        Page<Branch> page = await(store().branches().list(tenant, CATALOG, request));
        assertThat(page.items()).hasSize(Math.min(limit, all.size() - read.size()));
        page.items().forEach(b -> read.add(b.ref().branch()));
        assertThat(page.nextPageToken().isPresent()).isEqualTo(read.size() < all.size());
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        request = PageRequest.nextPage(page.nextPageToken().get(), limit);
      }
      assertThat(read).as("pages of %d", limit).containsExactlyElementsOf(all);
    }
  }

  @Test
  void branchesOfAnotherCatalogAreNotListed() {
    newLocalCatalog(tenant, "other");
    fork("dev");

    assertThat(PagedReads.all(page -> store().branches().list(tenant, "other", page)))
        .extracting(b -> b.ref())
        .containsExactly(BranchRef.main("other"));
  }

  @Test
  void mainCannotBeDeleted() {
    table(main, "orders");
    CatalogState before = state();

    PreconditionFailedException e =
        assertFails(
            PreconditionFailedException.class, () -> store().branches().delete(tenant, main));

    assertThat(e.getMessage()).contains("main").contains(CATALOG);
    assertUnchanged(before);
  }

  @Test
  void deletingABranchRemovesItAndItsAssetsButKeepsItsCommitsAndTags() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    table(dev, "items");
    CommitId devHead = head(dev);
    tag("dev-end", headOf(dev));
    List<CommitId> devHistory = ancestryIds(headOf(dev));
    AssetId itemsId = read(dev, "items").id();

    await(store().branches().delete(tenant, dev));

    assertThat(await(store().branches().get(tenant, dev))).isEmpty();
    assertThat(branches()).extracting(Branch::ref).containsExactly(main);
    assertThat(get(dev, "orders")).isEmpty();
    assertThat(get(dev, "items")).isEmpty();
    assertThat(await(store().assets().getById(tenant, itemsId))).isEmpty();
    NotFoundException listing =
        assertFails(
            NotFoundException.class,
            () -> store().assets().list(tenant, dev, SALES, PageRequest.firstPage()));
    assertThat(listing.missing()).isEqualTo(ObjectType.BRANCH);
    assertThat(commit(devHead).id()).isEqualTo(devHead);
    assertThat(ancestryIds(byId(devHead))).isEqualTo(devHistory);
    assertThat(await(store().tags().get(tenant, new TagRef(CATALOG, "dev-end"))))
        .hasValueSatisfying(t -> assertThat(t.commit()).isEqualTo(devHead));
    assertThat(contents(main)).containsOnlyKeys(key("orders"));
    assertThat(read(main, "orders").metadataLocation()).contains(v("orders", 1));
  }

  @Test
  void aDeletedBranchsNameCanBeTakenAgain() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    table(dev, "items");
    await(store().branches().delete(tenant, dev));

    Branch again = createBranch("dev", NewBranch.from(CommitRef.head(main)));

    assertThat(again.head()).isEqualTo(head(main));
    assertThat(contents(again.ref())).isEqualTo(contents(main));
  }
}
