package dev.catalogstore.tck.namespace;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.Race;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies how namespaces are created and read: they form a tree in their catalog (a parent must
 * exist, a dotted segment is one segment, the root is only a parent); an existing namespace is
 * never overwritten; a missing one reads as empty; of concurrent creates exactly one wins.
 *
 * <p>The paging of {@code namespaces().list} is specified by {@link NamespacePagingContract}, bad
 * input by {@link NamespaceInputRulesContract}.
 */
public abstract class NamespaceCreateContract extends NamespaceSuite {
  @Test
  void createReturnsTheNamespaceAndItReadsBackEqual() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "sales");

    Namespace created = await(store().namespaces().create(tenant, ref, Map.of("owner", "sales")));

    assertThat(created.ref()).isEqualTo(ref);
    assertThat(created.properties()).isEqualTo(Map.of("owner", "sales"));
    assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().namespaces().get(tenant, ref))).contains(created);
    assertThat(await(peerStore().namespaces().get(tenant, ref))).contains(created);
  }

  @Test
  void aNestedNamespaceIsCreatedUnderItsExistingParent() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a", "b");
    NamespaceRef ref = NamespaceRef.of("cat", "a", "b", "c");

    Namespace created = await(store().namespaces().create(tenant, ref, Map.of()));

    assertThat(created.path()).isEqualTo(path("a", "b", "c"));
    assertThat(await(store().namespaces().get(tenant, ref))).contains(created);
  }

  @Test
  void createNeedsTheParentNamespace() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a");

    assertFails(
        NotFoundException.class,
        () -> store().namespaces().create(tenant, NamespaceRef.of("cat", "a", "b", "c"), Map.of()));
    assertFails(
        NotFoundException.class,
        () -> store().namespaces().create(tenant, NamespaceRef.of("cat", "x", "y"), Map.of()));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "a", "b")))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "x")))).isEmpty();
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a"))).isEmpty();
  }

  @Test
  void createNeedsTheCatalog() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");

    assertFails(
        NotFoundException.class,
        () -> store().namespaces().create(tenant, NamespaceRef.of("other", "ns"), Map.of()));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("other", "ns")))).isEmpty();
  }

  @Test
  void createRefusesAnExistingNamespaceAndKeepsTheOriginal() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "sales");
    Namespace original = await(store().namespaces().create(tenant, ref, Map.of("owner", "first")));

    assertFails(
        AlreadyExistsException.class,
        () -> store().namespaces().create(tenant, ref, Map.of("owner", "second")));

    assertThat(await(store().namespaces().get(tenant, ref))).contains(original);
  }

  @Test
  void theSamePathMayExistInAnotherCatalog() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newLocalCatalog(tenant, "other");
    Namespace inCat =
        await(
            store()
                .namespaces()
                .create(tenant, NamespaceRef.of("cat", "sales"), Map.of("k", "cat")));

    Namespace inOther =
        await(
            store()
                .namespaces()
                .create(tenant, NamespaceRef.of("other", "sales"), Map.of("k", "other")));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "sales"))))
        .contains(inCat);
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("other", "sales"))))
        .contains(inOther);
  }

  @Test
  void aDottedSegmentIsOneSegment() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    await(store().namespaces().create(tenant, NamespaceRef.of("cat", "a.b"), Map.of()));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "a", "b")))).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().namespaces().create(tenant, NamespaceRef.of("cat", "a", "b"), Map.of()));
    newNamespaces(tenant, "cat", "a", "b");

    assertThat(listChildren(tenant, NamespaceRef.root("cat")))
        .containsExactly(path("a"), path("a.b"));
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a"))).containsExactly(path("a", "b"));
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a.b"))).isEmpty();
  }

  @Test
  void theRootIsOnlyValidAsAParent() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef root = NamespaceRef.root("cat");

    assertInvalid("namespace.path", () -> store().namespaces().create(tenant, root, Map.of()));
    assertInvalid("namespace.path", () -> store().namespaces().get(tenant, root));
    assertInvalid(
        "namespace.path",
        () ->
            store().namespaces().updateProperties(tenant, root, PropertyUpdate.setting("k", "v")));
    assertInvalid(
        "namespace.path",
        () -> store().namespaces().replaceProperties(tenant, root, Map.of("k", "v")));
    assertInvalid("namespace.path", () -> store().namespaces().delete(tenant, root));

    assertThat(listChildren(tenant, root)).isEmpty();
  }

  @Test
  void getOfAMissingNamespaceOrCatalogIsEmpty() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "a");

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "b")))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("cat", "a", "b")))).isEmpty();
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of("other", "a")))).isEmpty();
  }

  @Test
  void concurrentCreatesOfOneNamespaceHaveExactlyOneWinner() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    newNamespaces(tenant, "cat", "parent");
    NamespaceRef ref = NamespaceRef.of("cat", "parent", "raced");

    Race.Outcome<Namespace> winner =
        Race.assertOneWinner(
            Race.run(
                store(),
                peerStore(),
                (store, racer) ->
                    store
                        .namespaces()
                        .create(tenant, ref, Map.of("racer", Integer.toString(racer)))),
            AlreadyExistsException.class);

    assertThat(winner.value().properties())
        .containsEntry("racer", Integer.toString(winner.racer()));
    assertThat(await(store().namespaces().get(tenant, ref))).contains(winner.value());
    assertThat(await(peerStore().namespaces().get(tenant, ref))).contains(winner.value());
  }
}
