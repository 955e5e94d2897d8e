package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.Tenants;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Broken stores of the settings facet: an update that resets what it does not name, settings of a
 * never-changed tenant missing or read (or first filled) with zero values, settings that outlive
 * their tenant, and updates stamped uncut or backwards. The default warehouse's broken stores are
 * in {@link SettingsWarehouseBrokenStores}.
 */
final class SettingsBrokenStores {
  private SettingsBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        updateResettingWhatItDoesNotName(),
        neverChangedSettingsMissing(),
        neverChangedSettingsReadAsZeroValues(),
        firstUpdateFillingZeroValues(),
        settingsKeptByTenantName(),
        updatingEveryTenantsSettings(),
        stampingTheClockUncut(),
        stampingTheClockEvenWhenItWentBack());
  }

  /** The update validated as the honest store does; empty if the store refuses it. */
  static Optional<SettingsUpdate> valid(SettingsUpdate update) {
    try {
      return Optional.of(OperationsRequests.settingsUpdate(update, "update"));
    } catch (RuntimeException refused) {
      return Optional.empty();
    }
  }

  /**
   * {@code UPDATE tenant_settings SET allow_public_signing = ?, default_retention = ?, ...} with
   * every column bound from the request, the parts it does not name as their defaults.
   */
  static BrokenStore updateResettingWhatItDoesNotName() {
    return new BrokenStore(
        "settings-update-resets-unnamed-parts",
        "settings.update resets every part the update does not name to its default",
        facets -> {
          Settings honest = facets.settings();
          return facets.withSettings(
              Intercept.facet(Settings.class, honest)
                  .replace(
                      "update",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                Optional<SettingsUpdate> update =
                                    valid(call.arg(1, SettingsUpdate.class));
                                if (tenant == null || update.isEmpty()) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                SystemSettings stored = join(honest.get(tenant));
                                return honest.update(tenant, whole(update.get(), stored));
                              }))
                  .build());
        },
        List.of(test("Settings", "anUpdateChangesOnlyWhatItNames")));
  }

  /** {@code named} with every part it leaves out set back to its default. */
  private static SettingsUpdate whole(SettingsUpdate named, SystemSettings stored) {
    SettingsUpdate.Builder whole = SettingsUpdate.builder();
    whole.allowPublicSigning(
        named.allowPublicSigning().orElse(SystemSettings.DEFAULTS.allowPublicSigning()));
    whole.defaultRetention(named.defaultRetention().orElse(SystemSettings.DEFAULT_RETENTION));
    if (named.defaultWarehouse().isPresent()) {
      whole.defaultWarehouse(named.defaultWarehouse().get());
    } else {
      whole.clearDefaultWarehouse();
    }
    // The extra settings as the update's own, from none: every stored key it does not set goes.
    Set<String> dropped = new HashSet<>(stored.extra().keySet());
    dropped.removeAll(named.extra().set().keySet());
    return whole.extra(new PropertyUpdate(named.extra().set(), dropped)).build();
  }

  /**
   * {@code SELECT ... FROM tenant_settings WHERE tenant_id = ?} with no row taken as no tenant: a
   * tenant that never changed its settings has none.
   */
  static BrokenStore neverChangedSettingsMissing() {
    return new BrokenStore(
        "settings-missing-until-changed",
        "settings.get fails as a missing tenant for a tenant that never changed its settings",
        facets ->
            facets.withSettings(
                Intercept.facet(Settings.class, facets.settings())
                    .replace(
                        "get",
                        1,
                        call ->
                            attempt(
                                () -> {
                                  SystemSettings settings = outcome(call.proceed());
                                  return settings.updatedAt().isPresent()
                                      ? completedFuture(settings)
                                      : failedFuture(Missing.tenant(call.arg(0, TenantId.class)));
                                }))
                    .build()),
        List.of(
            test("Settings", "aTenantThatNeverChangedItsSettingsHasTheDocumentedDefaults"),
            test("Settings", "settingsGoWithTheirTenant"),
            test("SettingsIsolation", "eachTwinReadsItsOwnSettings")));
  }

  /**
   * No settings row read as a row of {@code NULL}s mapped to the zero values of their Java types: a
   * tenant that never changed its settings has a retention of zero.
   */
  static BrokenStore neverChangedSettingsReadAsZeroValues() {
    return new BrokenStore(
        "settings-zero-until-changed",
        "settings.get returns a zero retention for a tenant that never changed its settings",
        facets ->
            facets.withSettings(
                Intercept.facet(Settings.class, facets.settings())
                    .replace(
                        "get",
                        1,
                        call ->
                            BrokenStoreKit.<SystemSettings>proceeding(call)
                                .thenApply(
                                    settings ->
                                        settings.updatedAt().isPresent()
                                            ? settings
                                            : new SystemSettings(
                                                false,
                                                Duration.ZERO,
                                                Optional.empty(),
                                                Map.of(),
                                                Optional.empty())))
                    .build()),
        List.of(
            test("Settings", "aTenantThatNeverChangedItsSettingsHasTheDocumentedDefaults"),
            test("SettingsIsolation", "eachTwinReadsItsOwnSettings")));
  }

  /**
   * An upsert whose {@code INSERT} branch binds the parts the update does not name as the zero
   * values of their Java types: a first update that does not name the retention sets it to zero.
   */
  static BrokenStore firstUpdateFillingZeroValues() {
    return new BrokenStore(
        "settings-first-update-zero-retention",
        "settings.update of a never-changed tenant sets a retention it does not name to zero",
        facets -> {
          Settings honest = facets.settings();
          return facets.withSettings(
              Intercept.facet(Settings.class, honest)
                  .replace(
                      "update",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                Optional<SettingsUpdate> update =
                                    valid(call.arg(1, SettingsUpdate.class));
                                if (tenant == null
                                    || update.isEmpty()
                                    || update.get().defaultRetention().isPresent()
                                    || join(honest.get(tenant)).updatedAt().isPresent()) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                return honest.update(
                                    tenant, withRetention(update.get(), Duration.ZERO));
                              }))
                  .build());
        },
        List.of(
            test("Settings", "aFirstPartialUpdateKeepsTheDefaultsOfWhatItDoesNotName"),
            test("Settings", "anUpdateNamingNothingChangesNothingButItsStamp")));
  }

  private static SettingsUpdate withRetention(SettingsUpdate update, Duration retention) {
    SettingsUpdate.Builder copy = SettingsUpdate.builder().defaultRetention(retention);
    update.allowPublicSigning().ifPresent(copy::allowPublicSigning);
    update.defaultWarehouse().ifPresent(copy::defaultWarehouse);
    if (update.clearsDefaultWarehouse()) {
      copy.clearDefaultWarehouse();
    }
    return copy.extra(update.extra()).build();
  }

  /**
   * Settings keyed by the tenant's name, not its id, and not deleted with it: a new tenant of a
   * deleted tenant's name inherits its settings.
   */
  static BrokenStore settingsKeptByTenantName() {
    return new BrokenStore(
        "settings-kept-by-tenant-name",
        "a new tenant of a deleted tenant's name starts with the deleted tenant's settings",
        facets -> {
          Tenants honest = facets.tenants();
          Settings settings = facets.settings();
          Map<String, SystemSettings> left = new ConcurrentHashMap<>();
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "delete",
                      1,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                Optional<Tenant> found =
                                    tenant == null
                                        ? Optional.empty()
                                        : honest
                                            .get(tenant)
                                            .exceptionally(e -> Optional.empty())
                                            .join();
                                Optional<SystemSettings> its =
                                    found.map(
                                        t -> settings.get(t.id()).exceptionally(e -> null).join());
                                Object deleted = outcome(call.proceed());
                                if (found.isPresent() && its.isPresent()) {
                                  left.put(found.get().name(), its.get());
                                }
                                return completedFuture(deleted);
                              }))
                  .replace(
                      "create",
                      1,
                      call ->
                          attempt(
                              () -> {
                                Tenant created = outcome(call.proceed());
                                NewTenant request = call.arg(0, NewTenant.class);
                                SystemSettings inherited = left.remove(request.name());
                                if (inherited != null && inherited.updatedAt().isPresent()) {
                                  join(
                                      settings.update(
                                          created.id(),
                                          SettingsUpdate.builder()
                                              .allowPublicSigning(inherited.allowPublicSigning())
                                              .defaultRetention(inherited.defaultRetention())
                                              .extra(PropertyUpdate.setting(inherited.extra()))
                                              .build()));
                                }
                                return completedFuture(created);
                              }))
                  .build());
        },
        List.of(test("Settings", "settingsGoWithTheirTenant")));
  }

  /** {@code updatedAt} stamped with the clock's instant as it is, to the nanosecond. */
  static BrokenStore stampingTheClockUncut() {
    return restamping(
        "settings-stamp-uncut",
        "settings.update stamps updatedAt with the clock's instant not cut to the microsecond",
        stored -> BrokenStoreTck.runningClock().instant(),
        List.of(test("SettingsTime", "everyUpdateIsStampedByTheStoresClockCutToMicroseconds")));
  }

  /** {@code updatedAt = now()} where {@code GREATEST(updated_at, now())} was meant. */
  static BrokenStore stampingTheClockEvenWhenItWentBack() {
    return restamping(
        "settings-stamp-goes-back",
        "settings.update stamps updatedAt with the clock's time even when it is before the last",
        stored -> Timestamps.now(BrokenStoreTck.runningClock()),
        List.of(test("SettingsTime", "updatedAtNeverGoesBackwardsWhenTheClockIsSteppedBack")));
  }

  /**
   * Settings whose successful updates are stamped with {@code stamp} (given the honest stamp)
   * instead, as the settings then read back.
   */
  private static BrokenStore restamping(
      String name, String defect, UnaryOperator<Instant> stamp, List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<TenantId, Instant> stamps = new ConcurrentHashMap<>();
          return facets.withSettings(
              Intercept.facet(Settings.class, facets.settings())
                  .replace(
                      "get",
                      1,
                      call ->
                          BrokenStoreKit.<SystemSettings>proceeding(call)
                              .thenApply(
                                  settings ->
                                      stampedAt(settings, stamps.get(call.arg(0, TenantId.class)))))
                  .replace(
                      "update",
                      2,
                      call ->
                          BrokenStoreKit.<SystemSettings>proceeding(call)
                              .thenApply(
                                  settings -> {
                                    Instant at = stamp.apply(settings.updatedAt().orElseThrow());
                                    stamps.put(call.arg(0, TenantId.class), at);
                                    return stampedAt(settings, at);
                                  }))
                  .build());
        },
        caught);
  }

  private static SystemSettings stampedAt(SystemSettings settings, Instant at) {
    return at == null || settings.updatedAt().isEmpty()
        ? settings
        : new SystemSettings(
            settings.allowPublicSigning(),
            settings.defaultRetention(),
            settings.defaultWarehouse(),
            settings.extra(),
            Optional.of(at));
  }

  /**
   * {@code UPDATE tenant_settings SET ...} with the tenant lost from its {@code WHERE}: an update
   * of one tenant's settings changes every tenant's the same way.
   */
  static BrokenStore updatingEveryTenantsSettings() {
    return new BrokenStore(
        "settings-update-of-every-tenant",
        "settings.update applies the update to every tenant's settings",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          Settings honest = facets.settings();
          return OperationsKit.recordingTenants(facets, tenants)
              .withSettings(
                  Intercept.facet(Settings.class, honest)
                      .replace(
                          "update",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    SystemSettings updated = outcome(call.proceed());
                                    TenantId caller = call.arg(0, TenantId.class);
                                    for (TenantId other : tenants) {
                                      if (!other.equals(caller)) {
                                        honest
                                            .update(other, call.arg(1, SettingsUpdate.class))
                                            .exceptionally(refused -> null)
                                            .join();
                                      }
                                    }
                                    return completedFuture(updated);
                                  }))
                      .build());
        },
        List.of(test("SettingsIsolation", "anUpdateOfOneTenantChangesNothingOfItsTwin")));
  }
}
