package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import org.junit.jupiter.api.Test;

/** A closed store refuses every call with a failed future, and closing twice is harmless. */
class ClosedStoreTest {
  @Test
  void everyCallOnAClosedStoreFailsAsUnavailable() {
    InMemoryCatalogStore store = new InMemoryCatalogStore();
    TenantId tenant = store.tenants().create(NewTenant.named("t")).join().id();

    store.close();
    store.close();

    assertThat(Outcomes.failureOf(store.tenants().create(NewTenant.named("u"))))
        .isInstanceOf(UnavailableException.class);
    assertThat(Outcomes.failureOf(store.tenants().get(tenant)))
        .isInstanceOf(UnavailableException.class);
    assertThat(Outcomes.failureOf(store.tenants().list(PageRequest.firstPage())))
        .isInstanceOf(UnavailableException.class);
    assertThat(Outcomes.failureOf(store.catalogs().list(tenant, PageRequest.firstPage())))
        .isInstanceOf(UnavailableException.class);
  }
}
