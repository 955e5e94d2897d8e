package dev.catalogstore.tck.catalog;

import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code catalogs().update}: properties change by key, keeping the keys an update does
 * not name; only a federated catalog takes a connector; name, type, source and warehouse never
 * change; a missing catalog is not found and nothing is created.
 */
public abstract class CatalogUpdateContract extends CatalogSuite {
  @Test
  void updateChangesPropertiesByKeyAndKeepsNameTypeAndSource() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    Catalog before =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local("sales", "lake")
                        .withProperties(Map.of("keep", "1", "change", "old", "drop", "x"))));

    Catalog after =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    "sales",
                    CatalogUpdate.builder()
                        .properties(
                            new PropertyUpdate(Map.of("change", "new", "add", "2"), Set.of("drop")))
                        .build()));

    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.name()).isEqualTo("sales");
    assertThat(after.source()).isEqualTo(before.source());
    assertThat(after.properties()).isEqualTo(Map.of("keep", "1", "change", "new", "add", "2"));
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(after);
  }

  @Test
  void updateReplacesTheConnectorOfAFederatedCatalog() {
    TenantId tenant = newTenant();
    await(store().catalogs().create(tenant, NewCatalog.federated("remote", REST)));
    ConnectorConfig glue = new ConnectorConfig("glue", Map.of("region", "us-east-1"));

    Catalog after =
        await(
            store()
                .catalogs()
                .update(tenant, "remote", CatalogUpdate.builder().connector(glue).build()));

    assertThat(after.source()).isEqualTo(new CatalogSource.Federated(glue));
    assertThat(after.type()).isEqualTo(CatalogType.FEDERATED);
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(after);
  }

  @Test
  void aConnectorForALocalCatalogIsRefusedAndChangesNothing() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    Catalog before =
        await(
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.local("sales", "lake").withProperties(Map.of("k", "v"))));

    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    "sales",
                    CatalogUpdate.builder()
                        .connector(REST)
                        .properties(PropertyUpdate.setting("k", "changed"))
                        .build()));

    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(before);
  }

  @Test
  void anUpdateThatChangesNothingStillSucceedsAndSetsUpdatedAt() {
    TenantId tenant = newTenant();
    Catalog before =
        await(
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.federated("remote", REST).withProperties(Map.of("k", "v"))));

    Catalog after =
        await(store().catalogs().update(tenant, "remote", CatalogUpdate.builder().build()));

    assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(after);
  }

  @Test
  void updateOfAMissingCatalogIsNotFoundAndCreatesNothing() {
    TenantId tenant = newTenant();

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .catalogs()
                .update(
                    tenant,
                    "sales",
                    CatalogUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertThat(await(store().catalogs().get(tenant, "sales"))).isEmpty();
  }

  @Test
  void aConnectorOnlyUpdateKeepsEveryProperty() {
    TenantId tenant = newTenant();
    Map<String, String> properties = Map.of("a", "1", "b", "2");
    Catalog before =
        await(
            store()
                .catalogs()
                .create(tenant, NewCatalog.federated("remote", REST).withProperties(properties)));
    ConnectorConfig glue = new ConnectorConfig("glue", Map.of("region", "us-east-1"));

    Catalog after =
        await(
            store()
                .catalogs()
                .update(tenant, "remote", CatalogUpdate.builder().connector(glue).build()));

    assertThat(after.source()).isEqualTo(new CatalogSource.Federated(glue));
    assertThat(after.properties()).isEqualTo(properties);
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.name()).isEqualTo("remote");
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(after);
  }

  @Test
  void aPropertyUpdateOfOneKeyKeepsTheConnectorAndTheOtherKeys() {
    TenantId tenant = newTenant();
    Catalog before =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.federated("remote", REST)
                        .withProperties(Map.of("a", "1", "b", "2", "c", "3"))));

    Catalog setOne =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    "remote",
                    CatalogUpdate.builder()
                        .properties(PropertyUpdate.setting("b", "two"))
                        .build()));
    assertThat(setOne.properties()).isEqualTo(Map.of("a", "1", "b", "two", "c", "3"));
    assertThat(setOne.source()).isEqualTo(before.source());
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(setOne);

    Catalog removeOne =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    "remote",
                    CatalogUpdate.builder()
                        .properties(PropertyUpdate.removing(Set.of("a")))
                        .build()));
    assertThat(removeOne.properties()).isEqualTo(Map.of("b", "two", "c", "3"));
    assertThat(removeOne.source()).isEqualTo(before.source());
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(removeOne);
    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(removeOne);
  }

  @Test
  void aPropertyUpdateOfALocalCatalogKeepsItsWarehouse() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    Catalog before =
        await(
            store()
                .catalogs()
                .create(
                    tenant, NewCatalog.local("sales", "lake").withProperties(Map.of("a", "1"))));

    Catalog after =
        await(
            store()
                .catalogs()
                .update(
                    tenant,
                    "sales",
                    CatalogUpdate.builder()
                        .properties(PropertyUpdate.removing(Set.of("a")))
                        .build()));

    assertThat(after.source()).isEqualTo(new CatalogSource.Local("lake"));
    assertThat(after.properties()).isEmpty();
    assertThat(after.type()).isEqualTo(before.type());
    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(after);
  }
}
