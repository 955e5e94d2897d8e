package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code catalogs().delete}: it removes exactly the named catalog and frees the name, and
 * a recreated catalog starts empty; a missing catalog is not found. What a deletion removes is in
 * {@link CatalogCascadeContract}.
 */
public abstract class CatalogDeleteContract extends CatalogSuite {
  @Test
  void deleteRemovesTheCatalogAndARecreatedOneStartsEmpty() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "sales");
    Catalog deleted = await(store().catalogs().get(tenant, "sales")).orElseThrow();
    newNamespaces(tenant, "sales", "ns");

    await(store().catalogs().delete(tenant, "sales"));

    assertThat(await(store().catalogs().get(tenant, "sales"))).isEmpty();
    Catalog recreated =
        await(store().catalogs().create(tenant, NewCatalog.local("sales", "sales-wh")));
    assertThat(recreated.id()).isNotEqualTo(deleted.id());
    assertThat(
            await(
                    store()
                        .namespaces()
                        .list(tenant, NamespaceRef.root("sales"), PageRequest.firstPage()))
                .items())
        .isEmpty();
  }

  @Test
  void deleteOfAMissingCatalogIsNotFound() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "sales");
    await(store().catalogs().delete(tenant, "sales"));

    assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, "sales"));
    assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, "never-created"));
  }

  @Test
  void deleteRemovesExactlyTheNamedCatalog() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newWarehouse(tenant, "lake");
    List<String> siblings =
        List.of(
            "sale", "sales2", "sales.eu", "sales ", " sales", "Sales", "SALES", "sales%", "s_les");
    await(store().catalogs().create(tenant, NewCatalog.local("sales", "lake")));
    siblings.forEach(
        name -> await(store().catalogs().create(tenant, NewCatalog.local(name, "lake"))));
    Catalog othersSales =
        await(store().catalogs().create(other, NewCatalog.federated("sales", REST)));
    List<Catalog> siblingsBefore =
        await(store().catalogs().list(tenant, PageRequest.firstPage())).items().stream()
            .filter(c -> !c.name().equals("sales"))
            .toList();

    await(store().catalogs().delete(tenant, "sales"));

    assertThat(await(store().catalogs().get(tenant, "sales"))).isEmpty();
    assertThat(siblingsBefore).hasSize(siblings.size());
    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items())
        .containsExactlyElementsOf(siblingsBefore);
    assertThat(await(store().catalogs().get(other, "sales"))).contains(othersSales);
    assertThat(
            assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, "sales"))
                .missing())
        .isEqualTo(ObjectType.CATALOG);
  }
}
