package dev.catalogstore.tck.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TimeSuite;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The settings' {@code updatedAt} under a frozen clock: empty until the first change, then the
 * store's time cut to microseconds at every update (one that names nothing included), never
 * backwards when the clock is stepped back, and untouched by a refused update.
 */
public abstract class SettingsTimeContract extends TimeSuite {

  private SystemSettings update(TenantId tenant, SettingsUpdate update) {
    return await(store().settings().update(tenant, update));
  }

  @Test
  void everyUpdateIsStampedByTheStoresClockCutToMicroseconds() {
    TenantId tenant = newTenant();
    assertThat(await(store().settings().get(tenant)).updatedAt()).isEmpty();

    SystemSettings first =
        update(tenant, SettingsUpdate.builder().allowPublicSigning(true).build());
    clock.advance(LATER);
    SystemSettings second = update(tenant, SettingsUpdate.builder().build());

    assertThat(first.updatedAt()).contains(T0_MICROS);
    assertThat(second.updatedAt()).contains(T0_MICROS.plus(LATER));
    assertThat(await(store().settings().get(tenant)).updatedAt()).contains(T0_MICROS.plus(LATER));
  }

  @Test
  void updatedAtNeverGoesBackwardsWhenTheClockIsSteppedBack() {
    TenantId tenant = newTenant();
    update(tenant, SettingsUpdate.builder().allowPublicSigning(true).build());

    clock.freezeAt(T0.minus(Duration.ofDays(1)));
    SystemSettings later =
        update(tenant, SettingsUpdate.builder().extra(PropertyUpdate.setting("k", "v")).build());

    assertThat(later.updatedAt()).contains(T0_MICROS);
    assertThat(later.extra()).containsEntry("k", "v");
  }

  @Test
  void aRefusedUpdateMovesNoTime() {
    TenantId tenant = newTenant();
    SystemSettings first =
        update(tenant, SettingsUpdate.builder().allowPublicSigning(true).build());
    clock.advance(LATER);

    assertInvalid(
        "update.defaultRetention",
        () ->
            store()
                .settings()
                .update(
                    tenant,
                    SettingsUpdate.builder().defaultRetention(Duration.ofDays(-1)).build()));

    assertThat(await(store().settings().get(tenant))).isEqualTo(first);
  }
}
