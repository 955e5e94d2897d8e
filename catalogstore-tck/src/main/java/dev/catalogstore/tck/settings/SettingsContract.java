package dev.catalogstore.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.Race;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A tenant's system settings ({@code store.settings()}): the documented defaults until changed, a
 * partial update that keeps what it does not name, a default warehouse that must exist and cannot
 * be deleted while it is the default, and settings that go with their tenant.
 */
public abstract class SettingsContract extends SettingsSuite {

  @Test
  void aTenantThatNeverChangedItsSettingsHasTheDocumentedDefaults() {
    TenantId tenant = newTenant();

    SystemSettings settings = settings(tenant);

    assertThat(settings).isEqualTo(SystemSettings.DEFAULTS);
    assertThat(settings.allowPublicSigning()).isFalse();
    assertThat(settings.defaultRetention()).isEqualTo(Duration.ofDays(5));
    assertThat(settings.defaultWarehouse()).isEmpty();
    assertThat(settings.extra()).isEmpty();
    assertThat(settings.updatedAt()).isEmpty();
  }

  @Test
  void everyPartIsSettableAndReadsBack() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");

    SystemSettings updated =
        update(
            tenant,
            SettingsUpdate.builder()
                .allowPublicSigning(true)
                .defaultRetention(Duration.ofHours(36))
                .defaultWarehouse("wh")
                .extra(PropertyUpdate.setting(Map.of("ui.theme", "dark", "empty", "")))
                .build());

    assertThat(updated.allowPublicSigning()).isTrue();
    assertThat(updated.defaultRetention()).isEqualTo(Duration.ofHours(36));
    assertThat(updated.defaultWarehouse()).contains("wh");
    assertThat(updated.extra()).isEqualTo(Map.of("ui.theme", "dark", "empty", ""));
    assertThat(updated.updatedAt()).isPresent();
    assertThat(updated.updatedAt().get().getNano() % 1_000).isZero();
    assertThat(settings(tenant)).isEqualTo(updated);
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    update(
        tenant,
        SettingsUpdate.builder()
            .allowPublicSigning(true)
            .defaultRetention(Duration.ofDays(9))
            .defaultWarehouse("wh")
            .extra(PropertyUpdate.setting(Map.of("a", "1", "b", "2")))
            .build());

    SystemSettings afterSigning =
        update(tenant, SettingsUpdate.builder().allowPublicSigning(false).build());
    assertThat(afterSigning.allowPublicSigning()).isFalse();
    assertThat(afterSigning.defaultRetention()).isEqualTo(Duration.ofDays(9));
    assertThat(afterSigning.defaultWarehouse()).contains("wh");
    assertThat(afterSigning.extra()).isEqualTo(Map.of("a", "1", "b", "2"));

    SystemSettings afterRetention =
        update(tenant, SettingsUpdate.builder().defaultRetention(Duration.ZERO).build());
    assertThat(afterRetention.defaultRetention()).isEqualTo(Duration.ZERO);
    assertThat(afterRetention.allowPublicSigning()).isFalse();
    assertThat(afterRetention.defaultWarehouse()).contains("wh");

