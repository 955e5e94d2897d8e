package dev.catalogstore.tck.settings;

import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the settings facet: twin tenants A and B hold warehouses of the same names;
 * A's settings, changed, leave B's at the defaults, a warehouse only A has is missing as B's
 * default, and A's default warehouse does not keep B from deleting its own of the same name.
 */
public abstract class SettingsIsolationContract extends IsolationSuite {
  private static final String SHARED = "shared-wh";

  @Test
  @IsolationCase("settings.update")
  void anUpdateOfOneTenantChangesNothingOfItsTwin() {
    Twins twins = twins();
    newWarehouse(twins.a(), SHARED);
    newWarehouse(twins.b(), SHARED);
    TenantSnapshot bBefore = snapshot(twins.b());

    await(
        store()
            .settings()
            .update(
                twins.a(),
                SettingsUpdate.builder()
                    .allowPublicSigning(true)
                    .defaultRetention(Duration.ofDays(1))
                    .defaultWarehouse(SHARED)
                    .extra(PropertyUpdate.setting("owner", "A"))
                    .build()));

    assertUnchanged(twins.b(), bBefore);
    await(store().warehouses().delete(twins.b(), SHARED));
    assertThat(await(store().warehouses().get(twins.a(), SHARED)))
        .as("A's default warehouse, after B deleted its own of the same name")
        .isPresent();
  }

  @Test
  @IsolationCase("settings.update")
  void aWarehouseOnlyTheTwinHasIsMissingAsTheDefault() {
    Twins twins = twins();
    createAOnlyWarehouse(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    NotFoundException e =
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .settings()
                    .update(
                        twins.b(),
                        SettingsUpdate.builder().defaultWarehouse(A_ONLY_WAREHOUSE).build()));

    assertThat(e.missing()).isEqualTo(ObjectType.WAREHOUSE);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("settings.get")
  void eachTwinReadsItsOwnSettings() {
    Twins twins = twins();

    SystemSettings aSettings =
        await(
            store()
                .settings()
                .update(
                    twins.a(),
                    SettingsUpdate.builder()
                        .defaultWarehouse(WAREHOUSE)
                        .extra(PropertyUpdate.setting("owner", "A"))
                        .build()));
    assertThat(await(store().settings().get(twins.b()))).isEqualTo(SystemSettings.DEFAULTS);

    SystemSettings bSettings =
        await(
            store()
                .settings()
                .update(
                    twins.b(),
                    SettingsUpdate.builder().extra(PropertyUpdate.setting("owner", "B")).build()));
    assertThat(await(store().settings().get(twins.a()))).isEqualTo(aSettings);
    assertThat(await(store().settings().get(twins.b()))).isEqualTo(bSettings);
    assertThat(bSettings.defaultWarehouse()).isEmpty();
    assertThat(bSettings.extra()).containsEntry("owner", "B");
  }
}
