package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.CodePointOrder;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Specifies the input rules of the tenant, warehouse, catalog and namespace operations: names
 * (including namespace segments), property maps and updates, storage locations, connector types
 * and required arguments.
 *
 * <p>Bad input fails with {@link dev.catalogstore.api.error.InvalidArgumentException} naming the
 * field by the method's parameter name, nested with dots; it is checked before anything is looked
 * up, and a refused call changes nothing (each case reads the tenant's data back to prove it).
 * Every valid name is accepted and kept exactly: {@code .}, {@code %}, {@code _}, {@code /},
 * spaces and non-ASCII letters round-trip through gets and list pages, compared byte-wise and never
 * normalised. See {@link TckNames} for the names used. Paging input is specified by {@link
 * PagingContract}.
 */
public abstract class InputRulesContract extends TckSuite {
  private static final String LAKE = "lake";
  private static final String CAT = "cat";
  private static final NamespaceRef NS = NamespaceRef.of(CAT, "ns");
  private static final NamespaceRef CHILD = NamespaceRef.of(CAT, "ns", "child");
  private static final NamespaceRef FREE = NamespaceRef.of(CAT, "free");
  private static final StorageConfig STORAGE = fileStorage("free");
  private static final ConnectorConfig REST =
      new ConnectorConfig("iceberg-rest", Map.of("uri", "https://remote.example"));

  // ---------------------------------------------------------------------------------------------
  // names

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void tenantNamesFollowTheNameRules(String problem, String name) {
    World world = new World();

    assertInvalid("tenant.name", () -> store().createTenant(NewTenant.named(name)));
    if (name != null) { // a null name in an update means "keep the name"
      assertInvalid("update.name", () -> store().updateTenant(world.tenant,
          TenantUpdate.builder().name(name).properties(PropertyUpdate.setting("k", "x")).build()));
    }

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void warehouseNamesFollowTheNameRules(String problem, String name) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("warehouse.name",
        () -> store().createWarehouse(tenant, NewWarehouse.of(name, STORAGE)));
    assertInvalid("name", () -> store().getWarehouse(tenant, name));
    assertInvalid("name", () -> store().updateWarehouse(tenant, name, WarehouseUpdate.builder()
        .properties(PropertyUpdate.setting("k", "x")).build()));
    assertInvalid("name", () -> store().deleteWarehouse(tenant, name));
    assertInvalid("catalog.source.warehouse",
        () -> store().createCatalog(tenant, NewCatalog.local("free", name)));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void catalogNamesFollowTheNameRules(String problem, String name) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("catalog.name",
        () -> store().createCatalog(tenant, NewCatalog.local(name, LAKE)));
    assertInvalid("catalog.name",
        () -> store().createCatalog(tenant, NewCatalog.federated(name, REST)));
    assertInvalid("name", () -> store().getCatalog(tenant, name));
    assertInvalid("name", () -> store().updateCatalog(tenant, name, CatalogUpdate.builder()
        .properties(PropertyUpdate.setting("k", "x")).build()));
    assertInvalid("name", () -> store().deleteCatalog(tenant, name));
    NamespaceRef inBadCatalog = new NamespaceRef(name, path("ns"));
    assertInvalid("namespace.catalog",
        () -> store().createNamespace(tenant, inBadCatalog, Map.of()));
    assertInvalid("namespace.catalog", () -> store().getNamespace(tenant, inBadCatalog));
    assertInvalid("namespace.catalog", () -> store().deleteNamespace(tenant, inBadCatalog));
    assertInvalid("parent.catalog", () -> store().listNamespaces(
        tenant, new NamespaceRef(name, NamespacePath.ROOT), PageRequest.firstPage()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void namespaceSegmentsFollowTheNameRules(String problem, String segment) {
    World world = new World();
    TenantId tenant = world.tenant;
    NamespaceRef top = new NamespaceRef(CAT, path(segment));
    NamespaceRef second = new NamespaceRef(CAT, path("ns", segment));
    NamespaceRef third = new NamespaceRef(CAT, path("ns", "child", segment));

    assertInvalid("namespace.path[0]", () -> store().createNamespace(tenant, top, Map.of()));
    assertInvalid("namespace.path[1]", () -> store().createNamespace(tenant, second, Map.of()));
    assertInvalid("namespace.path[2]", () -> store().createNamespace(tenant, third, Map.of()));
    assertInvalid("namespace.path[1]", () -> store().getNamespace(tenant, second));
    assertInvalid("namespace.path[1]", () -> store().updateNamespaceProperties(
        tenant, second, PropertyUpdate.setting("k", "x")));
    assertInvalid("namespace.path[1]",
        () -> store().replaceNamespaceProperties(tenant, second, Map.of("k", "x")));
    assertInvalid("namespace.path[1]", () -> store().deleteNamespace(tenant, second));
    assertInvalid("parent.path[1]",
        () -> store().listNamespaces(tenant, second, PageRequest.firstPage()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void connectorTypesFollowTheNameRules(String problem, String connectorType) {
    World world = new World();
    ConnectorConfig bad = new ConnectorConfig(connectorType, Map.of());

    assertInvalid("catalog.source.connector.connectorType",
        () -> store().createCatalog(world.tenant, NewCatalog.federated("free", bad)));
    assertInvalid("update.connector.connectorType", () -> store().updateCatalog(
        world.tenant, CAT, CatalogUpdate.builder().connector(bad).build()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesContract#badLocations")
  void storageRootLocationsFollowTheLocationRules(String problem, String location) {
    World world = new World();
    StorageConfig bad = new StorageConfig(StorageType.S3, location, Map.of());

    assertInvalid("warehouse.storage.rootLocation", () -> store().createWarehouse(
        world.tenant, NewWarehouse.of("free", bad)));
    assertInvalid("update.storage.rootLocation", () -> store().updateWarehouse(
        world.tenant, LAKE, WarehouseUpdate.builder().storage(bad).build()));

    world.assertUnchanged();
  }

  static Stream<Arguments> badLocations() {
    return Stream.of(
        arguments("null", null),
        arguments("empty", ""),
        arguments("blank", "  "),
        arguments("NUL", "s3://bucket/a\u0000b"),
        arguments("line feed", "s3://bucket/a\nb"),
        arguments("unpaired surrogate", "s3://bucket/\uD800"),
        arguments("4097 characters", "s3://" + "x".repeat(4092)));
  }

  @Test
  void aNamespacePathMayHaveAtMost32Segments() {
    World world = new World();
    String[] deepest = IntStream.range(0, 32).mapToObj(i -> "s" + i).toArray(String[]::new);
    NamespaceRef tooDeep = newNamespaces(world.tenant, CAT, deepest).child("s32");

    assertInvalid("namespace.path", () -> store().createNamespace(world.tenant, tooDeep, Map.of()));
    assertInvalid("parent.path",
        () -> store().listNamespaces(world.tenant, tooDeep, PageRequest.firstPage()));

    assertThat(await(store().getNamespace(world.tenant, NamespaceRef.of(CAT, deepest))))
        .isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // properties

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesContract#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;
    String freeTenantName = uniqueName("tenant");

    assertInvalid("tenant.properties" + suffix,
        () -> store().createTenant(new NewTenant(freeTenantName, bad)));
    assertInvalid("warehouse.properties" + suffix, () -> store().createWarehouse(tenant,
        new NewWarehouse("free", STORAGE, Credentials.NONE, bad)));
    assertInvalid("warehouse.storage.options" + suffix, () -> store().createWarehouse(tenant,
        NewWarehouse.of("free", new StorageConfig(StorageType.S3, "s3://b/w", bad))));
    assertInvalid("warehouse.credentials.values" + suffix, () -> store().createWarehouse(tenant,
        new NewWarehouse("free", STORAGE, Credentials.of(bad), Map.of())));
    assertInvalid("catalog.properties" + suffix, () -> store().createCatalog(tenant,
        NewCatalog.local("free", LAKE).withProperties(bad)));
    assertInvalid("catalog.source.connector.options" + suffix, () -> store().createCatalog(
        tenant, NewCatalog.federated("free", new ConnectorConfig("iceberg-rest", bad))));
    assertInvalid("properties" + suffix, () -> store().createNamespace(tenant, FREE, bad));
    assertInvalid("properties" + suffix,
        () -> store().replaceNamespaceProperties(tenant, NS, bad));
    assertInvalid("update.properties.set" + suffix, () -> store().updateTenant(tenant,
        TenantUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));
    assertInvalid("update.properties.set" + suffix, () -> store().updateWarehouse(tenant, LAKE,
        WarehouseUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));
    assertInvalid("update.storage.options" + suffix, () -> store().updateWarehouse(tenant, LAKE,
        WarehouseUpdate.builder()
            .storage(new StorageConfig(StorageType.S3, "s3://b/w", bad)).build()));
    assertInvalid("update.credentials.values" + suffix, () -> store().updateWarehouse(tenant,
        LAKE, WarehouseUpdate.builder().credentials(Credentials.of(bad)).build()));
    assertInvalid("update.properties.set" + suffix, () -> store().updateCatalog(tenant, CAT,
        CatalogUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));
    assertInvalid("update.set" + suffix,
        () -> store().updateNamespaceProperties(tenant, NS, PropertyUpdate.setting(bad)));

    world.assertUnchanged();
    // The refused tenant was not created: its name is still free.
    await(store().createTenant(NewTenant.named(freeTenantName)));
  }

  static Stream<Arguments> badPropertyMaps() {
    return Stream.of(
        arguments("null map", null, ""),
        arguments("null key", mapOf(null, "v"), " key"),
        arguments("blank key", mapOf(" ", "v"), " key"),
        arguments("NUL in a key", mapOf("a\u0000b", "v"), " key"),
        arguments("C1 control in a key", mapOf("a\u009fb", "v"), " key"),
        arguments("unpaired surrogate in a key", mapOf("a\uD800", "v"), " key"),
        arguments("256-character key", mapOf("k".repeat(256), "v"), " key"),
        arguments("null value", mapOf("k", null), "[k]"),
        arguments("NUL in a value", mapOf("k", "a\u0000b"), "[k]"),
        arguments("DEL in a value", mapOf("k", "a\u007fb"), "[k]"),
        arguments("unpaired surrogate in a value", mapOf("k", "\uDC00"), "[k]"),
        arguments("value of 65537 characters", mapOf("k", "v".repeat(64 * 1024 + 1)), "[k]"),
        arguments("1001 entries", entries(1001), ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesContract#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("update.properties" + suffix, () -> store().updateTenant(tenant,
        TenantUpdate.builder().properties(bad).build()));
    assertInvalid("update.properties" + suffix, () -> store().updateWarehouse(tenant, LAKE,
        WarehouseUpdate.builder().properties(bad).build()));
    assertInvalid("update.properties" + suffix, () -> store().updateCatalog(tenant, CAT,
        CatalogUpdate.builder().properties(bad).build()));
    assertInvalid("update" + suffix, () -> store().updateNamespaceProperties(tenant, NS, bad));

    world.assertUnchanged();
  }

  static Stream<Arguments> badPropertyUpdates() {
    Set<String> nullKey = new LinkedHashSet<>();
    nullKey.add(null);
    return Stream.of(
        arguments("null update", null, ""),
        arguments("null map to set", new PropertyUpdate(null, Set.of()), ".set"),
        arguments("null value to set", PropertyUpdate.setting("k", null), ".set[k]"),
        arguments("null set to remove", new PropertyUpdate(Map.of(), null), ".remove"),
        arguments("null key to remove", PropertyUpdate.removing(nullKey), ".remove"),
        arguments("blank key to remove", PropertyUpdate.removing(Set.of(" ")), ".remove"),
        arguments("NUL in a key to remove", PropertyUpdate.removing(Set.of("k\u0000")), ".remove"),
        arguments("a key both set and removed",
            new PropertyUpdate(Map.of("k", "x", "other", "y"), Set.of("k")), ".remove"));
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabs() {
    World world = new World();
    TenantId tenant = world.tenant;
    Map<String, String> properties = Map.of(
        "empty", "",
        "lines", "one\ntwo\r\nthree\r",
        "tabbed", "\ta\tb\t",
        "a.b%_/ x", "key with separators",
        "日本語", "😀 ß é",
        "k".repeat(TckNames.MAX_LENGTH), "the longest key");

    Tenant created = await(store().createTenant(new NewTenant(uniqueName("tenant"), properties)));
    Warehouse warehouse = await(store().createWarehouse(tenant,
        new NewWarehouse("free", new StorageConfig(StorageType.S3, "s3://b/w", properties),
            Credentials.of(properties), properties)));
    Catalog catalog = await(store().createCatalog(tenant,
        NewCatalog.local("free", LAKE).withProperties(properties)));
    Namespace namespace = await(store().createNamespace(tenant, FREE, properties));
    Namespace updated = await(store().updateNamespaceProperties(
        tenant, NS, PropertyUpdate.setting(properties)));

    assertThat(await(store().getTenant(created.id())).orElseThrow().properties())
        .isEqualTo(properties);
    Warehouse readWarehouse = await(store().getWarehouse(tenant, "free")).orElseThrow();
    assertThat(readWarehouse).isEqualTo(warehouse);
    assertThat(readWarehouse.properties()).isEqualTo(properties);
    assertThat(readWarehouse.storage().options()).isEqualTo(properties);
    assertThat(readWarehouse.credentials().values()).isEqualTo(properties);
    assertThat(await(store().getCatalog(tenant, "free")).orElseThrow().properties())
        .isEqualTo(properties)
        .isEqualTo(catalog.properties());
    assertThat(await(store().getNamespace(tenant, FREE))).contains(namespace);
    assertThat(namespace.properties()).isEqualTo(properties);
    assertThat(await(store().getNamespace(tenant, NS)).orElseThrow().properties())
        .isEqualTo(updated.properties())
        .containsAllEntriesOf(properties);
  }

  @Test
  void valuesAtTheLimitsAreAccepted() {
    World world = new World();
    Map<String, String> properties = new HashMap<>(entries(1000));
    properties.put("k0", "😀".repeat(64 * 1024));
    String location = "s3://" + "x".repeat(4096 - 5);

    Namespace namespace = await(store().createNamespace(world.tenant, FREE, properties));
    Warehouse warehouse = await(store().createWarehouse(world.tenant,
        NewWarehouse.of("free", new StorageConfig(StorageType.S3, location, Map.of()))));

    assertThat(await(store().getNamespace(world.tenant, FREE))).contains(namespace);
    assertThat(namespace.properties()).isEqualTo(properties);
    assertThat(await(store().getWarehouse(world.tenant, "free")).orElseThrow().storage()
        .rootLocation()).isEqualTo(location).isEqualTo(warehouse.storage().rootLocation());
  }

  // ---------------------------------------------------------------------------------------------
  // required arguments and the order of checks

  @Test
  void aNullTenantIsRefusedByEveryTenantScopedMethod() {
    World world = new World();
    PageRequest page = PageRequest.firstPage();
    PropertyUpdate set = PropertyUpdate.setting("k", "x");

    assertInvalid("tenant", () -> store().getTenant(null));
    assertInvalid("tenant", () -> store().updateTenant(null,
        TenantUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().deleteTenant(null));
    assertInvalid("tenant", () -> store().createWarehouse(null, NewWarehouse.of("free", STORAGE)));
    assertInvalid("tenant", () -> store().getWarehouse(null, LAKE));
    assertInvalid("tenant", () -> store().listWarehouses(null, page));
    assertInvalid("tenant", () -> store().updateWarehouse(null, LAKE,
        WarehouseUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().deleteWarehouse(null, LAKE));
    assertInvalid("tenant", () -> store().createCatalog(null, NewCatalog.local("free", LAKE)));
    assertInvalid("tenant", () -> store().getCatalog(null, CAT));
    assertInvalid("tenant", () -> store().listCatalogs(null, page));
    assertInvalid("tenant", () -> store().updateCatalog(null, CAT,
        CatalogUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().deleteCatalog(null, CAT));
    assertInvalid("tenant", () -> store().createNamespace(null, FREE, Map.of()));
    assertInvalid("tenant", () -> store().getNamespace(null, NS));
    assertInvalid("tenant", () -> store().listNamespaces(null, NamespaceRef.root(CAT), page));
    assertInvalid("tenant", () -> store().updateNamespaceProperties(null, NS, set));
    assertInvalid("tenant", () -> store().replaceNamespaceProperties(null, NS, Map.of()));
    assertInvalid("tenant", () -> store().deleteNamespace(null, CHILD));

    world.assertUnchanged();
  }

  @Test
  void aMissingArgumentIsRefusedNamingTheParameter() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("tenant", () -> store().createTenant(null));
    assertInvalid("update", () -> store().updateTenant(tenant, null));
    assertInvalid("page", () -> store().listTenants(null));

    assertInvalid("warehouse", () -> store().createWarehouse(tenant, null));
    assertInvalid("warehouse.storage", () -> store().createWarehouse(tenant,
        new NewWarehouse("free", null, Credentials.NONE, Map.of())));
    assertInvalid("warehouse.storage.type", () -> store().createWarehouse(tenant,
        NewWarehouse.of("free", new StorageConfig(null, "s3://b/w", Map.of()))));
    assertInvalid("warehouse.credentials", () -> store().createWarehouse(tenant,
        new NewWarehouse("free", STORAGE, null, Map.of())));
    assertInvalid("update", () -> store().updateWarehouse(tenant, LAKE, null));
    assertInvalid("update.storage.type", () -> store().updateWarehouse(tenant, LAKE,
        WarehouseUpdate.builder().storage(new StorageConfig(null, "s3://b/w", Map.of())).build()));
    assertInvalid("page", () -> store().listWarehouses(tenant, null));

    assertInvalid("catalog", () -> store().createCatalog(tenant, null));
    assertInvalid("catalog.source", () -> store().createCatalog(tenant,
        new NewCatalog("free", null, Map.of())));
    assertInvalid("catalog.source.connector",
        () -> store().createCatalog(tenant, NewCatalog.federated("free", null)));
    assertInvalid("update", () -> store().updateCatalog(tenant, CAT, null));
    assertInvalid("page", () -> store().listCatalogs(tenant, null));

    assertInvalid("namespace", () -> store().createNamespace(tenant, null, Map.of()));
    assertInvalid("namespace.path",
        () -> store().createNamespace(tenant, new NamespaceRef(CAT, null), Map.of()));
    assertInvalid("namespace.path", () -> store().createNamespace(
        tenant, new NamespaceRef(CAT, new NamespacePath(null)), Map.of()));
    assertInvalid("namespace", () -> store().getNamespace(tenant, null));
    assertInvalid("namespace", () -> store().deleteNamespace(tenant, null));
    assertInvalid("update", () -> store().updateNamespaceProperties(tenant, NS, null));
    assertInvalid("parent", () -> store().listNamespaces(tenant, null, PageRequest.firstPage()));
    assertInvalid("parent.path", () -> store().listNamespaces(
        tenant, new NamespaceRef(CAT, null), PageRequest.firstPage()));
    assertInvalid("page", () -> store().listNamespaces(tenant, NamespaceRef.root(CAT), null));

    world.assertUnchanged();
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrParent() {
    TenantId missing = TenantId.random();
    World world = new World();

    assertInvalid("warehouse.name",
        () -> store().createWarehouse(missing, NewWarehouse.of("", STORAGE)));
    assertInvalid("name", () -> store().getWarehouse(missing, "a\nb"));
    assertInvalid("page.limit",
        () -> store().listCatalogs(missing, PageRequest.firstPage(0)));
    assertInvalid("catalog.source.warehouse",
        () -> store().createCatalog(world.tenant, NewCatalog.local("free", "missing\u0000")));
    assertInvalid("namespace.path[1]", () -> store().createNamespace(
        world.tenant, NamespaceRef.of("missing", "missing", "\u007f"), Map.of()));
    assertInvalid("update.name", () -> store().updateTenant(
        missing, TenantUpdate.builder().name(" ").build()));

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // names kept exactly

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void trickyNamesAreAcceptedAndKeptExactly(String label, String name) {
    TenantId tenant = newTenant();
    String tenantName = uniqueVariant(name);

    Tenant createdTenant = await(store().createTenant(NewTenant.named(tenantName)));
    await(store().createWarehouse(tenant, NewWarehouse.of(name, fileStorage(name))));
    await(store().createCatalog(tenant, NewCatalog.local(name, name)));
    NamespaceRef top = NamespaceRef.of(name, name);
    NamespaceRef nested = top.child(name);
    await(store().createNamespace(tenant, top, Map.of(name, name)));
    await(store().createNamespace(tenant, nested, Map.of()));

    assertThat(await(store().getTenant(createdTenant.id())).orElseThrow().name())
        .isEqualTo(tenantName);
    assertThat(await(store().getWarehouse(tenant, name)).orElseThrow().name()).isEqualTo(name);
    assertThat(listNames(p -> store().listWarehouses(tenant, p), Warehouse::name))
        .containsExactly(name);
    Catalog catalog = await(store().getCatalog(tenant, name)).orElseThrow();
    assertThat(catalog.name()).isEqualTo(name);
    assertThat(listNames(p -> store().listCatalogs(tenant, p), Catalog::name))
        .containsExactly(name);
    Namespace namespace = await(store().getNamespace(tenant, top)).orElseThrow();
    assertThat(namespace.ref()).isEqualTo(top);
    assertThat(namespace.properties()).isEqualTo(Map.of(name, name));
    assertThat(await(store().getNamespace(tenant, nested)).orElseThrow().ref()).isEqualTo(nested);
    assertThat(listNames(p -> store().listNamespaces(tenant, NamespaceRef.root(name), p),
        (Namespace n) -> n.path())).containsExactly(top.path());
    assertThat(listNames(p -> store().listNamespaces(tenant, top, p), (Namespace n) -> n.path()))
        .containsExactly(nested.path());
  }

  @Test
  void trickyNamesRoundTripThroughListPagesInCodePointOrder() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef parent = newNamespaces(tenant, "cat", "a.b");
    for (String name : TckNames.TRICKY) {
      newWarehouse(tenant, name);
      await(store().createCatalog(tenant, NewCatalog.local(name, "cat-wh")));
      await(store().createNamespace(tenant, parent.child(name), Map.of()));
    }
    List<String> catalogs = new ArrayList<>(TckNames.TRICKY);
    catalogs.add("cat");
    catalogs.sort(CodePointOrder.STRINGS);
    List<String> warehouses = new ArrayList<>(TckNames.TRICKY);
    warehouses.add("cat-wh");
    warehouses.sort(CodePointOrder.STRINGS);

    assertThat(pagedNames(p -> store().listWarehouses(tenant, p), Warehouse::name))
        .containsExactlyElementsOf(warehouses);
    assertThat(pagedNames(p -> store().listCatalogs(tenant, p), Catalog::name))
        .containsExactlyElementsOf(catalogs);
    assertThat(pagedNames(p -> store().listNamespaces(tenant, parent, p),
        (Namespace n) -> n.path().lastSegment()))
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  @Test
  void namesAreComparedExactlyWithoutFoldingCaseOrNormalisingUnicode() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    List<String> distinct =
        List.of("sales", "Sales", "SALES", "sales ", " sales", "é", "e\u0301", "ß", "ss", "ﬁ",
            "fi");

    for (String name : distinct) {
      await(store().createWarehouse(tenant, NewWarehouse.of(name, fileStorage("of " + name))));
      await(store().createNamespace(tenant, NamespaceRef.of("cat", name), Map.of("name", name)));
    }

    for (String name : distinct) {
      assertThat(await(store().getWarehouse(tenant, name)).orElseThrow().storage())
          .as("the warehouse named [%s]", name)
          .isEqualTo(fileStorage("of " + name));
      assertThat(await(store().getNamespace(tenant, NamespaceRef.of("cat", name)))
          .orElseThrow().properties())
          .as("the namespace named [%s]", name)
          .containsEntry("name", name);
    }
    assertThat(await(store().getWarehouse(tenant, "SaLeS"))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /**
   * A tenant with one of everything: warehouse {@code lake}, catalog {@code cat} on it, namespace
   * {@code ns} and its child {@code child}, each with a property. Its state, read back, proves
   * that refused calls changed nothing.
   */
  private final class World {
    final TenantId tenant;
    private final List<Object> before;

    World() {
      Map<String, String> properties = Map.of("k", "v");
      tenant = await(store().createTenant(new NewTenant(uniqueName("tenant"), properties))).id();
      await(store().createWarehouse(tenant, new NewWarehouse(LAKE, fileStorage(LAKE),
          Credentials.of(Map.of("secret", "s")), properties)));
      await(store().createCatalog(tenant, NewCatalog.local(CAT, LAKE).withProperties(properties)));
      await(store().createNamespace(tenant, NS, properties));
      await(store().createNamespace(tenant, CHILD, properties));
      before = state();
    }

    private List<Object> state() {
      PageRequest all = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      return List.of(
          await(store().getTenant(tenant)),
          await(store().listWarehouses(tenant, all)),
          await(store().listCatalogs(tenant, all)),
          await(store().listNamespaces(tenant, NamespaceRef.root(CAT), all)),
          await(store().listNamespaces(tenant, NS, all)),
          await(store().listNamespaces(tenant, CHILD, all)));
    }

    void assertUnchanged() {
      assertThat(state()).as("the tenant's data after the refused calls").isEqualTo(before);
    }
  }

  /** The items of a list short enough for one page, mapped. */
  private static <T, R> List<R> listNames(
      Function<PageRequest, CompletableFuture<Page<T>>> list, Function<T, R> name) {
    Page<T> page = await(list.apply(PageRequest.firstPage(PageRequest.MAX_LIMIT)));
    assertThat(page.nextPageToken()).isEmpty();
    return page.items().stream().map(name).toList();
  }

  /** The names of a whole list, read in pages of 4. */
  private static <T> List<String> pagedNames(
      Function<PageRequest, CompletableFuture<Page<T>>> list, Function<T, String> name) {
    List<String> names = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(4);
    while (true) {
      Page<T> page = await(list.apply(request));
      page.items().stream().map(name).forEach(names::add);
      if (page.nextPageToken().isEmpty() || names.size() > 1_000) {
        return names;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 4);
    }
  }

  /** {@code name} made unique among the store's tenant names, within 255 code points. */
  private static String uniqueVariant(String name) {
    String unique = uniqueName("tenant") + "~" + name;
    return unique.codePointCount(0, unique.length()) <= TckNames.MAX_LENGTH
        ? unique
        : unique.substring(0, unique.offsetByCodePoints(0, TckNames.MAX_LENGTH));
  }

  /** A one-entry map that may hold a null key or value. */
  private static Map<String, String> mapOf(String key, String value) {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(key, value);
    return Collections.unmodifiableMap(map);
  }

  /** A map of {@code count} entries {@code k0=v0, k1=v1, ...}. */
  private static Map<String, String> entries(int count) {
    Map<String, String> map = new LinkedHashMap<>();
    IntStream.range(0, count).forEach(i -> map.put("k" + i, "v" + i));
    return map;
  }
}
