package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The base of the versioning suites: reading branches, commits, their operations and histories,
 * proving that a call appended exactly one commit to a branch, or none, and {@linkplain
 * #versionedTwins twin tenants} with identical branches and tags for the isolation cases.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class HistorySuite extends IsolationSuite {
  /** The branch both {@linkplain #versionedTwins twins} have, with a change of their own on it. */
  protected static final BranchRef DEV = new BranchRef(SampleTenant.CATALOG, "dev");

  /** The tag both twins have, on the head {@code main} had when it was created. */
  protected static final TagRef RELEASE = new TagRef(SampleTenant.CATALOG, "release");

  /** A branch only tenant A has, with a change on it. */
  protected static final BranchRef A_ONLY_BRANCH = new BranchRef(SampleTenant.CATALOG, "a-only");

  /** A tag only tenant A has, on the head of its {@link #DEV}. */
  protected static final TagRef A_ONLY_TAG = new TagRef(SampleTenant.CATALOG, "a-only");

  /** {@link SampleTenant#ORDERS} on {@link #DEV}. */
  protected static final AssetRef ORDERS_ON_DEV = onBranch(DEV, SampleTenant.ORDERS);

  /** A change whose commit is checked; it may return what the store returned. */
  @FunctionalInterface
  protected interface Change {
    void make() throws Exception;
  }

  /**
   * {@linkplain #twins Twin tenants} A and B with, in each, tag {@link #RELEASE} on the head of
   * {@code main} and branch {@link #DEV} from it, where {@link #ORDERS_ON_DEV} got the property
   * {@code stage} = the tenant's owner; and in A only, branch {@link #A_ONLY_BRANCH} from {@code
   * main} with a change of its own, and tag {@link #A_ONLY_TAG} on the head of {@link #DEV}.
   */
  protected Twins versionedTwins() {
    Twins twins = twins();
    for (TenantId tenant : List.of(twins.a(), twins.b())) {
      String owner = tenant.equals(twins.a()) ? "A" : "B";
      BranchRef main = BranchRef.main(SampleTenant.CATALOG);
      await(store().tags().create(tenant, RELEASE, CommitRef.head(main)));
      branchFromMain(tenant, DEV);
      await(
          store()
              .assets()
              .updateProperties(tenant, ORDERS_ON_DEV, PropertyUpdate.setting("stage", owner)));
    }
    branchFromMain(twins.a(), A_ONLY_BRANCH);
    await(
        store()
            .assets()
            .updateProperties(
                twins.a(),
                onBranch(A_ONLY_BRANCH, SampleTenant.CUSTOMERS),
                PropertyUpdate.setting("stage", "A only")));
    await(store().tags().create(twins.a(), A_ONLY_TAG, CommitRef.head(DEV)));
    return twins;
  }

  /** The asset {@code ref} names, on {@code branch} instead. */
  protected static AssetRef onBranch(BranchRef branch, AssetRef ref) {
    return new AssetRef(branch, ref.namespace(), ref.name());
  }

  /** The tag {@code ref}, which must exist. */
  protected Tag tag(TenantId tenant, TagRef ref) {
    return await(store().tags().get(tenant, ref))
        .orElseThrow(() -> new AssertionError("tag " + ref + " does not exist"));
  }

  /** The branch {@code ref}, which must exist. */
  protected Branch branch(TenantId tenant, BranchRef ref) {
    return await(store().branches().get(tenant, ref))
        .orElseThrow(() -> new AssertionError("branch " + ref + " does not exist"));
  }

  /** The head of branch {@code ref}, which must exist. */
  protected CommitId head(TenantId tenant, BranchRef ref) {
    return branch(tenant, ref).head();
  }

  /** The commit {@code id} of {@code catalog}, which must exist. */
  protected Commit commit(TenantId tenant, String catalog, CommitId id) {
    return await(store().commits().get(tenant, catalog, id))
        .orElseThrow(() -> new AssertionError("commit " + id + " of " + catalog + " is missing"));
  }

  /** The whole first-parent ancestry of what {@code from} names, newest first. */
  protected List<Commit> ancestry(TenantId tenant, CommitRef from) {
    return PagedReads.all(page -> store().commits().ancestry(tenant, from, page));
  }

  /** The whole history of branch {@code ref}, newest first. */
  protected List<Commit> history(TenantId tenant, BranchRef ref) {
    return ancestry(tenant, CommitRef.head(ref));
  }

  /** Every operation of commit {@code id} of {@code catalog}, in order. */
  protected List<AssetChange> operations(TenantId tenant, String catalog, CommitId id) {
    return PagedReads.all(page -> store().commits().operations(tenant, catalog, id, page));
  }

  /** Creates branch {@code ref} from the head of {@code main} of its catalog. */
  protected Branch branchFromMain(TenantId tenant, BranchRef ref) {
    return await(
        store()
            .branches()
            .create(tenant, ref, NewBranch.from(CommitRef.head(BranchRef.main(ref.catalog())))));
  }

  /** The asset at {@code ref}, which must exist. */
  protected Asset asset(TenantId tenant, AssetRef ref) {
    return await(store().assets().get(tenant, ref))
        .orElseThrow(() -> new AssertionError("asset " + ref + " does not exist"));
  }

  /** The content of the asset at {@code ref}, which must exist. */
  protected AssetContent content(TenantId tenant, AssetRef ref) {
    return AssetContent.of(asset(tenant, ref));
  }

  /** Shorthand for {@link AssetKey#of}. */
  protected static AssetKey key(AssetRef ref) {
    return AssetKey.of(ref);
  }

  /**
   * Makes {@code change} and asserts that it appended exactly one commit to {@code branch}: the
   * branch's history is the new commit followed by the history it had, the new commit's only parent
   * is the old head, it belongs to the branch's catalog, and the branch, {@code commits().get} and
   * the history all show the same commit. Returns the commit.
   */
  protected Commit appendedBy(TenantId tenant, BranchRef branch, Change change) {
    List<Commit> before = history(tenant, branch);
    try {
      change.make();
    } catch (Exception e) {
      throw new AssertionError("the change failed: " + e, e);
    }
    List<Commit> after = history(tenant, branch);
    assertThat(after)
        .as("the history of %s after one change: one commit more", branch)
        .hasSize(before.size() + 1);
    assertThat(after.subList(1, after.size()))
        .as("the history of %s below the new commit: the history it had", branch)
        .isEqualTo(before);
    Commit appended = after.get(0);
    assertThat(appended.parents())
        .as("the parents of the commit appended to %s: its previous head", branch)
        .containsExactly(before.get(0).id());
    assertThat(appended.catalog()).as("the catalog of the commit").isEqualTo(branch.catalog());
    assertThat(head(tenant, branch)).as("the head of %s", branch).isEqualTo(appended.id());
    assertThat(commit(tenant, branch.catalog(), appended.id()))
        .as("the commit read by id")
        .isEqualTo(appended);
    return appended;
  }

  /** Asserts that {@code call} fails with {@code NotFoundException} saying {@code missing}. */
  protected static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    assertThat(assertFails(NotFoundException.class, call).missing())
        .as("what is missing")
        .isEqualTo(missing);
  }

  /** Asserts that the history of {@code branch} is still {@code before}: no commit was written. */
  protected void assertNoCommit(TenantId tenant, BranchRef branch, List<Commit> before) {
    assertThat(history(tenant, branch))
        .as("the history of %s after a call that failed: unchanged", branch)
        .isEqualTo(before);
  }
}
