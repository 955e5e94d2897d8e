package dev.catalogstore.api.catalog;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Catalogs, per tenant. */
public interface CatalogOperations {
  /**
   * Creates a catalog, and with it, atomically, its branch {@code main}.
   *
   * <p>A {@code LOCAL} catalog's warehouse must exist in the same tenant ({@code
   * NotFoundException} otherwise). Fails with {@code AlreadyExistsException} if the tenant has a
   * catalog of that name, never overwriting it.
   */
  CompletableFuture<Catalog> createCatalog(TenantId tenant, NewCatalog catalog);

  /** Reads a catalog by name; empty if the tenant has none of that name. */
  CompletableFuture<Optional<Catalog>> getCatalog(TenantId tenant, String name);

  /** Lists the tenant's catalogs by name in code-point order, keyset-paged. */
  CompletableFuture<Page<Catalog>> listCatalogs(TenantId tenant, PageRequest page);

  /**
   * Changes a catalog's properties and (federated only) connector, and returns the result. A
   * connector given for a {@code LOCAL} catalog is a {@code PreconditionFailedException}.
   */
  CompletableFuture<Catalog> updateCatalog(TenantId tenant, String name, CatalogUpdate update);

  /**
   * Deletes a catalog and, in one atomic step, all its branches, namespaces, assets and their
   * history. Fails with {@code NotFoundException} if it does not exist.
   */
  CompletableFuture<Void> deleteCatalog(TenantId tenant, String name);
}
