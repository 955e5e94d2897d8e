package dev.catalogstore.api.tenant;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The tenants facet ({@code store.tenants()}): the units of isolation. Apart from {@link #create}
 * and {@link #list}, every method names the tenant it acts on first.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own tenant (compare it,
 * by name, with what was sent); a retried rename ({@code update} with a name) fails with {@code
 * NotFoundException} or {@code AlreadyExistsException} if it landed; a property update is safe to
 * apply again; a retried {@code delete} that fails with {@code NotFoundException} landed.
 */
public interface Tenants {
  /**
   * Creates a tenant with a fresh id.
   *
   * <p>Fails with {@code AlreadyExistsException} if a tenant (the system tenant included) has that
   * name; with {@code InvalidArgumentException} on {@code tenant}, {@code tenant.name} or {@code
   * tenant.properties} for bad input.
   */
  CompletableFuture<Tenant> create(NewTenant tenant);

  /** Reads a tenant; empty if it does not exist. {@link TenantId#SYSTEM} always exists. */
  CompletableFuture<Optional<Tenant>> get(TenantId tenant);

  /**
   * Lists tenants by name in code-point order, without the system tenant. Paging is keyset-based: a
   * tenant that exists throughout is returned exactly once.
   */
  CompletableFuture<Page<Tenant>> list(PageRequest page);

  /**
   * Renames a tenant and/or changes its properties, atomically, and returns the result.
   *
   * <p>Fails with {@code NotFoundException} if the tenant does not exist, {@code
   * AlreadyExistsException} if the new name is taken by another tenant, {@code
   * PreconditionFailedException} for the system tenant.
   */
  CompletableFuture<Tenant> update(TenantId tenant, TenantUpdate update);

  /**
   * Deletes a tenant and, in one atomic step, everything it owns: warehouses, catalogs, namespaces,
   * assets and their history, commits, branches and tags, users with their tokens and permissions,
   * roles, service users, settings. (Audit events, once recorded, are kept.)
   *
   * <p>On PostgreSQL the delete completes in a time that does not grow with its catalogs' content
   * (in memory it drops the tenant's state whole, in one step under the tenant's lock). From the
   * moment it completes the tenant and all it owned are gone for every method of every facet (a get
   * is empty, anything else under it is {@code NotFoundException} naming the tenant), except the
   * audit log, whose reads still answer with the events recorded before (see {@code AuditLog}), and
   * its name is free: a tenant created under it at once is a new tenant, with a new id, that starts
   * empty. A persistent backend may keep the deleted rows, unreachable, and remove them afterwards
   * in the background (the PostgreSQL store purges them in bounded batches; see its README section
   * "Deleting a tenant or a catalog").
   *
   * <p>Fails with {@code NotFoundException} if it does not exist, {@code
   * PreconditionFailedException} for the system tenant.
   */
  CompletableFuture<Void> delete(TenantId tenant);
}
