package dev.catalogstore.tck.namespace;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckSuite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link dev.catalogstore.api.namespace.Namespaces}: namespaces form a tree in their
 * catalog (a parent must exist, a dotted segment is one segment, the root is only a parent); {@code
 * namespaces().list} returns direct children only; properties are updated by key or replaced whole;
 * a namespace is deleted only when empty.
 *
 * <p>The paging of {@code namespaces().list} is specified by {@link NamespacePagingContract}, bad
 * input by {@link NamespaceInputRulesContract}, and a refused deletion by {@link
 * NamespaceCascadeContract}.
 */
public abstract class NamespaceContract extends TckSuite {

  // ---------------------------------------------------------------------------------------------
  // create and read

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

  // ---------------------------------------------------------------------------------------------
  // list

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

  // ---------------------------------------------------------------------------------------------
  // properties

  @Test
  void updatePropertiesSetsAndRemovesKeysAndKeepsTheOthers() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    Namespace before =
        await(
            store()
                .namespaces()
                .create(tenant, ref, Map.of("keep", "1", "change", "old", "drop", "x")));

    Namespace after =
        await(
            store()
                .namespaces()
                .updateProperties(
                    tenant,
                    ref,
                    new PropertyUpdate(Map.of("change", "new", "add", "2"), Set.of("drop"))));

