package dev.catalogstore.api.warehouse;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The warehouses facet ({@code store.warehouses()}): storage locations with their credentials, per
 * tenant. Warehouse names are unique per tenant and immutable (a {@code LOCAL} catalog names its
 * warehouse).
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own warehouse (compare it
 * with what was sent, credentials included); {@code update} sets values and is safe to apply again;
 * a retried {@code delete} that fails with {@code NotFoundException} landed.
 */
public interface Warehouses {
  /**
   * Creates a warehouse. Fails with {@code NotFoundException} if the tenant does not exist, {@code
   * AlreadyExistsException} if the tenant has a warehouse of that name (never overwriting it).
   */
  CompletableFuture<Warehouse> create(TenantId tenant, NewWarehouse warehouse);

  /** Reads a warehouse by name, credentials opened; empty if the tenant has none of that name. */
  CompletableFuture<Optional<Warehouse>> get(TenantId tenant, String name);

  /** Lists the tenant's warehouses by name in code-point order, keyset-paged. */
  CompletableFuture<Page<Warehouse>> list(TenantId tenant, PageRequest page);

  /**
   * Changes a warehouse's storage, credentials and/or properties atomically and returns the result.
   * Fails with {@code NotFoundException} if it does not exist.
   */
  CompletableFuture<Warehouse> update(TenantId tenant, String name, WarehouseUpdate update);

  /**
   * Deletes a warehouse. Fails with {@code PreconditionFailedException} while any catalog of the
   * tenant uses it, {@code NotFoundException} if it does not exist.
   */
  CompletableFuture<Void> delete(TenantId tenant, String name);
}
