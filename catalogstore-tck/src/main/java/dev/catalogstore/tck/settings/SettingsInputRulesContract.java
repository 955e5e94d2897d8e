package dev.catalogstore.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The input rules of the settings facet: a bad update is refused with {@code
 * InvalidArgumentException} on {@code update.defaultRetention}, {@code update.defaultWarehouse} or
 * {@code update.extra...}, under an existing tenant and a missing one alike (validation comes
 * first), and a refused update changes nothing, not even the parts of it that were valid.
 */
public abstract class SettingsInputRulesContract extends SettingsSuite {

  private void refused(
      TenantId tenant, String field, Function<TenantId, CompletableFuture<?>> call) {
    SystemSettings before = settings(tenant);
    for (TenantId under : List.of(tenant, TenantId.random())) {
      assertInvalid(field, () -> call.apply(under));
    }
    assertThat(settings(tenant)).as("the settings after a refused update").isEqualTo(before);
  }

  /** A valid update with {@code part} applied: the valid parts must not land either. */
  private static SettingsUpdate.Builder alsoValid() {
    return SettingsUpdate.builder()
        .allowPublicSigning(true)
        .extra(PropertyUpdate.setting("ok", "1"));
  }

  @Test
  void aMissingArgumentIsRefusedOnItsName() {
    TenantId tenant = newTenant();

    assertInvalid("tenant", () -> store().settings().get(null));
    assertInvalid(
        "tenant", () -> store().settings().update(null, SettingsUpdate.builder().build()));
    refused(tenant, "update", t -> store().settings().update(t, null));
  }

  @Test
  void aRetentionMustBeWholeMicrosecondsFromZeroToAHundredYears() {
    TenantId tenant = newTenant();
    for (Duration bad :
        List.of(
            Duration.ofNanos(-1_000),
            Duration.ofDays(-1),
            SettingsUpdate.MAX_RETENTION.plusNanos(1_000),
            Duration.ofDays(365 * 1000),
            Duration.ofNanos(1),
            Duration.ofSeconds(1, 500))) {
      refused(
          tenant,
          "update.defaultRetention",
          t -> store().settings().update(t, alsoValid().defaultRetention(bad).build()));
    }
  }

  @Test
  void theDefaultWarehouseMustBeAValidName() {
    TenantId tenant = newTenant();
    List<String> invalid = new ArrayList<>();
    TckNames.invalid().forEach(arguments -> invalid.add((String) arguments.get()[1]));
    invalid.removeIf(Objects::isNull);
    for (String bad : invalid) {
      refused(
          tenant,
          "update.defaultWarehouse",
          t -> store().settings().update(t, alsoValid().defaultWarehouse(bad).build()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void theChangeToTheExtraSettingsFollowsThePropertyUpdateRules(
      String problem, PropertyUpdate bad, String suffix) {
    if (bad == null) {
      return; // the builder refuses a null change itself
    }
    TenantId tenant = newTenant();

    refused(
        tenant,
        "update.extra" + suffix,
        t ->
            store()
                .settings()
                .update(t, SettingsUpdate.builder().allowPublicSigning(true).extra(bad).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void theExtraSettingsSetFollowThePropertyRules(
      String problem, Map<String, String> bad, String suffix) {
    if (bad == null) {
      return; // PropertyUpdate.setting refuses a null map itself
    }
    TenantId tenant = newTenant();

    refused(
        tenant,
        "update.extra.set" + suffix,
        t ->
            store()
                .settings()
                .update(t, SettingsUpdate.builder().extra(PropertyUpdate.setting(bad)).build()));
  }

  @Test
  void everyValidNameIsKeptExactlyAsTheDefaultWarehouse() {
    TenantId tenant = newTenant();
    for (String name : TckNames.TRICKY) {
      newWarehouse(tenant, name);
      SystemSettings updated =
          update(tenant, SettingsUpdate.builder().defaultWarehouse(name).build());
      assertThat(updated.defaultWarehouse()).as("%s", TckNames.label(name)).contains(name);
      assertThat(settings(tenant).defaultWarehouse()).contains(name);
    }
  }
}
