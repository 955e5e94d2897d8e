package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

/**
 * Broken stores whose defect lives in the namespaces facet: listing by string or pattern instead of
 * by parent, lookups that fold or normalise names, property updates that replace or remove too
 * much, deletes that hit more than the namespace named or judge emptiness on look-alikes,
 * timestamps skipped for no-op writes, NotFound levels and validation order got wrong, and tenant
 * filters lost on delete or for the system tenant.
 *
 * <p>Each breakage simulates the bug over the honest in-memory facet, which completes its futures
 * at once, so the simulations may join them.
 */
final class NamespaceBrokenStores {
  private NamespaceBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        listingByLikePrefix(),
        listingDescendants(),
        listingAcrossCatalogs(),
        announcingAPageAfterAnExactlyFullOne(),
        listingStaleProperties(),
        caseInsensitiveLookups(),
        normalisingLookups(),
        replacingOnASetOnlyUpdate(),
        removingKeysByPrefix(),
        mergingOnReplace(),
        skippingNoOpUpdates(),
        replacingByDeleteAndInsert(),
        deletingByLikePattern(),
        deletingByLastSegment(),
        cascadingToChildren(),
        droppingAssetsOnDelete(),
        judgingEmptinessByPrefix(),
        reportingAMissingTenantAsACatalog(),
        checkingExistenceBeforeProperties(),
        resolvingTheParentBeforeThePage(),
        deletingInEveryTenant(),
        lettingTheSystemTenantSeeAll());
  }

  // ---------------------------------------------------------------------------------------------
  // list

  /**
   * {@code WHERE path_string LIKE :parent || '%' AND depth = :depth + 1}: the parent's joined path
   * is a string prefix (and an unescaped pattern), so a sibling whose name starts like the parent
   * (or that {@code _} matches) lends it its children.
   */
  static BrokenStore listingByLikePrefix() {
    return new BrokenStore(
        "namespace-list-by-like-prefix",
        "namespaces.list selects the next depth by LIKE on the joined parent path",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                Page<Namespace> page = (Page<Namespace>) outcome(call.proceed());
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef parent = call.arg(1, NamespaceRef.class);
                                if (parent.path().isRoot()) {
                                  return completedFuture(page);
                                }
                                Pattern prefix = like(joined(parent.path()) + "%");
                                return completedFuture(
                                    Page.last(
                                        sortedByPath(
                                            subtree(
                                                    honest,
                                                    tenant,
                                                    NamespaceRef.root(parent.catalog()))
                                                .stream()
                                                .filter(
                                                    n ->
                                                        n.path().depth()
                                                                == parent.path().depth() + 1
                                                            && prefix
                                                                .matcher(joined(n.path()))
                                                                .matches())
                                                .toList())));
                              }))
                  .build());
        },
        List.of(test("NamespaceTree", "listReturnsTheDirectChildrenOfTheParentAndNothingElse")));
  }

  /** The depth condition forgotten: every namespace below the parent is listed as its child. */
  static BrokenStore listingDescendants() {
    return new BrokenStore(
        "namespace-list-descendants",
        "namespaces.list returns every descendant of the parent, grandchildren included",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                outcome(call.proceed());
                                return completedFuture(
                                    Page.last(
                                        sortedByPath(
                                            subtree(
                                                honest,
                                                call.arg(0, TenantId.class),
                                                call.arg(1, NamespaceRef.class)))));
                              }))
                  .build());
        },
        List.of(
            test("Namespaces", "listReturnsTheTopLevelForTheRootAndDirectChildrenOtherwise"),
            test("NamespaceTree", "listReturnsTheDirectChildrenOfTheParentAndNothingElse")));
  }

  /** The catalog dropped from the children query: the same parent path in every catalog counts. */
  static BrokenStore listingAcrossCatalogs() {
    return new BrokenStore(
        "namespace-list-across-catalogs",
        "namespaces.list returns the children of the parent's path in every catalog of the tenant",
        facets -> {
          Namespaces honest = facets.namespaces();
          Catalogs catalogs = facets.catalogs();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                outcome(call.proceed());
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef parent = call.arg(1, NamespaceRef.class);
                                List<Namespace> children = new ArrayList<>();
                                for (Catalog catalog : all(page -> catalogs.list(tenant, page))) {
                                  try {
                                    children.addAll(
                                        children(
                                            honest,
                                            tenant,
                                            new NamespaceRef(catalog.name(), parent.path())));
                                  } catch (CompletionException absentThere) {
                                    // the parent's path does not exist in that catalog
                                  }
                                }
                                children.sort(
                                    Comparator.comparing(
                                        (Namespace n) -> n.path().lastSegment(),
                                        CodePointOrder.STRINGS));
                                return completedFuture(Page.last(children));
                              }))
                  .build());
        },
        List.of(test("NamespaceTree", "listReturnsTheDirectChildrenOfTheParentAndNothingElse")));
  }

  /**
   * "More follow" decided by counting the parent's whole subtree: a page that holds exactly the
   * remaining children still gets a next-page token when the tree goes deeper.
   */
  static BrokenStore announcingAPageAfterAnExactlyFullOne() {
    return new BrokenStore(
        "namespace-full-page-token",
        "namespaces.list announces a next page after an exactly full last page when deeper"
            + " namespaces exist",
        facets -> {
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                Page<Namespace> page = (Page<Namespace>) outcome(call.proceed());
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef parent = call.arg(1, NamespaceRef.class);
                                PageRequest request = call.arg(2, PageRequest.class);
                                List<Namespace> items = page.items();
                                if (page.nextPageToken().isPresent()
                                    || items.isEmpty()
                                    || items.size()
                                        < Math.min(request.limit(), PageRequest.MAX_LIMIT)
                                    || subtree(honest, tenant, parent).size()
                                        <= children(honest, tenant, parent).size()) {
                                  return completedFuture(page);
                                }
                                ListQuery query = ListQuery.namespaces(tenant, parent);
                                List<Namespace> padded = new ArrayList<>(items);
                                padded.add(items.get(items.size() - 1));
                                return completedFuture(
                                    query.page(
                                        padded,
                                        query.cursor(request),
                                        n -> n.path().lastSegment()));
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceTree",
                "anExactlyFullLastPageOfChildrenHasNoTokenWhateverLiesDeeperOrBeside")));
  }

  /** A children index filled on create and never refreshed: lists show the namespace as created. */
  static BrokenStore listingStaleProperties() {
    return new BrokenStore(
        "namespace-stale-list",
        "namespaces.list serves each namespace as it was created, missing later property changes",
        facets -> {
          record Key(TenantId tenant, NamespaceRef ref) {}
          Map<Key, Namespace> asCreated = new ConcurrentHashMap<>();
          Namespaces honest = facets.namespaces();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Namespace>) call.proceed())
                              .thenApply(
                                  created -> {
                                    asCreated.put(
                                        new Key(call.arg(0, TenantId.class), created.ref()),
                                        created);
                                    return created;
                                  }))
                  .replace(
                      "delete",
                      2,
                      call ->
                          ((CompletableFuture<Void>) call.proceed())
                              .thenRun(
                                  () ->
                                      asCreated.remove(
                                          new Key(
                                              call.arg(0, TenantId.class),
                                              call.arg(1, NamespaceRef.class)))))
                  .replace(
                      "list",
                      3,
                      call ->
                          ((CompletableFuture<Page<Namespace>>) call.proceed())
                              .thenApply(
                                  page ->
                                      new Page<>(
                                          page.items().stream()
                                              .map(
                                                  n ->
                                                      asCreated.getOrDefault(
                                                          new Key(
                                                              call.arg(0, TenantId.class), n.ref()),
                                                          n))
                                              .toList(),
                                          page.nextPageToken())))
                  .build());
        },
        List.of(test("Namespaces", "everyFieldReadsBackThroughGetAndListAfterEveryChange")));
  }

  // ---------------------------------------------------------------------------------------------
  // exact names

  /** A {@code citext} column, or {@code lower(name) = lower(:name)}: lookups ignore case. */
  static BrokenStore caseInsensitiveLookups() {
    return lookAlikeLookups(
        "namespace-case-insensitive",
        "namespace lookups match a last segment that differs only in case",
        String::equalsIgnoreCase);
  }

  /** Names normalised to NFC on lookup (but stored as given): "e\u0301" finds "é". */
  static BrokenStore normalisingLookups() {
    return lookAlikeLookups(
        "namespace-nfc-lookup",
        "namespace lookups match a last segment that differs only in its Unicode normal form",
        (stored, asked) ->
            Normalizer.normalize(stored, Normalizer.Form.NFC)
                .equals(Normalizer.normalize(asked, Normalizer.Form.NFC)));
  }

  private static BrokenStore lookAlikeLookups(
      String name, String defect, BiPredicate<String, String> same) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Namespaces honest = facets.namespaces();
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, honest);
          for (String method : List.of("get", "delete")) {
            broken.replace(
                method,
                2,
                call ->
                    call.proceed(
                        call.arg(0, Object.class),
                        resolve(
                            honest,
                            call.arg(0, TenantId.class),
                            call.arg(1, NamespaceRef.class),
                            same)));
          }
          for (String method : List.of("updateProperties", "replaceProperties")) {
            broken.replace(
                method,
                3,
                call ->
                    call.proceed(
                        call.arg(0, Object.class),
                        resolve(
                            honest,
                            call.arg(0, TenantId.class),
                            call.arg(1, NamespaceRef.class),
                            same),
                        call.arg(2, Object.class)));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(test("NamespaceInputRules", "noMethodFindsANamespaceByADifferentlyWrittenName")));
  }

  // ---------------------------------------------------------------------------------------------
  // properties

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
        List.of(test("Namespaces", "aSetOnlyUpdateKeepsEveryKeyItDoesNotName")));
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
                                  Pattern pattern = like(key + "%");
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
        List.of(test("Namespaces", "aRemoveOnlyUpdateRemovesExactlyTheNamedKeys")));
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
            test("Namespaces", "replacePropertiesReplacesTheWholeMap"),
            test("Namespaces", "replacePropertiesKeepsNothingOfTheOldMapAndReadsBackEverywhere")));
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

  // ---------------------------------------------------------------------------------------------
  // delete

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
                                Pattern pattern = like(ref.path().lastSegment());
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
            test("Namespaces", "deleteIsRefusedWhileTheNamespaceHasAChild"),
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
                                      all(
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
        List.of(test("Namespaces", "deleteIsRefusedWhileTheNamespaceHoldsAnAsset")));
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
                                Pattern prefix = like(joined(ref.path()) + "%");
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

  // ---------------------------------------------------------------------------------------------
  // missing things and validation order

  /** A store that never checks the tenant: under a missing one, the catalog is "missing". */
  static BrokenStore reportingAMissingTenantAsACatalog() {
    return new BrokenStore(
        "namespace-missing-tenant-as-catalog",
        "namespace writes and lists under a missing tenant report the catalog as missing",
        facets -> {
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, facets.namespaces());
          for (String method :
              List.of("create", "list", "updateProperties", "replaceProperties", "delete")) {
            broken.replace(
                method,
                method.equals("delete") ? 2 : 3,
                call ->
                    ((CompletableFuture<?>) call.proceed())
                        .exceptionallyCompose(
                            failure -> {
                              Throwable cause =
                                  failure instanceof CompletionException
                                      ? failure.getCause()
                                      : failure;
                              return cause instanceof NotFoundException notFound
                                      && notFound.missing() == ObjectType.TENANT
                                  ? failedFuture(
                                      new NotFoundException(ObjectType.CATALOG, "no catalog"))
                                  : failedFuture(cause);
                            }));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(
            test("Namespaces", "notFoundSaysWhetherTheTenantTheCatalogOrTheNamespaceIsMissing")));
  }

  /** Properties checked by the database after the row was found, so absence is reported first. */
  static BrokenStore checkingExistenceBeforeProperties() {
    return new BrokenStore(
        "namespace-existence-before-validation",
        "namespaces.updateProperties and replaceProperties look the namespace up before"
            + " validating the properties",
        facets -> {
          Namespaces honest = facets.namespaces();
          Intercept<Namespaces> broken = Intercept.facet(Namespaces.class, honest);
          for (String method : List.of("updateProperties", "replaceProperties")) {
            broken.replace(
                method,
                3,
                call ->
                    attempt(
                        () -> {
                          Optional<Namespace> found;
                          try {
                            found =
                                join(
                                    honest.get(
                                        call.arg(0, TenantId.class),
                                        call.arg(1, NamespaceRef.class)));
                          } catch (CompletionException badAddress) {
                            return (CompletableFuture<?>) call.proceed();
                          }
                          return found.isEmpty()
                              ? failedFuture(
                                  new NotFoundException(ObjectType.NAMESPACE, "no namespace"))
                              : (CompletableFuture<?>) call.proceed();
                        }));
          }
          return facets.withNamespaces(broken.build());
        },
        List.of(
            test(
                "NamespaceInputRules",
                "everyMethodReportsBadInputBeforeAMissingTenantCatalogOrNamespace")));
  }

  /** The parent resolved first, the page request validated only when there is a page to read. */
  static BrokenStore resolvingTheParentBeforeThePage() {
    return new BrokenStore(
        "namespace-list-parent-before-page",
        "namespaces.list reports a missing parent before a bad page request",
        facets -> {
          Namespaces honest = facets.namespaces();
          Catalogs catalogs = facets.catalogs();
          return facets.withNamespaces(
              Intercept.facet(Namespaces.class, honest)
                  .replace(
                      "list",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                NamespaceRef parent = call.arg(1, NamespaceRef.class);
                                boolean exists;
                                try {
                                  exists =
                                      parent.path().isRoot()
                                          ? join(catalogs.get(tenant, parent.catalog())).isPresent()
                                          : join(honest.get(tenant, parent)).isPresent();
                                } catch (RuntimeException badAddress) {
                                  return (CompletableFuture<?>) call.proceed();
                                }
                                return exists
                                    ? (CompletableFuture<?>) call.proceed()
                                    : failedFuture(
                                        new NotFoundException(ObjectType.NAMESPACE, "no parent"));
                              }))
                  .build());
        },
        List.of(
            test(
                "NamespaceInputRules",
                "everyMethodReportsBadInputBeforeAMissingTenantCatalogOrNamespace")));
  }

  // ---------------------------------------------------------------------------------------------
  // isolation

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

  // ---------------------------------------------------------------------------------------------
  // helpers of the simulations

  /** A broken method's body, which may proceed to the honest facet. */
  @FunctionalInterface
  private interface Simulation {
    CompletableFuture<?> run() throws Throwable;
  }

  /** Runs a simulation, turning what it throws into a failed future as a store must. */
  private static CompletableFuture<?> attempt(Simulation simulation) {
    try {
      return simulation.run();
    } catch (CompletionException e) {
      return failedFuture(e.getCause());
    } catch (Throwable e) {
      return failedFuture(e);
    }
  }

  private static <T> T join(CompletableFuture<T> future) {
    return future.join();
  }

  /** The value of the future an intercepted call proceeded to. */
  @SuppressWarnings("unchecked")
  private static <T> T outcome(Object proceeded) {
    return ((CompletableFuture<T>) proceeded).join();
  }

  private static <T> List<T> all(
      java.util.function.Function<PageRequest, CompletableFuture<Page<T>>> list) {
    List<T> items = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<T> page = list.apply(request).join();
      items.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return items;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), PageRequest.MAX_LIMIT);
    }
  }

  private static List<Namespace> children(Namespaces honest, TenantId tenant, NamespaceRef parent) {
    return all(page -> honest.list(tenant, parent, page));
  }

  /** Every namespace below {@code from}, breadth first. */
  private static List<Namespace> subtree(Namespaces honest, TenantId tenant, NamespaceRef from) {
    List<Namespace> below = new ArrayList<>();
    Deque<NamespaceRef> parents = new ArrayDeque<>(List.of(from));
    while (!parents.isEmpty()) {
      for (Namespace child : children(honest, tenant, parents.removeFirst())) {
        below.add(child);
        parents.addLast(child.ref());
      }
    }
    return below;
  }

  private static NamespaceRef parent(NamespaceRef ref) {
    return new NamespaceRef(ref.catalog(), ref.path().parent());
  }

  /** {@code ref}, or the sibling whose last segment {@code same} takes for it. */
  private static NamespaceRef resolve(
      Namespaces honest, TenantId tenant, NamespaceRef ref, BiPredicate<String, String> same) {
    try {
      Optional<Namespace> exact = join(honest.get(tenant, ref));
      if (exact.isPresent()) {
        return ref;
      }
      for (Namespace sibling : children(honest, tenant, parent(ref))) {
        if (same.test(sibling.path().lastSegment(), ref.path().lastSegment())) {
          return sibling.ref();
        }
      }
    } catch (RuntimeException badOrMissing) {
      // the honest call reports it
    }
    return ref;
  }

  private static List<Namespace> sortedByPath(List<Namespace> namespaces) {
    return namespaces.stream()
        .sorted(Comparator.comparing((Namespace n) -> joined(n.path()), CodePointOrder.STRINGS))
        .toList();
  }

  /** The path as a backend that stores it as one string would: segments joined with "/". */
  private static String joined(NamespacePath path) {
    return String.join("/", path.segments());
  }

  /** An unescaped SQL {@code LIKE} pattern as a regular expression. */
  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    pattern
        .codePoints()
        .forEach(
            c ->
                regex.append(
                    switch (c) {
                      case '%' -> ".*";
                      case '_' -> ".";
                      default -> Pattern.quote(Character.toString(c));
                    }));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
