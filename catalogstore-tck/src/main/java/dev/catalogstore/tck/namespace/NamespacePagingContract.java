package dev.catalogstore.tck.namespace;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TenantScopedPagingSuite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code namespaces().list}, of the top level and of a namespace's children: the rules of
 * {@link TenantScopedPagingSuite}, and a token bound to its catalog and parent.
 */
public abstract class NamespacePagingContract extends TenantScopedPagingSuite {

  @Override
  protected List<PagedList> lists() {
    return List.of(
        new PagedList("TOP_LEVEL_NAMESPACES", () -> new NamespaceListing(newTenant(), false)),
        new PagedList("CHILD_NAMESPACES", () -> new NamespaceListing(newTenant(), true)));
  }

  @Test
  void aNamespacesTokenIsBoundToItsParent() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String parent : List.of("a", "b", "x", "y")) {
      newNamespaces(tenant, "cat", parent, "a");
      newNamespaces(tenant, "cat", parent, "b");
    }
    NamespaceRef x = NamespaceRef.of("cat", "x");
    String underX = tokenAfterFirst(store().namespaces().list(tenant, x, PageRequest.firstPage(1)));
    String underRoot =
        tokenAfterFirst(
            store().namespaces().list(tenant, NamespaceRef.root("cat"), PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.of("cat", "y"), PageRequest.nextPage(underX, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.root("cat"), PageRequest.nextPage(underX, 1)));
    assertInvalid(
        TOKEN, () -> store().namespaces().list(tenant, x, PageRequest.nextPage(underRoot, 1)));
  }

  @Test
  void aNamespacesTokenIsBoundToItsCatalog() {
    TenantId tenant = newTenant();
    for (String catalog : List.of("cat", "other")) {
      newLocalCatalog(tenant, catalog);
      newNamespaces(tenant, catalog, "a");
      newNamespaces(tenant, catalog, "b");
    }
    String token =
        tokenAfterFirst(
            store().namespaces().list(tenant, NamespaceRef.root("cat"), PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.root("other"), PageRequest.nextPage(token, 1)));
  }

  @Test
  void aNamespacesTokenTellsADottedSegmentFromTwoSegments() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    for (String child : List.of("c", "d")) {
      newNamespaces(tenant, "cat", "a.b", child);
      newNamespaces(tenant, "cat", "a", "b", child);
    }
    String dotted =
        tokenAfterFirst(
            store()
                .namespaces()
                .list(tenant, NamespaceRef.of("cat", "a.b"), PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.of("cat", "a", "b"), PageRequest.nextPage(dotted, 1)));
  }

  private final class NamespaceListing extends Listing {
    private final TenantId tenant;
    private final NamespaceRef parent;

    /** Top-level namespaces, or the children of a dotted namespace two levels down. */
    NamespaceListing(TenantId tenant, boolean children) {
      this.tenant = tenant;
      newLocalCatalog(tenant, "cat");
      this.parent =
          children
              ? newNamespaces(tenant, "cat", "parent.dotted", "p q")
              : NamespaceRef.root("cat");
    }

    @Override
    protected void create(String name) {
      await(store().namespaces().create(tenant, parent.child(name), Map.of()));
    }

    @Override
    protected void delete(String name) {
      await(store().namespaces().delete(tenant, parent.child(name)));
    }

    @Override
    protected CompletableFuture<Page<String>> readLater(PageRequest request) {
      return store()
          .namespaces()
          .list(tenant, parent, request)
          .thenApply(p -> names(p, (Namespace n) -> n.path().lastSegment()));
    }
  }
}