    assertThat(after.ref()).isEqualTo(ref);
    assertThat(after.properties()).isEqualTo(Map.of("keep", "1", "change", "new", "add", "2"));
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().namespaces().get(tenant, ref))).contains(after);
  }

  @Test
  void removingAnAbsentPropertyIsNotAnError() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    await(store().namespaces().create(tenant, ref, Map.of("k", "v")));

    Namespace after =
        await(
            store()
                .namespaces()
                .updateProperties(tenant, ref, PropertyUpdate.removing(Set.of("never-set"))));

    assertThat(after.properties()).isEqualTo(Map.of("k", "v"));
  }

  @Test
  void anUpdateThatChangesNothingStillSucceedsAndSetsUpdatedAt() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    Namespace before = await(store().namespaces().create(tenant, ref, Map.of("k", "v")));

    Namespace after =
        await(store().namespaces().updateProperties(tenant, ref, PropertyUpdate.NONE));

    assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().namespaces().get(tenant, ref))).contains(after);
  }

  @Test
  void replacePropertiesReplacesTheWholeMap() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    Namespace before = await(store().namespaces().create(tenant, ref, Map.of("a", "1", "b", "2")));

    Namespace replaced =
        await(store().namespaces().replaceProperties(tenant, ref, Map.of("b", "3", "c", "4")));
    Namespace emptied = await(store().namespaces().replaceProperties(tenant, ref, Map.of()));

    assertThat(replaced.properties()).isEqualTo(Map.of("b", "3", "c", "4"));
    assertUpdated(
        before.createdAt(), before.updatedAt(), replaced.createdAt(), replaced.updatedAt());
    assertThat(emptied.properties()).isEmpty();
    assertUpdated(
        replaced.createdAt(), replaced.updatedAt(), emptied.createdAt(), emptied.updatedAt());
    assertThat(await(store().namespaces().get(tenant, ref))).contains(emptied);
  }

  @Test
  void propertyChangesOfAMissingNamespaceAreNotFoundAndCreateNothing() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef missing = NamespaceRef.of("cat", "ns");
    NamespaceRef missingCatalog = NamespaceRef.of("other", "ns");

    for (NamespaceRef ref : List.of(missing, missingCatalog)) {
      assertFails(
          NotFoundException.class,
          () ->
              store().namespaces().updateProperties(tenant, ref, PropertyUpdate.setting("k", "v")));
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().replaceProperties(tenant, ref, Map.of("k", "v")));
      assertThat(await(store().namespaces().get(tenant, ref))).isEmpty();
    }
  }

  @Test
  void aSetOnlyUpdateKeepsEveryKeyItDoesNotName() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    await(
        store()
            .namespaces()
            .create(
                tenant,
                ref,
                Map.of("keep", "1", "change", "old", "keep.nested", "2", "Keep", "3")));

    Namespace after =
        await(
            store()
                .namespaces()
                .updateProperties(
                    tenant, ref, PropertyUpdate.setting(Map.of("change", "new", "add", ""))));

    assertThat(after.properties())
        .isEqualTo(
            Map.of("keep", "1", "change", "new", "keep.nested", "2", "Keep", "3", "add", ""));
    assertReadsBackEverywhere(tenant, after);
  }

  @Test
  void aRemoveOnlyUpdateRemovesExactlyTheNamedKeys() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    await(
        store()
            .namespaces()
            .create(
                tenant,
                ref,
                Map.of(
                    "owner",
                    "a",
                    "owner.email",
                    "b",
                    "Owner",
                    "c",
                    "owne",
                    "d",
                    "ow_er",
                    "e",
                    "own%",
                    "f",
                    "other",
                    "g")));

    Namespace first =
        await(
            store()
                .namespaces()
                .updateProperties(tenant, ref, PropertyUpdate.removing(Set.of("owner"))));
    Namespace second =
        await(
            store()
                .namespaces()
                .updateProperties(tenant, ref, PropertyUpdate.removing(Set.of("ow_er", "own%"))));

    assertThat(first.properties())
        .isEqualTo(
            Map.of(
                "owner.email",
                "b",
                "Owner",
                "c",
                "owne",
                "d",
                "ow_er",
                "e",
                "own%",
                "f",
                "other",
                "g"));
    assertThat(second.properties())
        .isEqualTo(Map.of("owner.email", "b", "Owner", "c", "owne", "d", "other", "g"));
    assertReadsBackEverywhere(tenant, second);
  }

  @Test
  void anUpdateThatSetsAndRemovesInOneCallLeavesTheUnnamedKeys() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    await(store().namespaces().create(tenant, ref, Map.of("a", "1", "b", "2", "c", "3")));

    Namespace after =
        await(
            store()
                .namespaces()
                .updateProperties(
                    tenant,
                    ref,
                    new PropertyUpdate(Map.of("b", "20", "d", "4"), Set.of("c", "never-set"))));

    assertThat(after.properties()).isEqualTo(Map.of("a", "1", "b", "20", "d", "4"));
    assertReadsBackEverywhere(tenant, after);
  }

  @Test
  void replacePropertiesKeepsNothingOfTheOldMapAndReadsBackEverywhere() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = NamespaceRef.of("cat", "ns");
    await(store().namespaces().create(tenant, ref, Map.of("a", "1", "b", "2")));

    Namespace replaced =
        await(store().namespaces().replaceProperties(tenant, ref, Map.of("c", "3")));
    assertThat(replaced.properties()).isEqualTo(Map.of("c", "3"));
    assertReadsBackEverywhere(tenant, replaced);

    Namespace same =
        await(store().namespaces().replaceProperties(tenant, ref, Map.of("c", "3", "a", "1")));
    assertThat(same.properties()).isEqualTo(Map.of("c", "3", "a", "1"));
    assertReadsBackEverywhere(tenant, same);
  }

  /**
   * Every field given at creation, and every change after it, reads back equal through {@code get}
   * and through {@code list} of the parent, for a top-level and a nested namespace.
   */
  @Test
  void everyFieldReadsBackThroughGetAndListAfterEveryChange() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    Map<String, String> properties =
        Map.of("empty", "", "lines", "one\ntwo", "日本語", "😀", "a.b%_/ x", "separators");
    for (NamespaceRef ref :
        List.of(NamespaceRef.of("cat", "top"), NamespaceRef.of("cat", "top", "nested"))) {
      Namespace created = await(store().namespaces().create(tenant, ref, properties));
      assertThat(created.ref()).isEqualTo(ref);
      assertThat(created.properties()).isEqualTo(properties);
      assertReadsBackEverywhere(tenant, created);

      assertReadsBackEverywhere(
          tenant,
          await(
              store()
                  .namespaces()
                  .updateProperties(tenant, ref, PropertyUpdate.setting("added", "1"))));
      assertReadsBackEverywhere(
          tenant,
          await(
              store()
                  .namespaces()
                  .updateProperties(tenant, ref, PropertyUpdate.removing(Set.of("empty")))));
      assertReadsBackEverywhere(
          tenant, await(store().namespaces().updateProperties(tenant, ref, PropertyUpdate.NONE)));
      assertReadsBackEverywhere(
          tenant,
          await(store().namespaces().replaceProperties(tenant, ref, Map.of("only", "this"))));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // missing things

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

  // ---------------------------------------------------------------------------------------------
  // delete

  @Test
  void deleteRemovesAnEmptyNamespaceAndFreesItsPath() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = newNamespaces(tenant, "cat", "a", "b");

    await(store().namespaces().delete(tenant, ref));

    assertThat(await(store().namespaces().get(tenant, ref))).isEmpty();
    assertThat(listChildren(tenant, NamespaceRef.of("cat", "a"))).isEmpty();
    Namespace recreated = await(store().namespaces().create(tenant, ref, Map.of("k", "new")));
    assertThat(recreated.properties()).isEqualTo(Map.of("k", "new"));
  }

  @Test
  void deleteOfAMissingNamespaceIsNotFound() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = newNamespaces(tenant, "cat", "a");
    await(store().namespaces().delete(tenant, ref));

    assertFails(NotFoundException.class, () -> store().namespaces().delete(tenant, ref));
    assertFails(
        NotFoundException.class,
        () -> store().namespaces().delete(tenant, NamespaceRef.of("other", "a")));
  }

  @Test
  void deleteIsRefusedWhileTheNamespaceHasAChild() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef child = newNamespaces(tenant, "cat", "parent", "child");
    NamespaceRef parent = NamespaceRef.of("cat", "parent");
    Namespace before = await(store().namespaces().get(tenant, parent)).orElseThrow();

    assertFails(
        PreconditionFailedException.class, () -> store().namespaces().delete(tenant, parent));

    assertThat(await(store().namespaces().get(tenant, parent))).contains(before);
    assertThat(await(store().namespaces().get(tenant, child))).isPresent();
    await(store().namespaces().delete(tenant, child));
    await(store().namespaces().delete(tenant, parent));
    assertThat(await(store().namespaces().get(tenant, parent))).isEmpty();
  }

  @Test
  void deleteIsRefusedWhileTheNamespaceHoldsAnAsset() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef ref = newNamespaces(tenant, "cat", "ns");
    Namespace before = await(store().namespaces().get(tenant, ref)).orElseThrow();
    AssetRef asset = AssetRef.onMain(ref, "report.csv");
    await(store().assets().create(tenant, asset, NewAsset.of(AssetKind.FILE)));

    assertFails(PreconditionFailedException.class, () -> store().namespaces().delete(tenant, ref));

    assertThat(await(store().namespaces().get(tenant, ref))).contains(before);
    assertThat(await(store().assets().get(tenant, asset))).isPresent();
    await(store().assets().delete(tenant, asset));
    await(store().namespaces().delete(tenant, ref));
    assertThat(await(store().namespaces().get(tenant, ref))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // missing tenant

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

  // ---------------------------------------------------------------------------------------------

  /**
   * Asserts that {@code returned}, what a write returned, is what {@code get} reads and what the
   * parent's list shows, every field included.
   */
  private void assertReadsBackEverywhere(TenantId tenant, Namespace returned) {
    NamespaceRef ref = returned.ref();
    assertThat(await(store().namespaces().get(tenant, ref)))
        .as("get of %s", ref)
        .contains(returned);
    NamespaceRef parent = new NamespaceRef(ref.catalog(), ref.path().parent());
    assertThat(PagedReads.all(page -> store().namespaces().list(tenant, parent, page)))
        .as("the list of %s", parent)
        .filteredOn(n -> n.path().equals(ref.path()))
        .containsExactly(returned);
  }

  private static void assertMissing(ObjectType missing, ThrowingCall<CompletableFuture<?>> call) {
    assertThat(assertFails(NotFoundException.class, call).missing())
        .as("what the NotFoundException says is missing")
        .isEqualTo(missing);
  }

  /** The paths of {@code parent}'s children, in the order listed (one page suffices here). */
  private List<NamespacePath> listChildren(TenantId tenant, NamespaceRef parent) {
    return await(store().namespaces().list(tenant, parent, PageRequest.firstPage()))
        .items()
        .stream()
        .map(Namespace::path)
        .toList();
  }
}
