package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's side of the contract's additions for Iceberg catalogs: which thing is missing,
 * commits that move the location and change properties, multi-asset commits (also racing in
 * opposite orders, where only the lock order keeps them from deadlocking), guarded deletes and
 * renames, and lists narrowed to kinds. The TCK states these rules for every backend; these tests
 * pin the statements and failure paths of this one.
 */
class AssetAdditionsTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("additions");
  private static final NamespaceRef NS = NamespaceRef.of("cat", "db");
  private static final AssetRef T1 = AssetRef.onMain(NS, "t1");
  private static final AssetRef T2 = AssetRef.onMain(NS, "t2");

  private static JdbcCatalogStore store;
  private TenantId tenant;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).maximumPoolSize(4).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @BeforeEach
  void newTenant() {
    tenant = store.tenants().create(NewTenant.named("additions-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    store.namespaces().create(tenant, NS, Map.of()).join();
    store.assets().create(tenant, T1, NewAsset.icebergTable("s3://t1", "s3://t1/v1.json")).join();
    store.assets().create(tenant, T2, NewAsset.icebergTable("s3://t2", "s3://t2/v1.json")).join();
  }

  @Test
  void aMissingThingIsNamedOutermostFirst() {
    TenantId nobody = new TenantId(UUID.randomUUID());
    NewAsset table = NewAsset.of(AssetKind.ICEBERG_TABLE);
    AssetRef onOtherBranch = new AssetRef(new BranchRef("cat", "dev"), NS.path(), "t1");
    AssetRef inOtherNamespace = AssetRef.onMain(NamespaceRef.of("cat", "nope"), "t1");

    assertMissing(ObjectType.TENANT, () -> store.assets().create(nobody, T1, table));
    assertMissing(
        ObjectType.CATALOG,
        () -> store.assets().create(tenant, AssetRef.onMain("nope", NS.path(), "x"), table));
    assertMissing(ObjectType.BRANCH, () -> store.assets().create(tenant, onOtherBranch, table));
    assertMissing(
        ObjectType.NAMESPACE, () -> store.assets().create(tenant, inOtherNamespace, table));
    assertMissing(ObjectType.ASSET, () -> store.assets().delete(tenant, T1.withName("nope")));
    assertMissing(
        ObjectType.NAMESPACE,
        () ->
            store
                .assets()
                .list(
                    tenant,
                    BranchRef.main("cat"),
                    NamespacePath.of("nope"),
                    PageRequest.firstPage()));
    assertMissing(
        ObjectType.BRANCH,
        () -> store.assets().history(tenant, onOtherBranch, PageRequest.firstPage()));
    assertMissing(
        ObjectType.NAMESPACE,
        () ->
            store
                .assets()
                .rename(
                    tenant, T1, T1.inNamespace(NamespacePath.of("nope")), AssetExpectation.ANY));
    assertMissing(
        ObjectType.NAMESPACE,
        () ->
            store
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(new AssetCommit(inOtherNamespace, MetadataCommit.first("s3://x")))));
    assertMissing(
        ObjectType.NAMESPACE,
        () -> store.namespaces().create(tenant, NS.child("a").child("b"), Map.of()));
    assertMissing(
        ObjectType.CATALOG,
        () -> store.namespaces().list(tenant, NamespaceRef.root("nope"), PageRequest.firstPage()));
    assertMissing(
        ObjectType.TENANT,
        () -> store.namespaces().updateProperties(nobody, NS, PropertyUpdate.NONE));
    assertMissing(
        ObjectType.WAREHOUSE,
        () -> store.catalogs().create(tenant, NewCatalog.local("other", "nope")));
    assertMissing(
        ObjectType.TENANT, () -> store.catalogs().create(nobody, NewCatalog.local("other", "wh")));
    assertMissing(
        ObjectType.WAREHOUSE,
        () -> store.warehouses().update(tenant, "nope", WarehouseUpdate.builder().build()));
    assertMissing(ObjectType.TENANT, () -> store.warehouses().delete(nobody, "wh"));
    assertMissing(ObjectType.CATALOG, () -> store.catalogs().delete(tenant, "nope"));
  }

  @Test
  void aCommitMovesTheLocationAndChangesPropertiesWithThePointer() {
    store.assets().updateProperties(tenant, T1, PropertyUpdate.setting("keep", "1")).join();

    Asset committed =
        store
            .assets()
            .commitMetadataLocation(
                tenant,
                T1,
                MetadataCommit.replacing("s3://t1/v1.json", "s3://t1/v2.json")
                    .withLocation("s3://moved/t1")
                    .withProperties(new PropertyUpdate(Map.of("owner", "ana"), Set.of("keep"))))
            .join();

    assertThat(committed.metadataLocation()).contains("s3://t1/v2.json");
    assertThat(committed.location()).contains("s3://moved/t1");
    assertThat(committed.properties()).isEqualTo(Map.of("owner", "ana"));
    assertThat(store.assets().get(tenant, T1).join()).contains(committed);
  }

  @Test
  void aLostCommitChangesNeitherLocationNorProperties() {
    Asset before = store.assets().get(tenant, T1).join().orElseThrow();

    Throwable failure =
        failureOf(
            () ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant,
                        T1,
                        MetadataCommit.replacing("s3://t1/v0.json", "s3://t1/v2.json")
                            .withLocation("s3://moved/t1")
                            .withProperties(PropertyUpdate.setting("k", "v"))));

    assertThat(failure).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) failure).currentValue()).contains("s3://t1/v1.json");
    assertThat(store.assets().get(tenant, T1).join()).contains(before);
  }

  @Test
  void aMultiAssetCommitAppliesEveryPartWithHistoryInRequestOrder() {
    List<Asset> committed =
        store
            .assets()
            .commitMetadataLocations(
                tenant,
                List.of(
                    new AssetCommit(
                        T2, MetadataCommit.replacing("s3://t2/v1.json", "s3://t2/v2.json")),
                    new AssetCommit(
                        T1,
                        MetadataCommit.replacing("s3://t1/v1.json", "s3://t1/v2.json")
                            .withLocation("s3://moved/t1"))))
            .join();

    assertThat(committed).extracting(Asset::ref).containsExactly(T2, T1);
    assertThat(committed.get(1).location()).contains("s3://moved/t1");
    assertThat(committed)
        .extracting(a -> a.metadataLocation().orElseThrow())
        .containsExactly("s3://t2/v2.json", "s3://t1/v2.json");
    for (Asset asset : committed) {
      assertThat(store.assets().get(tenant, asset.ref()).join()).contains(asset);
      Page<MetadataLocation> history =
          store.assets().history(tenant, asset.ref(), PageRequest.firstPage()).join();
      assertThat(history.items()).extracting(MetadataLocation::sequence).containsExactly(2L, 1L);
    }
  }

  @Test
  void aMultiAssetCommitWithStalePartsListsEveryOneAndCommitsNothing() {
    store
        .assets()
        .commitMetadataLocation(
            tenant, T2, MetadataCommit.replacing("s3://t2/v1.json", "s3://t2/v2.json"))
        .join();
    AssetRef t3 = AssetRef.onMain(NS, "t3");
    store.assets().create(tenant, t3, NewAsset.of(AssetKind.ICEBERG_TABLE)).join();
    List<Asset> before = List.of(get(T1), get(T2), get(t3));

    Throwable failure =
        failureOf(
            () ->
                store
                    .assets()
                    .commitMetadataLocations(
                        tenant,
                        List.of(
                            new AssetCommit(
                                t3, MetadataCommit.replacing("s3://t3/v1.json", "s3://t3/v2.json")),
                            new AssetCommit(
                                T1, MetadataCommit.replacing("s3://t1/v1.json", "s3://t1/v2.json")),
                            new AssetCommit(
                                T2,
                                MetadataCommit.replacing("s3://t2/v1.json", "s3://t2/v3.json")))));

    assertThat(failure).isInstanceOf(AssetsConflictException.class);
    assertThat(((AssetsConflictException) failure).conflicts())
        .containsExactly(
            new StaleAsset(t3, Optional.of("s3://t3/v1.json"), Optional.empty()),
            new StaleAsset(T2, Optional.of("s3://t2/v1.json"), Optional.of("s3://t2/v2.json")));
    assertThat(List.of(get(T1), get(T2), get(t3))).isEqualTo(before);
  }

  /**
   * Rounds of two multi-asset commits over the same two assets, in opposite orders, from the same
   * expected locations: each round exactly one wins and the other sees both parts stale.
   */
  @Test
  void multiAssetCommitsInOppositeOrdersDecideEachRoundWithoutDeadlock() {
    for (int round = 1; round <= 20; round++) {
      String v = "/v" + round + ".json";
      String next = "/v" + (round + 1) + ".json";
      AssetCommit one =
          new AssetCommit(T1, MetadataCommit.replacing("s3://t1" + v, "s3://t1" + next));
      AssetCommit two =
          new AssetCommit(T2, MetadataCommit.replacing("s3://t2" + v, "s3://t2" + next));

      CompletableFuture<List<Asset>> forward =
          store.assets().commitMetadataLocations(tenant, List.of(one, two));
      CompletableFuture<List<Asset>> backward =
          store.assets().commitMetadataLocations(tenant, List.of(two, one));

      List<Throwable> failures = new ArrayList<>();
      for (CompletableFuture<List<Asset>> commit : List.of(forward, backward)) {
        Throwable failure = failureOrNull(commit);
        if (failure != null) {
          failures.add(failure);
        }
      }
      assertThat(failures).as("round %d", round).hasSize(1);
      assertThat(failures.get(0)).isInstanceOf(AssetsConflictException.class);
      assertThat(((AssetsConflictException) failures.get(0)).conflicts()).hasSize(2);
    }
  }

  @Test
  void aGuardedDeleteDropsOnlyTheAssetTheCallerRead() {
    Asset read = get(T1);
    store.assets().delete(tenant, T1).join();
    store.assets().create(tenant, T1, NewAsset.of(AssetKind.ICEBERG_VIEW)).join();

    Throwable byKind =
        failureOf(
            () ->
                store
                    .assets()
                    .delete(tenant, T1, AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE)));
    Throwable byRead =
        failureOf(() -> store.assets().delete(tenant, T1, AssetExpectation.of(read)));

    assertThat(byKind).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) byKind).currentValue()).contains("ICEBERG_VIEW");
    assertThat(byRead).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) byRead).currentValue()).contains(get(T1).id().toString());
    assertThat(store.assets().get(tenant, T1).join()).isPresent();

    store
        .assets()
        .delete(tenant, T2, AssetExpectation.ANY.withMetadataLocation("s3://t2/v1.json"))
        .join();
    assertThat(store.assets().get(tenant, T2).join()).isEmpty();
  }

  @Test
  void aGuardedRenameMovesOnlyTheAssetTheCallerRead() {
    AssetRef moved = T1.withName("moved");

    Throwable stale =
        failureOf(
            () ->
                store
                    .assets()
                    .rename(
                        tenant,
                        T1,
                        moved,
                        AssetExpectation.ANY.withId(new AssetId(UUID.randomUUID()))));
    Throwable unset =
        failureOf(
            () ->
                store
                    .assets()
                    .rename(tenant, T1, moved, AssetExpectation.ANY.withoutMetadataLocation()));

    assertThat(stale).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) stale).currentValue()).contains(get(T1).id().toString());
    assertThat(unset).isInstanceOf(ConflictException.class);
    assertThat(((ConflictException) unset).currentValue()).contains("s3://t1/v1.json");
    Asset renamed = store.assets().rename(tenant, T1, moved, AssetExpectation.of(get(T1))).join();
    assertThat(renamed.ref()).isEqualTo(moved);
    assertThat(store.assets().get(tenant, T1).join()).isEmpty();
  }

  @Test
  void aListNarrowedToKindsSkipsOtherKindsAndItsTokenIsBoundToThem() {
    for (int i = 0; i < 3; i++) {
      store
          .assets()
          .create(tenant, AssetRef.onMain(NS, "v" + i), NewAsset.of(AssetKind.ICEBERG_VIEW))
          .join();
    }
    BranchRef main = BranchRef.main("cat");
    Set<AssetKind> tables = EnumSet.of(AssetKind.ICEBERG_TABLE);

    Page<Asset> first =
        store.assets().list(tenant, main, NS.path(), tables, PageRequest.firstPage(1)).join();
    Page<Asset> second =
        store
            .assets()
            .list(
                tenant,
                main,
                NS.path(),
                tables,
                PageRequest.nextPage(first.nextPageToken().orElseThrow(), 1))
            .join();
    Throwable otherKinds =
        failureOf(
            () ->
                store
                    .assets()
                    .list(
                        tenant,
                        main,
                        NS.path(),
                        EnumSet.of(AssetKind.ICEBERG_TABLE, AssetKind.ICEBERG_VIEW),
                        PageRequest.nextPage(first.nextPageToken().orElseThrow(), 1)));
    Throwable noKinds =
        failureOf(
            () -> store.assets().list(tenant, main, NS.path(), Set.of(), PageRequest.firstPage()));

    assertThat(first.items()).extracting(a -> a.ref().name()).containsExactly("t1");
    assertThat(second.items()).extracting(a -> a.ref().name()).containsExactly("t2");
    assertThat(second.nextPageToken()).isEmpty();
    assertThat(otherKinds).isInstanceOf(InvalidArgumentException.class);
    assertThat(noKinds).isInstanceOf(InvalidArgumentException.class);
    assertThat(((InvalidArgumentException) noKinds).field()).isEqualTo("kinds");
    assertThat(
            store
                .assets()
                .list(
                    tenant,
                    main,
                    NS.path(),
                    EnumSet.of(AssetKind.ICEBERG_VIEW),
                    PageRequest.firstPage())
                .join()
                .items())
        .extracting(a -> a.ref().name())
        .containsExactly("v0", "v1", "v2");
  }

  private Asset get(AssetRef ref) {
    return store.assets().get(tenant, ref).join().orElseThrow();
  }

  private static void assertMissing(ObjectType type, Supplier<CompletableFuture<?>> call) {
    Throwable failure = failureOf(call);
    assertThat(failure).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) failure).missing()).as(failure.getMessage()).isEqualTo(type);
  }

  private static Throwable failureOf(Supplier<? extends CompletableFuture<?>> call) {
    Throwable failure = failureOrNull(call.get());
    assertThat(failure).as("the call's failure").isNotNull();
    return failure;
  }

  private static Throwable failureOrNull(CompletableFuture<?> call) {
    Throwable thrown = catchThrowable(call::join);
    if (thrown == null) {
      return null;
    }
    assertThat(thrown).isInstanceOf(CompletionException.class);
    return thrown.getCause();
  }
}
