package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.Tenants;
import dev.catalogstore.api.warehouse.Warehouses;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of the settings facet and of what it asks of the warehouses: an update that resets
 * what it does not name, settings of a never-changed tenant missing or filled with zero values, a
 * default warehouse accepted without checking it (or checked in any tenant), a default warehouse
 * deleted (or kept from deletion by another tenant's default), and settings that outlive their
 * tenant.
 */
final class SettingsBrokenStores {
  private SettingsBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        updateResettingWhatItDoesNotName(),
        neverChangedSettingsMissing(),
        neverChangedSettingsReadAsZeroValues(),
        firstUpdateFillingZeroValues(),
        defaultWarehouseNotChecked(),
        defaultWarehouseCheckedInAnyTenant(),
        deletingTheDefaultWarehouseClearsIt(),
        anotherTenantsDefaultKeepsAWarehouse(),
        settingsKeptByTenantName());
  }

  /** The update validated as the honest store does; empty if the store refuses it. */
  private static Optional<SettingsUpdate> valid(SettingsUpdate update) {
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

  /** {@code update} without its change of the default warehouse. */
  private static SettingsUpdate withoutWarehouse(SettingsUpdate update) {
    SettingsUpdate.Builder copy = SettingsUpdate.builder();
    update.allowPublicSigning().ifPresent(copy::allowPublicSigning);
    update.defaultRetention().ifPresent(copy::defaultRetention);
    return copy.extra(update.extra()).build();
  }

  /** Whether a broken store takes {@code warehouse}, which the tenant does not have, as default. */
  @FunctionalInterface
  private interface Acceptance {
    boolean accepts(StoreFacets facets, Set<TenantId> tenants, String warehouse);
  }

  /** {@code default_warehouse text} with no foreign key and no check: any name is taken. */
  static BrokenStore defaultWarehouseNotChecked() {
    return acceptingMissingWarehouses(
        "default-warehouse-not-checked",
        "settings.update takes a default warehouse that does not exist",
        (facets, tenants, warehouse) -> true,
        List.of(
            test("Settings", "aDefaultWarehouseThatDoesNotExistIsNotFoundAndChangesNothing"),
            test("SettingsIsolation", "aWarehouseOnlyTheTwinHasIsMissingAsTheDefault")));
  }

  /** {@code SELECT 1 FROM warehouses WHERE name = ?}: the existence check forgets the tenant. */
  static BrokenStore defaultWarehouseCheckedInAnyTenant() {
    return acceptingMissingWarehouses(
        "default-warehouse-checked-in-any-tenant",
        "settings.update takes a default warehouse that only another tenant has",
        (facets, tenants, warehouse) ->
            tenants.stream()
                .anyMatch(
                    any ->
                        facets
                            .warehouses()
                            .get(any, warehouse)
                            .exceptionally(missing -> Optional.empty())
                            .join()
                            .isPresent()),
        List.of(test("SettingsIsolation", "aWarehouseOnlyTheTwinHasIsMissingAsTheDefault")));
  }

  /**
   * Settings whose default warehouse is taken when {@code acceptance} says so although the tenant
   * has no such warehouse: the rest of the update is applied, and the default read back names it.
   */
  private static BrokenStore acceptingMissingWarehouses(
      String name, String defect, Acceptance acceptance, List<BrokenStore.TckTest> caught) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          StoreFacets recording = OperationsKit.recordingTenants(facets, tenants);
          Settings honest = facets.settings();
          // The default warehouse each tenant was given although it has no such warehouse.
          Map<TenantId, String> unchecked = new ConcurrentHashMap<>();
          return recording.withSettings(
              Intercept.facet(Settings.class, honest)
                  .replace(
                      "get",
                      1,
                      call ->
                          BrokenStoreKit.<SystemSettings>proceeding(call)
                              .thenApply(
                                  settings ->
                                      withDefault(
                                          settings, unchecked.get(call.arg(0, TenantId.class)))))
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
                                Optional<String> warehouse = update.get().defaultWarehouse();
                                boolean missing =
                                    warehouse.isPresent()
                                        && facets
                                            .warehouses()
                                            .get(tenant, warehouse.get())
                                            .exceptionally(e -> Optional.empty())
                                            .join()
                                            .isEmpty();
                                if (missing
                                    && acceptance.accepts(facets, tenants, warehouse.get())) {
                                  SystemSettings updated =
                                      join(honest.update(tenant, withoutWarehouse(update.get())));
                                  unchecked.put(tenant, warehouse.get());
                                  return completedFuture(withDefault(updated, warehouse.get()));
                                }
                                SystemSettings updated = outcome(call.proceed());
                                if (warehouse.isPresent()
                                    || update.get().clearsDefaultWarehouse()) {
                                  unchecked.remove(tenant);
                                }
                                return completedFuture(withDefault(updated, unchecked.get(tenant)));
                              }))
                  .build());
        },
        caught);
  }

  private static SystemSettings withDefault(SystemSettings settings, String warehouse) {
    return warehouse == null
        ? settings
        : new SystemSettings(
            settings.allowPublicSigning(),
            settings.defaultRetention(),
            Optional.of(warehouse),
            settings.extra(),
            settings.updatedAt());
  }

  /**
   * {@code default_warehouse REFERENCES warehouses ON DELETE SET NULL} where {@code RESTRICT} was
   * meant: deleting the default warehouse succeeds and leaves the tenant without a default.
   */
  static BrokenStore deletingTheDefaultWarehouseClearsIt() {
    return new BrokenStore(
        "default-warehouse-deletable",
        "warehouses.delete of the tenant's default warehouse succeeds and clears the default",
        facets -> {
          Settings settings = facets.settings();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, facets.warehouses())
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                String warehouse = call.arg(1, String.class);
                                Optional<String> current =
                                    tenant == null
                                        ? Optional.empty()
                                        : settings
                                            .get(tenant)
                                            .thenApply(SystemSettings::defaultWarehouse)
                                            .exceptionally(missing -> Optional.empty())
                                            .join();
                                if (warehouse != null && current.equals(Optional.of(warehouse))) {
                                  join(
                                      settings.update(
                                          tenant,
                                          SettingsUpdate.builder()
                                              .clearDefaultWarehouse()
                                              .build()));
                                }
                                return (CompletableFuture<?>) call.proceed();
                              }))
                  .build());
        },
        List.of(test("Settings", "theDefaultWarehouseCannotBeDeletedUntilItIsNoLongerTheDefault")));
  }

  /**
   * {@code SELECT 1 FROM tenant_settings WHERE default_warehouse = ?} without the tenant: a
   * warehouse cannot be deleted while any tenant has a default warehouse of its name.
   */
  static BrokenStore anotherTenantsDefaultKeepsAWarehouse() {
    return new BrokenStore(
        "default-warehouse-of-any-tenant-kept",
        "warehouses.delete refuses a warehouse whose name is another tenant's default warehouse",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          Settings settings = facets.settings();
          return OperationsKit.recordingTenants(facets, tenants)
              .withWarehouses(
                  Intercept.facet(Warehouses.class, facets.warehouses())
                      .replace(
                          "delete",
                          2,
                          call ->
                              attempt(
                                  () -> {
                                    String warehouse = call.arg(1, String.class);
                                    for (TenantId any : tenants) {
                                      Optional<String> itsDefault =
                                          settings
                                              .get(any)
                                              .thenApply(SystemSettings::defaultWarehouse)
                                              .exceptionally(missing -> Optional.empty())
                                              .join();
                                      if (warehouse != null
                                          && itsDefault.equals(Optional.of(warehouse))) {
                                        return failedFuture(
                                            new PreconditionFailedException(
                                                "warehouse '" + warehouse + "' is a default"));
                                      }
                                    }
                                    return (CompletableFuture<?>) call.proceed();
                                  }))
                      .build());
        },
        List.of(test("SettingsIsolation", "anUpdateOfOneTenantChangesNothingOfItsTwin")));
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
}
