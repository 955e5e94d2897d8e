package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.children;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.joined;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.likePattern;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.parent;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.subtree;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Broken stores whose defect lives in {@code namespaces.list}: children found by string pattern
 * instead of by parent, pages announced after the last one, stale copies served.
 */
final class NamespaceListBrokenStores {
  private NamespaceListBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        listingByLikePrefix(),
        listingDescendants(),
        listingAcrossCatalogs(),
        announcingAPageAfterAnExactlyFullOne(),
        listingStaleProperties());
  }

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
                                Pattern prefix = likePattern(joined(parent.path()) + "%");
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
            test("NamespaceList", "listReturnsTheTopLevelForTheRootAndDirectChildrenOtherwise"),
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
                                for (Catalog catalog :
                                    allPages(page -> catalogs.list(tenant, page))) {
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
        List.of(
            test("NamespaceProperties", "everyFieldReadsBackThroughGetAndListAfterEveryChange")));
  }

  private static List<Namespace> sortedByPath(List<Namespace> namespaces) {
    return namespaces.stream()
        .sorted(Comparator.comparing((Namespace n) -> joined(n.path()), CodePointOrder.STRINGS))
        .toList();
  }
}
