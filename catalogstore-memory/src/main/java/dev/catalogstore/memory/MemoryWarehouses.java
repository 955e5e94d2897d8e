package dev.catalogstore.memory;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseId;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.api.warehouse.Warehouses;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Warehouses in memory: a tenant's warehouses by name in code-point order. Credentials are kept as
 * given; nothing leaves the process, so there is nothing to seal.
 */
final class MemoryWarehouses implements Warehouses {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryWarehouses(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Warehouse> create(TenantId tenant, NewWarehouse warehouse) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.newWarehouse(warehouse, "warehouse");
          return registry.write(
              tenant,
              state -> {
                if (state.warehouses().containsKey(warehouse.name())) {
                  throw Taken.warehouse(warehouse.name());
                }
                Instant now = Timestamps.now(clock);
                Warehouse created =
                    new Warehouse(
                        WarehouseId.random(),
                        warehouse.name(),
                        warehouse.storage(),
                        warehouse.credentials(),
                        warehouse.properties(),
                        now,
                        now);
                state.warehouses().put(created.name(), created);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Warehouse>> get(TenantId tenant, String name) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return registry.find(tenant, state -> Optional.ofNullable(state.warehouses().get(name)));
        });
  }

  @Override
  public CompletableFuture<Page<Warehouse>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.warehouses(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                List<Warehouse> fetched = SortedReads.fetch(state.warehouses(), cursor);
                return query.page(fetched, cursor, Warehouse::name);
              });
        });
  }

  @Override
  public CompletableFuture<Warehouse> update(TenantId tenant, String name, WarehouseUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Requests.warehouseUpdate(update, "update");
          return registry.write(
              tenant,
              state -> {
                Warehouse current = require(state, name);
                Warehouse next =
                    new Warehouse(
                        current.id(),
                        current.name(),
                        update.storage().orElse(current.storage()),
                        update.credentials().orElse(current.credentials()),
                        StoredProperties.apply(
                            current.properties(), update.properties(), "update.properties"),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                state.warehouses().put(name, next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, String name) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return registry.write(
              tenant,
              state -> {
                require(state, name);
                if (state.isWarehouseUsed(name)) {
                  throw new PreconditionFailedException(
                      "warehouse '" + name + "' is still used by a catalog");
                }
                // Checked under the same lock as settings().update, which needs it to exist.
                if (state.isDefaultWarehouse(name)) {
                  throw new PreconditionFailedException(
                      "warehouse '" + name + "' is the tenant's default warehouse");
                }
                state.warehouses().remove(name);
                return null;
              });
        });
  }

  private static Warehouse require(TenantState state, String name) {
    Warehouse warehouse = state.warehouses().get(name);
    if (warehouse == null) {
      throw Missing.warehouse(name);
    }
    return warehouse;
  }
}
