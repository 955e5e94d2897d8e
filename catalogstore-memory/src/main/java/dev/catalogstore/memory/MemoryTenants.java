package dev.catalogstore.memory;

import dev.catalogstore.api.common.Timestamps;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantOperations;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.validation.Requests;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tenants in memory. Name uniqueness and the listing live in the {@link TenantRegistry}; a
 * tenant's own changes (rename, properties, deletion) run under that tenant's write lock.
 */
final class MemoryTenants implements TenantOperations {
  private static final Listing TENANTS = new Listing(TenantId.SYSTEM, "tenants", List.of());

  private final TenantRegistry registry;
  private final Clock clock;

  MemoryTenants(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Tenant> createTenant(NewTenant tenant) {
    return Futures.supply(
        () -> {
          Requests.newTenant(tenant, "tenant");
          return registry.create(tenant.name(), tenant.properties(), Timestamps.now(clock));
        });
  }

  @Override
  public CompletableFuture<Optional<Tenant>> getTenant(TenantId tenant) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          return registry.find(tenant, state -> Optional.of(state.tenant()));
        });
  }

  @Override
  public CompletableFuture<Page<Tenant>> listTenants(PageRequest page) {
    return Futures.supply(
        () -> {
          int limit = Listing.limit(page);
          Optional<String> after = TENANTS.after(page);
          List<Tenant> fetched = registry.tenantsAfter(after).limit(limit + 1L).toList();
          return TENANTS.page(fetched, limit, Tenant::name);
        });
  }

  @Override
  public CompletableFuture<Tenant> updateTenant(TenantId tenant, TenantUpdate update) {
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
                        update.properties().applyTo(current.properties()),
                        current.createdAt(),
                        Timestamps.now(clock));
                registry.replace(state, next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> deleteTenant(TenantId tenant) {
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
