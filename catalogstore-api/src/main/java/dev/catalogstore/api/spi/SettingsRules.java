package dev.catalogstore.api.spi;

import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import java.time.Instant;
import java.util.Optional;

/**
 * How a validated {@link SettingsUpdate} changes a tenant's settings, written once for every
 * backend: each part it names replaces the stored value, the rest is kept, and the extra settings
 * change as a property map does, under the same limits ({@link StoredProperties}).
 */
public final class SettingsRules {
  private SettingsRules() {}

  /**
   * The settings after {@code update} (validated by {@link OperationsRequests#settingsUpdate})
   * changes {@code stored} at {@code now} (or at its last change, if the clock reads earlier).
   *
   * @throws dev.catalogstore.api.error.InvalidArgumentException on {@code field.extra} if the extra
   *     settings would exceed the limits of a property map
   */
  public static SystemSettings apply(
      SystemSettings stored, SettingsUpdate update, Instant now, String field) {
    Optional<String> defaultWarehouse =
        update.clearsDefaultWarehouse()
            ? Optional.empty()
            : update.defaultWarehouse().or(stored::defaultWarehouse);
    return new SystemSettings(
        update.allowPublicSigning().orElse(stored.allowPublicSigning()),
        update.defaultRetention().orElse(stored.defaultRetention()),
        defaultWarehouse,
        StoredProperties.apply(stored.extra(), update.extra(), field + ".extra"),
        // Never backwards: a clock stepped back does not make a change look older than the last.
        Optional.of(stored.updatedAt().map(last -> Timestamps.notBefore(now, last)).orElse(now)));
  }
}
