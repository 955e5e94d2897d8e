package dev.catalogstore.api.namespace;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The namespaces facet ({@code store.namespaces()}): the hierarchical namespaces of a catalog. A
 * namespace is addressed by its catalog and its path of segments; any printable character,
 * including {@code .}, is allowed inside a segment and kept exactly.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own namespace (compare
 * its properties); {@code updateProperties} and {@code replaceProperties} set values and are safe
 * to apply again; a retried {@code delete} that fails with {@code NotFoundException} landed.
 */
public interface Namespaces {
  /**
   * Creates a namespace. Its parent must exist (a top-level namespace needs only the catalog):
   * {@code NotFoundException} otherwise. Fails with {@code AlreadyExistsException} if it exists,
   * never overwriting it; with {@code InvalidArgumentException} on {@code namespace.path} for the
   * root.
   */
  CompletableFuture<Namespace> create(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties);

  /** Reads a namespace; empty if it (or its catalog) does not exist in the tenant. */
  CompletableFuture<Optional<Namespace>> get(TenantId tenant, NamespaceRef namespace);

  /**
   * Lists the direct children of {@code parent} (the catalog's top level for {@link
   * NamespacePath#ROOT}), ordered by last segment in code-point order, keyset-paged. Fails with
   * {@code NotFoundException} if the catalog or a non-root parent does not exist.
   */
  CompletableFuture<Page<Namespace>> list(TenantId tenant, NamespaceRef parent, PageRequest page);

  /** Sets and removes property keys atomically and returns the result. Keys not named are kept. */
  CompletableFuture<Namespace> updateProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update);

  /** Replaces all properties with {@code properties} and returns the result. */
  CompletableFuture<Namespace> replaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties);

  /**
   * Deletes an empty namespace. Fails with {@code PreconditionFailedException} while it has a child
   * namespace or holds an asset on any branch, {@code NotFoundException} if it does not exist.
   */
  CompletableFuture<Void> delete(TenantId tenant, NamespaceRef namespace);
}
