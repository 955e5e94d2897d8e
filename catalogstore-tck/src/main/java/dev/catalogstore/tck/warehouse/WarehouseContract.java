package dev.catalogstore.tck.warehouse;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckSuite;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link dev.catalogstore.api.warehouse.Warehouses}: a warehouse's storage,
 * credentials and properties round-trip exactly (credentials opened on every read), names are
 * unique per tenant and never overwritten, updates change only what they name, and a warehouse
 * cannot be deleted while a catalog uses it.
 *
 * <p>The paging of {@code warehouses().list} is specified by {@link WarehousePagingContract}, bad
 * input by {@link WarehouseInputRulesContract}, and a refused deletion by {@link
 * WarehouseCascadeContract}.
 */
public abstract class WarehouseContract extends TckSuite {
  private static final StorageConfig S3 = new StorageConfig(
      StorageType.S3, "s3://bucket/warehouse", Map.of("region", "eu-west-1"));
  private static final Credentials KEYS =
      Credentials.of(Map.of("access-key-id", "AKIA-TCK", "secret-access-key", "s3cr3t/+="));

  // ---------------------------------------------------------------------------------------------
  // create and read

  @Test
  void createReturnsTheWarehouseAndItReadsBackEqual() {
    TenantId tenant = newTenant();

    Warehouse created = await(store().warehouses().create(tenant,
        new NewWarehouse("lake", S3, KEYS, Map.of("owner", "data-team"))));

    assertThat(created.id()).isNotNull();
    assertThat(created.name()).isEqualTo("lake");
    assertThat(created.storage()).isEqualTo(S3);
    assertThat(created.credentials()).isEqualTo(KEYS);
    assertThat(created.properties()).isEqualTo(Map.of("owner", "data-team"));
    assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(created);
    assertThat(await(peerStore().warehouses().get(tenant, "lake"))).contains(created);
  }

