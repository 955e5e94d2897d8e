package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The store hands out immutable values and keeps none of the caller's mutable inputs. */
class ReturnedValuesTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();

  @Test
  void returnedValuesCannotBeChanged() {
    Tenant tenant = store.tenants().create(new NewTenant("t", Map.of("k", "v"))).join();
    Page<Tenant> page = store.tenants().list(PageRequest.firstPage()).join();

    assertThatThrownBy(() -> tenant.properties().put("k", "changed"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> page.items().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(store.tenants().get(tenant.id()).join().orElseThrow().properties())
        .containsExactly(Map.entry("k", "v"));
  }

  @Test
  void changingAnInputMapAfterTheCallChangesNothingStored() {
    TenantId tenant = store.tenants().create(NewTenant.named("t")).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("lake", "wh")).join();
    Map<String, String> properties = new HashMap<>(Map.of("k", "v"));
    NamespaceRef sales = NamespaceRef.of("lake", "sales");

    store.namespaces().create(tenant, sales, properties).join();
    properties.put("k", "changed");
    properties.put("extra", "x");

    Namespace stored = store.namespaces().get(tenant, sales).join().orElseThrow();
    assertThat(stored.properties()).containsExactly(Map.entry("k", "v"));
  }
}
