package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.tck.InputRulesSuite;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code catalogs()} facet: catalog names, the warehouse a local catalog names,
 * connector types, property maps and required arguments (see {@link InputRulesSuite} for the rules
 * every facet keeps).
 */
public abstract class CatalogInputRulesContract extends InputRulesSuite {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void warehouseNamesFollowTheNameRules(String problem, String name) {
    World world = new World();

    assertInvalid(
        "catalog.source.warehouse",
        () -> store().catalogs().create(world.tenant, NewCatalog.local("free", name)));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void catalogNamesFollowTheNameRules(String problem, String name) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "catalog.name", () -> store().catalogs().create(tenant, NewCatalog.local(name, LAKE)));
    assertInvalid(
        "catalog.name", () -> store().catalogs().create(tenant, NewCatalog.federated(name, REST)));
    assertInvalid("name", () -> store().catalogs().get(tenant, name));
    assertInvalid(
        "name",
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    name,
                    CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "x")).build()));
    assertInvalid("name", () -> store().catalogs().delete(tenant, name));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void connectorTypesFollowTheNameRules(String problem, String connectorType) {
    World world = new World();
    ConnectorConfig bad = new ConnectorConfig(connectorType, Map.of());

    assertInvalid(
        "catalog.source.connector.connectorType",
        () -> store().catalogs().create(world.tenant, NewCatalog.federated("free", bad)));
    assertInvalid(
        "update.connector.connectorType",
        () ->
            store()
                .catalogs()
                .update(world.tenant, CAT, CatalogUpdate.builder().connector(bad).build()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "catalog.properties" + suffix,
        () ->
            store().catalogs().create(tenant, NewCatalog.local("free", LAKE).withProperties(bad)));
    assertInvalid(
        "catalog.source.connector.options" + suffix,
        () ->
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.federated("free", new ConnectorConfig("iceberg-rest", bad))));
    assertInvalid(
        "update.properties.set" + suffix,
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    CAT,
                    CatalogUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));

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
                .catalogs()
                .update(world.tenant, CAT, CatalogUpdate.builder().properties(bad).build()));

    world.assertUnchanged();
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabs() {
    World world = new World();
    TenantId tenant = world.tenant;
    Map<String, String> properties = edgeCaseProperties();

    Catalog catalog =
        await(
            store()
                .catalogs()
                .create(tenant, NewCatalog.local("free", LAKE).withProperties(properties)));

    assertThat(await(store().catalogs().get(tenant, "free")).orElseThrow().properties())
        .isEqualTo(properties)
        .isEqualTo(catalog.properties());
  }

  @Test
  void aNullTenantIsRefusedByEveryTenantScopedMethod() {
    World world = new World();
    PageRequest page = PageRequest.firstPage();
    PropertyUpdate set = PropertyUpdate.setting("k", "x");

    assertInvalid("tenant", () -> store().catalogs().create(null, NewCatalog.local("free", LAKE)));
    assertInvalid("tenant", () -> store().catalogs().get(null, CAT));
    assertInvalid("tenant", () -> store().catalogs().list(null, page));
    assertInvalid(
        "tenant",
        () ->
            store().catalogs().update(null, CAT, CatalogUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().catalogs().delete(null, CAT));

    world.assertUnchanged();
  }

  @Test
  void aMissingArgumentIsRefusedNamingTheParameter() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("catalog", () -> store().catalogs().create(tenant, null));
    assertInvalid(
        "catalog.source",
        () -> store().catalogs().create(tenant, new NewCatalog("free", null, Map.of())));
    assertInvalid(
        "catalog.source.connector",
        () -> store().catalogs().create(tenant, NewCatalog.federated("free", null)));
    assertInvalid("update", () -> store().catalogs().update(tenant, CAT, null));
    assertInvalid("page", () -> store().catalogs().list(tenant, null));

    world.assertUnchanged();
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrParent() {
    TenantId missing = TenantId.random();
    World world = new World();

    assertInvalid("page.limit", () -> store().catalogs().list(missing, PageRequest.firstPage(0)));
    assertInvalid(
        "catalog.source.warehouse",
        () -> store().catalogs().create(world.tenant, NewCatalog.local("free", "missing\u0000")));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void trickyNamesAreAcceptedAndKeptExactly(String label, String name) {
    TenantId tenant = newTenant();

    await(store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage(name))));
    await(store().catalogs().create(tenant, NewCatalog.local(name, name)));

    Catalog catalog = await(store().catalogs().get(tenant, name)).orElseThrow();
    assertThat(catalog.name()).isEqualTo(name);
    assertThat(listNames(p -> store().catalogs().list(tenant, p), Catalog::name))
        .containsExactly(name);
  }

  @Test
  void trickyNamesRoundTripThroughListPagesInCodePointOrder() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String name : TckNames.TRICKY) {
      await(store().catalogs().create(tenant, NewCatalog.local(name, "cat-wh")));
    }
    List<String> catalogs = new ArrayList<>(TckNames.TRICKY);
    catalogs.add("cat");
    catalogs.sort(CodePointOrder.STRINGS);

    assertThat(pagedNames(p -> store().catalogs().list(tenant, p), Catalog::name))
        .containsExactlyElementsOf(catalogs);
  }

  // ---------------------------------------------------------------------------------------------
  // validation order: a call refused for a later field changes nothing of an earlier one

  @Test
  void aCreateRefusedForItsLastFieldCreatesNothing() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid(
        "catalog.properties[k]",
        () ->
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local("free", LAKE).withProperties(mapOf("k", "bad\u0000value"))));
    assertInvalid(
        "catalog.properties[k]",
        () ->
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.federated("free", REST).withProperties(mapOf("k", null))));
    assertInvalid(
        "catalog.source.connector.options[k]",
        () ->
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.federated(
                        "free", new ConnectorConfig("iceberg-rest", mapOf("k", null)))));

    world.assertUnchanged();
    assertThat(await(store().catalogs().get(tenant, "free"))).isEmpty();
    // Had a refused create written its catalog (or its branch main), the name would be taken.
    await(store().catalogs().create(tenant, NewCatalog.local("free", LAKE)));
  }

  @Test
  void anUpdateWithAGoodConnectorAndBadPropertiesChangesNothing() {
    World world = new World();
    TenantId tenant = world.tenant;
    Catalog remote =
        await(
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.federated("remote", REST).withProperties(Map.of("k", "v"))));
    ConnectorConfig glue = new ConnectorConfig("glue", Map.of("region", "us-east-1"));

    assertInvalid(
        "update.properties.set[k]",
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    "remote",
                    CatalogUpdate.builder()
                        .connector(glue)
                        .properties(PropertyUpdate.setting("k", "bad\u0000value"))
                        .build()));
    assertInvalid(
        "update.properties.remove",
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    "remote",
                    CatalogUpdate.builder()
                        .connector(glue)
                        .properties(new PropertyUpdate(Map.of("k", "x"), java.util.Set.of("k")))
                        .build()));

    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(remote);
  }

  /**
   * Validation comes before existence, for every method: bad input under a missing tenant, for a
   * missing catalog, or naming a missing warehouse, is reported as bad input, not as NotFound.
   */
  @Test
  void everyCatalogMethodValidatesBeforeLookingUpTheTenantTheCatalogOrTheWarehouse() {
    World world = new World();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));
    CatalogUpdate badUpdate =
        CatalogUpdate.builder().connector(new ConnectorConfig("", Map.of())).build();

    for (TenantId missing : new TenantId[] {TenantId.random(), deleted}) {
      assertInvalid(
          "catalog.properties",
          () ->
              store()
                  .catalogs()
                  .create(missing, NewCatalog.federated("free", REST).withProperties(null)));
      assertInvalid("name", () -> store().catalogs().get(missing, "a\tb"));
      assertInvalid(
          "page.limit", () -> store().catalogs().list(missing, PageRequest.firstPage(-1)));
      assertInvalid(
          "update.connector.connectorType",
          () -> store().catalogs().update(missing, CAT, badUpdate));
      assertInvalid("name", () -> store().catalogs().delete(missing, ""));
    }
    assertInvalid(
        "update.connector.connectorType",
        () -> store().catalogs().update(world.tenant, "missing", badUpdate));
    assertInvalid(
        "catalog.properties[k]",
        () ->
            store()
                .catalogs()
                .create(
                    world.tenant,
                    NewCatalog.local("free", "missing-warehouse")
                        .withProperties(mapOf("k", null))));
    // A connector given to a LOCAL catalog is refused for the state, after validation.
    assertInvalid(
        "update.connector.connectorType",
        () -> store().catalogs().update(world.tenant, CAT, badUpdate));

    world.assertUnchanged();
  }
}
