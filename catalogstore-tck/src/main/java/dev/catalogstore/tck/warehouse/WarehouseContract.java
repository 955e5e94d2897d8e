package dev.catalogstore.tck.warehouse;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link dev.catalogstore.api.warehouse.Warehouses}: a warehouse's storage, credentials
 * and properties round-trip exactly (credentials opened on every read), names are unique per tenant
 * and never overwritten, updates change only what they name, and a warehouse cannot be deleted
 * while a catalog uses it.
 *
 * <p>The paging of {@code warehouses().list} is specified by {@link WarehousePagingContract}, bad
 * input by {@link WarehouseInputRulesContract}, and a refused deletion by {@link
 * WarehouseCascadeContract}.
 */
public abstract class WarehouseContract extends TckSuite {
  private static final StorageConfig S3 =
      new StorageConfig(StorageType.S3, "s3://bucket/warehouse", Map.of("region", "eu-west-1"));
  private static final Credentials KEYS =
      Credentials.of(Map.of("access-key-id", "AKIA-TCK", "secret-access-key", "s3cr3t/+="));

  // ---------------------------------------------------------------------------------------------
  // create and read

  @Test
  void createReturnsTheWarehouseAndItReadsBackEqual() {
    TenantId tenant = newTenant();

    Warehouse created =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("owner", "data-team"))));

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
    Warehouse lake =
        await(store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of())));
    Warehouse local =
        await(store().warehouses().create(tenant, NewWarehouse.of("local", fileStorage("local"))));

    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(lake, local);
  }

  @Test
  void createRefusesADuplicateNameAndKeepsTheOriginal() {
    TenantId tenant = newTenant();
    Warehouse original =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("owner", "first"))));

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse(
                        "lake",
                        fileStorage("other"),
                        Credentials.NONE,
                        Map.of("owner", "second"))));

    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(original);
  }

  @Test
  void theSameNameMayBeUsedInAnotherTenant() {
    TenantId first = newTenant();
    TenantId second = newTenant();
    Warehouse inFirst = await(store().warehouses().create(first, NewWarehouse.of("lake", S3)));

    Warehouse inSecond =
        await(store().warehouses().create(second, NewWarehouse.of("lake", fileStorage("lake"))));

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

    Race.Outcome<Warehouse> winner =
        Race.assertOneWinner(
            Race.run(
                store(),
                peerStore(),
                (store, racer) ->
                    store
                        .warehouses()
                        .create(
                            tenant,
                            new NewWarehouse(
                                "lake",
                                fileStorage("racer-" + racer),
                                Credentials.NONE,
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
    Warehouse before =
        await(
            store()
                .warehouses()
                .create(
                    tenant,
                    new NewWarehouse(
                        "lake", S3, KEYS, Map.of("keep", "1", "change", "old", "drop", "x"))));
    StorageConfig moved =
        new StorageConfig(StorageType.GCS, "gs://other-bucket/warehouse", Map.of("project", "p1"));
    Credentials rotated = Credentials.of(Map.of("service-account", "{\"key\":\"v2\"}"));

    Warehouse after =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
                    WarehouseUpdate.builder()
                        .storage(moved)
                        .credentials(rotated)
                        .properties(
                            new PropertyUpdate(Map.of("change", "new", "add", "2"), Set.of("drop")))
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
    Warehouse before =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("k", "v"))));

    Warehouse propertiesOnly =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.setting("k2", "v2"))
                        .build()));
    Warehouse credentialsOnly =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
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
    Warehouse before =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("k", "v"))));

    Warehouse after =
        await(store().warehouses().update(tenant, "lake", WarehouseUpdate.builder().build()));

    assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(after);
  }

  @Test
  void updateOfAMissingWarehouseIsNotFoundAndCreatesNothing() {
    TenantId tenant = newTenant();

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .warehouses()
                .update(tenant, "lake", WarehouseUpdate.builder().storage(S3).build()));

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
    Warehouse recreated =
        await(store().warehouses().create(tenant, NewWarehouse.of("lake", fileStorage("lake"))));
    assertThat(recreated.id()).isNotEqualTo(deleted.id());
    assertThat(recreated.storage()).isEqualTo(fileStorage("lake"));
  }

  @Test
  void deleteOfAMissingWarehouseIsNotFound() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    await(store().warehouses().delete(tenant, "lake"));

    assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"));
    assertFails(
        NotFoundException.class, () -> store().warehouses().delete(tenant, "never-created"));
  }

  @Test
  void deleteIsRefusedWhileACatalogUsesTheWarehouse() {
    TenantId tenant = newTenant();
    Warehouse lake =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("k", "v"))));
    await(store().catalogs().create(tenant, NewCatalog.local("sales", "lake")));
    await(store().catalogs().create(tenant, NewCatalog.local("finance", "lake")));

    assertFails(
        PreconditionFailedException.class, () -> store().warehouses().delete(tenant, "lake"));
    await(store().catalogs().delete(tenant, "sales"));
    assertFails(
        PreconditionFailedException.class, () -> store().warehouses().delete(tenant, "lake"));

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
  // every field read back; partial updates

  @Test
  void everyFieldGivenAtCreationIsReadBackByGetAndList() {
    TenantId tenant = newTenant();
    NewWarehouse lake =
        new NewWarehouse(
            "lake",
            new StorageConfig(
                StorageType.S3,
                "s3://bucket/lake",
                Map.of(
                    "region", "eu-west-1", "endpoint", "https://s3.example", "path-style", "true")),
            Credentials.of(Map.of("access-key-id", "AKIA-1", "secret-access-key", "s3cr3t")),
            Map.of("owner", "data-team", "cost-center", "42"));
    NewWarehouse pond =
        new NewWarehouse(
            "pond",
            new StorageConfig(
                StorageType.ADLS,
                "abfss://c@account.dfs.core.windows.net/pond",
                Map.of("account", "account")),
            Credentials.of(Map.of("sas-token", "sv=2024&sig=x%2By")),
            Map.of("owner", "other-team"));

    Warehouse createdLake = await(store().warehouses().create(tenant, lake));
    Warehouse createdPond = await(store().warehouses().create(tenant, pond));

    for (Warehouse read :
        new Warehouse[] {
          await(store().warehouses().get(tenant, "lake")).orElseThrow(),
          await(store().warehouses().list(tenant, PageRequest.firstPage())).items().get(0),
          await(store().warehouses().list(tenant, PageRequest.firstPage(1))).items().get(0)
        }) {
      assertGiven(read, lake);
      assertThat(read).isEqualTo(createdLake);
    }
    for (Warehouse read :
        new Warehouse[] {
          await(store().warehouses().get(tenant, "pond")).orElseThrow(),
          await(store().warehouses().list(tenant, PageRequest.firstPage())).items().get(1)
        }) {
      assertGiven(read, pond);
      assertThat(read).isEqualTo(createdPond);
    }
  }

  @Test
  void aStorageOnlyUpdateKeepsCredentialsPropertiesAndName() {
    TenantId tenant = newTenant();
    Warehouse before =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("a", "1", "b", "2"))));
    StorageConfig moved = new StorageConfig(StorageType.S3, "s3://moved/lake", Map.of());

    Warehouse after =
        await(
            store()
                .warehouses()
                .update(tenant, "lake", WarehouseUpdate.builder().storage(moved).build()));

    assertThat(after.storage()).isEqualTo(moved);
    assertThat(after.credentials()).isEqualTo(KEYS);
    assertThat(after.properties()).isEqualTo(Map.of("a", "1", "b", "2"));
    assertThat(after.name()).isEqualTo("lake");
    assertThat(after.id()).isEqualTo(before.id());
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(after);
  }

  @Test
  void aCredentialsOnlyUpdateReplacesThemWholeAndKeepsStorageAndProperties() {
    TenantId tenant = newTenant();
    await(
        store().warehouses().create(tenant, new NewWarehouse("lake", S3, KEYS, Map.of("a", "1"))));
    Credentials rotated = Credentials.of(Map.of("access-key-id", "AKIA-2"));

    Warehouse after =
        await(
            store()
                .warehouses()
                .update(tenant, "lake", WarehouseUpdate.builder().credentials(rotated).build()));

    assertThat(after.credentials())
        .as("credentials are replaced whole, not merged")
        .isEqualTo(rotated);
    assertThat(after.storage()).isEqualTo(S3);
    assertThat(after.properties()).isEqualTo(Map.of("a", "1"));
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(after);
  }

  @Test
  void aPropertyUpdateOfOneKeyKeepsStorageCredentialsAndTheOtherKeys() {
    TenantId tenant = newTenant();
    await(
        store()
            .warehouses()
            .create(
                tenant, new NewWarehouse("lake", S3, KEYS, Map.of("a", "1", "b", "2", "c", "3"))));

    Warehouse setOne =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.setting("b", "two"))
                        .build()));
    assertThat(setOne.properties()).isEqualTo(Map.of("a", "1", "b", "two", "c", "3"));
    assertThat(setOne.storage()).isEqualTo(S3);
    assertThat(setOne.credentials()).isEqualTo(KEYS);
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(setOne);

    Warehouse removeOne =
        await(
            store()
                .warehouses()
                .update(
                    tenant,
                    "lake",
                    WarehouseUpdate.builder()
                        .properties(PropertyUpdate.removing(Set.of("c")))
                        .build()));
    assertThat(removeOne.properties()).isEqualTo(Map.of("a", "1", "b", "two"));
    assertThat(removeOne.storage()).isEqualTo(S3);
    assertThat(removeOne.credentials()).isEqualTo(KEYS);
    assertThat(await(store().warehouses().get(tenant, "lake"))).contains(removeOne);
    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(removeOne);
  }

  // ---------------------------------------------------------------------------------------------
  // names: exact lookups, exact deletes

  /**
   * Every method that takes a warehouse name matches it exactly: a name written differently (in
   * case, with a space, as a prefix, with a LIKE wildcard, in another Unicode form) names no
   * warehouse, so a get is empty, an update or delete is NotFound and changes nothing.
   */
  @Test
  void noMethodMatchesADifferentlyWrittenName() {
    TenantId tenant = newTenant();
    Warehouse lake =
        await(
            store()
                .warehouses()
                .create(tenant, new NewWarehouse("caf\u00e9-lake", S3, KEYS, Map.of("k", "v"))));
    WarehouseUpdate update =
        WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "changed")).build();

    for (String other :
        List.of(
            "CAF\u00c9-LAKE",
            "Caf\u00e9-lake",
            "caf\u00e9-lake ",
            " caf\u00e9-lake",
            "caf\u00e9-lak",
            "caf\u00e9-lake2",
            "cafe\u0301-lake",
            "caf%",
            "caf\u00e9_lake",
            "caf_-lake",
            "%")) {
      assertThat(await(store().warehouses().get(tenant, other))).as("get [%s]", other).isEmpty();
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().warehouses().update(tenant, other, update))
                  .missing())
          .as("update [%s]", other)
          .isEqualTo(ObjectType.WAREHOUSE);
      assertThat(
              assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, other))
                  .missing())
          .as("delete [%s]", other)
          .isEqualTo(ObjectType.WAREHOUSE);
    }

    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(lake);
  }

  @Test
  void deleteRemovesExactlyTheNamedWarehouse() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    List<String> siblings =
        List.of("lak", "lake2", "lake.eu", "lake ", " lake", "Lake", "LAKE", "lake%", "l_ke");
    newWarehouse(tenant, "lake");
    siblings.forEach(name -> newWarehouse(tenant, name));
    Warehouse othersLake = await(store().warehouses().create(other, NewWarehouse.of("lake", S3)));
    List<Warehouse> siblingsBefore =
        await(store().warehouses().list(tenant, PageRequest.firstPage())).items().stream()
            .filter(w -> !w.name().equals("lake"))
            .toList();

    await(store().warehouses().delete(tenant, "lake"));

    assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    assertThat(await(store().warehouses().list(tenant, PageRequest.firstPage())).items())
        .containsExactlyElementsOf(siblingsBefore);
    assertThat(siblingsBefore).hasSize(siblings.size());
    assertThat(await(store().warehouses().get(other, "lake"))).contains(othersLake);
    assertThat(
            assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"))
                .missing())
        .isEqualTo(ObjectType.WAREHOUSE);
  }

  // ---------------------------------------------------------------------------------------------
  // what is missing

  @Test
  void notFoundSaysWhetherTheTenantOrTheWarehouseIsMissing() {
    TenantId tenant = newTenant();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));
    WarehouseUpdate update =
        WarehouseUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build();

    assertThat(
            assertFails(
                    NotFoundException.class,
                    () -> store().warehouses().update(tenant, "lake", update))
                .missing())
        .isEqualTo(ObjectType.WAREHOUSE);
    assertThat(
            assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"))
                .missing())
        .isEqualTo(ObjectType.WAREHOUSE);
    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().warehouses().create(missing, NewWarehouse.of("lake", S3)))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().warehouses().update(missing, "lake", update))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class, () -> store().warehouses().delete(missing, "lake"))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () -> store().warehouses().list(missing, PageRequest.firstPage()))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
    }
  }

  private static void assertGiven(Warehouse read, NewWarehouse given) {
    assertThat(read.name()).isEqualTo(given.name());
    assertThat(read.storage()).isEqualTo(given.storage());
    assertThat(read.storage().options()).isEqualTo(given.storage().options());
    assertThat(read.credentials()).isEqualTo(given.credentials());
    assertThat(read.properties()).isEqualTo(given.properties());
  }

  // ---------------------------------------------------------------------------------------------
  // missing tenant

  @Test
  void everyWarehouseWriteAndListUnderAMissingTenantIsNotFound() {
    TenantId missing = TenantId.random();
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    for (TenantId tenant : new TenantId[] {missing, deleted}) {
      assertFails(
          NotFoundException.class,
          () -> store().warehouses().create(tenant, NewWarehouse.of("lake", S3)));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .warehouses()
                  .update(
                      tenant,
                      "lake",
                      WarehouseUpdate.builder()
                          .properties(PropertyUpdate.setting("k", "v"))
                          .build()));
      assertFails(NotFoundException.class, () -> store().warehouses().delete(tenant, "lake"));
      assertFails(
          NotFoundException.class,
          () -> store().warehouses().list(tenant, PageRequest.firstPage()));
      assertThat(await(store().warehouses().get(tenant, "lake"))).isEmpty();
    }
  }
}
