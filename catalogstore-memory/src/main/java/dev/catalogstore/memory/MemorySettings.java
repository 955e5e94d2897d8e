package dev.catalogstore.memory;

import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.SettingsRules;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Settings in memory: one {@link SystemSettings} value in the tenant's {@link TenantState}, so they
 * go with the tenant. An update checks its default warehouse under the tenant's write lock, which
 * {@code warehouses().delete} also takes to refuse deleting the default: the two cannot interleave,
 * so the default always names an existing warehouse.
 */
final class MemorySettings implements Settings {
  private final TenantRegistry registry;
  private final Clock clock;

  MemorySettings(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<SystemSettings> get(TenantId tenant) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          return registry.read(tenant, TenantState::settings);
        });
  }

  @Override
  public CompletableFuture<SystemSettings> update(TenantId tenant, SettingsUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          SettingsUpdate valid = OperationsRequests.settingsUpdate(update, "update");
          return registry.write(
              tenant,
              state -> {
                valid
                    .defaultWarehouse()
                    .filter(warehouse -> !state.warehouses().containsKey(warehouse))
                    .ifPresent(
                        warehouse -> {
                          throw Missing.warehouse(warehouse);
                        });
                SystemSettings next =
                    SettingsRules.apply(state.settings(), valid, Timestamps.now(clock), "update");
                state.replaceSettings(next);
                return next;
              });
        });
  }
}
