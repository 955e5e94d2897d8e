package dev.catalogstore.tck;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS_V2;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation, the first rule (DESIGN §2.2), proven for every method of {@link
 * CatalogStore}: nothing of one tenant is observable or changeable through another, not by name,
 * not by an id, not through a page token.
 *
 * <p>Each test builds twin tenants A and B holding identical names and metadata locations (the
 * {@link SampleTenant} content; only the property {@code owner} tells their objects apart), acts
 * on A, or under B with A's names, ids or page tokens, and proves B unchanged (by a complete
 * {@link TenantSnapshot}) and A unreachable from B. There is one test per method, marked with
 * {@link IsolationCase}; the guard {@link #everyMethodOfCatalogStoreHasAnIsolationCase()} fails
 * for a method of the contract that has none.
 */
public abstract class IsolationContract extends TckSuite {
  /** Names that only tenant A gets, so that B reaching them is a leak. */
  private static final String A_ONLY_WAREHOUSE = "wh-a-only";
  private static final String A_ONLY_CATALOG = "pond";
  private static final NamespaceRef A_ONLY_NAMESPACE = NamespaceRef.of(CATALOG, "marketing");
  private static final AssetRef A_ONLY_ASSET = AssetRef.onMain(SALES, "returns");

  // ---------------------------------------------------------------------------------------------
  // The guard

  @Test
  void everyMethodOfCatalogStoreHasAnIsolationCase() {
    Set<String> contractMethods = new TreeSet<>();
    for (Method method : CatalogStore.class.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())
          && method.getDeclaringClass() != Object.class
          && !method.getDeclaringClass().equals(AutoCloseable.class)
          && !method.getName().equals("close")) {
        contractMethods.add(method.getName());
      }
    }
    Set<String> covered = new TreeSet<>();
    List<String> notTests = new ArrayList<>();
    for (Class<?> type = getClass(); type != null && type != TckSuite.class;
        type = type.getSuperclass()) {
      for (Method test : type.getDeclaredMethods()) {
        IsolationCase isolationCase = test.getAnnotation(IsolationCase.class);
        if (isolationCase != null) {
          covered.add(isolationCase.value());
          if (!test.isAnnotationPresent(Test.class)) {
            notTests.add(test.getName());
          }
        }
      }
    }

    Set<String> uncovered = new TreeSet<>(contractMethods);
    uncovered.removeAll(covered);
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(contractMethods);
    assertThat(uncovered)
        .as("methods of CatalogStore without an @IsolationCase test in IsolationContract")
        .isEmpty();
    assertThat(unknown).as("@IsolationCase names that are not methods of CatalogStore").isEmpty();
    assertThat(notTests).as("@IsolationCase methods that are not @Test").isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Tenants

  @Test
  @IsolationCase("createTenant")
  void createTenantGivesANewTenantNothingOfAnotherTenant() {
    Twins twins = twins();
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId aOrders = assetId(twins.a(), ORDERS);

    Tenant fresh = await(store().createTenant(NewTenant.named(uniqueName("tenant"))));
    assertFails(AlreadyExistsException.class,
        () -> store().createTenant(NewTenant.named(twins.bName())));

    assertThat(fresh.id()).isNotIn(twins.a(), twins.b());
    TenantSnapshot freshContent = snapshot(fresh.id());
    assertThat(freshContent.warehouses()).isEmpty();
    assertThat(freshContent.catalogs()).isEmpty();
    assertThat(await(store().getCatalog(fresh.id(), CATALOG))).isEmpty();
    assertThat(await(store().getAssetById(fresh.id(), aOrders))).isEmpty();
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("getTenant")
  void getTenantReadsOnlyTheTenantAskedFor() {
    Twins twins = twins();

    Tenant a = await(store().getTenant(twins.a())).orElseThrow();
    Tenant b = await(store().getTenant(twins.b())).orElseThrow();

    assertThat(a.id()).isEqualTo(twins.a());
    assertThat(a.name()).isEqualTo(twins.aName());
    assertThat(b.id()).isEqualTo(twins.b());
    assertThat(b.name()).isEqualTo(twins.bName());
    assertThat(await(store().getTenant(TenantId.random()))).isEmpty();
  }

  @Test
  @IsolationCase("listTenants")
  void listTenantsShowsEachTenantOnceWithItsOwnRecordAndNoneOfItsData() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    List<Tenant> listed = new ArrayList<>();
    for (Tenant tenant : PagedReads.all(store()::listTenants)) {
      if (tenant.id().equals(twins.a()) || tenant.id().equals(twins.b())) {
        listed.add(tenant);
      }
    }
    String tenantsToken = await(store().listTenants(PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(listed).containsExactlyInAnyOrder(
        await(store().getTenant(twins.a())).orElseThrow(),
        await(store().getTenant(twins.b())).orElseThrow());
    assertInvalid("page.pageToken",
        () -> store().listCatalogs(twins.b(), PageRequest.nextPage(tenantsToken, 1)));
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("updateTenant")
  void updateTenantChangesOnlyThatTenant() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    String newName = uniqueName("renamed");

    Tenant updated = await(store().updateTenant(twins.a(), TenantUpdate.builder()
        .name(newName)
        .properties(PropertyUpdate.setting("tier", "gold"))
        .build()));
    assertThat(updated.name()).isEqualTo(newName);
    assertThat(updated.properties()).containsEntry("tier", "gold");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(AlreadyExistsException.class, () -> store().updateTenant(
        twins.a(), TenantUpdate.builder().name(twins.bName()).build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("deleteTenant")
  void deleteTenantRemovesOnlyThatTenant() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetId aOrders = assetId(twins.a(), ORDERS);
    AssetId bOrders = assetId(twins.b(), ORDERS);

    await(store().deleteTenant(twins.a()));

    assertThat(await(store().getTenant(twins.a()))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().getAssetById(twins.b(), aOrders))).isEmpty();
    assertThat(await(store().getAssetById(twins.b(), bOrders))).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // Warehouses

  @Test
  @IsolationCase("createWarehouse")
  void createWarehouseAddsToTheCallersTenantOnly() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    Warehouse aOnly = createAOnlyWarehouse(twins);

    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().getWarehouse(twins.b(), A_ONLY_WAREHOUSE))).isEmpty();
    Warehouse bOwn = await(store().createWarehouse(
        twins.b(), NewWarehouse.of(A_ONLY_WAREHOUSE, fileStorage("b"))));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
    assertThat(await(store().getWarehouse(twins.a(), A_ONLY_WAREHOUSE))).contains(aOnly);
  }

  @Test
  @IsolationCase("getWarehouse")
  void getWarehouseReadsTheCallersWarehouseOnly() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    Warehouse bWarehouse = snapshot(twins.b()).warehouses().get(0);

    assertThat(await(store().getWarehouse(twins.b(), WAREHOUSE))).contains(bWarehouse)
        .hasValueSatisfying(w -> assertThat(w.properties()).containsEntry("owner", "B"));
    assertThat(await(store().getWarehouse(twins.b(), A_ONLY_WAREHOUSE))).isEmpty();
  }

  @Test
  @IsolationCase("listWarehouses")
  void listWarehousesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    Warehouse bWarehouse = await(store().getWarehouse(twins.b(), WAREHOUSE)).orElseThrow();
    String aToken = await(store().listWarehouses(twins.a(), PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().listWarehouses(twins.b(), page)))
        .containsExactly(bWarehouse);
    assertInvalid("page.pageToken",
        () -> store().listWarehouses(twins.b(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("updateWarehouse")
  void updateWarehouseChangesOnlyTheCallersWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Warehouse updated = await(store().updateWarehouse(twins.a(), WAREHOUSE,
        WarehouseUpdate.builder()
            .storage(StorageConfig.of(StorageType.S3, "s3://a-bucket/wh"))
            .properties(PropertyUpdate.setting("owner", "changed-by-A"))
            .build()));
    assertThat(updated.storage().rootLocation()).isEqualTo("s3://a-bucket/wh");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().updateWarehouse(twins.b(),
        A_ONLY_WAREHOUSE, WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "v"))
            .build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("deleteWarehouse")
  void deleteWarehouseRemovesOnlyTheCallersWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(NotFoundException.class,
        () -> store().deleteWarehouse(twins.b(), A_ONLY_WAREHOUSE));
    assertUnchanged(twins.a(), aBefore);

    // B's catalog uses B's "wh"; that does not keep A from deleting its own "wh".
    await(store().deleteCatalog(twins.a(), CATALOG));
    await(store().deleteWarehouse(twins.a(), WAREHOUSE));
    assertThat(await(store().getWarehouse(twins.a(), WAREHOUSE))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // Catalogs

  @Test
  @IsolationCase("createCatalog")
  void createCatalogAddsToTheCallersTenantOnlyOnItsOwnWarehouse() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(NotFoundException.class, () -> store().createCatalog(
        twins.b(), NewCatalog.local(A_ONLY_CATALOG, A_ONLY_WAREHOUSE)));
    assertUnchanged(twins.b(), bBefore);

    Catalog aOnly = createAOnlyCatalog(twins);
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().getCatalog(twins.b(), A_ONLY_CATALOG))).isEmpty();
    Catalog bOwn = await(store().createCatalog(
        twins.b(), NewCatalog.local(A_ONLY_CATALOG, WAREHOUSE)));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
  }

  @Test
  @IsolationCase("getCatalog")
  void getCatalogReadsTheCallersCatalogOnly() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    Catalog bCatalog = snapshot(twins.b()).catalog(CATALOG).orElseThrow().catalog();

    assertThat(await(store().getCatalog(twins.b(), CATALOG))).contains(bCatalog)
        .hasValueSatisfying(c -> assertThat(c.properties()).containsEntry("owner", "B"));
    assertThat(await(store().getCatalog(twins.b(), A_ONLY_CATALOG))).isEmpty();
  }

  @Test
  @IsolationCase("listCatalogs")
  void listCatalogsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    Catalog bCatalog = await(store().getCatalog(twins.b(), CATALOG)).orElseThrow();
    String aToken = await(store().listCatalogs(twins.a(), PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().listCatalogs(twins.b(), page)))
        .containsExactly(bCatalog);
    assertInvalid("page.pageToken",
        () -> store().listCatalogs(twins.b(), PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("updateCatalog")
  void updateCatalogChangesOnlyTheCallersCatalog() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Catalog updated = await(store().updateCatalog(twins.a(), CATALOG, CatalogUpdate.builder()
        .properties(PropertyUpdate.setting("owner", "changed-by-A")).build()));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().updateCatalog(twins.b(), A_ONLY_CATALOG,
        CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("deleteCatalog")
  void deleteCatalogRemovesOnlyTheCallersCatalog() {
    Twins twins = twins();
    createAOnlyCatalog(twins);
    TenantSnapshot aBefore = snapshot(twins.a());
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(NotFoundException.class, () -> store().deleteCatalog(twins.b(), A_ONLY_CATALOG));
    assertUnchanged(twins.a(), aBefore);

    await(store().deleteCatalog(twins.a(), CATALOG));
    assertThat(await(store().getCatalog(twins.a(), CATALOG))).isEmpty();
    assertUnchanged(twins.b(), bBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // Namespaces

  @Test
  @IsolationCase("createNamespace")
  void createNamespaceAddsToTheCallersCatalogOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    createAOnlyCatalog(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(NotFoundException.class, () -> store().createNamespace(
        twins.b(), A_ONLY_NAMESPACE.child("emea"), Map.of()));
    assertFails(NotFoundException.class, () -> store().createNamespace(
        twins.b(), NamespaceRef.of(A_ONLY_CATALOG, "sales"), Map.of()));
    assertUnchanged(twins.b(), bBefore);

    await(store().createNamespace(twins.a(), SALES.child("us"), Map.of("owner", "A")));
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().getNamespace(twins.b(), SALES.child("us")))).isEmpty();
  }

  @Test
  @IsolationCase("getNamespace")
  void getNamespaceReadsTheCallersNamespaceOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);

    assertThat(await(store().getNamespace(twins.b(), SALES))).hasValueSatisfying(
        n -> assertThat(n.properties()).containsEntry("owner", "B"));
    assertThat(await(store().getNamespace(twins.a(), SALES))).hasValueSatisfying(
        n -> assertThat(n.properties()).containsEntry("owner", "A"));
    assertThat(await(store().getNamespace(twins.b(), A_ONLY_NAMESPACE))).isEmpty();
  }

  @Test
  @IsolationCase("listNamespaces")
  void listNamespacesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    NamespaceRef root = NamespaceRef.root(CATALOG);
    Namespace bSales = await(store().getNamespace(twins.b(), SALES)).orElseThrow();
    String aToken = await(store().listNamespaces(twins.a(), root, PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().listNamespaces(twins.b(), root, page)))
        .containsExactly(bSales);
    assertInvalid("page.pageToken",
        () -> store().listNamespaces(twins.b(), root, PageRequest.nextPage(aToken, 1)));
    assertFails(NotFoundException.class, () -> store().listNamespaces(
        twins.b(), A_ONLY_NAMESPACE, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("updateNamespaceProperties")
  void updateNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace updated = await(store().updateNamespaceProperties(
        twins.a(), SALES, PropertyUpdate.setting("owner", "changed-by-A")));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().updateNamespaceProperties(
        twins.b(), A_ONLY_NAMESPACE, PropertyUpdate.setting("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("replaceNamespaceProperties")
  void replaceNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace replaced = await(store().replaceNamespaceProperties(
        twins.a(), SALES, Map.of("replaced", "by-A")));
    assertThat(replaced.properties()).isEqualTo(Map.of("replaced", "by-A"));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().replaceNamespaceProperties(
        twins.b(), A_ONLY_NAMESPACE, Map.of("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("deleteNamespace")
  void deleteNamespaceSeesOnlyTheCallersNamespaceAndAssets() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    NamespaceRef staging = NamespaceRef.of(CATALOG, "staging");
    await(store().createNamespace(twins.a(), staging, Map.of("owner", "A")));
    await(store().createNamespace(twins.b(), staging, Map.of("owner", "B")));
    await(store().createAsset(
        twins.a(), AssetRef.onMain(staging, "raw"), NewAsset.of(AssetKind.FILE)));
    TenantSnapshot aBefore = snapshot(twins.a());

    assertFails(NotFoundException.class,
        () -> store().deleteNamespace(twins.b(), A_ONLY_NAMESPACE));
    // A's asset in A's "staging" does not keep B from deleting B's empty "staging".
    await(store().deleteNamespace(twins.b(), staging));

    assertThat(await(store().getNamespace(twins.b(), staging))).isEmpty();
    assertUnchanged(twins.a(), aBefore);
    TenantSnapshot bBefore = snapshot(twins.b());
    assertFails(PreconditionFailedException.class,
        () -> store().deleteNamespace(twins.a(), staging));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  // ---------------------------------------------------------------------------------------------
  // Assets

  @Test
  @IsolationCase("createAsset")
  void createAssetAddsToTheCallersNamespaceOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(NotFoundException.class, () -> store().createAsset(
        twins.b(), AssetRef.onMain(A_ONLY_NAMESPACE, "leads"), NewAsset.of(AssetKind.FILE)));
    assertUnchanged(twins.b(), bBefore);

    Asset aOnly = createAOnlyAsset(twins);
    assertUnchanged(twins.b(), bBefore);
    Asset bOwn = await(store().createAsset(twins.b(), A_ONLY_ASSET, NewAsset.of(AssetKind.FILE)));
    assertThat(bOwn.id()).isNotEqualTo(aOnly.id());
    assertThat(await(store().getAsset(twins.a(), A_ONLY_ASSET))).contains(aOnly);
  }

  @Test
  @IsolationCase("getAsset")
  void getAssetReadsTheCallersAssetOnly() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    Asset bOrders = snapshot(twins.b()).asset(ORDERS).orElseThrow().asset();

    assertThat(await(store().getAsset(twins.b(), ORDERS))).contains(bOrders)
        .hasValueSatisfying(a -> assertThat(a.properties()).containsEntry("owner", "B"));
    assertThat(await(store().getAsset(twins.b(), A_ONLY_ASSET))).isEmpty();
  }

  @Test
  @IsolationCase("getAssetById")
  void getAssetByIdOfAnotherTenantsAssetIsEmpty() {
    Twins twins = twins();
    Asset aOrders = await(store().getAsset(twins.a(), ORDERS)).orElseThrow();
    Asset bOrders = await(store().getAsset(twins.b(), ORDERS)).orElseThrow();
    AssetId aCustomers = assetId(twins.a(), CUSTOMERS);

    assertThat(await(store().getAssetById(twins.b(), aOrders.id()))).isEmpty();
    assertThat(await(store().getAssetById(twins.b(), aCustomers))).isEmpty();
    assertThat(await(store().getAssetById(twins.a(), bOrders.id()))).isEmpty();
    assertThat(await(store().getAssetById(twins.a(), aOrders.id()))).contains(aOrders);
    assertThat(await(store().getAssetById(twins.b(), bOrders.id()))).contains(bOrders);
  }

  @Test
  @IsolationCase("listAssets")
  void listAssetsShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    createAOnlyNamespace(twins);
    BranchRef main = BranchRef.main(CATALOG);
    Asset bOrders = await(store().getAsset(twins.b(), ORDERS)).orElseThrow();
    String aToken = await(store().listAssets(
        twins.a(), main, SALES.path(), PageRequest.firstPage(1))).nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().listAssets(twins.b(), main, SALES.path(), page)))
        .containsExactly(bOrders);
    assertInvalid("page.pageToken", () -> store().listAssets(
        twins.b(), main, SALES.path(), PageRequest.nextPage(aToken, 1)));
    assertFails(NotFoundException.class, () -> store().listAssets(
        twins.b(), main, A_ONLY_NAMESPACE.path(), PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("renameAsset")
  void renameAssetMovesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().renameAsset(twins.a(), ORDERS, ORDERS.withName("orders-renamed")));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().renameAsset(
        twins.b(), A_ONLY_ASSET, A_ONLY_ASSET.withName("stolen")));
    assertFails(NotFoundException.class, () -> store().renameAsset(
        twins.b(), CUSTOMERS, AssetRef.onMain(A_ONLY_NAMESPACE, "customers")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("updateAssetProperties")
  void updateAssetPropertiesChangesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Asset updated = await(store().updateAssetProperties(
        twins.a(), ORDERS, PropertyUpdate.setting("owner", "changed-by-A")));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().updateAssetProperties(
        twins.b(), A_ONLY_ASSET, PropertyUpdate.setting("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("deleteAsset")
  void deleteAssetRemovesOnlyTheCallersAsset() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().deleteAsset(twins.a(), ORDERS));
    assertThat(await(store().getAsset(twins.a(), ORDERS))).isEmpty();
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().deleteAsset(twins.b(), A_ONLY_ASSET));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("commitMetadataLocation")
  void commitMetadataLocationMovesOnlyTheCallersPointer() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());
    String aNext = "s3://lake/sales/orders/metadata/00003-a.metadata.json";
    String bNext = "s3://lake/sales/orders/metadata/00003-b.metadata.json";

    await(store().commitMetadataLocation(
        twins.a(), ORDERS, MetadataCommit.replacing(ORDERS_V2, aNext)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    // B's pointer still holds the location both started from, whatever A committed.
    Asset bCommitted = await(store().commitMetadataLocation(
        twins.b(), ORDERS, MetadataCommit.replacing(ORDERS_V2, bNext)));
    assertThat(bCommitted.metadataLocation()).contains(bNext);
    assertFails(NotFoundException.class, () -> store().commitMetadataLocation(
        twins.b(), A_ONLY_ASSET, MetadataCommit.first(bNext)));
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("listMetadataHistory")
  void listMetadataHistoryShowsOnlyTheCallersHistoryAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyAsset(twins);
    await(store().commitMetadataLocation(twins.a(), ORDERS,
        MetadataCommit.replacing(ORDERS_V2, "s3://lake/sales/orders/metadata/00003.json")));
    List<MetadataLocation> bHistory = snapshot(twins.b()).asset(ORDERS).orElseThrow().history();
    String aToken = await(store().listMetadataHistory(
        twins.a(), ORDERS, PageRequest.firstPage(1))).nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().listMetadataHistory(twins.b(), ORDERS, page)))
        .isEqualTo(bHistory)
        .extracting(MetadataLocation::location)
        .containsExactly(ORDERS_V2, SampleTenant.ORDERS_V1);
    assertInvalid("page.pageToken", () -> store().listMetadataHistory(
        twins.b(), ORDERS, PageRequest.nextPage(aToken, 1)));
    assertFails(NotFoundException.class, () -> store().listMetadataHistory(
        twins.b(), A_ONLY_ASSET, PageRequest.firstPage()));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /**
   * Tenants A and B, each filled with the sample content.
   *
   * @param a tenant A's id
   * @param aName tenant A's name
   * @param b tenant B's id
   * @param bName tenant B's name
   */
  private record Twins(TenantId a, String aName, TenantId b, String bName) {}

  private Twins twins() {
    String prefix = uniqueName("twin");
    Tenant a = await(store().createTenant(NewTenant.named(prefix + "-a")));
    Tenant b = await(store().createTenant(NewTenant.named(prefix + "-b")));
    SampleTenant.fill(store(), a.id(), "A");
    SampleTenant.fill(store(), b.id(), "B");
    return new Twins(a.id(), a.name(), b.id(), b.name());
  }

  private Warehouse createAOnlyWarehouse(Twins twins) {
    return await(store().createWarehouse(
        twins.a(), NewWarehouse.of(A_ONLY_WAREHOUSE, fileStorage(A_ONLY_WAREHOUSE))));
  }

  private Catalog createAOnlyCatalog(Twins twins) {
    return await(store().createCatalog(twins.a(), NewCatalog.local(A_ONLY_CATALOG, WAREHOUSE)));
  }

  private Namespace createAOnlyNamespace(Twins twins) {
    return await(store().createNamespace(twins.a(), A_ONLY_NAMESPACE, Map.of("owner", "A")));
  }

  private Asset createAOnlyAsset(Twins twins) {
    return await(store().createAsset(twins.a(), A_ONLY_ASSET,
        NewAsset.icebergTable("s3://lake/sales/returns", "s3://lake/sales/returns/1.json")));
  }

  private AssetId assetId(TenantId tenant, AssetRef ref) {
    return await(store().getAsset(tenant, ref)).orElseThrow().id();
  }

  private TenantSnapshot snapshot(TenantId tenant) {
    return TenantSnapshot.read(store(), tenant);
  }

  private void assertUnchanged(TenantId tenant, TenantSnapshot before) {
    assertThat(snapshot(tenant)).as("everything tenant %s holds", tenant).isEqualTo(before);
  }
}
