package dev.catalogstore.tck.namespace;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code namespaces()} facet: one {@link IsolationCase} per method, each
 * proving that nothing of tenant A is observable or changeable through tenant B (see {@link
 * IsolationSuite} for how the twin tenants are built and compared).
 */
public abstract class NamespaceIsolationContract extends IsolationSuite {
  @Test
  @IsolationCase("namespaces.create")
  void createNamespaceAddsToTheCallersCatalogOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    createAOnlyCatalog(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    assertFails(
        NotFoundException.class,
        () -> store().namespaces().create(twins.b(), A_ONLY_NAMESPACE.child("emea"), Map.of()));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .namespaces()
                .create(twins.b(), NamespaceRef.of(A_ONLY_CATALOG, "sales"), Map.of()));
    assertUnchanged(twins.b(), bBefore);

    await(store().namespaces().create(twins.a(), SALES.child("us"), Map.of("owner", "A")));
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().namespaces().get(twins.b(), SALES.child("us")))).isEmpty();
  }

  @Test
  @IsolationCase("namespaces.get")
  void getNamespaceReadsTheCallersNamespaceOnly() {
    Twins twins = twins();
    createAOnlyNamespace(twins);

    assertThat(await(store().namespaces().get(twins.b(), SALES)))
        .hasValueSatisfying(n -> assertThat(n.properties()).containsEntry("owner", "B"));
    assertThat(await(store().namespaces().get(twins.a(), SALES)))
        .hasValueSatisfying(n -> assertThat(n.properties()).containsEntry("owner", "A"));
    assertThat(await(store().namespaces().get(twins.b(), A_ONLY_NAMESPACE))).isEmpty();
  }

  @Test
  @IsolationCase("namespaces.list")
  void listNamespacesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    NamespaceRef root = NamespaceRef.root(CATALOG);
    Namespace bSales = await(store().namespaces().get(twins.b(), SALES)).orElseThrow();
    String aToken =
        await(store().namespaces().list(twins.a(), root, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().namespaces().list(twins.b(), root, page)))
        .containsExactly(bSales);
    assertInvalid(
        "page.pageToken",
        () -> store().namespaces().list(twins.b(), root, PageRequest.nextPage(aToken, 1)));
    assertFails(
        NotFoundException.class,
        () -> store().namespaces().list(twins.b(), A_ONLY_NAMESPACE, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("namespaces.updateProperties")
  void updateNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace updated =
        await(
            store()
                .namespaces()
                .updateProperties(
                    twins.a(), SALES, PropertyUpdate.setting("owner", "changed-by-A")));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .namespaces()
                .updateProperties(twins.b(), A_ONLY_NAMESPACE, PropertyUpdate.setting("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("namespaces.replaceProperties")
  void replaceNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace replaced =
        await(store().namespaces().replaceProperties(twins.a(), SALES, Map.of("replaced", "by-A")));
    assertThat(replaced.properties()).isEqualTo(Map.of("replaced", "by-A"));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        NotFoundException.class,
        () ->
            store().namespaces().replaceProperties(twins.b(), A_ONLY_NAMESPACE, Map.of("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("namespaces.delete")
  void deleteNamespaceSeesOnlyTheCallersNamespaceAndAssets() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    NamespaceRef staging = NamespaceRef.of(CATALOG, "staging");
    await(store().namespaces().create(twins.a(), staging, Map.of("owner", "A")));
    await(store().namespaces().create(twins.b(), staging, Map.of("owner", "B")));
    await(
        store()
            .assets()
            .create(twins.a(), AssetRef.onMain(staging, "raw"), NewAsset.of(AssetKind.FILE)));
    TenantSnapshot aBefore = snapshot(twins.a());

    assertFails(
        NotFoundException.class, () -> store().namespaces().delete(twins.b(), A_ONLY_NAMESPACE));
    // A's asset in A's "staging" does not keep B from deleting B's empty "staging".
    await(store().namespaces().delete(twins.b(), staging));

    assertThat(await(store().namespaces().get(twins.b(), staging))).isEmpty();
    assertUnchanged(twins.a(), aBefore);
    TenantSnapshot bBefore = snapshot(twins.b());
    assertFails(
        PreconditionFailedException.class, () -> store().namespaces().delete(twins.a(), staging));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  /**
   * Isolation holds after deletes and re-creates: twin tenants A and B and the system tenant hold
   * the same catalog and namespaces; A deletes, re-creates and changes its own, and B and the
   * system tenant are untouched and never see A's, nor A theirs. (Not an {@link IsolationCase}: it
   * re-probes the cases of {@code create}, {@code get}, {@code list} and {@code delete}.)
   */
  @Test
  void isolationHoldsAfterANamespaceIsDeletedAndRecreatedAlsoForTheSystemTenant() {
    Twins twins = twins();
    String catalog = uniqueName("iso");
    NamespaceRef db = NamespaceRef.of(catalog, "db");
    NamespaceRef table = db.child("t");
    Map<TenantId, String> owners = new LinkedHashMap<>();
    owners.put(twins.a(), "A");
    owners.put(twins.b(), "B");
    owners.put(TenantId.SYSTEM, "SYSTEM");
    try {
      owners.forEach(
          (tenant, owner) -> {
            newLocalCatalog(tenant, catalog);
            for (NamespaceRef ref : List.of(db, table, NamespaceRef.of(catalog, "db2"))) {
              await(store().namespaces().create(tenant, ref, Map.of("owner", owner)));
            }
          });
      TenantSnapshot bBefore = snapshot(twins.b());
      List<Namespace> systemBefore = tree(TenantId.SYSTEM, catalog);

      await(store().namespaces().delete(twins.a(), table));
      await(store().namespaces().delete(twins.a(), db));

      assertUnchanged(twins.b(), bBefore);
      assertThat(tree(TenantId.SYSTEM, catalog)).isEqualTo(systemBefore);
      assertThat(await(store().namespaces().get(twins.a(), db))).isEmpty();
      assertFails(NotFoundException.class, () -> store().namespaces().delete(twins.a(), table));

      Namespace recreated =
          await(store().namespaces().create(twins.a(), db, Map.of("owner", "A again")));

      assertThat(await(store().namespaces().get(twins.a(), db))).contains(recreated);
      assertThat(PagedReads.all(page -> store().namespaces().list(twins.a(), db, page)))
          .as("the children of A's re-created namespace")
          .isEmpty();
      assertUnchanged(twins.b(), bBefore);
      assertThat(tree(TenantId.SYSTEM, catalog)).isEqualTo(systemBefore);
      String aToken =
          await(
                  store()
                      .namespaces()
                      .list(twins.a(), NamespaceRef.root(catalog), PageRequest.firstPage(1)))
              .nextPageToken()
              .orElseThrow();
      assertInvalid(
          "page.pageToken",
          () ->
              store()
                  .namespaces()
                  .list(twins.b(), NamespaceRef.root(catalog), PageRequest.nextPage(aToken, 1)));
      assertInvalid(
          "page.pageToken",
          () ->
              store()
                  .namespaces()
                  .list(
                      TenantId.SYSTEM,
                      NamespaceRef.root(catalog),
                      PageRequest.nextPage(aToken, 1)));

      TenantSnapshot aBefore = snapshot(twins.a());
      await(store().namespaces().delete(twins.b(), table));
      await(
          store()
              .namespaces()
              .updateProperties(
                  TenantId.SYSTEM, db, PropertyUpdate.setting("owner", "SYSTEM again")));
      assertUnchanged(twins.a(), aBefore);

      NamespaceRef aOnly = NamespaceRef.of(catalog, "a-only");
      await(store().namespaces().create(twins.a(), aOnly, Map.of("owner", "A")));
      aBefore = snapshot(twins.a());
      for (TenantId other : List.of(twins.b(), TenantId.SYSTEM)) {
        assertThat(await(store().namespaces().get(other, aOnly))).isEmpty();
        assertFails(
            NotFoundException.class,
            () ->
                store()
                    .namespaces()
                    .updateProperties(other, aOnly, PropertyUpdate.setting("owner", "thief")));
        assertFails(
            NotFoundException.class,
            () -> store().namespaces().replaceProperties(other, aOnly, Map.of()));
        assertFails(NotFoundException.class, () -> store().namespaces().delete(other, aOnly));
        assertFails(
            NotFoundException.class,
            () -> store().namespaces().list(other, aOnly, PageRequest.firstPage()));
        assertThat(tree(other, catalog)).extracting(Namespace::path).doesNotContain(aOnly.path());
      }
      assertUnchanged(twins.a(), aBefore);
    } finally {
      if (await(store().catalogs().get(TenantId.SYSTEM, catalog)).isPresent()) {
        await(store().catalogs().delete(TenantId.SYSTEM, catalog));
      }
      if (await(store().warehouses().get(TenantId.SYSTEM, catalog + "-wh")).isPresent()) {
        await(store().warehouses().delete(TenantId.SYSTEM, catalog + "-wh"));
      }
    }
  }

  /** Every namespace of {@code catalog} in {@code tenant}, breadth first in list order. */
  private List<Namespace> tree(TenantId tenant, String catalog) {
    List<Namespace> all = new ArrayList<>();
    Deque<NamespaceRef> parents = new ArrayDeque<>(List.of(NamespaceRef.root(catalog)));
    while (!parents.isEmpty()) {
      NamespaceRef parent = parents.removeFirst();
      for (Namespace child :
          PagedReads.all(page -> store().namespaces().list(tenant, parent, page))) {
        all.add(child);
        parents.addLast(child.ref());
      }
    }
    return all;
  }
}
