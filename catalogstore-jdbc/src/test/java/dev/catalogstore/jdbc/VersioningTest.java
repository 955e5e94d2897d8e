package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's versioning end to end: the commit each change writes in its own statement, the
 * four ways a branch is materialised, merges of every outcome, tags. The TCK states these rules for
 * every backend; these tests pin this backend's statements (the ways of branch creation, the
 * history read back for a merge) on a real PostgreSQL.
 */
class VersioningTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("versioning");
  private static final String CATALOG = "cat";
  private static final NamespaceRef NS = NamespaceRef.of(CATALOG, "db");
  private static final BranchRef MAIN = BranchRef.main(CATALOG);
  private static final BranchRef DEV = new BranchRef(CATALOG, "dev");
  private static final AssetRef T1 = AssetRef.onMain(NS, "t1");
  private static final AssetRef T2 = AssetRef.onMain(NS, "t2");
  private static final AssetRef T3 = AssetRef.onMain(NS, "t3");

  private static JdbcCatalogStore store;
  private TenantId tenant;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @BeforeEach
  void newTenant() {
    tenant = store.tenants().create(NewTenant.named("v-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
    store.namespaces().create(tenant, NS, Map.of()).join();
  }

  @Test
  void aCatalogStartsWithMainAtItsRootCommit() {
    Branch main = store.branches().get(tenant, MAIN).join().orElseThrow();
    Commit root = store.commits().get(tenant, CATALOG, main.head()).join().orElseThrow();

    assertThat(main.type()).isEqualTo(BranchType.INGEST);
    assertThat(main.partial()).isFalse();
    assertThat(root.parents()).isEmpty();
    assertThat(root.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(root.createdAt()).isEqualTo(main.createdAt()).isEqualTo(main.updatedAt());
    assertThat(operations(root.id())).isEmpty();
  }

  @Test
  void everyChangeAppendsOneCommitWithItsOperationsAndMovesTheHead() {
    CommitMeta meta = CommitMeta.of("alice", "load t1");
    Asset t1 =
        store
            .assets()
            .create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1"), meta)
            .join();
    store.assets().create(tenant, T3, NewAsset.icebergTable("s3://t3", "s3://t3/1")).join();
    Asset updated =
        store.assets().updateProperties(tenant, T1, PropertyUpdate.setting("owner", "bob")).join();
    Asset committed =
        store
            .assets()
            .commitMetadataLocation(tenant, T1, MetadataCommit.replacing("s3://t1/1", "s3://t1/2"))
            .join();
    store.assets().rename(tenant, T3, T2, AssetExpectation.ANY).join();
    store
        .assets()
        .commitMetadataLocations(
            tenant,
            List.of(
                new AssetCommit(T2, MetadataCommit.replacing("s3://t3/1", "s3://t3/2")),
                new AssetCommit(T1, MetadataCommit.replacing("s3://t1/2", "s3://t1/3"))),
            CommitMeta.message("both"))
        .join();
    store.assets().delete(tenant, T2).join();

    List<Commit> history = ancestry(CommitRef.head(MAIN));
    assertThat(history).hasSize(8);
    Branch main = store.branches().get(tenant, MAIN).join().orElseThrow();
    assertThat(history.get(0).id()).isEqualTo(main.head());
    assertThat(main.updatedAt()).isEqualTo(history.get(0).createdAt());
    for (int i = 0; i < history.size() - 1; i++) {
      assertThat(history.get(i).parents()).containsExactly(history.get(i + 1).id());
    }
    Commit create = history.get(6);
    assertThat(create.meta()).isEqualTo(meta);
    assertThat(operations(create.id()))
        .containsExactly(AssetChange.created(key(T1), AssetContent.of(t1)));
    assertThat(operations(history.get(4).id()))
        .containsExactly(
            AssetChange.updated(key(T1), AssetContent.of(t1), AssetContent.of(updated)));
    assertThat(operations(history.get(3).id()))
        .containsExactly(
            AssetChange.updated(key(T1), AssetContent.of(updated), AssetContent.of(committed)));
    // A rename: the old key deleted and the new key created, in key order (t2 before t3).
    List<AssetChange> rename = operations(history.get(2).id());
    assertThat(rename).extracting(AssetChange::key).containsExactly(key(T2), key(T3));
    assertThat(rename.get(0).isCreate()).isTrue();
    assertThat(rename.get(1).isDelete()).isTrue();
    // One commit for the multi-asset commit, in key order.
    assertThat(history.get(1).meta()).isEqualTo(CommitMeta.message("both"));
    assertThat(operations(history.get(1).id()))
        .extracting(AssetChange::key)
        .containsExactly(key(T1), key(T2));
    assertThat(operations(history.get(0).id())).singleElement().matches(AssetChange::isDelete);
  }

  @Test
  void aChangeThatFailsWritesNoCommit() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    CommitId head = head(MAIN);

    Throwable lost =
        catchThrowable(
            () ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant, T1, MetadataCommit.replacing("s3://t1/0", "s3://t1/2"))
                    .join());
    Throwable taken =
        catchThrowable(
            () -> store.assets().create(tenant, T1, NewAsset.icebergTable("x", "y")).join());

    assertThat(lost).hasCauseInstanceOf(ConflictException.class);
    assertThat(taken).isInstanceOf(CompletionException.class);
    assertThat(head(MAIN)).isEqualTo(head);
  }

  @Test
  void ancestryPagesFollowTheFirstParentDownToTheRoot() {
    for (int i = 0; i < 5; i++) {
      store.assets().create(tenant, T1.withName("t" + i), NewAsset.icebergTable("l", "m")).join();
    }
    List<Commit> all = new ArrayList<>();
    Page<Commit> page =
        store.commits().ancestry(tenant, CommitRef.head(MAIN), PageRequest.firstPage(2)).join();
    all.addAll(page.items());
    while (page.nextPage(2).isPresent()) {
      page = store.commits().ancestry(tenant, CommitRef.head(MAIN), page.nextPage(2).get()).join();
      all.addAll(page.items());
    }
    assertThat(all).hasSize(6).isEqualTo(ancestry(CommitRef.head(MAIN)));
    assertThat(all.get(5).parents()).isEmpty();
  }

  @Test
  void aBranchFromAHeadCopiesItsAssetsWithNewIds() {
    Asset t1 =
        store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    store.assets().create(tenant, T2, NewAsset.icebergTable("s3://t2", "s3://t2/1")).join();

    Branch dev = store.branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))).join();

    assertThat(dev.head()).isEqualTo(head(MAIN));
    assertThat(dev.partial()).isFalse();
    Asset copy = store.assets().get(tenant, on(DEV, T1)).join().orElseThrow();
    assertThat(copy.id()).isNotEqualTo(t1.id());
    assertThat(AssetContent.of(copy)).isEqualTo(AssetContent.of(t1));
    assertThat(store.assets().history(tenant, on(DEV, T1), PageRequest.firstPage()).join().items())
        .singleElement()
        .satisfies(h -> assertThat(h.sequence()).isEqualTo(1));
    assertThat(store.assets().get(tenant, on(DEV, T2)).join()).isPresent();
  }

  @Test
  void aPartialBranchCopiesOnlyTheKeysNamedThatExist() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    store.assets().create(tenant, T2, NewAsset.icebergTable("s3://t2", "s3://t2/1")).join();

    Branch dev =
        store
            .branches()
            .create(
                tenant,
                DEV,
                NewBranch.partial(
                    CommitRef.head(MAIN), BranchType.INGEST, Set.of(key(T1), key(T3))))
            .join();

    assertThat(dev.partial()).isTrue();
    assertThat(store.assets().get(tenant, on(DEV, T1)).join()).isPresent();
    assertThat(store.assets().get(tenant, on(DEV, T2)).join()).isEmpty();
  }

  @Test
  void aBranchFromAnOlderCommitUndoesTheChangesSinceOnADescendantBranch() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    CommitId old = head(MAIN);
    Asset t1Then = store.assets().get(tenant, T1).join().orElseThrow();
    store
        .assets()
        .commitMetadataLocation(tenant, T1, MetadataCommit.replacing("s3://t1/1", "s3://t1/2"))
        .join();
    store.assets().create(tenant, T2, NewAsset.icebergTable("s3://t2", "s3://t2/1")).join();

    Branch dev =
        store.branches().create(tenant, DEV, NewBranch.from(CommitRef.id(CATALOG, old))).join();

    assertThat(dev.head()).isEqualTo(old);
    assertThat(store.assets().get(tenant, on(DEV, T1)).join().map(AssetContent::of))
        .contains(AssetContent.of(t1Then));
    assertThat(store.assets().get(tenant, on(DEV, T2)).join()).isEmpty();
  }

  @Test
  void aBranchFromACommitNoBranchReachesIsFoldedFromTheRoot() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    store.branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))).join();
    Asset onDev =
        store
            .assets()
            .commitMetadataLocation(
                tenant, on(DEV, T1), MetadataCommit.replacing("s3://t1/1", "s3://t1/dev"))
            .join();
    store
        .assets()
        .create(tenant, on(DEV, T2), NewAsset.icebergTable("s3://t2", "s3://t2/1"))
        .join();
    CommitId devHead = head(DEV);
    store.tags().create(tenant, new TagRef(CATALOG, "v1"), CommitRef.head(DEV)).join();
    store.branches().delete(tenant, DEV).join();

    BranchRef again = new BranchRef(CATALOG, "again");
    Branch branch =
        store
            .branches()
            .create(tenant, again, NewBranch.from(CommitRef.tag(new TagRef(CATALOG, "v1"))))
            .join();

    assertThat(branch.head()).isEqualTo(devHead);
    assertThat(store.assets().get(tenant, on(again, T1)).join().map(AssetContent::of))
        .contains(AssetContent.of(onDev));
    assertThat(store.assets().get(tenant, on(again, T2)).join()).isPresent();
  }

  @Test
  void mergesFastForwardThenMergeThenFindNothingNew() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    Asset mainT1 = store.assets().get(tenant, T1).join().orElseThrow();
    store.branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))).join();
    store
        .assets()
        .create(tenant, on(DEV, T2), NewAsset.icebergTable("s3://t2", "s3://t2/1"))
        .join();

    MergeResult ff = store.branches().merge(tenant, DEV, MAIN).join();
    assertThat(ff.outcome()).isEqualTo(MergeOutcome.FAST_FORWARD);
    assertThat(head(MAIN)).isEqualTo(head(DEV));
    assertThat(store.assets().get(tenant, T2).join()).isPresent();

    store
        .assets()
        .commitMetadataLocation(
            tenant, on(DEV, T2), MetadataCommit.replacing("s3://t2/1", "s3://t2/2"))
        .join();
    store
        .assets()
        .commitMetadataLocation(tenant, T1, MetadataCommit.replacing("s3://t1/1", "s3://t1/2"))
        .join();
    CommitId mainBefore = head(MAIN);
    MergeResult merged =
        store
            .branches()
            .merge(tenant, DEV, MAIN, MergeOptions.DEFAULT.withMeta(CommitMeta.of("ci", "merge")))
            .join();

    assertThat(merged.outcome()).isEqualTo(MergeOutcome.MERGED);
    Commit commit =
        store
            .commits()
            .get(tenant, CATALOG, merged.mergeCommit().orElseThrow())
            .join()
            .orElseThrow();
    assertThat(commit.parents()).containsExactly(mainBefore, head(DEV));
    assertThat(commit.meta()).isEqualTo(CommitMeta.of("ci", "merge"));
    assertThat(operations(commit.id())).extracting(AssetChange::key).containsExactly(key(T2));
    assertThat(store.assets().get(tenant, T2).join().flatMap(Asset::metadataLocation))
        .contains("s3://t2/2");
    // Asset ids on the target never change through a merge.
    assertThat(store.assets().get(tenant, T1).join().map(Asset::id)).contains(mainT1.id());
    assertThat(store.assets().history(tenant, T2, PageRequest.firstPage()).join().items())
        .extracting(h -> h.location())
        .containsExactly("s3://t2/2", "s3://t2/1");

    assertThat(store.branches().merge(tenant, DEV, MAIN).join().outcome())
        .isEqualTo(MergeOutcome.UP_TO_DATE);
  }

  @Test
  void aConflictFailsTheMergeUnlessAStrategyResolvesIt() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    store.branches().create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN))).join();
    store
        .assets()
        .commitMetadataLocation(
            tenant, on(DEV, T1), MetadataCommit.replacing("s3://t1/1", "s3://t1/dev"))
        .join();
    store
        .assets()
        .commitMetadataLocation(tenant, T1, MetadataCommit.replacing("s3://t1/1", "s3://t1/main"))
        .join();
    CommitId mainHead = head(MAIN);

    MergeResult dry =
        store.branches().merge(tenant, DEV, MAIN, MergeOptions.DEFAULT.asDryRun()).join();
    Throwable failed = catchThrowable(() -> store.branches().merge(tenant, DEV, MAIN).join());

    assertThat(dry.outcome()).isEqualTo(MergeOutcome.CONFLICTED);
    assertThat(dry.conflicts()).extracting(c -> c.key()).containsExactly(key(T1));
    assertThat(failed).hasCauseInstanceOf(MergeConflictException.class);
    assertThat(head(MAIN)).isEqualTo(mainHead);

    MergeResult resolved =
        store
            .branches()
            .merge(tenant, DEV, MAIN, MergeOptions.DEFAULT.withStrategy(MergeStrategy.SOURCE_WINS))
            .join();
    assertThat(resolved.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(store.assets().get(tenant, T1).join().flatMap(Asset::metadataLocation))
        .contains("s3://t1/dev");
    assertThat(
            store
                .assets()
                .history(tenant, T1, PageRequest.firstPage())
                .join()
                .items()
                .get(0)
                .previousLocation())
        .contains("s3://t1/main");
  }

  @Test
  void deletionsPropagateButAPartialBranchNeverDeletesWhatItDidNotCopy() {
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/1")).join();
    store.assets().create(tenant, T2, NewAsset.icebergTable("s3://t2", "s3://t2/1")).join();
    store
        .branches()
        .create(
            tenant,
            DEV,
            NewBranch.partial(CommitRef.head(MAIN), BranchType.INGEST, Set.of(key(T1))))
        .join();
    store.assets().delete(tenant, on(DEV, T1)).join();

    MergeResult result = store.branches().merge(tenant, DEV, MAIN).join();

    assertThat(result.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(store.assets().get(tenant, T1).join()).isEmpty();
    assertThat(store.assets().get(tenant, T2).join()).isPresent();
  }

  @Test
  void experimentalBranchesRefuseToMergeAndMainCannotBeDeleted() {
    store
        .branches()
        .create(tenant, DEV, NewBranch.from(CommitRef.head(MAIN), BranchType.EXPERIMENTAL))
        .join();

    assertThat(catchThrowable(() -> store.branches().merge(tenant, DEV, MAIN).join()))
        .hasCauseInstanceOf(PreconditionFailedException.class);
    assertThat(catchThrowable(() -> store.branches().delete(tenant, MAIN).join()))
        .hasCauseInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("branch 'main' of catalog 'cat' cannot be deleted");
    assertThat(
            catchThrowable(
                () -> store.branches().delete(tenant, new BranchRef(CATALOG, "nope")).join()))
        .cause()
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.missing()).isEqualTo(ObjectType.BRANCH));
  }

  @Test
  void aTagNamesACommitOfItsOwnCatalogOnly() {
    store.catalogs().create(tenant, NewCatalog.local("other", "wh")).join();
    CommitId otherRoot = head(BranchRef.main("other"));

    Tag tag =
        store.tags().create(tenant, new TagRef(CATALOG, "start"), CommitRef.head(MAIN)).join();
    Throwable foreign =
        catchThrowable(
            () ->
                store
                    .tags()
                    .create(tenant, new TagRef(CATALOG, "x"), CommitRef.id(CATALOG, otherRoot))
                    .join());
    Throwable taken =
        catchThrowable(
            () ->
                store
                    .tags()
                    .create(tenant, new TagRef(CATALOG, "start"), CommitRef.head(MAIN))
                    .join());

    assertThat(tag.commit()).isEqualTo(head(MAIN));
    assertThat(foreign)
        .cause()
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.missing()).isEqualTo(ObjectType.COMMIT));
    assertThat(taken).hasMessageContaining("already exists");
    assertThat(store.tags().list(tenant, CATALOG, PageRequest.firstPage()).join().items())
        .containsExactly(tag);
  }

  private List<Commit> ancestry(CommitRef from) {
    return store.commits().ancestry(tenant, from, PageRequest.firstPage(1000)).join().items();
  }

  private List<AssetChange> operations(CommitId commit) {
    return store
        .commits()
        .operations(tenant, CATALOG, commit, PageRequest.firstPage(1000))
        .join()
        .items();
  }

  private CommitId head(BranchRef branch) {
    return store.branches().get(tenant, branch).join().orElseThrow().head();
  }

  private static AssetKey key(AssetRef asset) {
    return AssetKey.of(asset);
  }

  private static AssetRef on(BranchRef branch, AssetRef asset) {
    return new AssetRef(branch, asset.namespace(), asset.name());
  }
}
