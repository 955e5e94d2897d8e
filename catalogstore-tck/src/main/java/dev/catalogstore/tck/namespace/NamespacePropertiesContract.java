package dev.catalogstore.tck.namespace;

import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies a namespace's properties: updated by key, keeping every key an update does not name, or
 * replaced whole, and read back the same by {@code get} and {@code list} after every change; a
 * missing namespace is not found and nothing is created.
 */
public abstract class NamespacePropertiesContract extends NamespaceSuite {
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
}
