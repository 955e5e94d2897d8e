package dev.catalogstore.memory;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Namespaces in memory, kept per catalog in a {@link NamespaceTree} so that listing the direct
 * children of a parent reads only those children.
 */
final class MemoryNamespaces implements Namespaces {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryNamespaces(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Namespace> create(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          Inputs.properties(properties, "properties");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(namespace.catalog());
                NamespaceTree tree = catalog.namespaces();
                catalog.requireNamespace(namespace.path().parent());
                if (tree.exists(namespace.path())) {
                  throw Taken.namespace(namespace);
                }
                Instant now = Timestamps.now(clock);
                Namespace created = new Namespace(namespace, properties, now, now);
                tree.put(created);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Namespace>> get(TenantId tenant, NamespaceRef namespace) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          return registry.find(
              tenant,
              state ->
                  state
                      .catalog(namespace.catalog())
                      .flatMap(catalog -> catalog.namespaces().get(namespace.path())));
        });
  }

  @Override
  public CompletableFuture<Page<Namespace>> list(
      TenantId tenant, NamespaceRef parent, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespaceOrRoot(parent, "parent");
          ListQuery query = ListQuery.namespaces(tenant, parent);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(parent.catalog());
                catalog.requireNamespace(parent.path());
                var children = catalog.namespaces().children(parent.path());
                List<Namespace> fetched = SortedReads.fetch(children, cursor);
                return query.page(fetched, cursor, namespace -> namespace.path().lastSegment());
              });
        });
  }

  @Override
  public CompletableFuture<Namespace> updateProperties(
      TenantId tenant, NamespaceRef namespace, PropertyUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          Inputs.propertyUpdate(update, "update");
          return changeProperties(
              tenant,
              namespace,
              current -> StoredProperties.apply(current.properties(), update, "update"));
        });
  }

  @Override
  public CompletableFuture<Namespace> replaceProperties(
      TenantId tenant, NamespaceRef namespace, Map<String, String> properties) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          Inputs.properties(properties, "properties");
          return changeProperties(tenant, namespace, current -> properties);
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, NamespaceRef namespace) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.namespace(namespace, "namespace");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(namespace.catalog());
                NamespacePath path = namespace.path();
                catalog.requireNamespace(path);
                if (catalog.namespaces().hasChildren(path)) {
                  throw new PreconditionFailedException(
                      "namespace " + namespace + " is not empty: it has child namespaces");
                }
                if (catalog.hasAssetsIn(path)) {
                  throw new PreconditionFailedException(
                      "namespace " + namespace + " is not empty: it holds assets");
                }
                catalog.namespaces().remove(path);
                return null;
              });
        });
  }

  /** Replaces an existing namespace's properties with what {@code next} makes of it. */
  private Namespace changeProperties(
      TenantId tenant, NamespaceRef namespace, Function<Namespace, Map<String, String>> next) {
    return registry.write(
        tenant,
        state -> {
          CatalogState catalog = state.requireCatalog(namespace.catalog());
          Namespace current =
              catalog
                  .namespaces()
                  .get(namespace.path())
                  .orElseThrow(() -> Missing.namespace(namespace));
          Namespace updated =
              new Namespace(
                  current.ref(),
                  next.apply(current),
                  current.createdAt(),
                  Timestamps.notBefore(clock, current.updatedAt()));
          catalog.namespaces().put(updated);
          return updated;
        });
  }
}