  @Test
  void listedWarehousesEqualWhatGetReturnsCredentialsIncluded() {
    TenantId tenant = newTenant();
    Warehouse lake = await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS,
        Map.of())));
    Warehouse local = await(store().warehouses().create(tenant, NewWarehouse.of("local",
        fileStorage("local"))));

    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(lake, local);
  }

  @Test
  void createRefusesADuplicateNameAndKeepsTheOriginal() {
    TenantId tenant = newTenant();
    Warehouse original = await(store().warehouses().create(tenant,
        new NewWarehouse("lake", S3, KEYS, Map.of("owner", "first"))));

    assertFails(AlreadyExistsException.class, () -> store().warehouses().create(tenant,
        new NewWarehouse("lake", fileStorage("other"), Credentials.NONE,
            Map.of("owner", "second"))));

    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(original);
  }

  @Test
  void theSameNameMayBeUsedInAnotherTenant() {
    TenantId first = newTenant();
    TenantId second = newTenant();
    Warehouse inFirst = await(store().warehouses().create(first, NewWarehouse.of("lake", S3)));

    Warehouse inSecond = await(store().warehouses().create(second,
        NewWarehouse.of("lake", fileStorage("lake"))));

    assertThat(await(store().warehouses().get(first, "lake"))).contains(inFirst);
    assertThat(await(store().warehouses().get(second, "lake"))).contains(inSecond);
  }

  @Test
  void getOfAMissingNameIsEmpty() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");

    assertThat(await(store().warehouses().get(tenant, "other"))).isEmpty();
  }

  @Test
  void concurrentCreatesOfOneNameHaveExactlyOneWinner() {
    TenantId tenant = newTenant();

    Race.Outcome<Warehouse> winner = Race.assertOneWinner(
        Race.run(store(), peerStore(), (store, racer) -> store.warehouses().create(tenant,
            new NewWarehouse("lake", fileStorage("racer-" + racer), Credentials.NONE,
                Map.of("racer", Integer.toString(racer))))),
        AlreadyExistsException.class);

    assertThat(winner.value().properties())
        .containsEntry("racer", Integer.toString(winner.racer()));
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(winner.value());
    assertThat(await(peerStore().warehouses().get(tenant, "lake"))).contains(winner.value());
  }

  // ---------------------------------------------------------------------------------------------
  // update

  @Test
  void updateReplacesStorageAndCredentialsWholeAndChangesPropertiesByKey() {
    TenantId tenant = newTenant();
    Warehouse before = await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS,
        Map.of("keep", "1", "change", "old", "drop", "x"))));
    StorageConfig moved = new StorageConfig(
        StorageType.GCS, "gs://other-bucket/warehouse", Map.of("project", "p1"));
    Credentials rotated = Credentials.of(Map.of("service-account", "{\"key\":\"v2\"}"));

    Warehouse after = await(store().warehouses().update(tenant, "lake", WarehouseUpdate.builder()
        .storage(moved)
        .credentials(rotated)
        .properties(new PropertyUpdate(Map.of("change", "new", "add", "2"), Set.of("drop")))
        .build()));

    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.name()).isEqualTo("lake");
    assertThat(after.storage()).isEqualTo(moved);
    assertThat(after.credentials()).isEqualTo(rotated);
    assertThat(after.properties()).isEqualTo(Map.of("keep", "1", "change", "new", "add", "2"));
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(after);
  }

  @Test
  void anUpdateLeavesThePartsItDoesNotSetAsTheyWere() {
    TenantId tenant = newTenant();
    Warehouse before = await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS,
        Map.of("k", "v"))));

    Warehouse propertiesOnly = await(store().warehouses().update(tenant, "lake",
        WarehouseUpdate.builder().properties(PropertyUpdate.setting("k2", "v2")).build()));
    Warehouse credentialsOnly = await(store().warehouses().update(tenant, "lake",
        WarehouseUpdate.builder().credentials(Credentials.NONE).build()));

    assertThat(propertiesOnly.storage()).isEqualTo(S3);
    assertThat(propertiesOnly.credentials()).isEqualTo(KEYS);
    assertThat(credentialsOnly.storage()).isEqualTo(S3);
    assertThat(credentialsOnly.credentials()).isEqualTo(Credentials.NONE);
    assertThat(credentialsOnly.properties()).isEqualTo(Map.of("k", "v", "k2", "v2"));
    assertThat(credentialsOnly.id()).isEqualTo(before.id());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(credentialsOnly);
  }

  @Test
  void anUpdateThatChangesNothingStillSucceedsAndSetsUpdatedAt() {
    TenantId tenant = newTenant();
    Warehouse before = await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS,
        Map.of("k", "v"))));

    Warehouse after = await(store().warehouses().update(tenant, "lake",
        WarehouseUpdate.builder().build()));

    assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(after);
  }

  @Test
  void updateOfAMissingWarehouseIsNotFoundAndCreatesNothing() {
    TenantId tenant = newTenant();

    assertFails(NotFoundException.class, () -> store().warehouses().update(tenant, "lake",
        WarehouseUpdate.builder().storage(S3).build()));

    assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // delete

  @Test
  void deleteRemovesTheWarehouseAndFreesItsName() {
    TenantId tenant = newTenant();
    Warehouse deleted = await(store().warehouses().create(tenant, NewWarehouse.of("lake", S3)));

    await(store().warehouses().delete(tenant, "lake"));

    assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items()).isEmpty();
    Warehouse recreated = await(store().warehouses().create(tenant,
        NewWarehouse.of("lake", fileStorage("lake"))));
    assertThat(recreated.id()).isNotEqualTo(deleted.id());
    assertThat(recreated.storage()).isEqualTo(fileStorage("lake"));
  }

  @Test
  void deleteOfAMissingWarehouseIsNotFound() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    await(store().warehouses().delete(tenant, "lake"));

    assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"));
    assertFails(NotFoundException.class,
        () -> store().warehouses().delete(tenant, "never-created"));
  }

  @Test
  void deleteIsRefusedWhileACatalogUsesTheWarehouse() {
    TenantId tenant = newTenant();
    Warehouse lake = await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS,
        Map.of("k", "v"))));
    await(store().catalogs().create(tenant, NewCatalog.local("sales", "lake")));
    await(store().catalogs().create(tenant, NewCatalog.local("finance", "lake")));

    assertFails(PreconditionFailedException.class,
        () -> store().warehouses().delete(tenant, "lake"));
    await(store().catalogs().delete(tenant, "sales"));
    assertFails(PreconditionFailedException.class,
        () -> store().warehouses().delete(tenant, "lake"));

    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(lake);
    assertThat(await(store().catalogs().get(tenant, "finance"))).isPresent();
    await(store().catalogs().delete(tenant, "finance"));
    await(store().warehouses().delete(tenant, "lake"));
    assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
  }

  @Test
  void aCatalogOfAnotherTenantDoesNotHoldTheWarehouse() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newWarehouse(tenant, "lake");
    newWarehouse(other, "lake");
    await(store().catalogs().create(other, NewCatalog.local("sales", "lake")));

    await(store().warehouses().delete(tenant, "lake"));

    assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    assertThat(await(store().warehouses().get(other, "lake"))).isPresent();
  }

  // ---------------------------------------------------------------------------------------------
  // missing tenant

  @Test
  void everyWarehouseWriteAndListUnderAMissingTenantIsNotFound() {
    TenantId missing = TenantId.random();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId tenant : new TenantId[] {missing, deleted}) {
      assertFails(NotFoundException.class,
          () -> store().warehouses().create(tenant, NewWarehouse.of("lake", S3)));
      assertFails(NotFoundException.class, () -> store().warehouses().update(tenant, "lake",
          WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));
      assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"));
      assertFails(NotFoundException.class,
          () -> store().warehouses().list(tenant, PageRequest.firstPage()));
      assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    }
  }
}
