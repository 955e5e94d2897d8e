package dev.catalogstore.memory;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.catalog.NewCatalog;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Catalogs in memory. Creating a catalog creates its root commit and its branch {@code main} at it
 * in the same step, and deleting one drops its branches, tags, commits, namespaces, assets and
 * their history in one step: both run entirely under the tenant's write lock, so no reader sees
 * half of either.
 */
final class MemoryCatalogs implements Catalogs {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryCatalogs(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Catalog> create(TenantId tenant, NewCatalog catalog) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.newCatalog(catalog, "catalog");
          return registry.write(
              tenant,
              state -> {
                if (state.catalogs().containsKey(catalog.name())) {
                  throw Taken.catalog(catalog.name());
                }
                if (catalog.source() instanceof CatalogSource.Local local
                    && !state.warehouses().containsKey(local.warehouse())) {
                  throw Missing.warehouse(local.warehouse());
                }
                Instant now = Timestamps.now(clock);
                Catalog created =
                    new Catalog(
                        CatalogId.random(),
                        catalog.name(),
                        catalog.source(),
                        catalog.properties(),
                        now,
                        now);
                state.addCatalog(new CatalogState(created));
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Catalog>> get(TenantId tenant, String name) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          return registry.find(tenant, state -> state.catalog(name).map(CatalogState::catalog));
        });
  }

  @Override
  public CompletableFuture<Page<Catalog>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.catalogs(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                List<Catalog> fetched =
                    SortedReads.fetch(state.catalogs(), cursor).stream()
                        .map(CatalogState::catalog)
                        .toList();
                return query.page(fetched, cursor, Catalog::name);
              });
        });
  }

  @Override
  public CompletableFuture<Catalog> update(TenantId tenant, String name, CatalogUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(name, "name");
          Requests.catalogUpdate(update, "update");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(name);
                Catalog current = catalog.catalog();
                CatalogSource source = current.source();
                if (update.connector().isPresent()) {
                  if (current.type() != CatalogType.FEDERATED) {
                    throw new PreconditionFailedException(
                        "catalog '" + name + "' is not federated and takes no connector");
                  }
                  source = new CatalogSource.Federated(update.connector().get());
                }
                Catalog next =
                    new Catalog(
                        current.id(),
                        current.name(),
                        source,
                        StoredProperties.apply(
                            current.properties(), update.properties(), "update.properties"),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                catalog.replace(next);
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
                state.removeCatalog(state.requireCatalog(name));
                return null;
              });
        });
  }
}
