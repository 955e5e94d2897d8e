package dev.catalogstore.api.settings;

import dev.catalogstore.api.tenant.TenantId;
import java.util.concurrent.CompletableFuture;

/**
 * The settings facet ({@code store.settings()}): each tenant's {@link SystemSettings}. Settings
 * belong to their tenant and go with it when it is deleted.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: {@code update} sets
 * values and is safe to apply again.
 */
public interface Settings {
  /**
   * Reads the tenant's settings: {@link SystemSettings#DEFAULTS} if they were never changed. Fails
   * with {@code NotFoundException} ({@code TENANT}) if the tenant does not exist.
   */
  CompletableFuture<SystemSettings> get(TenantId tenant);

  /**
   * Changes what {@code update} names, atomically, stamps {@code updatedAt}, and returns the
   * settings now in force; what it does not name is unchanged (from the defaults if the settings
   * were never changed). An update that names nothing still stamps {@code updatedAt}. Fails with
   * {@code NotFoundException} ({@code TENANT}) if the tenant does not exist, {@code
   * NotFoundException} ({@code WAREHOUSE}) if the default warehouse it names does not exist, and
   * {@code InvalidArgumentException} as {@link SettingsUpdate} says; a failed update changes
   * nothing.
   */
  CompletableFuture<SystemSettings> update(TenantId tenant, SettingsUpdate update);
}
