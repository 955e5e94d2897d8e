package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code commits().ancestry}: the first-parent chain from the commit named (a branch's
 * head, a tag or a commit id), that commit first and the root last; a merge commit is followed by
 * its first parent, not by the merged branch's commits. Keyset-paged by commit: every page holds
 * exactly {@code limit} commits with a next token while more follow, paging continues where it
 * ended while the branch moves on, and a token is bound to the ref it was minted for.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class AncestryContract extends VersionSuite {
  private static final String TOKEN = "page.pageToken";

  /** main: root, then four changes; returns the five commits newest first. */
  private List<CommitId> fiveCommitsOnMain() {
    List<CommitId> oldestFirst = new ArrayList<>();
    oldestFirst.add(head(main));
    table(main, "orders");
    oldestFirst.add(head(main));
    for (int n = 1; n <= 3; n++) {
      pointer(main, "orders", n, n + 1);
      oldestFirst.add(head(main));
    }
    List<CommitId> newestFirst = new ArrayList<>(oldestFirst);
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Test
  void theAncestryOfAHeadIsItsFirstParentChainNewestFirst() {
    List<CommitId> commits = fiveCommitsOnMain();

    assertThat(ancestryIds(headOf(main))).containsExactlyElementsOf(commits);
  }

  @Test
  void theAncestryOfACommitIdStartsWithThatCommit() {
    List<CommitId> commits = fiveCommitsOnMain();

    assertThat(ancestryIds(byId(commits.get(2)))).containsExactlyElementsOf(commits.subList(2, 5));
    assertThat(ancestryIds(byId(commits.get(4)))).containsExactly(commits.get(4));
  }

  @Test
  void theAncestryOfATagStartsWithTheTaggedCommit() {
    List<CommitId> commits = fiveCommitsOnMain();
    tag("v1", byId(commits.get(1)));

    assertThat(ancestryIds(CommitRef.tag(new TagRef(CATALOG, "v1"))))
        .containsExactlyElementsOf(commits.subList(1, 5));
  }

  @Test
  void theAncestryListsTheCommitsThemselves() {
    fiveCommitsOnMain();

    List<Commit> ancestry = ancestry(headOf(main));

    for (Commit commit : ancestry) {
      assertThat(commit).isEqualTo(commit(commit.id()));
    }
  }

  @Test
  void aMergeCommitIsFollowedByItsFirstParentNotByTheMergedCommits() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);
    CommitId d1 = head(dev);
    table(dev, "items");
    CommitId d2 = head(dev);
    table(main, "returns");
    List<CommitId> mainBefore = ancestryIds(headOf(main));

    CommitId merge = merge(dev, main).mergeCommit().orElseThrow();

    List<CommitId> expected = new ArrayList<>();
    expected.add(merge);
    expected.addAll(mainBefore);
    assertThat(ancestryIds(headOf(main))).containsExactlyElementsOf(expected);
    assertThat(ancestryIds(headOf(dev))).startsWith(d2, d1).doesNotContain(merge);
  }

  @Test
  void everyPageIsFullWhileMoreFollowAndOnlyThenHasAToken() {
    List<CommitId> commits = fiveCommitsOnMain();

    for (int limit = 1; limit <= commits.size() + 1; limit++) {
      List<CommitId> read = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      while (true) {
        Page<Commit> page = await(store().commits().ancestry(tenant, headOf(main), request));
        int remaining = commits.size() - read.size();
        assertThat(page.items()).as("a page of %d", limit).hasSize(Math.min(limit, remaining));
        page.items().forEach(c -> read.add(c.id()));
        assertThat(page.nextPageToken().isPresent())
            .as("a token after %d of %d commits", read.size(), commits.size())
            .isEqualTo(read.size() < commits.size());
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        request = PageRequest.nextPage(page.nextPageToken().get(), limit);
      }
      assertThat(read).as("pages of %d", limit).containsExactlyElementsOf(commits);
    }
  }

  @Test
  void pagingContinuesWhereItEndedWhileTheBranchMovesOn() {
    List<CommitId> commits = fiveCommitsOnMain();
    Page<Commit> first =
        await(store().commits().ancestry(tenant, headOf(main), PageRequest.firstPage(2)));
    pointer(main, "orders", 4, 5);
    pointer(main, "orders", 5, 6);

    List<CommitId> rest = new ArrayList<>();
    PageRequest request = PageRequest.nextPage(first.nextPageToken().orElseThrow(), 2);
    while (true) {
      Page<Commit> page = await(store().commits().ancestry(tenant, headOf(main), request));
      page.items().forEach(c -> rest.add(c.id()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 2);
    }

    assertThat(first.items())
        .extracting(Commit::id)
        .containsExactlyElementsOf(commits.subList(0, 2));
    assertThat(rest).containsExactlyElementsOf(commits.subList(2, 5));
  }

  @Test
  void aTokenIsBoundToTheRefItWasMintedFor() {
    List<CommitId> commits = fiveCommitsOnMain();
    BranchRef dev = fork("dev");
    tag("v1", headOf(main));
    String token =
        await(store().commits().ancestry(tenant, headOf(main), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();
    PageRequest next = PageRequest.nextPage(token, 1);

    assertInvalid(TOKEN, () -> store().commits().ancestry(tenant, headOf(dev), next));
    assertInvalid(
        TOKEN,
        () -> store().commits().ancestry(tenant, CommitRef.tag(new TagRef(CATALOG, "v1")), next));
    assertInvalid(TOKEN, () -> store().commits().ancestry(tenant, byId(commits.get(0)), next));
    assertInvalid(TOKEN, () -> store().commits().operations(tenant, CATALOG, commits.get(0), next));
    assertThat(await(store().commits().ancestry(tenant, headOf(main), next)).items())
        .extracting(Commit::id)
        .containsExactly(commits.get(1));
  }

  @Test
  void aTokenOfAnotherCatalogIsRefused() {
    newLocalCatalog(tenant, "other");
    BranchRef otherMain = BranchRef.main("other");
    fiveCommitsOnMain();
    String token =
        await(store().commits().ancestry(tenant, headOf(main), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertInvalid(
        TOKEN,
        () ->
            store().commits().ancestry(tenant, headOf(otherMain), PageRequest.nextPage(token, 1)));
  }
}
