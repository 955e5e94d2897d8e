package dev.catalogstore.tck.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.tck.InputRulesSuite;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code tenants()} facet: tenant names, tenant properties and required
 * arguments (see {@link InputRulesSuite} for the rules every facet keeps).
 */
public abstract class TenantInputRulesContract extends InputRulesSuite {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void tenantNamesFollowTheNameRules(String problem, String name) {
    World world = new World();

    assertInvalid("tenant.name", () -> store().tenants().create(NewTenant.named(name)));
    if (name != null) { // a null name in an update means "keep the name"
      assertInvalid("update.name", () -> store().tenants().update(world.tenant,
          TenantUpdate.builder().name(name).properties(PropertyUpdate.setting("k", "x")).build()));
    }

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;
    String freeTenantName = uniqueName("tenant");

    assertInvalid("tenant.properties" + suffix,
        () -> store().tenants().create(new NewTenant(freeTenantName, bad)));
    assertInvalid("update.properties.set" + suffix, () -> store().tenants().update(tenant,
        TenantUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));

    world.assertUnchanged();
    // The refused tenant was not created: its name is still free.
    await(store().tenants().create(NewTenant.named(freeTenantName)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    World world = new World();

    assertInvalid("update.properties" + suffix, () -> store().tenants().update(world.tenant,
        TenantUpdate.builder().properties(bad).build()));

    world.assertUnchanged();
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabs() {
    Map<String, String> properties = edgeCaseProperties();

    Tenant created =
        await(store().tenants().create(new NewTenant(uniqueName("tenant"), properties)));

    assertThat(await(store().tenants().get(created.id())).orElseThrow().properties())
        .isEqualTo(properties);
  }

  @Test
  void aNullTenantIsRefusedByEveryTenantScopedMethod() {
    World world = new World();
    PropertyUpdate set = PropertyUpdate.setting("k", "x");

    assertInvalid("tenant", () -> store().tenants().get(null));
    assertInvalid("tenant", () -> store().tenants().update(null,
        TenantUpdate.builder().properties(set).build()));
    assertInvalid("tenant", () -> store().tenants().delete(null));

    world.assertUnchanged();
  }

  @Test
  void aMissingArgumentIsRefusedNamingTheParameter() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("tenant", () -> store().tenants().create(null));
    assertInvalid("update", () -> store().tenants().update(tenant, null));
    assertInvalid("page", () -> store().tenants().list(null));

    world.assertUnchanged();
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrParent() {
    TenantId missing = TenantId.random();
    World world = new World();

    assertInvalid("update.name", () -> store().tenants().update(
        missing, TenantUpdate.builder().name(" ").build()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void trickyNamesAreAcceptedAndKeptExactly(String label, String name) {
    String tenantName = uniqueVariant(name);

    Tenant createdTenant = await(store().tenants().create(NewTenant.named(tenantName)));

    assertThat(await(store().tenants().get(createdTenant.id())).orElseThrow().name())
        .isEqualTo(tenantName);
  }
}
