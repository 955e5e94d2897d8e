package dev.catalogstore.memory;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.tenant.Tenants;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenants in memory. Name uniqueness and the listing live in the {@link TenantRegistry}; a tenant's
 * own changes (rename, properties, deletion) run under that tenant's write lock.
 */
final class MemoryTenants implements Tenants {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryTenants(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Tenant> create(NewTenant tenant) {
    return Futures.supply(
        () -> {
          Requests.newTenant(tenant, "tenant");
          return registry.create(tenant.name(), tenant.properties(), Timestamps.now(clock));
        });
  }

  @Override
  public CompletableFuture<Optional<Tenant>> get(TenantId tenant) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          return registry.find(tenant, state -> Optional.of(state.tenant()));
        });
  }

  @Override
  public CompletableFuture<Page<Tenant>> list(PageRequest page) {
    return Futures.supply(
        () -> {
          ListQuery query = ListQuery.tenants();
          ListQuery.Cursor cursor = query.cursor(page);
          List<Tenant> fetched =
              registry.tenantsAfter(cursor.after()).limit(cursor.fetchSize()).toList();
          return query.page(fetched, cursor, Tenant::name);
        });
  }

  @Override
  public CompletableFuture<Tenant> update(TenantId tenant, TenantUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.tenantUpdate(update, "update");
          refuseSystem(tenant);
          return registry.write(
              tenant,
              state -> {
                Tenant current = state.tenant();
                Tenant next =
                    new Tenant(
                        current.id(),
                        update.name().orElse(current.name()),
                        StoredProperties.apply(
                            current.properties(), update.properties(), "update.properties"),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                registry.replace(state, next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          refuseSystem(tenant);
          return registry.write(
              tenant,
              state -> {
                registry.remove(state);
                return null;
              });
        });
  }

  private static void refuseSystem(TenantId tenant) {
    if (tenant.isSystem()) {
      throw new PreconditionFailedException("the system tenant cannot be changed or deleted");
    }
  }
}
