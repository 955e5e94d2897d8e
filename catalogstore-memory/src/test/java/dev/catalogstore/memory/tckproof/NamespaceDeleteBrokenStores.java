package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.children;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.joined;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.likePattern;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.parent;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.subtree;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Broken stores whose defect lives in {@code namespaces.delete}: it hits more than the namespace
 * named, or judges emptiness on look-alikes.
 */
final class NamespaceDeleteBrokenStores {
  private NamespaceDeleteBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        deletingByLikePattern(),
        deletingByLastSegment(),
        cascadingToChildren(),
        droppingAssetsOnDelete(),
        judgingEmptinessByPrefix());
  }

  /** {@code DELETE ... WHERE name LIKE :name}: {@code _} and {@code %} delete siblings too. */
  static BrokenStore deletingByLikePattern() {
    return new BrokenStore(
        "namespace-delete-by-like",
        "namespaces.delete matches the last segment with LIKE, deleting siblings it matches",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                Pattern pattern = likePattern(ref.path().lastSegment());
                                List<Namespace> matched =
                                    children(honest, tenant, parent(ref)).stream()
                                        .filter(
                                            n -> pattern.matcher(n.path().lastSegment()).matches())
                                        .toList();
                                if (matched.isEmpty()) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                for (Namespace namespace : matched) {
                                  join(honest.delete(tenant, namespace.ref()));
                                }
                                return completedFuture(null);
                              }))
                  .build());
        },
        List.of(
            test("NamespaceTree", "deleteRemovesExactlyTheNamedNamespace"),
            test("NamespaceInputRules", "everyMethodChangesExactlyTheNamespaceOfATrickyName")));
  }

  /** The parent forgotten in the delete's {@code WHERE}: every "b" of the catalog goes. */
  static BrokenStore deletingByLastSegment() {
    return new BrokenStore(
        "namespace-delete-by-last-segment",
        "namespaces.delete removes every namespace of the catalog with the same last segment",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                outcome(call.proceed());
                                for (Namespace namespace :
                                    subtree(honest, tenant, NamespaceRef.root(ref.catalog()))) {
                                  if (namespace
                                      .path()
                                      .lastSegment()
                                      .equals(ref.path().lastSegment())) {
                                    join(honest.delete(tenant, namespace.ref()));
                                  }
                                }
                                return completedFuture(null);
                              }))
                  .build());
        },
        List.of(test("NamespaceTree", "deleteRemovesExactlyTheNamedNamespace")));
  }

  /** {@code ON DELETE CASCADE} on the parent key: child namespaces go with their parent. */
  static BrokenStore cascadingToChildren() {
    return new BrokenStore(
        "namespace-delete-cascades",
        "namespaces.delete deletes the child namespaces instead of refusing",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                List<Namespace> below = subtree(honest, tenant, ref);
                                for (int i = below.size() - 1; i >= 0; i--) {
                                  join(honest.delete(tenant, below.get(i).ref()));
                                }
                                return (CompletableFuture<?>) call.proceed();
                              }))
                  .build());
        },
        List.of(
            test("NamespaceDelete", "deleteIsRefusedWhileTheNamespaceHasAChild"),
            test(
                "NamespaceCascades", "aNamespaceDeletionRefusedForAChildOrAnAssetChangesNothing")));
  }

  /** The assets' foreign key forgotten: a namespace's assets are dropped with it. */
  static BrokenStore droppingAssetsOnDelete() {
    return new BrokenStore(
        "namespace-delete-drops-assets",
        "namespaces.delete deletes the assets the namespace holds instead of refusing",
        facets -> {
          Namespaces honest = facets.namespaces();
          Assets assets = facets.assets();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                if (join(honest.get(tenant, ref)).isPresent()
                                    && children(honest, tenant, ref).isEmpty()) {
                                  for (Asset asset :
                                      allPages(
                                          page ->
                                              assets.list(
                                                  tenant,
                                                  BranchRef.main(ref.catalog()),
                                                  ref.path(),
                                                  page))) {
                                    join(assets.delete(tenant, asset.ref()));
                                  }
                                }
                                return (CompletableFuture<?>) call.proceed();
                              }))
                  .build());
        },
        List.of(test("NamespaceDelete", "deleteIsRefusedWhileTheNamespaceHoldsAnAsset")));
  }

  /**
   * Emptiness checked with {@code EXISTS (... WHERE path_string LIKE :path || '%')}: a sibling
   * whose name starts like the namespace counts as its content.
   */
  static BrokenStore judgingEmptinessByPrefix() {
    return new BrokenStore(
        "namespace-emptiness-by-prefix",
        "namespaces.delete refuses when any namespace's joined path starts like this one's",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "delete",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                Pattern prefix = likePattern(joined(ref.path()) + "%");
                                boolean lookAlike =
                                    join(honest.get(tenant, ref)).isPresent()
                                        && subtree(honest, tenant, NamespaceRef.root(ref.catalog()))
                                            .stream()
                                            .anyMatch(
                                                n ->
                                                    !n.path().equals(ref.path())
                                                        && prefix
                                                            .matcher(joined(n.path()))
                                                            .matches());
                                return lookAlike
                                    ? failedFuture(
                                        new PreconditionFailedException(
                                            "namespace " + ref + " is not empty"))
                                    : (CompletableFuture<?>) call.proceed();
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceTree", "emptinessIsJudgedOnTheNamespaceItselfNotOnNamesThatResembleIt")));
  }
}
