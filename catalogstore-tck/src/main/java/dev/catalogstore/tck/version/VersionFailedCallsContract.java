package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A failed call changes nothing (DESIGN §4), for the failures of the versioning methods that are
 * neither bad input ({@code VersionInputRules}) nor a missing thing ({@code MissingThings}): a
 * taken branch or tag name, the deletion of {@code main}, a merge of an experimental branch, a
 * merge that finds conflicts. Each leaves the tenant reading exactly as before, its branches,
 * heads, histories, tags and the assets of every branch included: a refused merge applies none of
 * its changes, not even those that do not conflict.
 *
 * <p>Each test works in a fresh tenant with catalog {@code lake}, namespace {@code sales} holding
 * tables {@code orders}, {@code customers} and {@code returns} on {@code main}, branch {@code dev}
 * from it with changes of its own, and tag {@code release} on the head of {@code dev}.
 */
public abstract class VersionFailedCallsContract extends HistorySuite {
  private static final String LAKE = "lake";
  private static final BranchRef MAIN = BranchRef.main(LAKE);
  private static final BranchRef FEATURE = new BranchRef(LAKE, "feature");
  private static final TagRef V1 = new TagRef(LAKE, "v1");
  private static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");
  private static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  private static final AssetRef CUSTOMERS = AssetRef.onMain(SALES, "customers");
  private static final AssetRef RETURNS = AssetRef.onMain(SALES, "returns");
  private static final BranchRef DEV_BRANCH = new BranchRef(LAKE, "dev");

  private TenantId tenant;

  @BeforeEach
  void createTenantWithBranchesAndATag() {
    tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    newNamespaces(tenant, LAKE, "sales");
    for (AssetRef table : new AssetRef[] {ORDERS, CUSTOMERS, RETURNS}) {
      await(store().assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    }
    branchFromMain(tenant, DEV_BRANCH);
    await(
        store()
            .assets()
            .updateProperties(
                tenant, onBranch(DEV_BRANCH, ORDERS), PropertyUpdate.setting("stage", "dev")));
    await(store().tags().create(tenant, V1, CommitRef.head(DEV_BRANCH)));
  }

  @Test
  void aBranchCreationOnATakenNameChangesNothing() {
    CommitId root = history(tenant, MAIN).get(history(tenant, MAIN).size() - 1).id();
    TenantSnapshot before = snapshot(tenant);

    for (BranchRef taken : new BranchRef[] {MAIN, DEV_BRANCH}) {
      assertFails(
          AlreadyExistsException.class,
          () -> store().branches().create(tenant, taken, NewBranch.from(CommitRef.id(LAKE, root))));
      assertFails(
          AlreadyExistsException.class,
          () ->
              store()
                  .branches()
                  .create(
                      tenant,
                      taken,
                      NewBranch.partial(
                          CommitRef.tag(V1), BranchType.EXPERIMENTAL, Set.of(key(ORDERS)))));
    }

    assertUnchanged(tenant, before);
  }

  @Test
  void aTagCreationOnATakenNameChangesNothing() {
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        AlreadyExistsException.class,
        () -> store().tags().create(tenant, V1, CommitRef.head(MAIN)));

    assertUnchanged(tenant, before);
    assertThat(tag(tenant, V1).commit()).isEqualTo(head(tenant, DEV_BRANCH));
  }

  @Test
  void theDeletionOfMainIsRefusedAndChangesNothing() {
    TenantSnapshot before = snapshot(tenant);

    PreconditionFailedException refused =
        assertFails(
            PreconditionFailedException.class, () -> store().branches().delete(tenant, MAIN));

    assertThat(refused.getMessage()).contains("main").contains(LAKE);
    assertUnchanged(tenant, before);
  }

  @Test
  void aMergeOfAnExperimentalBranchIsRefusedAndChangesNothing() {
    await(
        store()
            .branches()
            .create(
                tenant,
                FEATURE,
                NewBranch.from(CommitRef.head(DEV_BRANCH), BranchType.EXPERIMENTAL)));
    await(
        store()
            .assets()
            .updateProperties(
                tenant, onBranch(FEATURE, CUSTOMERS), PropertyUpdate.setting("stage", "feature")));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        PreconditionFailedException.class, () -> store().branches().merge(tenant, FEATURE, MAIN));
    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .branches()
                .merge(
                    tenant,
                    FEATURE,
                    DEV_BRANCH,
                    MergeOptions.DEFAULT.withMeta(CommitMeta.message("merge an experiment"))));

    assertUnchanged(tenant, before);
  }

  @Test
  void aMergeWithAConflictAppliesNoneOfItsChangesNotEvenThoseThatDoNotConflict() {
    // dev: orders changed (conflicting), customers changed, returns deleted, a new table created.
    await(
        store()
            .assets()
            .updateProperties(
                tenant, onBranch(DEV_BRANCH, CUSTOMERS), PropertyUpdate.setting("stage", "dev")));
    await(store().assets().delete(tenant, onBranch(DEV_BRANCH, RETURNS)));
    await(
        store()
            .assets()
            .create(
                tenant, onBranch(DEV_BRANCH, ORDERS.withName("new")), NewAsset.of(AssetKind.FILE)));
    // main: orders changed differently.
    await(
        store().assets().updateProperties(tenant, ORDERS, PropertyUpdate.setting("stage", "main")));
    TenantSnapshot before = snapshot(tenant);

    MergeConflictException conflict =
        assertFails(
            MergeConflictException.class, () -> store().branches().merge(tenant, DEV_BRANCH, MAIN));
    assertThat(conflict.conflicts()).extracting(c -> c.key()).containsExactly(key(ORDERS));
    assertFails(
        MergeConflictException.class,
        () ->
            store()
                .branches()
                .merge(
                    tenant,
                    DEV_BRANCH,
                    MAIN,
                    MergeOptions.DEFAULT.withMeta(CommitMeta.of("alice", "a refused merge"))));

    assertUnchanged(tenant, before);
  }
}
