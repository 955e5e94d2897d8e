package dev.catalogstore.api.catalog;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The catalogs facet ({@code store.catalogs()}): a tenant's catalogs, {@code LOCAL} on a warehouse
 * or {@code FEDERATED} through a connector. Catalog names are unique per tenant.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own catalog (compare
 * source and properties with what was sent); {@code update} sets values and is safe to apply again;
 * a retried {@code delete} that fails with {@code NotFoundException} landed, with everything the
 * catalog held.
 */
public interface Catalogs {
  /**
   * Creates a catalog, and with it, atomically, its branch {@code main}.
   *
   * <p>A {@code LOCAL} catalog's warehouse must exist in the same tenant ({@code NotFoundException}
   * otherwise). Fails with {@code AlreadyExistsException} if the tenant has a catalog of that name,
   * never overwriting it.
   */
  CompletableFuture<Catalog> create(TenantId tenant, NewCatalog catalog);

  /** Reads a catalog by name; empty if the tenant has none of that name. */
  CompletableFuture<Optional<Catalog>> get(TenantId tenant, String name);

  /** Lists the tenant's catalogs by name in code-point order, keyset-paged. */
  CompletableFuture<Page<Catalog>> list(TenantId tenant, PageRequest page);

  /**
   * Changes a catalog's properties and (federated only) connector, and returns the result. A
   * connector given for a {@code LOCAL} catalog is a {@code PreconditionFailedException}.
   */
  CompletableFuture<Catalog> update(TenantId tenant, String name, CatalogUpdate update);

  /**
   * Deletes a catalog and, in one atomic step, all its branches, namespaces, assets and their
   * history, commits and tags, and every grant naming it. Fails with {@code NotFoundException} if
   * it does not exist.
   *
   * <p>On PostgreSQL the delete completes in a time that does not grow with the catalog's content
   * (the in-memory store drops the catalog in one step under its tenant's lock, and forgets its
   * assets' ids in the same step, in time proportional to their number). From the moment it
   * completes the catalog and all it held are gone for every method, and its name is free: a
   * catalog created under it at once is a new catalog that starts empty and never shows the old
   * one's content. A persistent backend may keep the deleted rows, unreachable, and remove them
   * afterwards in the background (the PostgreSQL store purges them in bounded batches; see its
   * README section "Deleting a tenant or a catalog").
   */
  CompletableFuture<Void> delete(TenantId tenant, String name);
}
