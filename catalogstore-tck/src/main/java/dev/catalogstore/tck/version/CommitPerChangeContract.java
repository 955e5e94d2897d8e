package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit for every change (DESIGN §2.7): every successful asset-changing call, through every
 * overload, appends exactly one commit to the asset's branch, whose only parent is the branch's
 * previous head, and moves the head to it, in the same step as the change. Its operations are the
 * change relative to that parent, one per key, sorted by key, each with the content before and
 * after ({@link AssetContent#of}): a create has no before, a delete no after, a property update or
 * metadata commit has both (also when they are equal), a rename deletes the old key and creates the
 * new one, and a multi-asset commit is one commit with one operation per asset. The commit records
 * the {@link CommitMeta} given, and none through the overloads without one.
 *
 * <p>A call that fails, whatever the failure ({@code NotFoundException}, {@code ConflictException},
 * {@code AlreadyExistsException}, {@code InvalidArgumentException}), writes no commit and leaves
 * the head where it was: the tenant reads exactly as before, histories included.
 *
 * <p>Each test works in a fresh tenant with catalog {@code lake}, namespaces {@code sales}, {@code
 * sales.eu} and {@code archive}.
 */
public abstract class CommitPerChangeContract extends HistorySuite {
  private static final String LAKE = "lake";
  private static final BranchRef MAIN = BranchRef.main(LAKE);
  private static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");
  private static final NamespaceRef SALES_EU = SALES.child("eu");
  private static final NamespaceRef ARCHIVE = NamespaceRef.of(LAKE, "archive");
  private static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  private static final AssetRef CUSTOMERS = AssetRef.onMain(SALES_EU, "customers");
  private static final String V1 = "s3://lake/sales/orders/metadata/1.json";
  private static final String V2 = "s3://lake/sales/orders/metadata/2.json";
  private static final String V3 = "s3://lake/sales/orders/metadata/3.json";
  private static final CommitMeta ALICE = CommitMeta.of("alice", "load the orders of 2024");
  private static final CommitMeta A_MESSAGE = CommitMeta.message("nightly compaction\n\tby cron");

  private TenantId tenant;

  @BeforeEach
  void createTenantWithCatalogAndNamespaces() {
    tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    newNamespaces(tenant, LAKE, "sales", "eu");
    newNamespaces(tenant, LAKE, "archive");
  }

  // ---------------------------------------------------------------------------------------------
  // each change, through each overload

  @Test
  void aCreateAppendsOneCommitCreatingTheKey() {
    Asset[] created = new Asset[2];
    Commit plain =
        appendedBy(
            tenant,
            MAIN,
            () -> created[0] = await(store().assets().create(tenant, ORDERS, orders())));
    Commit withMeta =
        appendedBy(
            tenant,
            MAIN,
            () ->
                created[1] = await(store().assets().create(tenant, CUSTOMERS, customers(), ALICE)));

    assertThat(operations(tenant, LAKE, plain.id()))
        .containsExactly(AssetChange.created(key(ORDERS), AssetContent.of(created[0])));
    assertThat(operations(tenant, LAKE, withMeta.id()))
        .containsExactly(AssetChange.created(key(CUSTOMERS), AssetContent.of(created[1])));
    assertThat(plain.meta()).as("the meta of a create without one").isEqualTo(CommitMeta.NONE);
    assertThat(withMeta.meta()).as("the meta given with the create").isEqualTo(ALICE);
  }

  @Test
  void aRenameAppendsOneCommitDeletingTheOldKeyAndCreatingTheNewOne() {
    AssetContent content =
        AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));
    AssetRef renamed = ORDERS.withName("orders-2024");
    AssetRef archived = AssetRef.onMain(ARCHIVE, "orders-2024");

    Commit plain =
        appendedBy(tenant, MAIN, () -> await(store().assets().rename(tenant, ORDERS, renamed)));
    Commit moved =
        appendedBy(
            tenant,
            MAIN,
            () ->
                await(
                    store()
                        .assets()
                        .rename(
                            tenant,
                            renamed,
                            archived,
                            AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE),
                            A_MESSAGE)));

    assertThat(operations(tenant, LAKE, plain.id()))
        .as("a rename within a namespace: the keys in key order")
        .containsExactly(
            AssetChange.deleted(key(ORDERS), content), AssetChange.created(key(renamed), content));
    assertThat(operations(tenant, LAKE, moved.id()))
        .as("a move to namespace archive, which sorts before sales")
        .containsExactly(
            AssetChange.created(key(archived), content),
            AssetChange.deleted(key(renamed), content));
    assertThat(plain.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(moved.meta()).isEqualTo(A_MESSAGE);
  }

  @Test
  void aGuardedRenameAppendsOneCommitLikeAnyRename() {
    Asset created = await(store().assets().create(tenant, ORDERS, orders()));
    AssetContent content = AssetContent.of(created);
    AssetRef renamed = ORDERS.withName("orders-renamed");

    Commit guarded =
        appendedBy(
            tenant,
            MAIN,
            () ->
                await(
                    store()
                        .assets()
                        .rename(tenant, ORDERS, renamed, AssetExpectation.of(created))));

    assertThat(operations(tenant, LAKE, guarded.id()))
        .containsExactly(
            AssetChange.deleted(key(ORDERS), content), AssetChange.created(key(renamed), content));
    assertThat(guarded.meta()).isEqualTo(CommitMeta.NONE);
  }

  @Test
  void aPropertyUpdateAppendsOneCommitWithTheContentBeforeAndAfter() {
    AssetContent created =
        AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));
    Asset[] updated = new Asset[2];

    Commit plain =
        appendedBy(
            tenant,
            MAIN,
            () ->
                updated[0] =
                    await(
                        store()
                            .assets()
                            .updateProperties(tenant, ORDERS, PropertyUpdate.setting("k", "v"))));
    Commit withMeta =
        appendedBy(
            tenant,
            MAIN,
            () ->
                updated[1] =
                    await(
                        store()
                            .assets()
                            .updateProperties(
                                tenant,
                                ORDERS,
                                new PropertyUpdate(Map.of("k2", "v2"), java.util.Set.of("k")),
                                ALICE)));

    AssetContent first = AssetContent.of(updated[0]);
    assertThat(operations(tenant, LAKE, plain.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), created, first));
    assertThat(operations(tenant, LAKE, withMeta.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), first, AssetContent.of(updated[1])));
    assertThat(first.properties()).containsEntry("k", "v");
    assertThat(plain.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(withMeta.meta()).isEqualTo(ALICE);
  }

  @Test
  void aPropertyUpdateThatChangesNothingStillAppendsACommitWithEqualContents() {
    AssetContent created =
        AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));

    Commit empty =
        appendedBy(
            tenant,
            MAIN,
            () -> await(store().assets().updateProperties(tenant, ORDERS, PropertyUpdate.NONE)));
    Commit same =
        appendedBy(
            tenant,
            MAIN,
            () ->
                await(
                    store()
                        .assets()
                        .updateProperties(
                            tenant, ORDERS, PropertyUpdate.setting("owner", "sales"), A_MESSAGE)));

    assertThat(operations(tenant, LAKE, empty.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), created, created));
    assertThat(operations(tenant, LAKE, same.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), created, created));
    assertThat(same.meta()).isEqualTo(A_MESSAGE);
  }

  @Test
  void aDeleteAppendsOneCommitDeletingTheKey() {
    AssetContent orders = AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));
    Asset customers = await(store().assets().create(tenant, CUSTOMERS, customers()));
    AssetRef returns = AssetRef.onMain(SALES, "returns");
    AssetContent returnsContent =
        AssetContent.of(
            await(store().assets().create(tenant, returns, NewAsset.of(AssetKind.FILE))));

    Commit plain = appendedBy(tenant, MAIN, () -> await(store().assets().delete(tenant, ORDERS)));
    Commit guarded =
        appendedBy(
            tenant,
            MAIN,
            () ->
                await(store().assets().delete(tenant, CUSTOMERS, AssetExpectation.of(customers))));
    Commit withMeta =
        appendedBy(
            tenant,
            MAIN,
            () -> await(store().assets().delete(tenant, returns, AssetExpectation.ANY, ALICE)));

    assertThat(operations(tenant, LAKE, plain.id()))
        .containsExactly(AssetChange.deleted(key(ORDERS), orders));
    assertThat(operations(tenant, LAKE, guarded.id()))
        .containsExactly(AssetChange.deleted(key(CUSTOMERS), AssetContent.of(customers)));
    assertThat(operations(tenant, LAKE, withMeta.id()))
        .containsExactly(AssetChange.deleted(key(returns), returnsContent));
    assertThat(List.of(plain.meta(), guarded.meta(), withMeta.meta()))
        .containsExactly(CommitMeta.NONE, CommitMeta.NONE, ALICE);
  }

  @Test
  void aMetadataCommitAppendsOneCommitWithTheContentBeforeAndAfter() {
    AssetContent created =
        AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));
    Asset[] committed = new Asset[2];

    Commit plain =
        appendedBy(
            tenant,
            MAIN,
            () ->
                committed[0] =
                    await(
                        store()
                            .assets()
                            .commitMetadataLocation(
                                tenant, ORDERS, MetadataCommit.replacing(V1, V2))));
    Commit withMeta =
        appendedBy(
            tenant,
            MAIN,
            () ->
                committed[1] =
                    await(
                        store()
                            .assets()
                            .commitMetadataLocation(
                                tenant,
                                ORDERS,
                                MetadataCommit.replacing(V2, V3)
                                    .withLocation("s3://lake/moved")
                                    .withProperties(PropertyUpdate.setting("snapshot", "3")),
                                A_MESSAGE)));

    AssetContent second = AssetContent.of(committed[0]);
    assertThat(second.metadataLocation()).contains(V2);
    assertThat(operations(tenant, LAKE, plain.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), created, second));
    assertThat(operations(tenant, LAKE, withMeta.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), second, AssetContent.of(committed[1])));
    assertThat(plain.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(withMeta.meta()).isEqualTo(A_MESSAGE);
  }

  @Test
  void aMultiAssetCommitAppendsOneCommitWithOneOperationPerAssetInKeyOrder() {
    AssetContent orders = AssetContent.of(await(store().assets().create(tenant, ORDERS, orders())));
    AssetContent customers =
        AssetContent.of(await(store().assets().create(tenant, CUSTOMERS, customers())));
    String customersV2 = "s3://lake/sales/eu/customers/metadata/2.json";
    List<Asset>[] committed = newListArray();

    // The request names sales.eu.customers first; the operations come in key order, where the
    // namespace sales sorts before its child sales.eu.
    Commit plain =
        appendedBy(
            tenant,
            MAIN,
            () ->
                committed[0] =
                    await(
                        store()
                            .assets()
                            .commitMetadataLocations(
                                tenant,
                                List.of(
                                    new AssetCommit(
                                        CUSTOMERS,
                                        MetadataCommit.replacing(customersV1(), customersV2)),
                                    new AssetCommit(ORDERS, MetadataCommit.replacing(V1, V2))))));
    Commit withMeta =
        appendedBy(
            tenant,
            MAIN,
            () ->
                committed[1] =
                    await(
                        store()
                            .assets()
                            .commitMetadataLocations(
                                tenant,
                                List.of(new AssetCommit(ORDERS, MetadataCommit.replacing(V2, V3))),
                                ALICE)));

    AssetContent ordersV2 = AssetContent.of(committed[0].get(1));
    assertThat(operations(tenant, LAKE, plain.id()))
        .containsExactly(
            AssetChange.updated(key(ORDERS), orders, ordersV2),
            AssetChange.updated(key(CUSTOMERS), customers, AssetContent.of(committed[0].get(0))));
    assertThat(operations(tenant, LAKE, withMeta.id()))
        .containsExactly(
            AssetChange.updated(key(ORDERS), ordersV2, AssetContent.of(committed[1].get(0))));
    assertThat(plain.meta()).isEqualTo(CommitMeta.NONE);
    assertThat(withMeta.meta()).isEqualTo(ALICE);
  }

  @Test
  void aChangeOnABranchAppendsToThatBranchOnly() {
    await(store().assets().create(tenant, ORDERS, orders()));
    BranchRef dev = new BranchRef(LAKE, "dev");
    branchFromMain(tenant, dev);
    AssetRef ordersOnDev = new AssetRef(dev, ORDERS.namespace(), ORDERS.name());
    // main moves on after the branch, so that the heads of main and dev differ.
    await(store().assets().create(tenant, CUSTOMERS, customers()));
    List<Commit> mainBefore = history(tenant, MAIN);
    AssetContent before = content(tenant, ordersOnDev);

    Commit onDev =
        appendedBy(
            tenant,
            dev,
            () ->
                await(
                    store()
                        .assets()
                        .updateProperties(tenant, ordersOnDev, PropertyUpdate.setting("k", "v"))));

    assertThat(operations(tenant, LAKE, onDev.id()))
        .containsExactly(AssetChange.updated(key(ORDERS), before, content(tenant, ordersOnDev)));
    assertNoCommit(tenant, MAIN, mainBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // a failed call writes no commit

  @Test
  void aFailedCreateWritesNoCommit() {
    await(store().assets().create(tenant, ORDERS, orders()));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().create(tenant, ORDERS, NewAsset.of(AssetKind.FILE)));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().create(tenant, ORDERS, NewAsset.of(AssetKind.FILE), ALICE));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .create(tenant, AssetRef.onMain(LAKE, SALES.path().child("gone"), "t"), orders()));
    assertInvalid(
        "meta.author",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    ORDERS.withName("fresh"),
                    orders(),
                    CommitMeta.of(" ", "a blank author")));

    assertUnchanged(tenant, before);
  }

  @Test
  void aFailedRenameWritesNoCommit() {
    Asset orders = await(store().assets().create(tenant, ORDERS, orders()));
    await(store().assets().create(tenant, CUSTOMERS, customers()));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(tenant, ORDERS.withName("gone"), ORDERS.withName("x")));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, ORDERS, AssetRef.onMain(SALES_EU, "customers")));
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    ORDERS,
                    ORDERS.withName("x"),
                    AssetExpectation.of(orders).withKind(AssetKind.SQL_VIEW)));
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    ORDERS,
                    ORDERS.withName("x"),
                    AssetExpectation.ANY.withMetadataLocation(V2),
                    ALICE));
    assertInvalid(
        "meta.message",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    ORDERS,
                    ORDERS.withName("x"),
                    AssetExpectation.ANY,
                    CommitMeta.message("")));

    assertUnchanged(tenant, before);
  }

  @Test
  void aFailedPropertyUpdateWritesNoCommit() {
    await(store().assets().create(tenant, ORDERS, orders()));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, ORDERS.withName("gone"), PropertyUpdate.setting("k", "v")));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, ORDERS.withName("gone"), PropertyUpdate.setting("k", "v"), ALICE));
    assertInvalid(
        "update.set key",
        () -> store().assets().updateProperties(tenant, ORDERS, PropertyUpdate.setting(" ", "v")));
    assertInvalid(
        "meta.author",
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant,
                    ORDERS,
                    PropertyUpdate.setting("k", "v"),
                    CommitMeta.of("a\u0000b", "a control character")));

    assertUnchanged(tenant, before);
  }

  @Test
  void aFailedDeleteWritesNoCommit() {
    Asset orders = await(store().assets().create(tenant, ORDERS, orders()));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        NotFoundException.class, () -> store().assets().delete(tenant, ORDERS.withName("gone")));
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .delete(tenant, ORDERS, AssetExpectation.of(orders).withMetadataLocation(V2)));
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .delete(tenant, ORDERS, AssetExpectation.ANY.withKind(AssetKind.SQL_VIEW), ALICE));
    assertInvalid(
        "meta.author",
        () ->
            store()
                .assets()
                .delete(
                    tenant,
                    ORDERS,
                    AssetExpectation.ANY,
                    CommitMeta.of("x".repeat(256), "an author too long")));

    assertUnchanged(tenant, before);
  }

  @Test
  void aFailedMetadataCommitWritesNoCommit() {
    await(store().assets().create(tenant, ORDERS, orders()));
    TenantSnapshot before = snapshot(tenant);

    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, ORDERS, MetadataCommit.replacing(V2, V3)));
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, ORDERS, MetadataCommit.first(V3), A_MESSAGE));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, ORDERS.withName("gone"), MetadataCommit.replacing(V1, V2)));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, ORDERS, MetadataCommit.replacing(V1, V1)));
    assertInvalid(
        "meta.message",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    ORDERS,
                    MetadataCommit.replacing(V1, V2),
                    CommitMeta.message("m".repeat(64 * 1024 + 1))));

    assertUnchanged(tenant, before);
  }

  @Test
  void aFailedMultiAssetCommitWritesNoCommit() {
    await(store().assets().create(tenant, ORDERS, orders()));
    await(store().assets().create(tenant, CUSTOMERS, customers()));
    TenantSnapshot before = snapshot(tenant);
    AssetCommit ordersFresh = new AssetCommit(ORDERS, MetadataCommit.replacing(V1, V2));

    assertFails(
        AssetsConflictException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        ordersFresh,
                        new AssetCommit(CUSTOMERS, MetadataCommit.replacing("s3://stale", V3)))));
    assertFails(
        AssetsConflictException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(ordersFresh, new AssetCommit(CUSTOMERS, MetadataCommit.first(V3))),
                    ALICE));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        ordersFresh,
                        new AssetCommit(ORDERS.withName("gone"), MetadataCommit.first(V3)))));
    assertInvalid(
        "commits[1].asset",
        () -> store().assets().commitMetadataLocations(tenant, List.of(ordersFresh, ordersFresh)));
    assertInvalid(
        "meta.author",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(ordersFresh), CommitMeta.of("", "an empty author")));

    assertUnchanged(tenant, before);
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static NewAsset orders() {
    return NewAsset.builder(AssetKind.ICEBERG_TABLE)
        .location("s3://lake/sales/orders")
        .metadataLocation(V1)
        .properties(Map.of("owner", "sales"))
        .build();
  }

  private static String customersV1() {
    return "s3://lake/sales/eu/customers/metadata/1.json";
  }

  private static NewAsset customers() {
    return NewAsset.builder(AssetKind.DELTA_TABLE)
        .location("s3://lake/sales/eu/customers")
        .metadataLocation(customersV1())
        .build();
  }

  @SuppressWarnings("unchecked")
  private static List<Asset>[] newListArray() {
    return (List<Asset>[]) new List<?>[2];
  }
}
