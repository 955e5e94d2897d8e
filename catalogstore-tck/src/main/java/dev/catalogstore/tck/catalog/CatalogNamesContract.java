package dev.catalogstore.tck.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies that catalog names are compared exactly, without folding case or normalising Unicode,
 * by every method, and that a local catalog names its warehouse exactly.
 */
public abstract class CatalogNamesContract extends CatalogSuite {
  @Test
  void catalogNamesAreComparedExactlyWithoutFoldingCaseOrNormalisingUnicode() {
    TenantId tenant = newTenant();
    List<String> distinct =
        List.of("sales", "Sales", "SALES", "sales ", " sales", "\u00e9", "e\u0301", "\u00df", "ss");

    for (String name : distinct) {
      await(
          store()
              .catalogs()
              .create(
                  tenant, NewCatalog.federated(name, REST).withProperties(Map.of("named", name))));
    }

    for (String name : distinct) {
      assertThat(await(store().catalogs().get(tenant, name)).orElseThrow().properties())
          .as("the catalog named [%s]", name)
          .isEqualTo(Map.of("named", name));
    }
    assertThat(await(store().catalogs().get(tenant, "SaLeS"))).isEmpty();
  }

  /**
   * Every method that takes a catalog name matches it exactly: a name written differently (in case,
   * with a space, as a prefix, with a LIKE wildcard, in another Unicode form) names no catalog, so
   * a get is empty, an update or delete is NotFound and changes nothing.
   */
  @Test
  void noMethodMatchesADifferentlyWrittenName() {
    TenantId tenant = newTenant();
    Catalog sales =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.federated("caf\u00e9.sales", REST)
                        .withProperties(Map.of("k", "v"))));
    CatalogUpdate update =
        CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "changed")).build();

    for (String other :
        List.of(
            "CAF\u00c9.SALES",
            "Caf\u00e9.sales",
            "caf\u00e9.sales ",
            " caf\u00e9.sales",
            "caf\u00e9.sale",
            "caf\u00e9",
            "sales",
            "cafe\u0301.sales",
            "caf%",
            "caf\u00e9_sales",
            "caf_.sales",
            "%")) {
      assertThat(await(store().catalogs().get(tenant, other))).as("get [%s]", other).isEmpty();
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().update(tenant, other, update))
                  .missing())
          .as("update [%s]", other)
          .isEqualTo(ObjectType.CATALOG);
      assertThat(
              assertFails(NotFoundException.class, () -> store().catalogs().delete(tenant, other))
                  .missing())
          .as("delete [%s]", other)
          .isEqualTo(ObjectType.CATALOG);
    }

    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(sales);
  }

  @Test
  void aLocalCatalogNamesItsWarehouseExactly() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");

    for (String other : List.of("LAKE", "lake ", "lak", "l_ke", "la%")) {
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().catalogs().create(tenant, NewCatalog.local("sales", other)))
                  .missing())
          .as("a catalog on [%s]", other)
          .isEqualTo(ObjectType.WAREHOUSE);
    }

    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items()).isEmpty();
  }
}
