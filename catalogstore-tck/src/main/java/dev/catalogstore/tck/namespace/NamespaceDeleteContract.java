package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code namespaces().delete}: an empty namespace is deleted and its path freed; one with
 * a child namespace or an asset is refused. What a refused deletion keeps is in {@link
 * NamespaceCascadeContract}.
 */
public abstract class NamespaceDeleteContract extends NamespaceSuite {
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
}
