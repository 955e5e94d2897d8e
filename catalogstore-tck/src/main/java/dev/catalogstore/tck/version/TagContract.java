package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies the tags facet: a tag names a commit of its own catalog (a branch's head when created,
 * a commit by id, or another tag's commit) and never moves; a commit of another catalog is not
 * found; a taken name is refused without moving the tag; tags list by name with exact pages; a
 * deletion removes the tag and keeps the commit.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class TagContract extends VersionSuite {
  private static TagRef tagRef(String name) {
    return new TagRef(CATALOG, name);
  }

  @Test
  void aTagOnAHeadNamesTheHeadWhenItIsCreatedAndNeverMoves() {
    table(main, "orders");
    CommitId headThen = head(main);

    Tag tag = tag("v1", headOf(main));
    pointer(main, "orders", 1, 2);

    assertThat(tag.ref()).isEqualTo(tagRef("v1"));
    assertThat(tag.commit()).isEqualTo(headThen);
    assertThat(await(store().tags().get(tenant, tagRef("v1")))).contains(tag);
    assertThat(tag.createdAt()).isAfterOrEqualTo(commit(headThen).createdAt());
  }

  @Test
  void aTagOnACommitIdNamesThatCommit() {
    CommitId root = head(main);
    table(main, "orders");

    Tag tag = tag("root", byId(root));

    assertThat(tag.commit()).isEqualTo(root);
  }

  @Test
  void aTagOnATagNamesTheSameCommit() {
    table(main, "orders");
    Tag first = tag("v1", headOf(main));
    pointer(main, "orders", 1, 2);

    Tag second = tag("release", CommitRef.tag(tagRef("v1")));

    assertThat(second.commit()).isEqualTo(first.commit());
  }

  @Test
  void aTagOnAnotherBranchsHeadNamesThatHead() {
    table(main, "orders");
    BranchRef dev = fork("dev");
    pointer(dev, "orders", 1, 2);

    assertThat(tag("dev-tip", headOf(dev)).commit()).isEqualTo(head(dev));
  }

  @Test
  void aCommitOfAnotherCatalogIsNotFound() {
    newLocalCatalog(tenant, "other");
    CommitId otherRoot = head(BranchRef.main("other"));

    NotFoundException e =
        assertFails(
            NotFoundException.class,
            () -> store().tags().create(tenant, tagRef("v1"), byId(otherRoot)));
    NotFoundException random =
        assertFails(
            NotFoundException.class,
            () -> store().tags().create(tenant, tagRef("v1"), byId(CommitId.random())));

    assertThat(e.missing()).isEqualTo(ObjectType.COMMIT);
    assertThat(random.missing()).isEqualTo(ObjectType.COMMIT);
    assertThat(tags()).isEmpty();
  }

  @Test
  void aTargetInAnotherCatalogIsRefused() {
    newLocalCatalog(tenant, "other");

    assertInvalid(
        "target.catalog",
        () -> store().tags().create(tenant, tagRef("v1"), CommitRef.head(BranchRef.main("other"))));

    assertThat(tags()).isEmpty();
  }

  @Test
  void aTakenNameIsRefusedAndTheTagDoesNotMove() {
    table(main, "orders");
    Tag v1 = tag("v1", headOf(main));
    pointer(main, "orders", 1, 2);

    assertFails(
        AlreadyExistsException.class,
        () -> store().tags().create(tenant, tagRef("v1"), headOf(main)));

    assertThat(await(store().tags().get(tenant, tagRef("v1")))).contains(v1);
    assertThat(tags()).containsExactly(v1);
  }

  @Test
  void theSameNameMayTagACommitOfAnotherCatalog() {
    newLocalCatalog(tenant, "other");
    Tag here = tag("v1", headOf(main));

    Tag there =
        await(
            store()
                .tags()
                .create(
                    tenant, new TagRef("other", "v1"), CommitRef.head(BranchRef.main("other"))));

    assertThat(there.commit()).isNotEqualTo(here.commit());
    assertThat(tags()).containsExactly(here);
  }

  @Test
  void tagsAreListedByNameInCodePointOrder() {
    for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b")) {
      tag(name, headOf(main));
    }

    assertThat(tags())
        .extracting(t -> t.ref().tag())
        .containsExactly("B", "a", "a.b", "é", "日", "ｚ", "😀");
  }

  @Test
  void everyPageOfTagsIsFullWhileMoreFollowAndOnlyThenHasAToken() {
    List<String> all = List.of("a", "b", "c", "d");
    for (String name : List.of("d", "a", "c", "b")) {
      tag(name, headOf(main));
    }

    for (int limit = 1; limit <= all.size() + 1; limit++) {
      List<String> read = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      while (true) {
        Page<Tag> page = await(store().tags().list(tenant, CATALOG, request));
        assertThat(page.items()).hasSize(Math.min(limit, all.size() - read.size()));
        page.items().forEach(t -> read.add(t.ref().tag()));
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
  void deletingATagKeepsItsCommitAndFreesTheName() {
    table(main, "orders");
    CommitId tagged = tag("v1", headOf(main)).commit();
    pointer(main, "orders", 1, 2);

    await(store().tags().delete(tenant, tagRef("v1")));

    assertThat(await(store().tags().get(tenant, tagRef("v1")))).isEmpty();
    assertThat(tags()).isEmpty();
    assertThat(commit(tagged).id()).isEqualTo(tagged);
    assertThat(tag("v1", headOf(main)).commit()).isEqualTo(head(main));
  }

  @Test
  void aMissingTagReadsAsEmpty() {
    assertThat(await(store().tags().get(tenant, tagRef("nope")))).isEmpty();
    assertThat(await(store().tags().get(tenant, new TagRef("no-such-catalog", "v1")))).isEmpty();
  }
}
