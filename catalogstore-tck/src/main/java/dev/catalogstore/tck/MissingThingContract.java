package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.role.RoleUpdate;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saying which thing is missing ({@link NotFoundException#missing()}), for every write and list
 * method of every facet and every level that can be missing: {@link ObjectType#TENANT}, {@link
 * ObjectType#WAREHOUSE} (a {@code LOCAL} catalog on a missing warehouse; a warehouse update or
 * delete), {@link ObjectType#CATALOG}, {@link ObjectType#BRANCH} (an asset call on a branch the
 * catalog does not have; a branch named by a commit reference, deleted or merged), {@link
 * ObjectType#TAG} (named by a commit reference, or deleted), {@link ObjectType#COMMIT} (an id that
 * is no commit of the catalog named with it: one that exists nowhere, one of another catalog of the
 * same tenant, one of another tenant), {@link ObjectType#NAMESPACE} and {@link ObjectType#ASSET}.
 * The outermost missing thing is reported: under a missing tenant every call says {@code TENANT}
 * and under a missing catalog {@code CATALOG}, although its namespaces, assets, branches, tags and
 * commits are missing too. A thing that exists only in another tenant is missing exactly like one
 * that exists nowhere. A get of a missing thing returns empty instead, at every level. A call that
 * fails on a missing thing changes nothing, neither in the caller's tenant nor in the tenant that
 * has the thing.
 *
 * <p>Every test starts with a tenant holding warehouse {@code wh}, catalog {@code lake} on it,
 * namespace {@code sales} and table {@code orders}, and a twin tenant holding all of that plus
 * every "missing" thing the test names ({@code gone-wh}, {@code gone-cat}, {@code lake.gone-ns},
 * {@code sales.gone-asset}, branch {@code lake@gone-branch}, tag {@code lake#gone-tag}); the tenant
 * also has catalog {@code other}, whose commits are missing from {@code lake}.
 *
 * <p>The governance facets say {@link ObjectType#USER}, {@link ObjectType#ROLE} and {@link
 * ObjectType#SERVICE_USER} for a user, role or service user the tenant does not have (one that
 * never existed, one of the twin, one deleted), and {@code CATALOG} for a grant naming a catalog
 * the tenant does not have ({@code TENANT} for a grant on another tenant as a whole). Both tenants
 * hold the same governance content: a user with a role, a direct permission and a token, a service
 * user, and a user, a role and a service user created and deleted.
 *
 * <p>The operations facets say {@code TENANT} for settings, maintenance, federation and an audit
 * append under a missing tenant, and the outermost missing level for maintenance and federation;
 * the audit log's reads ({@code get}, {@code list}, {@code count}) answer for any tenant id, by
 * design, with nothing: a deleted tenant's events stay readable there.
 */
public abstract class MissingThingContract extends SampleTenantSuite {
  private static final String WH = "wh";
  private static final String CAT = "lake";
  private static final NamespaceRef SALES = NamespaceRef.of(CAT, "sales");
  private static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  private static final String V1 = "s3://lake/sales/orders/1.json";

  private static final String GONE_WH = "gone-wh";
  private static final String GONE_CAT = "gone-cat";
  private static final NamespaceRef GONE_NS = NamespaceRef.of(CAT, "gone-ns");
  private static final NamespaceRef GONE_SUB_NS = SALES.child("gone-sub");
  private static final AssetRef GONE_ASSET = AssetRef.onMain(SALES, "gone-asset");
  private static final BranchRef MAIN = BranchRef.main(CAT);
  private static final BranchRef FEATURE = new BranchRef(CAT, "feature");
  private static final BranchRef GONE_BRANCH = new BranchRef(CAT, "gone-branch");
  private static final TagRef RELEASE = new TagRef(CAT, "release");
  private static final TagRef GONE_TAG = new TagRef(CAT, "gone-tag");
  private static final String OTHER_CAT = "other";

  private TenantId tenant;
  private TenantId twin;
  private TenantSnapshot tenantBefore;
  private TenantSnapshot twinBefore;
  private Governed governed;
  private Governed twinGoverned;

  @BeforeEach
  void createTenantAndATwinHoldingTheMissingThings() {
    tenant = newTenant();
    fillCommon(tenant);
    twin = newTenant();
    fillCommon(twin);
    newWarehouse(twin, GONE_WH);
    await(store().catalogs().create(twin, NewCatalog.local(GONE_CAT, GONE_WH)));
    await(store().namespaces().create(twin, NamespaceRef.of(GONE_CAT, "sales"), Map.of()));
    await(store().namespaces().create(twin, GONE_NS, Map.of()));
    await(store().namespaces().create(twin, GONE_SUB_NS, Map.of()));
    await(store().assets().create(twin, GONE_ASSET, NewAsset.icebergTable("s3://g", V1)));
    await(
        store()
            .assets()
            .create(twin, AssetRef.onMain(GONE_NS, "orders"), NewAsset.icebergTable("s3://g", V1)));
    await(
        store()
            .assets()
            .create(
                twin,
                AssetRef.onMain(GONE_CAT, SALES.path(), "orders"),
                NewAsset.icebergTable("s3://g", V1)));
    await(store().branches().create(twin, GONE_BRANCH, NewBranch.from(CommitRef.head(MAIN))));
    await(store().tags().create(twin, GONE_TAG, CommitRef.head(MAIN)));
    await(store().catalogs().create(tenant, NewCatalog.local(OTHER_CAT, WH)));
    await(store().namespaces().create(tenant, NamespaceRef.of(OTHER_CAT, "sales"), Map.of()));
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(OTHER_CAT, SALES.path(), "orders"),
                NewAsset.icebergTable("s3://o", V1)));
    governed = Governed.in(store(), tenant);
    twinGoverned = Governed.in(store(), twin);
    tenantBefore = snapshot(tenant);
    twinBefore = snapshot(twin);
  }

  private void fillCommon(TenantId owner) {
    newWarehouse(owner, WH);
    await(store().catalogs().create(owner, NewCatalog.local(CAT, WH)));
    await(store().namespaces().create(owner, SALES, Map.of()));
    await(store().assets().create(owner, ORDERS, NewAsset.icebergTable("s3://lake/orders", V1)));
    await(store().branches().create(owner, FEATURE, NewBranch.from(CommitRef.head(MAIN))));
    await(
        store()
            .assets()
            .updateProperties(owner, new AssetRef(FEATURE, SALES.path(), "orders"), setting()));
    await(store().tags().create(owner, RELEASE, CommitRef.head(MAIN)));
  }

  // ---------------------------------------------------------------------------------------------
  // Each level

  @Test
  void everyWriteAndListUnderAMissingTenantIsNotFoundNamingTheTenant() {
    TenantId deleted = newTenant();
    fillCommon(deleted);
    await(store().tenants().delete(deleted));

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      Expectations expect = new Expectations(ObjectType.TENANT, "under tenant " + missing);
      expect.missing(
          "tenants.update",
          () -> store().tenants().update(missing, TenantUpdate.builder().name("x").build()));
      expect.missing("tenants.delete", () -> store().tenants().delete(missing));
      expect.missing(
          "warehouses.create",
          () ->
              store()
                  .warehouses()
                  .create(missing, NewWarehouse.of("new-wh", fileStorage("new-wh"))));
      expect.missing(
          "warehouses.list", () -> store().warehouses().list(missing, PageRequest.firstPage()));
      expect.missing(
          "warehouses.update",
          () ->
              store()
                  .warehouses()
                  .update(missing, WH, WarehouseUpdate.builder().properties(setting()).build()));
      expect.missing("warehouses.delete", () -> store().warehouses().delete(missing, WH));
      expect.missing(
          "catalogs.create",
          () -> store().catalogs().create(missing, NewCatalog.local("new-cat", WH)));
      expect.missing(
          "catalogs.list", () -> store().catalogs().list(missing, PageRequest.firstPage()));
      expect.missing(
          "catalogs.update",
          () ->
              store()
                  .catalogs()
                  .update(missing, CAT, CatalogUpdate.builder().properties(setting()).build()));
      expect.missing("catalogs.delete", () -> store().catalogs().delete(missing, CAT));
      namespaceCalls(expect, missing, SALES.child("new"), SALES);
      assetCalls(expect, missing, ORDERS);
      versionCalls(expect, missing, CAT, headOf(tenant, MAIN));
      governanceCalls(expect, missing, governed);
      expect.verify();
    }
    assertNothingChanged();
  }

  @Test
  void warehouseCallsAndLocalCatalogsOnAMissingWarehouseAreNotFoundNamingTheWarehouse() {
    Expectations expect = new Expectations(ObjectType.WAREHOUSE, "on warehouse " + GONE_WH);
    expect.missing(
        "warehouses.update",
        () ->
            store()
                .warehouses()
                .update(tenant, GONE_WH, WarehouseUpdate.builder().properties(setting()).build()));
    expect.missing("warehouses.delete", () -> store().warehouses().delete(tenant, GONE_WH));
    expect.missing(
        "catalogs.create LOCAL",
        () -> store().catalogs().create(tenant, NewCatalog.local("new-cat", GONE_WH)));
    expect.verify();

    assertThat(await(store().catalogs().get(tenant, "new-cat"))).isEmpty();
    assertNothingChanged();
  }

  @Test
  void everyCallUnderAMissingCatalogIsNotFoundNamingTheCatalog() {
    Expectations expect = new Expectations(ObjectType.CATALOG, "in catalog " + GONE_CAT);
    expect.missing(
        "catalogs.update",
        () ->
            store()
                .catalogs()
                .update(tenant, GONE_CAT, CatalogUpdate.builder().properties(setting()).build()));
    expect.missing("catalogs.delete", () -> store().catalogs().delete(tenant, GONE_CAT));
    NamespaceRef goneSales = NamespaceRef.of(GONE_CAT, "sales");
    expect.missing(
        "namespaces.list of the root",
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.root(GONE_CAT), PageRequest.firstPage()));
    namespaceCalls(expect, tenant, NamespaceRef.of(GONE_CAT, "new"), goneSales);
    namespaceCalls(expect, tenant, goneSales.child("new"), goneSales.child("deeper"));
    assetCalls(expect, tenant, AssetRef.onMain(GONE_CAT, SALES.path(), "orders"));
    assetCalls(
        expect, tenant, new AssetRef(new BranchRef(GONE_CAT, "dev"), GONE_NS.path(), "orders"));
    versionCalls(expect, tenant, GONE_CAT, headOf(twin, BranchRef.main(GONE_CAT)));
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyAssetCallOnAMissingBranchIsNotFoundNamingTheBranch() {
    Expectations expect = new Expectations(ObjectType.BRANCH, "on branch lake@dev");
    AssetRef onDev = new AssetRef(new BranchRef(CAT, "dev"), SALES.path(), "orders");
    expect.missing(
        "assets.create",
        () -> store().assets().create(tenant, onDev, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    assetCalls(expect, tenant, onDev);
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyVersionCallOnAMissingBranchIsNotFoundNamingTheBranch() {
    Expectations expect = new Expectations(ObjectType.BRANCH, "on branch " + GONE_BRANCH);
    CommitRef gone = CommitRef.head(GONE_BRANCH);
    expect.missing(
        "commits.ancestry",
        () -> store().commits().ancestry(tenant, gone, PageRequest.firstPage()));
    expect.missing(
        "branches.create from it",
        () -> store().branches().create(tenant, new BranchRef(CAT, "new"), NewBranch.from(gone)));
    expect.missing("branches.delete", () -> store().branches().delete(tenant, GONE_BRANCH));
    expect.missing(
        "branches.merge of it", () -> store().branches().merge(tenant, GONE_BRANCH, MAIN));
    expect.missing(
        "branches.merge into it", () -> store().branches().merge(tenant, FEATURE, GONE_BRANCH));
    expect.missing(
        "branches.merge dry run of it",
        () -> store().branches().merge(tenant, GONE_BRANCH, MAIN, MergeOptions.DEFAULT.asDryRun()));
    expect.missing(
        "branches.merge dry run into it",
        () ->
            store()
                .branches()
                .merge(tenant, FEATURE, GONE_BRANCH, MergeOptions.DEFAULT.asDryRun()));
    expect.missing(
        "tags.create on it", () -> store().tags().create(tenant, new TagRef(CAT, "new"), gone));
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallOnAMissingTagIsNotFoundNamingTheTag() {
    Expectations expect = new Expectations(ObjectType.TAG, "on tag " + GONE_TAG);
    CommitRef gone = CommitRef.tag(GONE_TAG);
    expect.missing(
        "commits.ancestry",
        () -> store().commits().ancestry(tenant, gone, PageRequest.firstPage()));
    expect.missing(
        "branches.create from it",
        () -> store().branches().create(tenant, new BranchRef(CAT, "new"), NewBranch.from(gone)));
    expect.missing(
        "tags.create on it", () -> store().tags().create(tenant, new TagRef(CAT, "new"), gone));
    expect.missing("tags.delete", () -> store().tags().delete(tenant, GONE_TAG));
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallOnACommitIdThatIsNoCommitOfTheCatalogIsNotFoundNamingTheCommit() {
    Expectations expect = new Expectations(ObjectType.COMMIT, "on a commit id not of " + CAT);
    Map<String, CommitId> ids = new LinkedHashMap<>();
    ids.put("an id that exists nowhere", CommitId.random());
    ids.put("the head of the tenant's other catalog", headOf(tenant, BranchRef.main(OTHER_CAT)));
    ids.put("the head of the twin's lake", headOf(twin, MAIN));
    ids.put("the head of the twin's gone-cat", headOf(twin, BranchRef.main(GONE_CAT)));
    ids.forEach(
        (what, id) -> {
          CommitRef ref = CommitRef.id(CAT, id);
          expect.missing(
              "commits.ancestry of " + what,
              () -> store().commits().ancestry(tenant, ref, PageRequest.firstPage()));
          expect.missing(
              "commits.operations of " + what,
              () -> store().commits().operations(tenant, CAT, id, PageRequest.firstPage()));
          expect.missing(
              "branches.create from " + what,
              () ->
                  store()
                      .branches()
                      .create(tenant, new BranchRef(CAT, "new"), NewBranch.from(ref)));
          expect.missing(
              "tags.create on " + what,
              () -> store().tags().create(tenant, new TagRef(CAT, "new"), ref));
        });
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallUnderAMissingNamespaceIsNotFoundNamingTheNamespace() {
    Expectations expect = new Expectations(ObjectType.NAMESPACE, "in a missing namespace");
    for (NamespaceRef gone : List.of(GONE_NS, GONE_SUB_NS)) {
      namespaceCalls(expect, tenant, gone.child("new"), gone);
      expect.missing(
          "assets.create in " + gone,
          () ->
              store()
                  .assets()
                  .create(
                      tenant, AssetRef.onMain(gone, "new"), NewAsset.of(AssetKind.ICEBERG_TABLE)));
      assetCalls(expect, tenant, AssetRef.onMain(gone, "orders"));
      expect.missing(
          "assets.rename into " + gone,
          () -> store().assets().rename(tenant, ORDERS, AssetRef.onMain(gone, "orders")));
      expect.missing(
          "assets.rename guarded into " + gone,
          () ->
              store()
                  .assets()
                  .rename(tenant, ORDERS, AssetRef.onMain(gone, "orders"), AssetExpectation.ANY));
    }
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallOnAMissingAssetIsNotFoundNamingTheAsset() {
    Expectations expect = new Expectations(ObjectType.ASSET, "on asset " + GONE_ASSET);
    assetWrites(expect, tenant, GONE_ASSET);
    expect.missing(
        "assets.commitMetadataLocations of a missing asset among present ones",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(ORDERS, MetadataCommit.replacing(V1, "s3://2.json")),
                        new AssetCommit(GONE_ASSET, MetadataCommit.replacing(V1, "s3://2.json")))));
    AssetRef dropped = AssetRef.onMain(SALES, "dropped");
    await(store().assets().create(tenant, dropped, NewAsset.icebergTable("s3://d", V1)));
    await(store().assets().delete(tenant, dropped));
    tenantBefore = snapshot(tenant);
    assetWrites(expect, tenant, dropped);
    expect.verify();

    assertNothingChanged();
  }

  // ---------------------------------------------------------------------------------------------
  // Gets

  @Test
  void everyGetOfAMissingThingIsEmptyNotAFailure() {
    TenantId missing = TenantId.random();
    AssetId twinsAsset = await(store().assets().get(twin, GONE_ASSET)).orElseThrow().id();

    assertThat(await(store().tenants().get(missing))).isEmpty();
    for (TenantId owner : List.of(missing, tenant)) {
      assertThat(await(store().warehouses().get(owner, GONE_WH))).isEmpty();
      assertThat(await(store().catalogs().get(owner, GONE_CAT))).isEmpty();
      assertThat(await(store().assets().getById(owner, twinsAsset))).isEmpty();
      assertThat(await(store().assets().getById(owner, AssetId.random()))).isEmpty();
      for (NamespaceRef namespace :
          List.of(GONE_NS, GONE_SUB_NS, NamespaceRef.of(GONE_CAT, "sales"))) {
        assertThat(await(store().namespaces().get(owner, namespace))).as("%s", namespace).isEmpty();
      }
      for (AssetRef asset :
          List.of(
              GONE_ASSET,
              AssetRef.onMain(GONE_NS, "orders"),
              AssetRef.onMain(GONE_CAT, SALES.path(), "orders"),
              new AssetRef(new BranchRef(CAT, "dev"), SALES.path(), "orders"))) {
        assertThat(await(store().assets().get(owner, asset))).as("%s", asset).isEmpty();
      }
    }
    assertThat(await(store().warehouses().get(missing, WH))).isEmpty();
    assertThat(await(store().catalogs().get(missing, CAT))).isEmpty();
    assertThat(await(store().namespaces().get(missing, SALES))).isEmpty();
    assertThat(await(store().assets().get(missing, ORDERS))).isEmpty();
    assertThat(await(store().branches().get(missing, MAIN))).isEmpty();
    assertThat(await(store().tags().get(missing, RELEASE))).isEmpty();
    CommitId head = headOf(tenant, MAIN);
    assertThat(await(store().commits().get(missing, CAT, head))).isEmpty();
    assertNothingChanged();
  }

  @Test
  void everyGetOfAMissingBranchTagOrCommitIsEmptyNotAFailure() {
    CommitId twinsHead = headOf(twin, MAIN);
    CommitId othersHead = headOf(tenant, BranchRef.main(OTHER_CAT));
    CommitId head = headOf(tenant, MAIN);

    for (BranchRef branch :
        List.of(GONE_BRANCH, BranchRef.main(GONE_CAT), new BranchRef(OTHER_CAT, "dev"))) {
      assertThat(await(store().branches().get(tenant, branch))).as("%s", branch).isEmpty();
    }
    for (TagRef tag : List.of(GONE_TAG, new TagRef(GONE_CAT, "release"))) {
      assertThat(await(store().tags().get(tenant, tag))).as("%s", tag).isEmpty();
    }
    assertThat(await(store().commits().get(tenant, CAT, CommitId.random()))).isEmpty();
    assertThat(await(store().commits().get(tenant, CAT, twinsHead))).isEmpty();
    assertThat(await(store().commits().get(tenant, CAT, othersHead)))
        .as("a commit of catalog %s looked for in %s", OTHER_CAT, CAT)
        .isEmpty();
    assertThat(await(store().commits().get(tenant, OTHER_CAT, head)))
        .as("a commit of catalog %s looked for in %s", CAT, OTHER_CAT)
        .isEmpty();
    assertThat(await(store().commits().get(tenant, GONE_CAT, head))).isEmpty();
    assertNothingChanged();
  }

  // ---------------------------------------------------------------------------------------------
  // Operations

  @Test
  void everyOperationsCallUnderAMissingTenantIsNotFoundButTheAuditLogReadsEmpty() {
    TenantId deleted = newTenant();
    fillCommon(deleted);
    await(store().tenants().delete(deleted));

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      Expectations expect = new Expectations(ObjectType.TENANT, "under tenant " + missing);
      operationsCalls(expect, missing, ORDERS, CAT);
      expect.missing(
          "audit.append",
          () ->
              store()
                  .audit()
                  .append(
                      missing,
                      NewAuditEvent.builder(
                              AuditActor.user("u"), "asset.read", "asset", AuditResult.SUCCESS)
                          .build()));
      expect.missing("settings.get", () -> store().settings().get(missing));
      expect.missing(
          "settings.update",
          () ->
              store()
                  .settings()
                  .update(missing, SettingsUpdate.builder().allowPublicSigning(true).build()));
      expect.verify();
      // By design: the audit log answers for any tenant id, so that a deleted tenant's log stays
      // readable; a tenant that never existed simply has no events.
      assertThat(await(store().audit().get(missing, AuditEventId.random()))).isEmpty();
      assertThat(
              await(store().audit().list(missing, AuditFilter.ALL, PageRequest.firstPage()))
                  .items())
          .isEmpty();
      assertThat(await(store().audit().count(missing, AuditFilter.ALL))).isZero();
    }
    assertNothingChanged();
  }

  @Test
  void everyOperationsCallInAMissingCatalogIsNotFoundNamingTheCatalog() {
    Expectations expect = new Expectations(ObjectType.CATALOG, "in catalog " + GONE_CAT);
    operationsCalls(expect, tenant, AssetRef.onMain(GONE_CAT, SALES.path(), "orders"), GONE_CAT);
    expect.verify();
    assertNothingChanged();
  }

  @Test
  void everyMaintenanceCallOnAMissingBranchNamespaceOrAssetIsNotFoundNamingIt() {
    Expectations branch = new Expectations(ObjectType.BRANCH, "on branch " + GONE_BRANCH);
    maintenanceCalls(branch, tenant, new AssetRef(GONE_BRANCH, SALES.path(), "orders"));
    branch.verify();
    Expectations namespace = new Expectations(ObjectType.NAMESPACE, "in namespace " + GONE_NS);
    maintenanceCalls(namespace, tenant, AssetRef.onMain(GONE_NS, "orders"));
    maintenanceCalls(namespace, tenant, AssetRef.onMain(GONE_SUB_NS, "orders"));
    namespace.verify();
    Expectations asset = new Expectations(ObjectType.ASSET, "on asset " + GONE_ASSET);
    maintenanceCalls(asset, tenant, GONE_ASSET);
    asset.verify();
    assertNothingChanged();
  }

  private void operationsCalls(
      Expectations expect, TenantId owner, AssetRef asset, String catalog) {
    maintenanceCalls(expect, owner, asset);
    expect.missing("federation.sync/2", () -> store().federation().sync(owner, catalog));
    expect.missing(
        "federation.sync/3",
        () -> store().federation().sync(owner, catalog, AuditActor.user("operator")));
    expect.missing("federation.stats", () -> store().federation().stats(owner, catalog));
  }

  private void maintenanceCalls(Expectations expect, TenantId owner, AssetRef asset) {
    Instant soon = Instant.now().plus(Duration.ofDays(1));
    AuditActor operator = AuditActor.user("operator");
    expect.missing(
        "maintenance.expireSnapshots/3 of " + asset,
        () -> store().maintenance().expireSnapshots(owner, asset, Duration.ZERO));
    expect.missing(
        "maintenance.expireSnapshots/4 of " + asset,
        () -> store().maintenance().expireSnapshots(owner, asset, Duration.ZERO, operator));
    expect.missing(
        "maintenance.removeOrphanFiles/3 of " + asset,
        () -> store().maintenance().removeOrphanFiles(owner, asset, soon));
    expect.missing(
        "maintenance.removeOrphanFiles/4 of " + asset,
        () -> store().maintenance().removeOrphanFiles(owner, asset, soon, operator));
  }

  // ---------------------------------------------------------------------------------------------
  // Governance

  @Test
  void everyCallOnAMissingUserIsNotFoundNamingTheUser() {
    Expectations expect = new Expectations(ObjectType.USER, "on a user the tenant lacks");
    for (UserId user : List.of(UserId.random(), twinGoverned.user(), governed.deletedUser())) {
      expect.missing(
          "users.update " + user,
          () -> store().users().update(tenant, user, UserUpdate.builder().active(false).build()));
      expect.missing("users.delete " + user, () -> store().users().delete(tenant, user));
      expect.missing(
          "roles.assign to " + user, () -> store().roles().assign(tenant, governed.role(), user));
      expect.missing(
          "roles.revoke from " + user, () -> store().roles().revoke(tenant, governed.role(), user));
      expect.missing(
          "roles.listUserRoles of " + user,
          () -> store().roles().listUserRoles(tenant, user, PageRequest.firstPage()));
      expect.missing(
          "permissions.grant to " + user,
          () -> store().permissions().grant(tenant, user, lakeGrant(tenant, CAT)));
      expect.missing(
          "permissions.listUserPermissions of " + user,
          () -> store().permissions().listUserPermissions(tenant, user, PageRequest.firstPage()));
      expect.missing(
          "tokens.create for " + user, () -> store().tokens().create(tenant, newToken(user)));
      expect.missing(
          "tokens.listActiveForUser of " + user,
          () -> store().tokens().listActiveForUser(tenant, user, PageRequest.firstPage()));
    }
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallOnAMissingRoleIsNotFoundNamingTheRole() {
    Expectations expect = new Expectations(ObjectType.ROLE, "on a role the tenant lacks");
    for (RoleId role : List.of(RoleId.random(), twinGoverned.role(), governed.deletedRole())) {
      expect.missing(
          "roles.update " + role,
          () -> store().roles().update(tenant, role, RoleUpdate.builder().name("x").build()));
      expect.missing("roles.delete " + role, () -> store().roles().delete(tenant, role));
      expect.missing(
          "roles.assign " + role, () -> store().roles().assign(tenant, role, governed.user()));
      expect.missing(
          "roles.assign " + role + " to a missing user",
          () -> store().roles().assign(tenant, role, UserId.random()));
      expect.missing(
          "roles.revoke " + role, () -> store().roles().revoke(tenant, role, governed.user()));
      expect.missing(
          "roles.revoke " + role + " from a missing user",
          () -> store().roles().revoke(tenant, role, twinGoverned.user()));
      expect.missing(
          "roles.listRoleUsers of " + role,
          () -> store().roles().listRoleUsers(tenant, role, PageRequest.firstPage()));
    }
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyCallOnAMissingServiceUserIsNotFoundNamingTheServiceUser() {
    Expectations expect =
        new Expectations(ObjectType.SERVICE_USER, "on a service user the tenant lacks");
    for (ServiceUserId serviceUser :
        List.of(
            ServiceUserId.random(), twinGoverned.serviceUser(), governed.deletedServiceUser())) {
      expect.missing(
          "serviceUsers.update " + serviceUser,
          () ->
              store()
                  .serviceUsers()
                  .update(tenant, serviceUser, ServiceUserUpdate.builder().active(false).build()));
      expect.missing(
          "serviceUsers.delete " + serviceUser,
          () -> store().serviceUsers().delete(tenant, serviceUser));
      expect.missing(
          "serviceUsers.recordUse " + serviceUser,
          () -> store().serviceUsers().recordUse(tenant, serviceUser));
      expect.missing(
          "serviceUsers.replaceApiKey " + serviceUser,
          () ->
              store()
                  .serviceUsers()
                  .replaceApiKey(
                      tenant, serviceUser, ApiKeyHash.sha256Of(UUID.randomUUID().toString())));
    }
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyGrantNamingACatalogTheTenantLacksIsNotFoundNamingTheCatalog() {
    Expectations expect = new Expectations(ObjectType.CATALOG, "granting on " + GONE_CAT);
    List<Grant> grants =
        List.of(
            lakeGrant(tenant, GONE_CAT),
            Grant.of(
                new PermissionScope.NamespaceScope(tenant, GONE_CAT, SALES.path()), Action.READ),
            Grant.of(
                new PermissionScope.AssetScope(tenant, GONE_CAT, SALES.path(), "orders"),
                Action.READ),
            Grant.of(new PermissionScope.TagScope(tenant, GONE_CAT, "release"), Action.READ),
            lakeGrant(twin, CAT));
    for (Grant grant : grants) {
      String scope = grant.scope().toString();
      expect.missing(
          "roles.create with " + scope,
          () -> store().roles().create(tenant, NewRole.of("new-role", grant)));
      expect.missing(
          "roles.create with " + scope + " among valid grants",
          () ->
              store()
                  .roles()
                  .create(tenant, NewRole.of("new-role", lakeGrant(tenant, CAT), grant)));
      expect.missing(
          "roles.update with " + scope,
          () ->
              store()
                  .roles()
                  .update(
                      tenant,
                      governed.role(),
                      RoleUpdate.builder().grants(Set.of(lakeGrant(tenant, CAT), grant)).build()));
      expect.missing(
          "permissions.grant of " + scope,
          () -> store().permissions().grant(tenant, governed.user(), grant));
    }
    expect.verify();

    assertThat(await(store().roles().findByName(tenant, "new-role"))).isEmpty();
    assertNothingChanged();
  }

  @Test
  void aGrantOfAnotherTenantsWholeTenantIsNotFoundNamingTheTenant() {
    Expectations expect = new Expectations(ObjectType.TENANT, "granting on tenant " + twin);
    Grant grant = Grant.of(new PermissionScope.TenantScope(twin), Action.ALL);
    expect.missing(
        "roles.create", () -> store().roles().create(tenant, NewRole.of("new-role", grant)));
    expect.missing(
        "roles.update",
        () ->
            store()
                .roles()
                .update(
                    tenant, governed.role(), RoleUpdate.builder().grants(Set.of(grant)).build()));
    expect.missing(
        "permissions.grant", () -> store().permissions().grant(tenant, governed.user(), grant));
    expect.verify();

    assertNothingChanged();
  }

  @Test
  void everyGovernanceGetOfAMissingThingIsEmptyNotAFailure() {
    for (TenantId owner : List.of(TenantId.random(), tenant)) {
      for (UserId user : List.of(UserId.random(), twinGoverned.user(), governed.deletedUser())) {
        assertThat(await(store().users().get(owner, user))).as("%s", user).isEmpty();
      }
      for (RoleId role : List.of(RoleId.random(), twinGoverned.role(), governed.deletedRole())) {
        assertThat(await(store().roles().get(owner, role))).as("%s", role).isEmpty();
      }
      for (ServiceUserId serviceUser :
          List.of(
              ServiceUserId.random(), twinGoverned.serviceUser(), governed.deletedServiceUser())) {
        assertThat(await(store().serviceUsers().get(owner, serviceUser))).isEmpty();
      }
      assertThat(await(store().users().findByUsername(owner, "gone-user"))).isEmpty();
      assertThat(await(store().roles().findByName(owner, "gone-role"))).isEmpty();
      assertThat(await(store().tokens().get(owner, TokenId.random()))).isEmpty();
      assertThat(await(store().tokens().get(owner, twinGoverned.token()))).isEmpty();
    }
    TenantId missing = TenantId.random();
    assertThat(await(store().users().findByUsername(missing, Governed.USERNAME))).isEmpty();
    assertThat(await(store().roles().findByName(missing, Governed.ROLE_NAME))).isEmpty();
    assertThat(await(store().users().get(missing, governed.user()))).isEmpty();
    assertThat(await(store().tokens().get(missing, governed.token()))).isEmpty();
    assertThat(await(store().tokens().validate(TokenHash.sha256Of("no such token")))).isEmpty();
    assertThat(await(store().serviceUsers().findByApiKeyHash(ApiKeyHash.sha256Of("no such key"))))
        .isEmpty();
    assertNothingChanged();
  }

  /**
   * Every write and list of the governance facets naming {@code owned}'s users, roles, service
   * users and tokens: under a missing tenant, each fails on that.
   */
  private void governanceCalls(Expectations expect, TenantId owner, Governed owned) {
    PageRequest first = PageRequest.firstPage();
    expect.missing(
        "users.create",
        () -> store().users().create(owner, NewUser.of("new-user", RoleKind.TENANT_USER)));
    expect.missing("users.list", () -> store().users().list(owner, first));
    expect.missing(
        "users.update",
        () ->
            store()
                .users()
                .update(owner, owned.user(), UserUpdate.builder().active(false).build()));
    expect.missing("users.delete", () -> store().users().delete(owner, owned.user()));
    expect.missing("roles.create", () -> store().roles().create(owner, NewRole.of("new-role")));
    expect.missing(
        "roles.create with a grant",
        () -> store().roles().create(owner, NewRole.of("new-role", lakeGrant(owner, CAT))));
    expect.missing("roles.list", () -> store().roles().list(owner, first));
    expect.missing(
        "roles.update",
        () -> store().roles().update(owner, owned.role(), RoleUpdate.builder().name("x").build()));
    expect.missing("roles.delete", () -> store().roles().delete(owner, owned.role()));
    expect.missing("roles.assign", () -> store().roles().assign(owner, owned.role(), owned.user()));
    expect.missing("roles.revoke", () -> store().roles().revoke(owner, owned.role(), owned.user()));
    expect.missing(
        "roles.listUserRoles", () -> store().roles().listUserRoles(owner, owned.user(), first));
    expect.missing(
        "roles.listRoleUsers", () -> store().roles().listRoleUsers(owner, owned.role(), first));
    expect.missing(
        "permissions.grant",
        () -> store().permissions().grant(owner, owned.user(), lakeGrant(owner, CAT)));
    expect.missing(
        "permissions.grant on the tenant",
        () ->
            store()
                .permissions()
                .grant(
                    owner,
                    owned.user(),
                    Grant.of(new PermissionScope.TenantScope(owner), Action.ALL)));
    expect.missing(
        "permissions.revoke", () -> store().permissions().revoke(owner, owned.permission()));
    expect.missing("permissions.list", () -> store().permissions().list(owner, first));
    expect.missing(
        "permissions.listUserPermissions",
        () -> store().permissions().listUserPermissions(owner, owned.user(), first));
    expect.missing(
        "serviceUsers.create",
        () ->
            store()
                .serviceUsers()
                .create(
                    owner,
                    NewServiceUser.of(
                        "new-service",
                        RoleKind.TENANT_USER,
                        ApiKeyHash.sha256Of(uniqueName("k")))));
    expect.missing("serviceUsers.list", () -> store().serviceUsers().list(owner, first));
    expect.missing(
        "serviceUsers.update",
        () ->
            store()
                .serviceUsers()
                .update(
                    owner, owned.serviceUser(), ServiceUserUpdate.builder().active(false).build()));
    expect.missing(
        "serviceUsers.delete", () -> store().serviceUsers().delete(owner, owned.serviceUser()));
    expect.missing(
        "serviceUsers.recordUse",
        () -> store().serviceUsers().recordUse(owner, owned.serviceUser()));
    expect.missing(
        "serviceUsers.replaceApiKey",
        () ->
            store()
                .serviceUsers()
                .replaceApiKey(
                    owner, owned.serviceUser(), ApiKeyHash.sha256Of(UUID.randomUUID().toString())));
    expect.missing("tokens.create", () -> store().tokens().create(owner, newToken(owned.user())));
    expect.missing(
        "tokens.revoke",
        () -> store().tokens().revoke(owner, owned.token(), "gone", Instant.now().plusSeconds(60)));
    expect.missing(
        "tokens.revoke of an id never recorded",
        () ->
            store()
                .tokens()
                .revoke(owner, TokenId.random(), "gone", Instant.now().plusSeconds(60)));
    expect.missing("tokens.isRevoked", () -> store().tokens().isRevoked(owner, owned.token()));
    expect.missing("tokens.listActive", () -> store().tokens().listActive(owner, first));
    expect.missing(
        "tokens.listActiveForUser",
        () -> store().tokens().listActiveForUser(owner, owned.user(), first));
  }

  private static Grant lakeGrant(TenantId owner, String catalog) {
    return Grant.of(new PermissionScope.CatalogScope(owner, catalog), Action.READ);
  }

  private static NewToken newToken(UserId user) {
    return new NewToken(
        TokenId.random(),
        user,
        TokenHash.sha256Of(uniqueName("token")),
        Instant.now().plusSeconds(3600));
  }

  /**
   * The governance content of a tenant of this suite: a user holding a role, a direct permission
   * and a token, a service user, and the ids of a user, a role and a service user that existed and
   * were deleted.
   */
  private record Governed(
      UserId user,
      RoleId role,
      PermissionId permission,
      ServiceUserId serviceUser,
      TokenId token,
      UserId deletedUser,
      RoleId deletedRole,
      ServiceUserId deletedServiceUser) {
    static final String USERNAME = "present-user";
    static final String ROLE_NAME = "present-role";

    static Governed in(dev.catalogstore.api.CatalogStore store, TenantId owner) {
      UserId user =
          await(store.users().create(owner, NewUser.of(USERNAME, RoleKind.TENANT_USER))).id();
      RoleId role =
          await(store.roles().create(owner, NewRole.of(ROLE_NAME, lakeGrant(owner, CAT)))).id();
      await(store.roles().assign(owner, role, user));
      PermissionId permission =
          await(
                  store
                      .permissions()
                      .grant(
                          owner,
                          user,
                          Grant.of(new PermissionScope.TenantScope(owner), Action.LIST)))
              .id();
      ServiceUserId serviceUser =
          await(
                  store
                      .serviceUsers()
                      .create(
                          owner,
                          NewServiceUser.of(
                              "present-service",
                              RoleKind.TENANT_USER,
                              ApiKeyHash.sha256Of(uniqueName("key")))))
              .id();
      TokenId token = await(store.tokens().create(owner, newToken(user))).id();
      UserId deletedUser =
          await(store.users().create(owner, NewUser.of("gone-user", RoleKind.TENANT_USER))).id();
      await(store.users().delete(owner, deletedUser));
      RoleId deletedRole = await(store.roles().create(owner, NewRole.of("gone-role"))).id();
      await(store.roles().delete(owner, deletedRole));
      ServiceUserId deletedServiceUser =
          await(
                  store
                      .serviceUsers()
                      .create(
                          owner,
                          NewServiceUser.of(
                              "gone-service",
                              RoleKind.TENANT_USER,
                              ApiKeyHash.sha256Of(uniqueName("key")))))
              .id();
      await(store.serviceUsers().delete(owner, deletedServiceUser));
      return new Governed(
          user, role, permission, serviceUser, token, deletedUser, deletedRole, deletedServiceUser);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The calls of each facet

  /** Every write and list of the namespaces facet on {@code create} and {@code existing}. */
  private void namespaceCalls(
      Expectations expect, TenantId owner, NamespaceRef create, NamespaceRef existing) {
    expect.missing(
        "namespaces.create " + create, () -> store().namespaces().create(owner, create, Map.of()));
    expect.missing(
        "namespaces.list " + existing,
        () -> store().namespaces().list(owner, existing, PageRequest.firstPage()));
    expect.missing(
        "namespaces.updateProperties " + existing,
        () -> store().namespaces().updateProperties(owner, existing, setting()));
    expect.missing(
        "namespaces.replaceProperties " + existing,
        () -> store().namespaces().replaceProperties(owner, existing, Map.of("k", "v")));
    expect.missing(
        "namespaces.delete " + existing, () -> store().namespaces().delete(owner, existing));
  }

  /** Every write and list of the assets facet that names {@code asset}, create included. */
  private void assetCalls(Expectations expect, TenantId owner, AssetRef asset) {
    expect.missing(
        "assets.create " + asset,
        () -> store().assets().create(owner, asset, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    expect.missing(
        "assets.create with meta " + asset,
        () ->
            store()
                .assets()
                .create(
                    owner, asset, NewAsset.of(AssetKind.ICEBERG_TABLE), CommitMeta.message("m")));
    expect.missing(
        "assets.list " + asset.namespaceRef(),
        () ->
            store()
                .assets()
                .list(owner, asset.branch(), asset.namespace(), PageRequest.firstPage()));
    expect.missing(
        "assets.list of kinds " + asset.namespaceRef(),
        () ->
            store()
                .assets()
                .list(
                    owner,
                    asset.branch(),
                    asset.namespace(),
                    EnumSet.of(AssetKind.ICEBERG_TABLE),
                    PageRequest.firstPage()));
    assetWrites(expect, owner, asset);
  }

  /** Every call of the assets facet that acts on the existing asset {@code asset}. */
  private void assetWrites(Expectations expect, TenantId owner, AssetRef asset) {
    expect.missing(
        "assets.rename " + asset,
        () -> store().assets().rename(owner, asset, asset.withName("renamed")));
    expect.missing(
        "assets.rename guarded " + asset,
        () ->
            store()
                .assets()
                .rename(
                    owner,
                    asset,
                    asset.withName("renamed"),
                    AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE)));
    expect.missing(
        "assets.updateProperties " + asset,
        () -> store().assets().updateProperties(owner, asset, setting()));
    expect.missing("assets.delete " + asset, () -> store().assets().delete(owner, asset));
    expect.missing(
        "assets.delete guarded " + asset,
        () -> store().assets().delete(owner, asset, AssetExpectation.ANY.withMetadataLocation(V1)));
    expect.missing(
        "assets.commitMetadataLocation " + asset,
        () ->
            store()
                .assets()
                .commitMetadataLocation(owner, asset, MetadataCommit.replacing(V1, "s3://2.json")));
    expect.missing(
        "assets.commitMetadataLocation first " + asset,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    owner, asset, MetadataCommit.first("s3://2.json").withLocation("s3://moved")));
    expect.missing(
        "assets.commitMetadataLocations " + asset,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    owner,
                    List.of(new AssetCommit(asset, MetadataCommit.replacing(V1, "s3://2.json")))));
    expect.missing(
        "assets.history " + asset,
        () -> store().assets().history(owner, asset, PageRequest.firstPage()));
    CommitMeta meta = CommitMeta.of("tck", "a change of something missing");
    expect.missing(
        "assets.rename with meta " + asset,
        () ->
            store()
                .assets()
                .rename(owner, asset, asset.withName("renamed"), AssetExpectation.ANY, meta));
    expect.missing(
        "assets.updateProperties with meta " + asset,
        () -> store().assets().updateProperties(owner, asset, setting(), meta));
    expect.missing(
        "assets.delete with meta " + asset,
        () -> store().assets().delete(owner, asset, AssetExpectation.ANY, meta));
    expect.missing(
        "assets.commitMetadataLocation with meta " + asset,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    owner, asset, MetadataCommit.replacing(V1, "s3://2.json"), meta));
    expect.missing(
        "assets.commitMetadataLocations with meta " + asset,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    owner,
                    List.of(new AssetCommit(asset, MetadataCommit.replacing(V1, "s3://2.json"))),
                    meta));
  }

  /**
   * Every write and list of the commits, branches and tags facets in {@code catalog}, with {@code
   * commit} as the id of a commit: under a missing tenant or in a missing catalog, each fails on
   * that, whatever else it names.
   */
  private void versionCalls(Expectations expect, TenantId owner, String catalog, CommitId commit) {
    BranchRef main = BranchRef.main(catalog);
    BranchRef feature = new BranchRef(catalog, "feature");
    TagRef release = new TagRef(catalog, "release");
    List<CommitRef> refs =
        List.of(CommitRef.head(main), CommitRef.tag(release), CommitRef.id(catalog, commit));
    for (CommitRef ref : refs) {
      expect.missing(
          "commits.ancestry of " + ref,
          () -> store().commits().ancestry(owner, ref, PageRequest.firstPage()));
      expect.missing(
          "branches.create from " + ref,
          () ->
              store().branches().create(owner, new BranchRef(catalog, "new"), NewBranch.from(ref)));
      expect.missing(
          "tags.create on " + ref,
          () -> store().tags().create(owner, new TagRef(catalog, "new"), ref));
    }
    expect.missing(
        "commits.operations in " + catalog,
        () -> store().commits().operations(owner, catalog, commit, PageRequest.firstPage()));
    expect.missing(
        "branches.list of " + catalog,
        () -> store().branches().list(owner, catalog, PageRequest.firstPage()));
    expect.missing("branches.delete " + feature, () -> store().branches().delete(owner, feature));
    expect.missing(
        "branches.merge " + feature, () -> store().branches().merge(owner, feature, main));
    expect.missing(
        "branches.merge with options " + feature,
        () ->
            store()
                .branches()
                .merge(
                    owner,
                    feature,
                    main,
                    MergeOptions.DEFAULT.asDryRun().withMeta(CommitMeta.NONE)));
    expect.missing(
        "tags.list of " + catalog,
        () -> store().tags().list(owner, catalog, PageRequest.firstPage()));
    expect.missing("tags.delete " + release, () -> store().tags().delete(owner, release));
  }

  /** The head of {@code branch} of {@code owner}, which must exist. */
  private CommitId headOf(TenantId owner, BranchRef branch) {
    return await(store().branches().get(owner, branch)).orElseThrow().head();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static PropertyUpdate setting() {
    return PropertyUpdate.setting("touched", "yes");
  }

  private void assertNothingChanged() {
    assertUnchanged(tenant, tenantBefore);
    assertUnchanged(twin, twinBefore);
  }

  /**
   * Calls expected to fail with {@code NotFoundException} naming one {@link ObjectType}; every call
   * runs, and {@link #verify} reports all that did not, so one run shows every method a store gets
   * wrong.
   */
  private static final class Expectations {
    private final ObjectType type;
    private final String situation;
    private final Map<String, String> wrong = new LinkedHashMap<>();
    private int calls;

    Expectations(ObjectType type, String situation) {
      this.type = type;
      this.situation = situation;
    }

    <T> void missing(String call, ThrowingCall<CompletableFuture<T>> body) {
      calls++;
      ConcurrentCalls.Outcome<T> outcome = ConcurrentCalls.Outcome.of(body);
      Optional<CatalogStoreException> failure = outcome.failure();
      if (failure.isEmpty()) {
        wrong.put(call, "succeeded with " + outcome.value().orElse(null));
      } else if (!(failure.get() instanceof NotFoundException notFound)) {
        wrong.put(call, "failed with " + failure.get());
      } else if (notFound.missing() != type) {
        wrong.put(call, "said " + notFound.missing() + " is missing: " + notFound.getMessage());
      }
    }

    void verify() {
      List<String> report = new ArrayList<>();
      wrong.forEach((call, problem) -> report.add(call + " " + problem));
      assertThat(report)
          .as(
              "of %d calls %s, those that did not fail with NotFoundException(%s)",
              calls, situation, type)
          .isEmpty();
    }
  }
}
