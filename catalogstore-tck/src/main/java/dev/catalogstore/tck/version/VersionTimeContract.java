package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time of versioning (see {@link TimeSuite}; skipped without a controllable clock): a catalog's
 * root commit and branch {@code main} carry the catalog's {@code createdAt}; every change stamps
 * its commit with now and moves its branch's {@code updatedAt} to that time, keeping its {@code
 * createdAt}; a branch is stamped when created ({@code createdAt == updatedAt == now}) and its
 * creation writes no commit; a tag is stamped when created; a merge that writes a commit stamps it
 * with now, a fast-forward moves the target's {@code updatedAt} to now, and a merge that changes
 * nothing (up to date, a dry run, a conflict) moves no time. A failed call changes no timestamp.
 * When the clock reads earlier than a commit's parents (it was set back), the commit is stamped
 * with its latest parent's time instead, so history never runs backwards.
 */
public abstract class VersionTimeContract extends TimeSuite {
  private static final Instant LATER_MICROS = T0_MICROS.plus(LATER);
  private static final String LAKE = "lake";
  private static final BranchRef MAIN = BranchRef.main(LAKE);
  private static final BranchRef DEV = new BranchRef(LAKE, "dev");
  private static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");
  private static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  private static final String V1 = "s3://lake/sales/orders/1.json";

  private TenantId tenant;
  private Catalog lake;

  @BeforeEach
  void createTenantWithCatalogAndNamespaceAtT0() {
    tenant = newTenant();
    newWarehouse(tenant, "wh");
    lake = await(store().catalogs().create(tenant, NewCatalog.local(LAKE, "wh")));
    newNamespaces(tenant, LAKE, "sales");
  }

  @Test
  void aCatalogsRootCommitAndMainCarryTheCatalogsCreatedAt() {
    Branch main = branch(MAIN);
    Commit root = commit(main);

    assertThat(lake.createdAt()).isEqualTo(T0_MICROS);
    assertThat(root.parents()).as("the root commit's parents").isEmpty();
    assertThat(root.createdAt()).as("the root commit's createdAt").isEqualTo(lake.createdAt());
    assertThat(main.createdAt()).as("main's createdAt").isEqualTo(lake.createdAt());
    assertThat(main.updatedAt()).as("main's updatedAt").isEqualTo(lake.createdAt());
  }

