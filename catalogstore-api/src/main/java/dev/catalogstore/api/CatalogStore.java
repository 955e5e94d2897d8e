package dev.catalogstore.api;

import dev.catalogstore.api.asset.AssetOperations;
import dev.catalogstore.api.catalog.CatalogOperations;
import dev.catalogstore.api.namespace.NamespaceOperations;
import dev.catalogstore.api.tenant.TenantOperations;
import dev.catalogstore.api.warehouse.WarehouseOperations;

/**
 * The storage contract of a multi-tenant lakehouse catalog.
 *
 * <h2>Rules every method keeps</h2>
 *
 * <ul>
 *   <li><b>Asynchronous.</b> Every method returns a {@code CompletableFuture} and never throws:
 *       failures, including bad input, complete the future exceptionally with a {@link
 *       dev.catalogstore.api.error.CatalogStoreException} subclass. A read of one thing returns
 *       {@code Optional}; absence is never an exception on a get. Callers may chain store calls
 *       inside {@code thenCompose} without deadlock.
 *   <li><b>Tenant first.</b> Every method touching tenant data takes the {@code TenantId} first.
 *       Nothing of one tenant is observable or changeable through another: an id, a name or a
 *       page token of tenant A used under tenant B behaves exactly as if it did not exist.
 *   <li><b>Missing things.</b> A write or a list under a tenant, catalog, branch or namespace
 *       that does not exist fails with {@link dev.catalogstore.api.error.NotFoundException}; a
 *       get of one thing returns empty. Validation comes first: bad input is reported even when
 *       the tenant does not exist.
 *   <li><b>Validated.</b> Bad input fails with {@link
 *       dev.catalogstore.api.error.InvalidArgumentException} naming the field, before anything is
 *       written; a failed call changes nothing.
 *   <li><b>Atomic.</b> Each method is all-or-nothing, cascades included.
 *   <li><b>Paged.</b> Lists are keyset-paged in a documented stable order (see {@link
 *       dev.catalogstore.api.paging.PageRequest}).
 *   <li><b>Timestamps</b> come from the store's injected clock, truncated to microseconds.
 * </ul>
 *
 * <p>Names (of tenants, warehouses, catalogs, namespace segments, assets, branches) are 1 to 255
 * characters, not blank, without control characters; any other character, including {@code .},
 * {@code %}, {@code _}, {@code /}, spaces and non-ASCII letters, is kept exactly.
 */
public interface CatalogStore
    extends AutoCloseable,
        TenantOperations,
        WarehouseOperations,
        CatalogOperations,
        NamespaceOperations,
        AssetOperations {

  /** Releases what the store owns (connection pools, executors). Idempotent. */
  @Override
  void close();
}