    SystemSettings afterExtra =
        update(
            tenant,
            SettingsUpdate.builder()
                .extra(new PropertyUpdate(Map.of("c", "3"), Set.of("a")))
                .build());
    assertThat(afterExtra.extra()).isEqualTo(Map.of("b", "2", "c", "3"));
    assertThat(afterExtra.defaultRetention()).isEqualTo(Duration.ZERO);
    assertThat(afterExtra.defaultWarehouse()).contains("wh");
    assertThat(settings(tenant)).isEqualTo(afterExtra);
  }

  @Test
  void aFirstPartialUpdateKeepsTheDefaultsOfWhatItDoesNotName() {
    TenantId tenant = newTenant();

    SystemSettings updated =
        update(tenant, SettingsUpdate.builder().extra(PropertyUpdate.setting("k", "v")).build());

    assertThat(updated.allowPublicSigning()).isFalse();
    assertThat(updated.defaultRetention()).isEqualTo(SystemSettings.DEFAULT_RETENTION);
    assertThat(updated.defaultWarehouse()).isEmpty();
    assertThat(updated.extra()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void anUpdateNamingNothingChangesNothingButItsStamp() {
    TenantId tenant = newTenant();

    SystemSettings updated = update(tenant, SettingsUpdate.builder().build());

    assertThat(updated.updatedAt()).isPresent();
    assertThat(
            new SystemSettings(
                updated.allowPublicSigning(),
                updated.defaultRetention(),
                updated.defaultWarehouse(),
                updated.extra(),
                Optional.empty()))
        .isEqualTo(SystemSettings.DEFAULTS);
  }

  @Test
  void theDefaultWarehouseCanBeCleared() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    update(tenant, SettingsUpdate.builder().defaultWarehouse("wh").build());

    SystemSettings cleared =
        update(tenant, SettingsUpdate.builder().clearDefaultWarehouse().build());

    assertThat(cleared.defaultWarehouse()).isEmpty();
    assertThat(settings(tenant).defaultWarehouse()).isEmpty();
  }

  @Test
  void aDefaultWarehouseThatDoesNotExistIsNotFoundAndChangesNothing() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    SystemSettings before = update(tenant, SettingsUpdate.builder().defaultWarehouse("wh").build());
    newWarehouse(tenant, "deleted");
    await(store().warehouses().delete(tenant, "deleted"));

    for (String missing : List.of("never-created", "deleted", "WH")) {
      assertMissing(
          ObjectType.WAREHOUSE,
          () ->
              store()
                  .settings()
                  .update(
                      tenant,
                      SettingsUpdate.builder()
                          .allowPublicSigning(true)
                          .extra(PropertyUpdate.setting("k", "v"))
                          .defaultWarehouse(missing)
                          .build()));
    }

    assertThat(settings(tenant)).isEqualTo(before);
  }

  @Test
  void theDefaultWarehouseCannotBeDeletedUntilItIsNoLongerTheDefault() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");
    newWarehouse(tenant, "other");
    update(tenant, SettingsUpdate.builder().defaultWarehouse("wh").build());

    assertFails(PreconditionFailedException.class, () -> store().warehouses().delete(tenant, "wh"));
    assertThat(await(store().warehouses().get(tenant, "wh"))).isPresent();
    assertThat(settings(tenant).defaultWarehouse()).contains("wh");

    update(tenant, SettingsUpdate.builder().clearDefaultWarehouse().build());
    await(store().warehouses().delete(tenant, "wh"));
    assertThat(await(store().warehouses().get(tenant, "wh"))).isEmpty();

    update(tenant, SettingsUpdate.builder().defaultWarehouse("other").build());
    assertFails(
        PreconditionFailedException.class, () -> store().warehouses().delete(tenant, "other"));
    newWarehouse(tenant, "third");
    update(tenant, SettingsUpdate.builder().defaultWarehouse("third").build());
    await(store().warehouses().delete(tenant, "other"));
    assertThat(await(store().warehouses().get(tenant, "other"))).isEmpty();
  }

  @Test
  void makingAWarehouseTheDefaultAndDeletingItRaceToOneOutcome() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");

    List<Race.Outcome<Object>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                racer % 2 == 0
                    ? store
                        .settings()
                        .update(tenant, SettingsUpdate.builder().defaultWarehouse("wh").build())
                        .thenApply(s -> (Object) s)
                    : store.warehouses().delete(tenant, "wh").thenApply(v -> (Object) "deleted"));

    long updates = outcomes.stream().filter(o -> o.racer() % 2 == 0 && o.succeeded()).count();
    long deletes = outcomes.stream().filter(o -> o.racer() % 2 == 1 && o.succeeded()).count();
    boolean warehouseExists = await(store().warehouses().get(tenant, "wh")).isPresent();
    SystemSettings settings = settings(tenant);
    assertThat(deletes).as("successful deletions").isLessThanOrEqualTo(1);
    if (deletes == 1) {
      assertThat(updates).as("defaults set although the warehouse was deleted").isZero();
      assertThat(warehouseExists).isFalse();
      assertThat(settings.defaultWarehouse()).isEmpty();
    } else {
      assertThat(updates).as("defaults set").isPositive();
      assertThat(warehouseExists).isTrue();
      assertThat(settings.defaultWarehouse()).contains("wh");
    }
  }

  @Test
  void theExtraSettingsStayWithinTheByteLimitOfAPropertyMapAfterUpdates() {
    TenantId tenant = newTenant();
    // 16 entries of exactly 65,536 bytes (a 3-byte key and a 65,533-byte value) fill the 1 MiB
    // total, in two updates of half each: the limit holds for what is stored, not per request.
    String value = "x".repeat(65_536 - 3);
    for (int half = 0; half < 2; half++) {
      Map<String, String> entries = new HashMap<>();
      for (int i = half * 8; i < half * 8 + 8; i++) {
        entries.put(String.format("k%02d", i), value);
      }
      update(tenant, SettingsUpdate.builder().extra(PropertyUpdate.setting(entries)).build());
    }
    SystemSettings atTheLimit = settings(tenant);
    assertThat(Inputs.utf8Length(atTheLimit.extra())).isEqualTo(StoredProperties.MAX_TOTAL_BYTES);

    assertInvalid(
        "update.extra",
        () ->
            store()
                .settings()
                .update(
                    tenant,
                    SettingsUpdate.builder()
                        .allowPublicSigning(true)
                        .extra(PropertyUpdate.setting("z", ""))
                        .build()));
    assertThat(settings(tenant)).isEqualTo(atTheLimit);
  }

  @Test
  void theExtraSettingsStayWithinTheLimitsOfAPropertyMapAfterAnUpdate() {
    TenantId tenant = newTenant();
    Map<String, String> full = new HashMap<>();
    for (int i = 0; i < 999; i++) {
      full.put("k" + i, "v");
    }
    update(tenant, SettingsUpdate.builder().extra(PropertyUpdate.setting(full)).build());
    SystemSettings atTheLimit =
        update(
            tenant,
            SettingsUpdate.builder().extra(PropertyUpdate.setting("one-more", "v")).build());
    assertThat(atTheLimit.extra()).hasSize(1000);

    assertInvalid(
        "update.extra",
        () ->
            store()
                .settings()
                .update(
                    tenant,
                    SettingsUpdate.builder()
                        .allowPublicSigning(true)
                        .extra(PropertyUpdate.setting("too-many", "v"))
                        .build()));
    assertThat(settings(tenant)).isEqualTo(atTheLimit);

    SystemSettings replaced =
        update(
            tenant,
            SettingsUpdate.builder()
                .extra(new PropertyUpdate(Map.of("new", "v"), Set.of("k0")))
                .build());
    assertThat(replaced.extra()).hasSize(1000).containsEntry("new", "v").doesNotContainKey("k0");
  }

  @Test
  void theRetentionMayBeZeroOrUpToAHundredYears() {
    TenantId tenant = newTenant();

    assertThat(
            update(tenant, SettingsUpdate.builder().defaultRetention(Duration.ZERO).build())
                .defaultRetention())
        .isEqualTo(Duration.ZERO);
    assertThat(
            update(
                    tenant,
                    SettingsUpdate.builder().defaultRetention(SettingsUpdate.MAX_RETENTION).build())
                .defaultRetention())
        .isEqualTo(Duration.ofDays(36_500));
    assertThat(
            update(
                    tenant,
                    SettingsUpdate.builder().defaultRetention(Duration.ofNanos(1_000)).build())
                .defaultRetention())
        .isEqualTo(Duration.ofNanos(1_000));
  }

  @Test
  void settingsOfATenantThatDoesNotExistAreNotFound() {
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      assertMissing(ObjectType.TENANT, () -> store().settings().get(missing));
      assertMissing(
          ObjectType.TENANT,
          () ->
              store()
                  .settings()
                  .update(missing, SettingsUpdate.builder().allowPublicSigning(true).build()));
    }
  }

  @Test
  void settingsGoWithTheirTenant() {
    String name = uniqueName("tenant");
    TenantId tenant = await(store().tenants().create(NewTenant.named(name))).id();
    newWarehouse(tenant, "wh");
    update(
        tenant,
        SettingsUpdate.builder()
            .allowPublicSigning(true)
            .defaultWarehouse("wh")
            .extra(PropertyUpdate.setting("k", "v"))
            .build());

    await(store().tenants().delete(tenant));
    TenantId reborn = await(store().tenants().create(NewTenant.named(name))).id();

    assertMissing(ObjectType.TENANT, () -> store().settings().get(tenant));
    assertThat(settings(reborn))
        .as("a new tenant of the same name")
        .isEqualTo(SystemSettings.DEFAULTS);
  }
}
