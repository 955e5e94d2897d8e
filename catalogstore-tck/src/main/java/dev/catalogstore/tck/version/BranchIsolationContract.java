package dev.catalogstore.tck.version;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code branches()} facet: one {@link IsolationCase} per method, each
 * proving that no branch of tenant A is observable or changeable through tenant B, although both
 * have branches of the same names, and that B cannot start a branch from A's commits or tags (see
 * {@link IsolationSuite} for the twin tenants and {@link HistorySuite#versionedTwins} for their
 * branches and tags).
 */
public abstract class BranchIsolationContract extends HistorySuite {
  private static final BranchRef MAIN = BranchRef.main(CATALOG);
  private static final BranchRef FEATURE = new BranchRef(CATALOG, "feature");

  @Test
  @IsolationCase("branches.create")
  void createBranchStartsFromTheCallersCommitsOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    Branch aFeature =
        await(store().branches().create(twins.a(), FEATURE, NewBranch.from(CommitRef.head(DEV))));
    assertThat(aFeature.head()).isEqualTo(head(twins.a(), DEV));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    CommitId aDevHead = head(twins.a(), DEV);
    assertMissing(
        ObjectType.COMMIT,
        () ->
            store()
                .branches()
                .create(twins.b(), FEATURE, NewBranch.from(CommitRef.id(CATALOG, aDevHead))));
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .branches()
                .create(twins.b(), FEATURE, NewBranch.from(CommitRef.head(A_ONLY_BRANCH))));
    assertMissing(
        ObjectType.TAG,
        () ->
            store()
                .branches()
                .create(twins.b(), FEATURE, NewBranch.from(CommitRef.tag(A_ONLY_TAG))));
    assertUnchanged(twins.b(), bBefore);

    Branch bFeature =
        await(store().branches().create(twins.b(), FEATURE, NewBranch.from(CommitRef.head(DEV))));
    assertThat(bFeature.head()).isEqualTo(head(twins.b(), DEV)).isNotEqualTo(aDevHead);
    assertThat(asset(twins.b(), onBranch(FEATURE, ORDERS)).properties())
        .as("B's copy of orders on its new branch")
        .containsEntry("owner", "B")
        .containsEntry("stage", "B");
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("branches.get")
  void getBranchReadsTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    Branch aDev = branch(twins.a(), DEV);
    Branch bDev = branch(twins.b(), DEV);

    assertThat(await(store().branches().get(twins.b(), DEV))).contains(bDev);
    assertThat(bDev.head()).isNotEqualTo(aDev.head());
    assertThat(await(store().branches().get(twins.a(), DEV))).contains(aDev);
    assertThat(await(store().branches().get(twins.b(), A_ONLY_BRANCH))).isEmpty();
    assertThat(await(store().branches().get(twins.b(), new BranchRef(A_ONLY_CATALOG, "main"))))
        .isEmpty();
  }

  @Test
  @IsolationCase("branches.list")
  void listBranchesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = versionedTwins();
    createAOnlyCatalog(twins);
    List<Branch> bBranches = List.of(branch(twins.b(), DEV), branch(twins.b(), MAIN));
    String aToken =
        await(store().branches().list(twins.a(), CATALOG, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().branches().list(twins.b(), CATALOG, page)))
        .isEqualTo(bBranches);
    assertThat(PagedReads.all(page -> store().branches().list(twins.a(), CATALOG, page)))
        .extracting(branch -> branch.ref().branch())
        .containsExactly("a-only", "dev", "main");
    assertInvalid(
        "page.pageToken",
        () -> store().branches().list(twins.b(), CATALOG, PageRequest.nextPage(aToken, 1)));
    assertMissing(
        ObjectType.CATALOG,
        () -> store().branches().list(twins.b(), A_ONLY_CATALOG, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("branches.delete")
  void deleteBranchRemovesOnlyTheCallersBranch() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().branches().delete(twins.a(), DEV));
    assertThat(await(store().branches().get(twins.a(), DEV))).isEmpty();
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(ObjectType.BRANCH, () -> store().branches().delete(twins.b(), A_ONLY_BRANCH));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("branches.merge/4")
  void mergeWithOptionsChangesOnlyTheCallersTarget() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    MergeResult aMerged =
        await(
            store()
                .branches()
                .merge(
                    twins.a(),
                    DEV,
                    MAIN,
                    MergeOptions.DEFAULT.withMeta(CommitMeta.of("a-merger", "merge dev of A"))));
    assertThat(aMerged.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(asset(twins.a(), ORDERS).properties()).containsEntry("stage", "A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.BRANCH,
        () -> store().branches().merge(twins.b(), A_ONLY_BRANCH, MAIN, MergeOptions.DEFAULT));
    assertMissing(
        ObjectType.BRANCH,
        () -> store().branches().merge(twins.b(), DEV, A_ONLY_BRANCH, MergeOptions.DEFAULT));
    MergeResult bDryRun =
        await(store().branches().merge(twins.b(), DEV, MAIN, MergeOptions.DEFAULT.asDryRun()));
    assertThat(bDryRun.sourceHead()).isEqualTo(head(twins.b(), DEV));
    assertThat(bDryRun.targetHead()).isEqualTo(head(twins.b(), MAIN));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("branches.merge/3")
  void mergeChangesOnlyTheCallersTarget() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().branches().merge(twins.a(), DEV, MAIN));
    assertThat(asset(twins.a(), ORDERS).properties()).containsEntry("stage", "A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.BRANCH, () -> store().branches().merge(twins.b(), A_ONLY_BRANCH, MAIN));
    MergeResult bMerged = await(store().branches().merge(twins.b(), DEV, MAIN));
    assertThat(bMerged.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(asset(twins.b(), ORDERS).properties())
        .containsEntry("stage", "B")
        .containsEntry("owner", "B");
    assertUnchanged(twins.a(), aBefore);
  }
}
