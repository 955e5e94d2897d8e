package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.TenantBrokenStores.refusal;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.api.warehouse.Warehouses;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Broken stores whose defect lives in the warehouses facet. */
final class WarehouseBrokenStores {
  private WarehouseBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        droppingCredentialsNotGiven(),
        deletingByPrefix(),
        validatingAfterWriting(),
        lookingUpBeforeValidating(),
        reportingAMissingTenantAsAMissingWarehouse(),
        fallingBackToTheSystemTenant());
  }

  /**
   * {@code SET credentials = :credentials} run for every update, with "no credentials" bound when
   * the update does not replace them: an update of anything else wipes the secrets.
   */
  static BrokenStore droppingCredentialsNotGiven() {
    return new BrokenStore(
        "warehouse-update-drops-credentials",
        "warehouses.update without new credentials replaces them with none",
        facets ->
            facets.withWarehouses(
                Intercept.facet(Warehouses.class, facets.warehouses())
                    .replace(
                        "update",
                        3,
                        call -> {
                          WarehouseUpdate update = call.arg(2, WarehouseUpdate.class);
                          if (update == null || update.credentials().isPresent()) {
                            return call.proceed();
                          }
                          WarehouseUpdate.Builder wiping =
                              WarehouseUpdate.builder()
                                  .credentials(Credentials.NONE)
                                  .properties(update.properties());
                          update.storage().ifPresent(wiping::storage);
                          return call.proceed(
                              call.arg(0, Object.class), call.arg(1, Object.class), wiping.build());
                        })
                    .build()),
        List.of(
            test("Warehouses", "aPropertyUpdateOfOneKeyKeepsStorageCredentialsAndTheOtherKeys"),
            test("Warehouses", "aStorageOnlyUpdateKeepsCredentialsPropertiesAndName"),
            test("Warehouses", "anUpdateLeavesThePartsItDoesNotSetAsTheyWere")));
  }

  /** {@code DELETE … WHERE name LIKE :name || '%'}: siblings whose name extends it go too. */
  static BrokenStore deletingByPrefix() {
    return new BrokenStore(
        "warehouse-delete-by-prefix",
        "warehouses.delete also removes the warehouses whose name starts with the name",
        facets -> {
          Warehouses honest = facets.warehouses();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, honest)
                  .replace(
                      "delete",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return TenantBrokenStores.<Void>proceed(call)
                            .thenCompose(
                                deleted ->
                                    honest
                                        .list(tenant, PageRequest.firstPage(PageRequest.MAX_LIMIT))
                                        .thenCompose(
                                            page ->
                                                CompletableFuture.allOf(
                                                    page.items().stream()
                                                        .map(Warehouse::name)
                                                        .filter(other -> other.startsWith(name))
                                                        .map(
                                                            other ->
                                                                honest
                                                                    .delete(tenant, other)
                                                                    .handle((ok, failure) -> null))
                                                        .toArray(CompletableFuture[]::new))));
                      })
                  .build());
        },
        List.of(test("Warehouses", "deleteRemovesExactlyTheNamedWarehouse")));
  }

  /**
   * An {@code INSERT} of the row first and a check of the JSON columns after it, outside a
   * transaction: the refused warehouse stays behind.
   */
  static BrokenStore validatingAfterWriting() {
    return new BrokenStore(
        "warehouse-create-validates-after-writing",
        "warehouses.create writes the warehouse before refusing its storage, credentials or "
            + "properties",
        facets -> {
          Warehouses honest = facets.warehouses();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, honest)
                  .replace(
                      "create",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        NewWarehouse warehouse = call.arg(1, NewWarehouse.class);
                        CatalogStoreException refusal =
                            refusal(() -> Requests.newWarehouse(warehouse, "warehouse"));
                        if (refusal == null
                            || warehouse == null
                            || refusal(() -> Inputs.name(warehouse.name(), "name")) != null) {
                          return call.proceed();
                        }
                        StorageConfig storage =
                            refusal(
                                        () ->
                                            Requests.newWarehouse(
                                                NewWarehouse.of(
                                                    warehouse.name(), warehouse.storage()),
                                                "w"))
                                    == null
                                ? warehouse.storage()
                                : StorageConfig.of(StorageType.FILE, "file:///unchecked");
                        NewWarehouse written =
                            new NewWarehouse(warehouse.name(), storage, Credentials.NONE, Map.of());
                        return honest
                            .create(tenant, written)
                            .handle((created, failure) -> null)
                            .thenCompose(ignored -> failedFuture(refusal));
                      })
                  .build());
        },
        List.of(test("WarehouseInputRules", "aCreateRefusedForItsLastFieldCreatesNothing")));
  }

  /**
   * A {@code SELECT … FOR UPDATE} of the warehouse before the update is validated: a bad update of
   * a missing warehouse (or under a missing tenant) is reported as NotFound.
   */
  static BrokenStore lookingUpBeforeValidating() {
    return new BrokenStore(
        "warehouse-lookup-before-validation",
        "warehouses.update looks the warehouse up before validating the update",
        facets -> {
          Warehouses honest = facets.warehouses();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, honest)
                  .replace(
                      "update",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        if (tenant == null || refusal(() -> Inputs.name(name, "name")) != null) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, name)
                            .thenCompose(
                                found ->
                                    found.isEmpty()
                                        ? failedFuture(
                                            new NotFoundException(
                                                ObjectType.WAREHOUSE,
                                                "warehouse '" + name + "' does not exist"))
                                        : TenantBrokenStores.<Warehouse>proceed(call));
                      })
                  .build());
        },
        List.of(
            test(
                "WarehouseInputRules",
                "everyWarehouseMethodValidatesBeforeLookingUpTheTenantOrTheWarehouse")));
  }

  /**
   * One {@code UPDATE … WHERE tenant_id = :tenant AND name = :name} whose zero rows are always read
   * as "no such warehouse", whether the tenant or the warehouse is missing.
   */
  static BrokenStore reportingAMissingTenantAsAMissingWarehouse() {
    return new BrokenStore(
        "warehouse-missing-tenant-as-missing-warehouse",
        "warehouses.update and delete report a missing tenant as a missing warehouse",
        facets ->
            facets.withWarehouses(
                Intercept.facet(Warehouses.class, facets.warehouses())
                    .replace("update", 3, call -> asMissingWarehouse(call.proceed()))
                    .replace("delete", 2, call -> asMissingWarehouse(call.proceed()))
                    .build()),
        List.of(test("Warehouses", "notFoundSaysWhetherTheTenantOrTheWarehouseIsMissing")));
  }

  private static CompletableFuture<?> asMissingWarehouse(Object future) {
    return ((CompletableFuture<?>) future)
        .exceptionallyCompose(
            failure -> {
              Throwable cause =
                  failure instanceof CompletionException ? failure.getCause() : failure;
              return failedFuture(
                  cause instanceof NotFoundException notFound
                          && notFound.missing() == ObjectType.TENANT
                      ? new NotFoundException(ObjectType.WAREHOUSE, "warehouse does not exist")
                      : cause);
            });
  }

  /**
   * "Platform warehouses": a lookup by name written {@code WHERE tenant_id IN (:tenant, :system)},
   * so every tenant sees the system tenant's warehouse of a name it lacks.
   */
  static BrokenStore fallingBackToTheSystemTenant() {
    return new BrokenStore(
        "warehouse-get-falls-back-to-system",
        "warehouses.get finds the system tenant's warehouse of a name the tenant lacks",
        facets -> {
          Warehouses honest = facets.warehouses();
          return facets.withWarehouses(
              Intercept.facet(Warehouses.class, honest)
                  .replace(
                      "get",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        String name = call.arg(1, String.class);
                        return TenantBrokenStores.<Optional<Warehouse>>proceed(call)
                            .thenCompose(
                                found ->
                                    found.isPresent() || tenant.isSystem()
                                        ? completedFuture(found)
                                        : honest.get(TenantId.SYSTEM, name));
                      })
                  .build());
        },
        List.of(
            test(
                "TenantIsolation",
                "theSystemTenantAndATenantWithTheSameNamesSeeNothingOfEachOther")));
  }
}
