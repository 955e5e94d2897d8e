package dev.catalogstore.tck.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
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
      assertInvalid(
          "update.name",
          () ->
              store()
                  .tenants()
                  .update(
                      world.tenant,
                      TenantUpdate.builder()
                          .name(name)
                          .properties(PropertyUpdate.setting("k", "x"))
                          .build()));
    }

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;
    String freeTenantName = uniqueName("tenant");

    assertInvalid(
        "tenant.properties" + suffix,
        () -> store().tenants().create(new NewTenant(freeTenantName, bad)));
    assertInvalid(
        "update.properties.set" + suffix,
        () ->
            store()
                .tenants()
                .update(
                    tenant,
                    TenantUpdate.builder().properties(PropertyUpdate.setting(bad)).build()));

    world.assertUnchanged();
    // The refused tenant was not created: its name is still free.
    await(store().tenants().create(NewTenant.named(freeTenantName)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    World world = new World();

    assertInvalid(
        "update.properties" + suffix,
        () ->
            store().tenants().update(world.tenant, TenantUpdate.builder().properties(bad).build()));

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
    assertInvalid(
        "tenant",
        () -> store().tenants().update(null, TenantUpdate.builder().properties(set).build()));
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

    assertInvalid(
        "update.name",
        () -> store().tenants().update(missing, TenantUpdate.builder().name(" ").build()));

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

  // ---------------------------------------------------------------------------------------------
  // validation order: a call refused for a later field changes nothing of an earlier one

  @Test
  void aCreateRefusedForItsPropertiesCreatesNothing() {
    String name = uniqueName("tenant");

    assertInvalid(
        "tenant.properties[k]",
        () -> store().tenants().create(new NewTenant(name, mapOf("k", "bad\u0000value"))));

    // Had the refused create written its tenant, the name would be taken.
    assertThat(await(store().tenants().create(NewTenant.named(name))).name()).isEqualTo(name);
  }

  @Test
  void anUpdateWithAGoodNameAndBadPropertiesRenamesNothing() {
    World world = new World();
    Tenant before = await(store().tenants().get(world.tenant)).orElseThrow();
    String newName = uniqueName("tenant-renamed");

    assertInvalid(
        "update.properties.set[k]",
        () ->
            store()
                .tenants()
                .update(
                    world.tenant,
                    TenantUpdate.builder()
                        .name(newName)
                        .properties(PropertyUpdate.setting("k", "bad\u0000value"))
                        .build()));
    assertInvalid(
        "update.properties.remove",
        () ->
            store()
                .tenants()
                .update(
                    world.tenant,
                    TenantUpdate.builder()
                        .name(newName)
                        .properties(new PropertyUpdate(Map.of("k", "x"), java.util.Set.of("k")))
                        .build()));

    assertThat(await(store().tenants().get(world.tenant))).contains(before);
    world.assertUnchanged();
    // The name the refused updates carried was never taken.
    assertThat(await(store().tenants().create(NewTenant.named(newName))).name()).isEqualTo(newName);
  }

  @Test
  void everyTenantMethodValidatesBeforeLookingUpTheTenant() {
    World world = new World();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId missing : new TenantId[] {TenantId.random(), deleted}) {
      assertInvalid("update", () -> store().tenants().update(missing, null));
      assertInvalid(
          "update.name",
          () -> store().tenants().update(missing, TenantUpdate.builder().name("a\nb").build()));
      assertInvalid(
          "update.properties.set[k]",
          () ->
              store()
                  .tenants()
                  .update(
                      missing,
                      TenantUpdate.builder()
                          .properties(PropertyUpdate.setting("k", null))
                          .build()));
    }
    // The system tenant's refusal comes after validation too.
    assertInvalid(
        "update.name",
        () -> store().tenants().update(TenantId.SYSTEM, TenantUpdate.builder().name("").build()));

    world.assertUnchanged();
  }

  // ---------------------------------------------------------------------------------------------
  // names: exact round trip through every method that takes or changes one

  @Test
  void trickyNamesRoundTripThroughRenamesAndTheTenantList() {
    // A leading '!' sorts these near the start of the store-wide list.
    String prefix = "!" + uniqueName("tricky") + "/";
    java.util.List<Tenant> created = new java.util.ArrayList<>();
    try {
      java.util.List<String> names = new java.util.ArrayList<>();
      for (String tricky : dev.catalogstore.tck.TckNames.TRICKY) {
        String name = fit(prefix + tricky);
        Tenant tenant = await(store().tenants().create(NewTenant.named(prefix + "x")));
        created.add(tenant);
        Tenant renamed =
            await(store().tenants().update(tenant.id(), TenantUpdate.builder().name(name).build()));
        assertThat(renamed.name()).as("renamed to %s", name).isEqualTo(name);
        assertThat(await(store().tenants().get(tenant.id())).orElseThrow().name()).isEqualTo(name);
        names.add(name);
      }
      names.sort(dev.catalogstore.api.spi.CodePointOrder.STRINGS);

      assertThat(listedWithPrefix(prefix, 3)).containsExactlyElementsOf(names);
    } finally {
      created.forEach(tenant -> await(store().tenants().delete(tenant.id())));
    }
  }

  /**
   * The names of the tenant list starting with {@code prefix}, read in pages of {@code limit} from
   * the start of the list until past them.
   */
  private java.util.List<String> listedWithPrefix(String prefix, int limit) {
    java.util.List<String> listed = new java.util.ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Tenant> page = await(store().tenants().list(request));
      boolean past = false;
      for (Tenant tenant : page.items()) {
        if (tenant.name().startsWith(prefix)) {
          listed.add(tenant.name());
        } else if (CodePointOrder.compare(tenant.name(), prefix) > 0) {
          past = true;
        }
      }
      if (past || page.nextPageToken().isEmpty()) {
        return listed;
      }
      // Once inside the scope, read on in small pages, so that pages end inside the names.
      int next = listed.isEmpty() ? PageRequest.MAX_LIMIT : limit;
      request = PageRequest.nextPage(page.nextPageToken().get(), next);
    }
  }

  /** {@code name} cut to the longest valid name, at a code point boundary. */
  private static String fit(String name) {
    return name.codePointCount(0, name.length()) <= dev.catalogstore.tck.TckNames.MAX_LENGTH
        ? name
        : name.substring(0, name.offsetByCodePoints(0, dev.catalogstore.tck.TckNames.MAX_LENGTH));
  }
}
