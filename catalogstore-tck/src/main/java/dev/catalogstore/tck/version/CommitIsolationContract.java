package dev.catalogstore.tck.version;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code commits()} facet: one {@link IsolationCase} per method, each
 * proving that no commit of tenant A is observable through tenant B, not by its id, not through a
 * branch or tag of the same name, not through a page token (see {@link IsolationSuite} for the twin
 * tenants; both also hold branch {@code dev} and tag {@code release}, see {@link
 * HistorySuite#versionedTwins}). Commit ids are the tenant's own: the twins, built by the same
 * calls, share none.
 */
public abstract class CommitIsolationContract extends HistorySuite {
  private static final BranchRef MAIN = BranchRef.main(CATALOG);

  @Test
  @IsolationCase("commits.get")
  void getCommitOfAnotherTenantsIdIsEmpty() {
    Twins twins = versionedTwins();
    List<Commit> aHistory = history(twins.a(), DEV);
    List<Commit> bHistory = history(twins.b(), DEV);
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    Set<CommitId> bIds = new HashSet<>();
    bHistory.forEach(commit -> bIds.add(commit.id()));
    for (Commit aCommit : aHistory) {
      assertThat(bIds).as("commit ids of B").doesNotContain(aCommit.id());
      assertThat(await(store().commits().get(twins.b(), CATALOG, aCommit.id())))
          .as("A's commit %s read under B", aCommit.id())
          .isEmpty();
      assertThat(await(store().commits().get(twins.a(), CATALOG, aCommit.id()))).contains(aCommit);
    }
    CommitId aOnly = head(twins.a(), A_ONLY_BRANCH);
    assertThat(await(store().commits().get(twins.b(), CATALOG, aOnly))).isEmpty();
    assertThat(await(store().commits().get(twins.b(), A_ONLY_CATALOG, aOnly))).isEmpty();
    for (Commit bCommit : bHistory) {
      assertThat(await(store().commits().get(twins.a(), CATALOG, bCommit.id()))).isEmpty();
      assertThat(await(store().commits().get(twins.b(), CATALOG, bCommit.id()))).contains(bCommit);
    }
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("commits.ancestry")
  void ancestryShowsOnlyTheCallersHistoryAndRefusesAnotherTenantsToken() {
    Twins twins = versionedTwins();
    List<Commit> bHistory = history(twins.b(), DEV);
    CommitId aHead = head(twins.a(), DEV);
    String aToken =
        await(store().commits().ancestry(twins.a(), CommitRef.head(DEV), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(
            PagedReads.all(
                page -> store().commits().ancestry(twins.b(), CommitRef.head(DEV), page)))
        .as("the history of B's dev")
        .isEqualTo(bHistory)
        .extracting(Commit::id)
        .doesNotContain(aHead);
    assertThat(ancestry(twins.b(), CommitRef.tag(RELEASE)))
        .as("the history of B's release tag")
        .isEqualTo(history(twins.b(), MAIN));
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .commits()
                            .ancestry(
                                twins.b(), CommitRef.id(CATALOG, aHead), PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.COMMIT);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .commits()
                            .ancestry(
                                twins.b(), CommitRef.head(A_ONLY_BRANCH), PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.BRANCH);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .commits()
                            .ancestry(
                                twins.b(), CommitRef.tag(A_ONLY_TAG), PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.TAG);
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .commits()
                .ancestry(twins.b(), CommitRef.head(DEV), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("commits.operations")
  void operationsOfAnotherTenantsCommitAreNotFoundAndItsTokensRefused() {
    Twins twins = versionedTwins();
    CommitId aHead = head(twins.a(), DEV);
    CommitId bHead = head(twins.b(), DEV);
    List<AssetChange> bOperations = operations(twins.b(), CATALOG, bHead);
    TenantSnapshot bBefore = snapshot(twins.b());
    // A commit with two operations, so that its list has a second page.
    CommitId aRename =
        appendedBy(
                twins.a(),
                DEV,
                () ->
                    await(
                        store()
                            .assets()
                            .rename(twins.a(), ORDERS_ON_DEV, ORDERS_ON_DEV.withName("renamed"))))
            .id();
    String aToken =
        await(store().commits().operations(twins.a(), CATALOG, aRename, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();
    assertUnchanged(twins.b(), bBefore);
    TenantSnapshot aBefore = snapshot(twins.a());

    assertThat(bOperations)
        .singleElement()
        .satisfies(
            change ->
                assertThat(change.after().orElseThrow().properties())
                    .containsEntry("stage", "B")
                    .containsEntry("owner", "B"));
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .commits()
                            .operations(twins.b(), CATALOG, aHead, PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.COMMIT);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () ->
                        store()
                            .commits()
                            .operations(twins.b(), CATALOG, aRename, PageRequest.firstPage()))
                .missing())
        .isEqualTo(ObjectType.COMMIT);
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .commits()
                .operations(twins.b(), CATALOG, aRename, PageRequest.nextPage(aToken, 1)));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .commits()
                .operations(twins.b(), CATALOG, bHead, PageRequest.nextPage(aToken, 1)));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }
}
