package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.likePattern;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.tenant.TenantId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

/**
 * Broken stores whose defect lives in namespace property updates and replacements: too much
 * replaced or removed, merges for replaces, and timestamps skipped or reset.
 */
final class NamespacePropertyBrokenStores {
  private NamespacePropertyBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        replacingOnASetOnlyUpdate(),
        removingKeysByPrefix(),
        mergingOnReplace(),
        skippingNoOpUpdates(),
        replacingByDeleteAndInsert());
  }

  /** A "fast path" for updates without removals that writes the keys to set as the whole map. */
  static BrokenStore replacingOnASetOnlyUpdate() {
    return new BrokenStore(
        "namespace-set-only-replaces",
        "namespaces.updateProperties with keys to set and none to remove replaces the whole map",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call -> {
                        PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                        return update != null
                                && update.set() != null
                                && !update.set().isEmpty()
                                && update.remove() != null
                                && update.remove().isEmpty()
                            ? honest.replaceProperties(
                                call.arg(0, TenantId.class),
                                call.arg(1, NamespaceRef.class),
                                update.set())
                            : call.proceed();
                      })
                  .build());
        },
        List.of(test("NamespaceProperties", "aSetOnlyUpdateKeepsEveryKeyItDoesNotName")));
  }

  /** Properties in a key/value table, removed by {@code DELETE ... WHERE key LIKE :key || '%'}. */
  static BrokenStore removingKeysByPrefix() {
    return new BrokenStore(
        "namespace-remove-by-key-prefix",
        "namespaces.updateProperties removes every key that starts like (LIKE) a key to remove",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                                Optional<Namespace> current = join(honest.get(tenant, ref));
                                if (current.isEmpty() || update.remove().isEmpty()) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                Set<String> removed = new LinkedHashSet<>(update.remove());
                                for (String key : update.remove()) {
                                  Pattern pattern = likePattern(key + "%");
                                  current.get().properties().keySet().stream()
                                      .filter(
                                          k ->
                                              pattern.matcher(k).matches()
                                                  && !update.set().containsKey(k))
                                      .forEach(removed::add);
                                }
                                return honest.updateProperties(
                                    tenant, ref, new PropertyUpdate(update.set(), removed));
                              }))
                  .build());
        },
        List.of(test("NamespaceProperties", "aRemoveOnlyUpdateRemovesExactlyTheNamedKeys")));
  }

  /** Replace written as a JSON merge ({@code properties || :new}): old keys survive. */
  static BrokenStore mergingOnReplace() {
    return new BrokenStore(
        "namespace-replace-merges",
        "namespaces.replaceProperties merges the new map into the old one",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "replaceProperties",
                      3,
                      call -> {
                        Map<String, String> properties = call.arg(2, Map.class);
                        return properties == null
                            ? call.proceed()
                            : honest.updateProperties(
                                call.arg(0, TenantId.class),
                                call.arg(1, NamespaceRef.class),
                                PropertyUpdate.setting(properties));
                      })
                  .build());
        },
        List.of(
            test("NamespaceProperties", "replacePropertiesReplacesTheWholeMap"),
            test(
                "NamespaceProperties",
                "replacePropertiesKeepsNothingOfTheOldMapAndReadsBackEverywhere")));
  }

  /** "Nothing changes, skip the UPDATE": an update that leaves the map as it is moves no time. */
  static BrokenStore skippingNoOpUpdates() {
    return new BrokenStore(
        "namespace-no-op-update-unstamped",
        "namespaces.updateProperties skips the write, and updatedAt, when the map would not change",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call ->
                          attempt(
                              () -> {
                                PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                                Optional<Namespace> current =
                                    join(
                                        honest.get(
                                            call.arg(0, TenantId.class),
                                            call.arg(1, NamespaceRef.class)));
                                if (current.isPresent()
                                    && update.set() != null
                                    && update.remove() != null
                                    && update
                                        .applyTo(current.get().properties())
                                        .equals(current.get().properties())) {
                                  return completedFuture(current.get());
                                }
                                return (CompletableFuture<?>) call.proceed();
                              }))
                  .build());
        },
        List.of(
            test("NamespaceTime", "everyFormOfUpdatePropertiesMovesUpdatedAtAndKeepsCreatedAt")));
  }

  /** Replace as {@code DELETE} then {@code INSERT}: the namespace is born again, createdAt too. */
  static BrokenStore replacingByDeleteAndInsert() {
    return new BrokenStore(
        "namespace-replace-resets-created-at",
        "namespaces.replaceProperties deletes and re-inserts the namespace, resetting createdAt",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "replaceProperties",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef ref = call.arg(1, NamespaceRef.class);
                                try {
                                  join(honest.delete(tenant, ref));
                                } catch (CompletionException notEmptyOrMissing) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                return honest.create(tenant, ref, call.arg(2, Map.class));
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceTime",
                "replacePropertiesMovesUpdatedAtAndKeepsCreatedAtAlsoForTheSameMap")));
  }
}
