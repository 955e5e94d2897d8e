package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a namespace method reports when something is missing: {@code NotFoundException}
 * saying whether the tenant, the catalog or the namespace is missing.
 */
public abstract class NamespaceNotFoundContract extends NamespaceSuite {
  /**
   * {@link NotFoundException#missing()} names the outermost missing thing for every method that
   * fails on absence: the tenant, else the catalog, else the namespace (the one named, or the
   * parent a create or a list needs).
   */
  @Test
  void notFoundSaysWhetherTheTenantTheCatalogOrTheNamespaceIsMissing() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a");
    TenantId noTenant = TenantId.random();
    PropertyUpdate set = PropertyUpdate.setting("k", "v");
    PageRequest page = PageRequest.firstPage();
    NamespaceRef inNoCatalog = NamespaceRef.of("nocat", "a");
    NamespaceRef noNamespace = NamespaceRef.of("cat", "b");
    NamespaceRef underNoParent = NamespaceRef.of("cat", "a", "b", "c");

    for (NamespaceRef ref : List.of(NamespaceRef.of("cat", "a"), inNoCatalog, underNoParent)) {
      assertMissing(
          ObjectType.TENANT,
          () -> store().namespaces().create(noTenant, ref.child("new"), Map.of()));
      assertMissing(ObjectType.TENANT, () -> store().namespaces().list(noTenant, ref, page));
      assertMissing(
          ObjectType.TENANT, () -> store().namespaces().updateProperties(noTenant, ref, set));
      assertMissing(
          ObjectType.TENANT, () -> store().namespaces().replaceProperties(noTenant, ref, Map.of()));
      assertMissing(ObjectType.TENANT, () -> store().namespaces().delete(noTenant, ref));
    }
    assertMissing(
        ObjectType.TENANT,
        () -> store().namespaces().list(noTenant, NamespaceRef.root("cat"), page));

    assertMissing(
        ObjectType.CATALOG, () -> store().namespaces().create(tenant, inNoCatalog, Map.of()));
    assertMissing(
        ObjectType.CATALOG,
        () -> store().namespaces().create(tenant, inNoCatalog.child("b"), Map.of()));
    assertMissing(
        ObjectType.CATALOG,
        () -> store().namespaces().list(tenant, NamespaceRef.root("nocat"), page));
    assertMissing(ObjectType.CATALOG, () -> store().namespaces().list(tenant, inNoCatalog, page));
    assertMissing(
        ObjectType.CATALOG, () -> store().namespaces().updateProperties(tenant, inNoCatalog, set));
    assertMissing(
        ObjectType.CATALOG,
        () -> store().namespaces().replaceProperties(tenant, inNoCatalog, Map.of()));
    assertMissing(ObjectType.CATALOG, () -> store().namespaces().delete(tenant, inNoCatalog));

    for (NamespaceRef ref : List.of(noNamespace, underNoParent)) {
      assertMissing(
          ObjectType.NAMESPACE,
          () -> store().namespaces().create(tenant, ref.child("new"), Map.of()));
      assertMissing(ObjectType.NAMESPACE, () -> store().namespaces().list(tenant, ref, page));
      assertMissing(
          ObjectType.NAMESPACE, () -> store().namespaces().updateProperties(tenant, ref, set));
      assertMissing(
          ObjectType.NAMESPACE,
          () -> store().namespaces().replaceProperties(tenant, ref, Map.of()));
      assertMissing(ObjectType.NAMESPACE, () -> store().namespaces().delete(tenant, ref));
    }
    assertMissing(
        ObjectType.NAMESPACE, () -> store().namespaces().create(tenant, underNoParent, Map.of()));

    assertThat(listChildren(tenant, NamespaceRef.root("cat"))).containsExactly(path("a"));
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a"))).isEmpty();
  }

  @Test
  void everyNamespaceWriteAndListUnderAMissingTenantIsNotFound() {
    TenantId missing = TenantId.random();
    TenantId deleted = newTenant();
    newLocalCatalog(deleted, "cat");
    newNamespaces(deleted, "cat", "ns");
    await(store().tenants().delete(deleted));
    NamespaceRef ref = NamespaceRef.of("cat", "ns");

    for (TenantId tenant : new TenantId[] {missing, deleted}) {
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().create(tenant, NamespaceRef.of("cat", "other"), Map.of()));
      assertFails(
          NotFoundException.class,
          () ->
              store().namespaces().updateProperties(tenant, ref, PropertyUpdate.setting("k", "v")));
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().replaceProperties(tenant, ref, Map.of()));
      assertFails(NotFoundException.class, () -> store().namespaces().delete(tenant, ref));
      assertFails(
          NotFoundException.class,
          () ->
              store().namespaces().list(tenant, NamespaceRef.root("cat"), PageRequest.firstPage()));
      assertThat(await(store().namespaces().get(tenant, ref))).isEmpty();
    }
  }

  private static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    assertThat(assertFails(NotFoundException.class, call).missing())
        .as("what the NotFoundException says is missing")
        .isEqualTo(missing);
  }
}
