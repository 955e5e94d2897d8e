package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static dev.catalogstore.memory.tckproof.SettingsBrokenStores.valid;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.settings.Settings;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Warehouses;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores of a tenant's default warehouse: one taken without checking that it exists (or
 * checked in any tenant), one deleted while it is the default, and one kept from deletion by
 * another tenant's default of its name.
 */
final class SettingsWarehouseBrokenStores {
  private SettingsWarehouseBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        defaultWarehouseNotChecked(),
        defaultWarehouseCheckedInAnyTenant(),
        deletingTheDefaultWarehouseClearsIt(),
        anotherTenantsDefaultKeepsAWarehouse());
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
}
