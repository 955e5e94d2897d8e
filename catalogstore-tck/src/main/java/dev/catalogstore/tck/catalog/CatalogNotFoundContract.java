package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies what a catalog method reports when something is missing: {@code NotFoundException}
 * saying whether the tenant, the catalog or the warehouse is missing.
 */
public abstract class CatalogNotFoundContract extends CatalogSuite {
  @Test
  void notFoundSaysWhetherTheTenantTheCatalogOrTheWarehouseIsMissing() {
    TenantId tenant = newTenant();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));
    CatalogUpdate update =
        CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build();

    assertThat(
            assertFails(
                    NotFoundException.class,
                    () -> store().catalogs().update(tenant, "sales", update))
                .missing())
        .isEqualTo(ObjectType.CATALOG);
    assertThat(
            assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, "sales"))
                .missing())
        .isEqualTo(ObjectType.CATALOG);
    assertThat(
            assertFails(
                    NotFoundException.class,
                    () -> store().catalogs().create(tenant, NewCatalog.local("sales", "lake")))
                .missing())
        .isEqualTo(ObjectType.WAREHOUSE);
    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().create(missing, NewCatalog.local("sales", "lake")))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().create(missing, NewCatalog.federated("sales", REST)))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().update(missing, "sales", update))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class, () -> store().catalogs().delete(missing, "sales"))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().list(missing, PageRequest.firstPage()))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
    }
  }

  @Test
  void everyCatalogWriteAndListUnderAMissingTenantIsNotFound() {
    TenantId missing = TenantId.random();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId tenant : new TenantId[] {missing, deleted}) {
      assertFails(
          NotFoundException.class,
          () -> store().catalogs().create(tenant, NewCatalog.federated("remote", REST)));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .catalogs()
                  .update(
                      tenant,
                      "remote",
                      CatalogUpdate.builder()
                          .properties(PropertyUpdate.setting("k", "v"))
                          .build()));
      assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, "remote"));
      assertFails(
          NotFoundException.class, () -> store().catalogs().list(tenant, PageRequest.firstPage()));
      assertThat(await(store().catalogs().get(tenant, "remote"))).isEmpty();
    }
  }
}