  @Test
  void everyChangeStampsItsCommitAndTheBranchsUpdatedAtWithNow() {
    AssetRef customers = ORDERS.withName("customers");
    Map<String, Change> changes = new LinkedHashMap<>();
    changes.put(
        "create",
        () -> store().assets().create(tenant, ORDERS, NewAsset.icebergTable("s3://o", V1)));
    changes.put(
        "create with meta",
        () ->
            store()
                .assets()
                .create(tenant, customers, NewAsset.of(AssetKind.FILE), CommitMeta.message("m")));
    changes.put(
        "updateProperties",
        () -> store().assets().updateProperties(tenant, ORDERS, PropertyUpdate.setting("k", "v")));
    changes.put(
        "commitMetadataLocation",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, ORDERS, MetadataCommit.replacing(V1, V1 + ".2")));
    changes.put(
        "commitMetadataLocations",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(ORDERS, MetadataCommit.replacing(V1 + ".2", V1 + ".3"))),
                    CommitMeta.message("m")));
    changes.put("rename", () -> store().assets().rename(tenant, ORDERS, ORDERS.withName("o2")));
    changes.put("delete", () -> store().assets().delete(tenant, ORDERS.withName("o2")));
    changes.put(
        "guarded delete with meta",
        () ->
            store()
                .assets()
                .delete(tenant, customers, AssetExpectation.ANY, CommitMeta.message("m")));

    Instant now = T0_MICROS;
    for (Map.Entry<String, Change> change : changes.entrySet()) {
      clock.advance(LATER);
      now = now.plus(LATER);
      await(change.getValue().make());

      Branch main = branch(MAIN);
      assertThat(commit(main).createdAt())
          .as("the createdAt of the commit of %s", change.getKey())
          .isEqualTo(now);
      assertThat(main.updatedAt()).as("main's updatedAt after %s", change.getKey()).isEqualTo(now);
      assertThat(main.createdAt())
          .as("main's createdAt after %s", change.getKey())
          .isEqualTo(T0_MICROS);
    }
  }

  @Test
  void aBranchIsStampedWhenCreatedAndItsCreationWritesNoCommit() {
    await(store().assets().create(tenant, ORDERS, NewAsset.icebergTable("s3://o", V1)));
    Commit mainHead = commit(branch(MAIN));
    clock.advance(LATER);

    Branch dev =
        await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));

    assertThat(dev.createdAt()).as("createdAt").isEqualTo(LATER_MICROS);
    assertThat(dev.updatedAt()).as("updatedAt").isEqualTo(LATER_MICROS);
    assertThat(branch(DEV)).as("the branch read back").isEqualTo(dev);
    assertThat(commit(dev)).as("its head: main's head, no new commit").isEqualTo(mainHead);
    assertThat(await(store().assets().get(tenant, onDev(ORDERS))).orElseThrow().createdAt())
        .as("the createdAt of its copy of orders")
        .isEqualTo(LATER_MICROS);

    clock.advance(LATER);
    await(
        store().assets().updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("k", "v")));
    Branch changed = branch(DEV);
    assertThat(changed.createdAt()).as("createdAt after a change").isEqualTo(LATER_MICROS);
    assertThat(changed.updatedAt())
        .as("updatedAt after a change")
        .isEqualTo(LATER_MICROS.plus(LATER));
    assertThat(branch(MAIN).updatedAt()).as("main's updatedAt").isEqualTo(T0_MICROS);
  }

  @Test
  void aTagIsStampedWhenCreated() {
    clock.advance(LATER);

    Tag tag = await(store().tags().create(tenant, new TagRef(LAKE, "v1"), CommitRef.head(MAIN)));

    assertThat(tag.createdAt()).isEqualTo(LATER_MICROS);
    assertThat(await(store().tags().get(tenant, tag.ref()))).contains(tag);
    assertThat(PagedReads.all(page -> store().tags().list(tenant, LAKE, page)))
        .containsExactly(tag);
  }

  @Test
  void aMergeStampsItsMergeCommitAndTheTargetWithNowAndAFastForwardTheTarget() {
    await(store().assets().create(tenant, ORDERS, NewAsset.icebergTable("s3://o", V1)));
    await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
    clock.advance(LATER);
    await(
        store().assets().updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("k", "v")));

    clock.advance(LATER);
    assertThat(await(store().branches().merge(tenant, DEV, MAIN)).outcome())
        .isEqualTo(MergeOutcome.FAST_FORWARD);
    Instant fastForwarded = LATER_MICROS.plus(LATER);
    assertThat(branch(MAIN).updatedAt())
        .as("main's updatedAt after a fast-forward")
        .isEqualTo(fastForwarded);

    clock.advance(LATER);
    await(
        store().assets().updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("d", "1")));
    await(store().assets().create(tenant, ORDERS.withName("m"), NewAsset.of(AssetKind.FILE)));
    clock.advance(LATER);
    Instant merged = fastForwarded.plus(LATER).plus(LATER);
    assertThat(await(store().branches().merge(tenant, DEV, MAIN)).outcome())
        .isEqualTo(MergeOutcome.MERGED);
    Branch main = branch(MAIN);
    assertThat(commit(main).createdAt()).as("the merge commit's createdAt").isEqualTo(merged);
    assertThat(main.updatedAt()).as("main's updatedAt after a merge").isEqualTo(merged);
    assertThat(branch(DEV).updatedAt())
        .as("the source's updatedAt")
        .isEqualTo(fastForwarded.plus(LATER));

    clock.advance(LATER);
    assertThat(await(store().branches().merge(tenant, DEV, MAIN)).outcome())
        .isEqualTo(MergeOutcome.UP_TO_DATE);
    await(
        store().assets().updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("e", "2")));
    Branch beforeDryRun = branch(MAIN);
    await(store().branches().merge(tenant, DEV, MAIN, MergeOptions.DEFAULT.asDryRun()));
    assertThat(branch(MAIN))
        .as("main after an up-to-date merge and a dry run")
        .isEqualTo(beforeDryRun)
        .extracting(Branch::updatedAt)
        .isEqualTo(merged);
  }

  @Test
  void aFailedCallChangesNoTimestamp() {
    await(store().assets().create(tenant, ORDERS, NewAsset.icebergTable("s3://o", V1)));
    await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
    await(store().tags().create(tenant, new TagRef(LAKE, "v1"), CommitRef.head(MAIN)));
    await(
        store()
            .assets()
            .updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("k", "dev")));
    await(store().assets().updateProperties(tenant, ORDERS, PropertyUpdate.setting("k", "main")));
    List<Branch> before = PagedReads.all(page -> store().branches().list(tenant, LAKE, page));
    List<Tag> tagsBefore = PagedReads.all(page -> store().tags().list(tenant, LAKE, page));
    clock.advance(LATER);

    assertFails(
        ConflictException.class,
        () -> store().assets().commitMetadataLocation(tenant, ORDERS, MetadataCommit.first(V1)));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().create(tenant, ORDERS, NewAsset.of(AssetKind.FILE)));
    assertFails(
        NotFoundException.class, () -> store().assets().delete(tenant, ORDERS.withName("gone")));
    assertFails(
        AlreadyExistsException.class,
        () -> store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
    assertFails(
        AlreadyExistsException.class,
        () -> store().tags().create(tenant, new TagRef(LAKE, "v1"), CommitRef.head(DEV)));
    assertFails(MergeConflictException.class, () -> store().branches().merge(tenant, DEV, MAIN));
    assertFails(PreconditionFailedException.class, () -> store().branches().delete(tenant, MAIN));

    assertThat(PagedReads.all(page -> store().branches().list(tenant, LAKE, page)))
        .as("the branches after the failed calls")
        .isEqualTo(before);
    assertThat(PagedReads.all(page -> store().tags().list(tenant, LAKE, page)))
        .as("the tags after the failed calls")
        .isEqualTo(tagsBefore);
  }

  @Test
  void aClockSetBackNeverStampsACommitBeforeItsParents() {
    clock.freezeAt(T0.plus(LATER).plus(LATER));
    Instant latest = T0_MICROS.plus(LATER).plus(LATER);
    await(store().assets().create(tenant, ORDERS, NewAsset.icebergTable("s3://o", V1)));
    await(store().branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))));
    await(
        store().assets().updateProperties(tenant, onDev(ORDERS), PropertyUpdate.setting("k", "v")));

    clock.freezeAt(T0.plus(LATER));
    await(store().assets().create(tenant, ORDERS.withName("m"), NewAsset.of(AssetKind.FILE)));
    Commit onMain = commit(branch(MAIN));
    assertThat(onMain.createdAt())
        .as("a change on main's head of the later time")
        .isEqualTo(latest);

    clock.freezeAt(T0);
    await(
        store()
            .assets()
            .updateProperties(tenant, ORDERS.withName("m"), PropertyUpdate.setting("x", "y")));
    await(store().branches().merge(tenant, DEV, MAIN));
    Commit merge = commit(branch(MAIN));
    assertThat(merge.parents()).hasSize(2);
    assertThat(merge.createdAt()).as("the merge commit's createdAt").isEqualTo(latest);
    List<Commit> history =
        PagedReads.all(p -> store().commits().ancestry(tenant, CommitRef.head(MAIN), p));
    for (int i = 0; i + 1 < history.size(); i++) {
      assertThat(history.get(i).createdAt())
          .as("commit %d of main's history is not before its parent", i)
          .isAfterOrEqualTo(history.get(i + 1).createdAt());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** A change whose future is awaited. */
  @FunctionalInterface
  private interface Change {
    CompletableFuture<?> make();
  }

  private Branch branch(BranchRef ref) {
    return await(store().branches().get(tenant, ref)).orElseThrow();
  }

  private Commit commit(Branch branch) {
    return await(store().commits().get(tenant, branch.ref().catalog(), branch.head()))
        .orElseThrow();
  }

  private static AssetRef onDev(AssetRef ref) {
    return new AssetRef(DEV, ref.namespace(), ref.name());
  }
}
