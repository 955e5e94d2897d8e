package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code namespaces().list}: the top level for the root and the direct children
 * otherwise, each equal to what {@code get} returns; a missing parent or catalog is not found.
 *
 * <p>The paging of {@code namespaces().list} is specified by {@link NamespacePagingContract}, bad
 * input by {@link NamespaceInputRulesContract}.
 */
public abstract class NamespaceListContract extends NamespaceSuite {
  @Test
  void listReturnsTheTopLevelForTheRootAndDirectChildrenOtherwise() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a", "a1", "a11");
    newNamespaces(tenant, "cat", "a", "a2");
    newNamespaces(tenant, "cat", "b", "b1");

    assertThat(listChildren(tenant, NamespaceRef.root("cat")))
        .containsExactly(path("a"), path("b"));
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a")))
        .containsExactly(path("a", "a1"), path("a", "a2"));
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a", "a1")))
        .containsExactly(path("a", "a1", "a11"));
  }

  @Test
  void listOfALeafIsEmpty() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a", "leaf");

    assertThat(
            await(
                    store()
                        .namespaces()
                        .list(tenant, NamespaceRef.of("cat", "a", "leaf"), PageRequest.firstPage()))
                .items())
        .isEmpty();
  }

  @Test
  void listedNamespacesEqualWhatGetReturns() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a");
    Namespace first =
        await(
            store()
                .namespaces()
                .create(tenant, NamespaceRef.of("cat", "a", "x"), Map.of("k", "1")));
    Namespace second =
        await(
            store()
                .namespaces()
                .create(tenant, NamespaceRef.of("cat", "a", "y"), Map.of("k", "2")));

    assertThat(
            await(
                    store()
                        .namespaces()
                        .list(tenant, NamespaceRef.of("cat", "a"), PageRequest.firstPage()))
                .items())
        .containsExactly(first, second);
  }

  @Test
  void listOfAMissingParentOrCatalogIsNotFound() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a");

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.of("cat", "b"), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .namespaces()
                .list(tenant, NamespaceRef.of("cat", "a", "b"), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () ->
            store().namespaces().list(tenant, NamespaceRef.root("other"), PageRequest.firstPage()));
  }
}
