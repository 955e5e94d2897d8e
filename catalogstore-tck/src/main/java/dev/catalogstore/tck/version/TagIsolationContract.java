package dev.catalogstore.tck.version;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code tags()} facet: one {@link IsolationCase} per method, each proving
 * that no tag of tenant A is observable or changeable through tenant B, although both have a tag of
 * the same name, and that B cannot tag A's commits (see {@link IsolationSuite} for the twin tenants
 * and {@link HistorySuite#versionedTwins} for their branches and tags).
 */
public abstract class TagIsolationContract extends HistorySuite {
  private static final BranchRef MAIN = BranchRef.main(CATALOG);
  private static final TagRef NIGHTLY = new TagRef(CATALOG, "nightly");

  @Test
  @IsolationCase("tags.create")
  void createTagNamesTheCallersCommitsOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());
    CommitId aDevHead = head(twins.a(), DEV);

    Tag aNightly = await(store().tags().create(twins.a(), NIGHTLY, CommitRef.head(DEV)));
    assertThat(aNightly.commit()).isEqualTo(aDevHead);
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.COMMIT,
        () -> store().tags().create(twins.b(), NIGHTLY, CommitRef.id(CATALOG, aDevHead)));
    assertMissing(
        ObjectType.BRANCH,
        () -> store().tags().create(twins.b(), NIGHTLY, CommitRef.head(A_ONLY_BRANCH)));
    assertMissing(
        ObjectType.TAG, () -> store().tags().create(twins.b(), NIGHTLY, CommitRef.tag(A_ONLY_TAG)));
    assertUnchanged(twins.b(), bBefore);

    Tag bNightly = await(store().tags().create(twins.b(), NIGHTLY, CommitRef.head(DEV)));
    assertThat(bNightly.commit()).isEqualTo(head(twins.b(), DEV)).isNotEqualTo(aDevHead);
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("tags.get")
  void getTagReadsTheCallersTagOnly() {
    Twins twins = versionedTwins();
    Tag aRelease = tag(twins.a(), RELEASE);
    Tag bRelease = tag(twins.b(), RELEASE);

    assertThat(bRelease.commit()).isEqualTo(head(twins.b(), MAIN)).isNotEqualTo(aRelease.commit());
    assertThat(await(store().tags().get(twins.b(), RELEASE))).contains(bRelease);
    assertThat(await(store().tags().get(twins.a(), RELEASE))).contains(aRelease);
    assertThat(await(store().tags().get(twins.b(), A_ONLY_TAG))).isEmpty();
    assertThat(await(store().tags().get(twins.b(), new TagRef(A_ONLY_CATALOG, "release"))))
        .isEmpty();
  }

  @Test
  @IsolationCase("tags.list")
  void listTagsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = versionedTwins();
    createAOnlyCatalog(twins);
    Tag bRelease = tag(twins.b(), RELEASE);
    String aToken =
        await(store().tags().list(twins.a(), CATALOG, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().tags().list(twins.b(), CATALOG, page)))
        .containsExactly(bRelease);
    assertThat(PagedReads.all(page -> store().tags().list(twins.a(), CATALOG, page)))
        .extracting(tag -> tag.ref().tag())
        .containsExactly("a-only", "release");
    assertInvalid(
        "page.pageToken",
        () -> store().tags().list(twins.b(), CATALOG, PageRequest.nextPage(aToken, 1)));
    assertMissing(
        ObjectType.CATALOG,
        () -> store().tags().list(twins.b(), A_ONLY_CATALOG, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("tags.delete")
  void deleteTagRemovesOnlyTheCallersTag() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().tags().delete(twins.a(), RELEASE));
    assertThat(await(store().tags().get(twins.a(), RELEASE))).isEmpty();
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(ObjectType.TAG, () -> store().tags().delete(twins.b(), A_ONLY_TAG));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }
}
