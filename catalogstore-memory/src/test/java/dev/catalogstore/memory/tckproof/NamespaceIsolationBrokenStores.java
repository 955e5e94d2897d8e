package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores that lose the tenant filter of the namespaces facet, on delete or for the system
 * tenant.
 */
final class NamespaceIsolationBrokenStores {
  private NamespaceIsolationBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(deletingInEveryTenant(), lettingTheSystemTenantSeeAll());
  }

  /** The tenant lost from the delete's {@code WHERE}: the same path goes in every tenant. */
  static BrokenStore deletingInEveryTenant() {
    return new BrokenStore(
        "namespace-delete-every-tenant",
        "namespaces.delete also deletes the same (empty) path in every other tenant",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        if (tenant != null) {
                          tenants.add(tenant);
                        }
                        return call.proceed();
                      })
                  .replace(
                      "delete",
                      2,
                      call ->
                          ((CompletableFuture<Void>) call.proceed())
                              .thenRun(
                                  () -> {
                                    for (TenantId other : tenants) {
                                      if (!other.equals(call.arg(0, TenantId.class))) {
                                        honest
                                            .delete(other, call.arg(1, NamespaceRef.class))
                                            .exceptionally(notThere -> null)
                                            .join();
                                      }
                                    }
                                  }))
                  .build());
        },
        List.of(
            test(
                "NamespaceIsolation",
                "isolationHoldsAfterANamespaceIsDeletedAndRecreatedAlsoForTheSystemTenant")));
  }

  /** A platform "admin bypass": reads under the system tenant see every tenant's namespaces. */
  static BrokenStore lettingTheSystemTenantSeeAll() {
    return new BrokenStore(
        "namespace-system-tenant-sees-all",
        "namespaces.get under the system tenant finds namespaces of every tenant",
        facets -> {
          Set<TenantId> tenants = ConcurrentHashMap.newKeySet();
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        if (tenant != null) {
                          tenants.add(tenant);
                        }
                        return call.proceed();
                      })
                  .replace(
                      "get",
                      2,
                      call ->
                          attempt(
                              () -> {
                                Optional<Namespace> found =
                                    (Optional<Namespace>) outcome(call.proceed());
                                if (found.isPresent()
                                    || !TenantId.SYSTEM.equals(call.arg(0, TenantId.class))) {
                                  return completedFuture(found);
                                }
                                for (TenantId tenant : tenants) {
                                  Optional<Namespace> theirs =
                                      join(honest.get(tenant, call.arg(1, NamespaceRef.class)));
                                  if (theirs.isPresent()) {
                                    return completedFuture(theirs);
                                  }
                                }
                                return completedFuture(found);
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceIsolation",
                "isolationHoldsAfterANamespaceIsDeletedAndRecreatedAlsoForTheSystemTenant")));
  }
}
