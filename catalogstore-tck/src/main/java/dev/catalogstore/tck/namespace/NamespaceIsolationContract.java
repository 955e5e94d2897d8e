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
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code namespaces()} facet: one {@link IsolationCase} per method,
 * each proving that nothing of tenant A is observable or changeable through tenant B (see {@link
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

    assertFails(NotFoundException.class, () -> store().namespaces().create(
        twins.b(), A_ONLY_NAMESPACE.child("emea"), Map.of()));
    assertFails(NotFoundException.class, () -> store().namespaces().create(
        twins.b(), NamespaceRef.of(A_ONLY_CATALOG, "sales"), Map.of()));
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

    assertThat(await(store().namespaces().get(twins.b(), SALES))).hasValueSatisfying(
        n -> assertThat(n.properties()).containsEntry("owner", "B"));
    assertThat(await(store().namespaces().get(twins.a(), SALES))).hasValueSatisfying(
        n -> assertThat(n.properties()).containsEntry("owner", "A"));
    assertThat(await(store().namespaces().get(twins.b(), A_ONLY_NAMESPACE))).isEmpty();
  }

  @Test
  @IsolationCase("namespaces.list")
  void listNamespacesShowsOnlyTheCallersAndRefusesAnotherTenantsToken() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    NamespaceRef root = NamespaceRef.root(CATALOG);
    Namespace bSales = await(store().namespaces().get(twins.b(), SALES)).orElseThrow();
    String aToken = await(store().namespaces().list(twins.a(), root, PageRequest.firstPage(1)))
        .nextPageToken().orElseThrow();

    assertThat(PagedReads.all(page -> store().namespaces().list(twins.b(), root, page)))
        .containsExactly(bSales);
    assertInvalid("page.pageToken",
        () -> store().namespaces().list(twins.b(), root, PageRequest.nextPage(aToken, 1)));
    assertFails(NotFoundException.class, () -> store().namespaces().list(
        twins.b(), A_ONLY_NAMESPACE, PageRequest.firstPage()));
  }

  @Test
  @IsolationCase("namespaces.updateProperties")
  void updateNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace updated = await(store().namespaces().updateProperties(
        twins.a(), SALES, PropertyUpdate.setting("owner", "changed-by-A")));
    assertThat(updated.properties()).containsEntry("owner", "changed-by-A");
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().namespaces().updateProperties(
        twins.b(), A_ONLY_NAMESPACE, PropertyUpdate.setting("k", "v")));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("namespaces.replaceProperties")
  void replaceNamespacePropertiesChangesOnlyTheCallersNamespace() {
    Twins twins = twins();
    createAOnlyNamespace(twins);
    TenantSnapshot bBefore = snapshot(twins.b());

    Namespace replaced = await(store().namespaces().replaceProperties(
        twins.a(), SALES, Map.of("replaced", "by-A")));
    assertThat(replaced.properties()).isEqualTo(Map.of("replaced", "by-A"));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(NotFoundException.class, () -> store().namespaces().replaceProperties(
        twins.b(), A_ONLY_NAMESPACE, Map.of("k", "v")));
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
    await(store().assets().create(
        twins.a(), AssetRef.onMain(staging, "raw"), NewAsset.of(AssetKind.FILE)));
    TenantSnapshot aBefore = snapshot(twins.a());

    assertFails(NotFoundException.class,
        () -> store().namespaces().delete(twins.b(), A_ONLY_NAMESPACE));
    // A's asset in A's "staging" does not keep B from deleting B's empty "staging".
    await(store().namespaces().delete(twins.b(), staging));

    assertThat(await(store().namespaces().get(twins.b(), staging))).isEmpty();
    assertUnchanged(twins.a(), aBefore);
    TenantSnapshot bBefore = snapshot(twins.b());
    assertFails(PreconditionFailedException.class,
        () -> store().namespaces().delete(twins.a(), staging));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }
}
