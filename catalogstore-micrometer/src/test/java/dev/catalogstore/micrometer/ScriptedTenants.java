package dev.catalogstore.micrometer;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.tenant.Tenants;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A {@link Tenants} facet whose every method answers what the test scripted: a future the test
 * completes when it wants, a failure, a synchronous throw, or null, as a broken backend might.
 */
final class ScriptedTenants implements Tenants {
  private volatile Supplier<CompletableFuture<?>> answer;

  /** Every later call returns what {@code next} returns, or throws what it throws. */
  void answer(Supplier<CompletableFuture<?>> next) {
    this.answer = next;
  }

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> next() {
    return (CompletableFuture<T>) answer.get();
  }

  @Override
  public CompletableFuture<Tenant> create(NewTenant tenant) {
    return next();
  }

  @Override
  public CompletableFuture<Optional<Tenant>> get(TenantId tenant) {
    return next();
  }

  @Override
  public CompletableFuture<Page<Tenant>> list(PageRequest page) {
    return next();
  }

  @Override
  public CompletableFuture<Tenant> update(TenantId tenant, TenantUpdate update) {
    return next();
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant) {
    return next();
  }
}
