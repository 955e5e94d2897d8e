package dev.catalogstore.tck.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.InputRulesSuite;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code warehouses()} facet: warehouse names, storage root locations, property
 * maps of properties, storage options and credentials, and required arguments (see {@link
 * InputRulesSuite} for the rules every facet keeps).
 */
public abstract class WarehouseInputRulesContract extends InputRulesSuite {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void warehouseNamesFollowTheNameRules(String problem, String name) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "warehouse.name",
        () -> store().warehouses().create(tenant, NewWarehouse.of(name, STORAGE)));
    assertInvalid("name", () -> store().warehouses().get(tenant, name));
    assertInvalid(
        "name",
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    name,
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.setting("k", "x"))
                        .build()));
    assertInvalid("name", () -> store().warehouses().delete(tenant, name));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.warehouse.WarehouseInputRulesContract#badLocations")
  void storageRootLocationsFollowTheLocationRules(String problem, String location) {
    World world = new World();
    StorageConfig bad = new StorageConfig(StorageType.S3, location, Map.of());

    assertInvalid(
        "warehouse.storage.rootLocation",
        () -> store().warehouses().create(world.tenant, NewWarehouse.of("free", bad)));
    assertInvalid(
        "update.storage.rootLocation",
        () ->
            store()
                .warehouses()
                .update(world.tenant, LAKE, WarehouseUpdate.builder().storage(bad).build()));

    world.assertUnchanged();
  }

  /** Storage root locations every method refuses. */
  public static Stream<Arguments> badLocations() {
    return Stream.of(
        arguments("null", null),
        arguments("empty", ""),
        arguments("blank", "  "),
        arguments("NUL", "s3://bucket/a\u0000b"),
        arguments("line feed", "s3://bucket/a\nb"),
        arguments("unpaired surrogate", "s3://bucket/\uD800"),
        arguments("4097 characters", "s3://" + "x".repeat(4092)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "warehouse.properties" + suffix,
        () ->
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("free", STORAGE, Credentials.NONE, bad)));
    assertInvalid(
        "warehouse.storage.options" + suffix,
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    NewWarehouse.of("free", new StorageConfig(StorageType.S3, "s3://b/w", bad))));
    assertInvalid(
        "warehouse.credentials.values" + suffix,
        () ->
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("free", STORAGE, Credentials.of(bad), Map.of())));
    assertInvalid(
        "update.properties.set" + suffix,
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));
    assertInvalid(
        "update.storage.options" + suffix,
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder()
                        .storage(new StorageConfig(StorageType.S3, "s3://b/w", bad))
                        .build()));
    assertInvalid(
        "update.credentials.values" + suffix,
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder().credentials(Credentials.of(bad)).build()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    World world = new World();

    assertInvalid(
        "update.properties" + suffix,
        () ->
            store()
                .warehouses()
                .update(world.tenant, LAKE, WarehouseUpdate.builder().properties(bad).build()));

    world.assertUnchanged();
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabs() {
    World world = new World();
    TenantId tenant = world.tenant;
    Map<String, String> properties = edgeCaseProperties();

    Warehouse warehouse =
        await(
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse(
                        "free",
                        new StorageConfig(StorageType.S3, "s3://b/w", properties),
                        Credentials.of(properties),
                        properties)));

    Warehouse readWarehouse = await(store().warehouses().get(tenant, "free")).orElseThrow();
    assertThat(readWarehouse).isEqualTo(warehouse);
    assertThat(readWarehouse.properties()).isEqualTo(properties);
    assertThat(readWarehouse.storage().options()).isEqualTo(properties);
    assertThat(readWarehouse.credentials().values()).isEqualTo(properties);
  }

  @Test
  void valuesAtTheLimitsAreAccepted() {
    World world = new World();
    String location = "s3://" + "x".repeat(4096 - 5);

    Warehouse warehouse =
        await(
            store()
                .warehouses()
                .create(
                    world.tenant,
                    NewWarehouse.of(
                        "free", new StorageConfig(StorageType.S3, location, Map.of()))));

    assertThat(
            await(store().warehouses().get(world.tenant, "free"))
                .orElseThrow()
                .storage()
                .rootLocation())
        .isEqualTo(location)
        .isEqualTo(warehouse.storage().rootLocation());
  }

  @Test
  void aNullTenantIsRefusedByEveryTenantScopedMethod() {
    World world = new World();
    PageRequest page = PageRequest.firstPage();
    PropertyUpdate set = PropertyUpdate.setting("k", "x");

    assertInvalid(
        "tenant", () -> store().warehouses().create(null, NewWarehouse.of("free", STORAGE)));
    assertInvalid("tenant", () -> store().warehouses().get(null, LAKE));
    assertInvalid("tenant", () -> store().warehouses().list(null, page));
    assertInvalid(
        "tenant",
        () ->
            store()
                .warehouses()
                .update(null, LAKE, WarehouseUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().warehouses().delete(null, LAKE));

    world.assertUnchanged();
  }

  @Test
  void aMissingArgumentIsRefusedNamingTheParameter() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("warehouse", () -> store().warehouses().create(tenant, null));
    assertInvalid(
        "warehouse.storage",
        () ->
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("free", null, Credentials.NONE, Map.of())));
    assertInvalid(
        "warehouse.storage.type",
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    NewWarehouse.of("free", new StorageConfig(null, "s3://b/w", Map.of()))));
    assertInvalid(
        "warehouse.credentials",
        () ->
            store().warehouses().create(tenant, new NewWarehouse("free", STORAGE, null, Map.of())));
    assertInvalid("update", () -> store().warehouses().update(tenant, LAKE, null));
    assertInvalid(
        "update.storage.type",
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder()
                        .storage(new StorageConfig(null, "s3://b/w", Map.of()))
                        .build()));
    assertInvalid("page", () -> store().warehouses().list(tenant, null));

    world.assertUnchanged();
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrParent() {
    TenantId missing = TenantId.random();
    World world = new World();

    assertInvalid(
        "warehouse.name", () -> store().warehouses().create(missing, NewWarehouse.of("", STORAGE)));
    assertInvalid("name", () -> store().warehouses().get(missing, "a\nb"));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void trickyNamesAreAcceptedAndKeptExactly(String label, String name) {
    TenantId tenant = newTenant();

    await(store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage(name))));

    assertThat(await(store().warehouses().get(tenant, name)).orElseThrow().name()).isEqualTo(name);
    assertThat(listNames(p -> store().warehouses().list(tenant, p), Warehouse::name))
        .containsExactly(name);
  }

  @Test
  void trickyNamesRoundTripThroughListPagesInCodePointOrder() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String name : TckNames.TRICKY) {
      newWarehouse(tenant, name);
    }
    List<String> warehouses = new ArrayList<>(TckNames.TRICKY);
    warehouses.add("cat-wh");
    warehouses.sort(CodePointOrder.STRINGS);

    assertThat(pagedNames(p -> store().warehouses().list(tenant, p), Warehouse::name))
        .containsExactlyElementsOf(warehouses);
  }

  @Test
  void namesAreComparedExactlyWithoutFoldingCaseOrNormalisingUnicode() {
    TenantId tenant = newTenant();
    List<String> distinct =
        List.of(
            "sales", "Sales", "SALES", "sales ", " sales", "é", "e\u0301", "ß", "ss", "ﬁ", "fi");

    for (String name : distinct) {
      await(store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage("of " + name))));
    }

    for (String name : distinct) {
      assertThat(await(store().warehouses().get(tenant, name)).orElseThrow().storage())
          .as("the warehouse named [%s]", name)
          .isEqualTo(fileStorage("of " + name));
    }
    assertThat(await(store().warehouses().get(tenant, "SaLeS"))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // validation order: a call refused for a later field changes nothing of an earlier one

  @Test
  void aCreateRefusedForItsLastFieldCreatesNothing() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "warehouse.properties[k]",
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse(
                        "free",
                        STORAGE,
                        Credentials.of(Map.of("key", "s")),
                        mapOf("k", "bad\u0000value"))));
    assertInvalid(
        "warehouse.credentials.values[k]",
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse("free", STORAGE, Credentials.of(mapOf("k", null)), Map.of())));
    assertInvalid(
        "warehouse.storage.options[k]",
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    NewWarehouse.of(
                        "free",
                        new StorageConfig(StorageType.S3, "s3://b/w", mapOf("k", "a\u007fb")))));

    world.assertUnchanged();
    assertThat(await(store().warehouses().get(tenant, "free"))).isEmpty();
    // Had a refused create written its warehouse, the name would be taken.
    await(store().warehouses().create(tenant, NewWarehouse.of("free", STORAGE)));
  }

  @Test
  void anUpdateRefusedForItsLastFieldChangesNothingOfItsFirst() {
    World world = new World();
    TenantId tenant = world.tenant;
    StorageConfig moved = fileStorage("moved");

    assertInvalid(
        "update.credentials.values[k]",
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder()
                        .storage(moved)
                        .credentials(Credentials.of(mapOf("k", null)))
                        .build()));
    assertInvalid(
        "update.properties.set[k]",
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder()
                        .storage(moved)
                        .credentials(Credentials.NONE)
                        .properties(PropertyUpdate.setting("k", "bad\u0000value"))
                        .build()));
    assertInvalid(
        "update.properties.remove",
        () ->
            store()
                .warehouses()
                .update(
                    tenant,
                    LAKE,
                    WarehouseUpdate.builder()
                        .credentials(Credentials.NONE)
                        .properties(new PropertyUpdate(Map.of("k", "x"), java.util.Set.of("k")))
                        .build()));

    world.assertUnchanged();
  }

  /**
   * Validation comes before existence, for every method: bad input under a missing tenant, or for a
   * missing warehouse, is reported as bad input, not as NotFound.
   */
  @Test
  void everyWarehouseMethodValidatesBeforeLookingUpTheTenantOrTheWarehouse() {
    World world = new World();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));
    WarehouseUpdate badStorage =
        WarehouseUpdate.builder().storage(new StorageConfig(StorageType.S3, "", Map.of())).build();

    for (TenantId missing : new TenantId[] {TenantId.random(), deleted}) {
      assertInvalid(
          "warehouse.properties",
          () ->
              store()
                  .warehouses()
                  .create(missing, new NewWarehouse("free", STORAGE, Credentials.NONE, null)));
      assertInvalid("name", () -> store().warehouses().get(missing, ""));
      assertInvalid(
          "page.limit", () -> store().warehouses().list(missing, PageRequest.firstPage(0)));
      assertInvalid(
          "update.storage.rootLocation",
          () -> store().warehouses().update(missing, LAKE, badStorage));
      assertInvalid("name", () -> store().warehouses().delete(missing, " "));
    }
    assertInvalid(
        "update.storage.rootLocation",
        () -> store().warehouses().update(world.tenant, "missing", badStorage));
    assertInvalid(
        "update.credentials.values",
        () ->
            store()
                .warehouses()
                .update(
                    world.tenant,
                    "missing",
                    WarehouseUpdate.builder().credentials(Credentials.of(null)).build()));

    world.assertUnchanged();
  }
}
