package dev.catalogstore.tck.tenant;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link dev.catalogstore.api.tenant.Tenants}: creating, reading, renaming and deleting
 * tenants; tenant names unique across the whole store; and the reserved system tenant, which always
 * exists, is never listed and can be neither changed nor deleted.
 *
 * <p>The paging of {@code tenants().list} is specified by {@link TenantPagingContract}, bad input
 * by {@link TenantInputRulesContract}, and what a tenant's deletion removes by {@link
 * TenantCascadeContract}.
 */
public abstract class TenantContract extends TckSuite {
  private static final String SYSTEM_NAME = "system";

  // ---------------------------------------------------------------------------------------------
  // create and get

  @Test
  void createReturnsTheTenantAndItReadsBackEqual() {
    String name = uniqueName("tenant");
    Map<String, String> properties = Map.of("region", "eu", "tier", "gold");

    Tenant created = await(store().tenants().create(new NewTenant(name, properties)));

    assertThat(created.name()).isEqualTo(name);
    assertThat(created.properties()).isEqualTo(properties);
    assertThat(created.id()).isNotNull().isNotEqualTo(TenantId.SYSTEM);
    assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().tenants().get(created.id()))).contains(created);
  }

  @Test
  void everyTenantGetsAFreshId() {
    Tenant first = createTenant(uniqueName("tenant"), Map.of());
    Tenant second = createTenant(uniqueName("tenant"), Map.of());

    assertThat(first.id()).isNotEqualTo(second.id());
  }

  @Test
  void createRefusesADuplicateNameAndKeepsTheOriginal() {
    String name = uniqueName("tenant");
    Tenant original = createTenant(name, Map.of("owner", "first"));

    assertFails(
        AlreadyExistsException.class,
        () -> store().tenants().create(new NewTenant(name, Map.of("owner", "second"))));

    assertThat(await(store().tenants().get(original.id()))).contains(original);
  }

  @Test
  void getOfAnUnknownIdIsEmpty() {
    assertThat(await(store().tenants().get(TenantId.random()))).isEmpty();
  }

  @Test
  void concurrentCreatesOfOneNameHaveExactlyOneWinner() {
    String name = uniqueName("tenant-raced");

    Race.Outcome<Tenant> winner =
        Race.assertOneWinner(
            Race.run(
                store(),
                peerStore(),
                (store, racer) ->
                    store
                        .tenants()
                        .create(new NewTenant(name, Map.of("racer", Integer.toString(racer))))),
            AlreadyExistsException.class);

    assertThat(winner.value().properties())
        .containsEntry("racer", Integer.toString(winner.racer()));
    assertThat(await(store().tenants().get(winner.value().id()))).contains(winner.value());
    assertThat(await(peerStore().tenants().get(winner.value().id()))).contains(winner.value());
  }

  // ---------------------------------------------------------------------------------------------
  // the system tenant

  @Test
  void theSystemTenantAlwaysExists() {
    Tenant system = await(store().tenants().get(TenantId.SYSTEM)).orElseThrow();

    assertThat(system.id()).isEqualTo(TenantId.SYSTEM);
    assertThat(system.name()).isEqualTo(SYSTEM_NAME);
  }

  @Test
  void listTenantsNeverShowsTheSystemTenant() {
    // Listing is by name, so reading up to the name "system" covers where it would appear.
    assertThat(listTenantsUpTo(SYSTEM_NAME)).extracting(Tenant::id).doesNotContain(TenantId.SYSTEM);
  }

  @Test
  void theNameOfTheSystemTenantIsTaken() {
    assertFails(
        AlreadyExistsException.class, () -> store().tenants().create(NewTenant.named(SYSTEM_NAME)));
  }

  @Test
  void theSystemTenantCannotBeUpdated() {
    Tenant before = await(store().tenants().get(TenantId.SYSTEM)).orElseThrow();

    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .tenants()
                .update(
                    TenantId.SYSTEM,
                    TenantUpdate.builder()
                        .name(uniqueName("not-system"))
                        .properties(PropertyUpdate.setting("changed", "yes"))
                        .build()));

    assertThat(await(store().tenants().get(TenantId.SYSTEM))).contains(before);
  }

  @Test
  void theSystemTenantCannotBeDeleted() {
    Tenant before = await(store().tenants().get(TenantId.SYSTEM)).orElseThrow();

    assertFails(PreconditionFailedException.class, () -> store().tenants().delete(TenantId.SYSTEM));

    assertThat(await(store().tenants().get(TenantId.SYSTEM))).contains(before);
  }

  @Test
  void theSystemTenantHoldsDataLikeAnyOtherTenant() {
    String name = uniqueName("system-wh");

    Warehouse created =
        await(
            store().warehouses().create(TenantId.SYSTEM, NewWarehouse.of(name, fileStorage(name))));
    try {
      assertThat(await(store().warehouses().get(TenantId.SYSTEM, name))).contains(created);
    } finally {
      await(store().warehouses().delete(TenantId.SYSTEM, name));
    }
    assertThat(await(store().warehouses().get(TenantId.SYSTEM, name))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // update

  @Test
  void updateRenamesAndChangesPropertiesAndKeepsIdAndCreationTime() {
    Tenant before =
        createTenant(uniqueName("tenant"), Map.of("keep", "1", "change", "old", "drop", "x"));
    String newName = uniqueName("tenant-renamed");

    Tenant after =
        await(
            store()
                .tenants()
                .update(
                    before.id(),
                    TenantUpdate.builder()
                        .name(newName)
                        .properties(
                            new PropertyUpdate(
                                Map.of("change", "new", "add", "2"), Set.of("drop", "never-there")))
                        .build()));

    assertThat(after.id()).isEqualTo(before.id());
    assertThat(after.name()).isEqualTo(newName);
    assertThat(after.properties()).isEqualTo(Map.of("keep", "1", "change", "new", "add", "2"));
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().tenants().get(before.id()))).contains(after);
  }

  @Test
  void anUpdateWithoutANameKeepsTheName() {
    Tenant before = createTenant(uniqueName("tenant"), Map.of());

    Tenant after =
        await(
            store()
                .tenants()
                .update(
                    before.id(),
                    TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertThat(after.name()).isEqualTo(before.name());
    assertThat(after.properties()).isEqualTo(Map.of("k", "v"));
    assertThat(await(store().tenants().get(before.id()))).contains(after);
  }

  @Test
  void anUpdateThatChangesNothingStillSucceedsAndSetsUpdatedAt() {
    Tenant before = createTenant(uniqueName("tenant"), Map.of("k", "v"));

    Tenant after = await(store().tenants().update(before.id(), TenantUpdate.builder().build()));

    assertThat(after).usingRecursiveComparison().ignoringFields("updatedAt").isEqualTo(before);
    assertUpdated(before.createdAt(), before.updatedAt(), after.createdAt(), after.updatedAt());
    assertThat(await(store().tenants().get(before.id()))).contains(after);
  }

  @Test
  void renameToANameAnotherTenantHasIsRefusedAndChangesNothing() {
    Tenant renamed = createTenant(uniqueName("tenant"), Map.of("k", "v"));
    Tenant holder = createTenant(uniqueName("tenant"), Map.of());

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tenants()
                .update(
                    renamed.id(),
                    TenantUpdate.builder()
                        .name(holder.name())
                        .properties(PropertyUpdate.setting("k", "changed"))
                        .build()));

    assertThat(await(store().tenants().get(renamed.id()))).contains(renamed);
    assertThat(await(store().tenants().get(holder.id()))).contains(holder);
  }

  @Test
  void renameToTheNameOfTheSystemTenantIsRefused() {
    Tenant tenant = createTenant(uniqueName("tenant"), Map.of());

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .tenants()
                .update(tenant.id(), TenantUpdate.builder().name(SYSTEM_NAME).build()));

    assertThat(await(store().tenants().get(tenant.id()))).contains(tenant);
  }

  @Test
  void renameToItsOwnNameIsNotAConflict() {
    Tenant before = createTenant(uniqueName("tenant"), Map.of());

    Tenant after =
        await(
            store()
                .tenants()
                .update(before.id(), TenantUpdate.builder().name(before.name()).build()));

    assertThat(after.name()).isEqualTo(before.name());
    assertThat(after.id()).isEqualTo(before.id());
  }

  @Test
  void aRenameFreesTheOldName() {
    String oldName = uniqueName("tenant");
    Tenant renamed = createTenant(oldName, Map.of());
    await(
        store()
            .tenants()
            .update(
                renamed.id(), TenantUpdate.builder().name(uniqueName("tenant-renamed")).build()));

    Tenant newcomer = createTenant(oldName, Map.of());

    assertThat(newcomer.id()).isNotEqualTo(renamed.id());
    assertThat(await(store().tenants().get(renamed.id())).orElseThrow().name())
        .isNotEqualTo(oldName);
  }

  @Test
  void concurrentRenamesToOneNameHaveExactlyOneWinner() {
    List<Tenant> tenants = new ArrayList<>();
    for (int i = 0; i < Race.RACERS; i++) {
      tenants.add(createTenant(uniqueName("tenant-racer-" + i), Map.of()));
    }
    String target = uniqueName("tenant-raced");

    Race.Outcome<Tenant> winner =
        Race.assertOneWinner(
            Race.run(
                store(),
                peerStore(),
                (store, racer) ->
                    store
                        .tenants()
                        .update(
                            tenants.get(racer).id(), TenantUpdate.builder().name(target).build())),
            AlreadyExistsException.class);

    assertThat(winner.value().id()).isEqualTo(tenants.get(winner.racer()).id());
    for (Tenant tenant : tenants) {
      Tenant now = await(store().tenants().get(tenant.id())).orElseThrow();
      assertThat(now.name())
          .as("the name of %s after the race", tenant.name())
          .isEqualTo(tenant.id().equals(winner.value().id()) ? target : tenant.name());
    }
  }

  @Test
  void updateOfAMissingTenantIsNotFound() {
    TenantUpdate update =
        TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build();

    assertFails(NotFoundException.class, () -> store().tenants().update(TenantId.random(), update));
    TenantId deleted = deletedTenant();
    assertFails(NotFoundException.class, () -> store().tenants().update(deleted, update));

    assertThat(await(store().tenants().get(deleted))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // delete

  @Test
  void deleteRemovesTheTenantAndFreesItsName() {
    String name = uniqueName("tenant");
    Tenant deleted = createTenant(name, Map.of());

    await(store().tenants().delete(deleted.id()));

    assertThat(await(store().tenants().get(deleted.id()))).isEmpty();
    Tenant newcomer = createTenant(name, Map.of());
    assertThat(newcomer.id()).isNotEqualTo(deleted.id());
  }

  @Test
  void deleteOfAMissingTenantIsNotFound() {
    assertFails(NotFoundException.class, () -> store().tenants().delete(TenantId.random()));
    TenantId deleted = deletedTenant();
    assertFails(NotFoundException.class, () -> store().tenants().delete(deleted));
  }

  @Test
  void listedTenantsEqualWhatGetReturns() {
    // A leading '!' sorts these near the start of the store-wide list, so the scan stays short.
    Tenant first = createTenant(uniqueName("!tenant"), Map.of("k", "1"));
    Tenant second = createTenant(uniqueName("!tenant"), Map.of("k", "2"));
    String last =
        CodePointOrder.compare(first.name(), second.name()) > 0 ? first.name() : second.name();

    try {
      assertThat(listTenantsUpTo(last))
          .filteredOn(t -> t.id().equals(first.id()) || t.id().equals(second.id()))
          .containsExactlyInAnyOrder(
              await(store().tenants().get(first.id())).orElseThrow(),
              await(store().tenants().get(second.id())).orElseThrow());
    } finally {
      await(store().tenants().delete(first.id()));
      await(store().tenants().delete(second.id()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // names: exact round trip, exact uniqueness

  @Test
  void aRenamedTenantsNewNameIsTakenAndItsOldNameIsFree() {
    String oldName = uniqueName("tenant");
    String newName = uniqueName("tenant-renamed");
    Tenant renamed = createTenant(oldName, Map.of("k", "v"));
    Tenant bystander = createTenant(uniqueName("tenant-bystander"), Map.of());

    Tenant after =
        await(store().tenants().update(renamed.id(), TenantUpdate.builder().name(newName).build()));

    assertThat(after.name()).isEqualTo(newName);
    assertFails(
        AlreadyExistsException.class, () -> store().tenants().create(NewTenant.named(newName)));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store().tenants().update(bystander.id(), TenantUpdate.builder().name(newName).build()));
    Tenant newcomer = createTenant(oldName, Map.of());
    assertThat(newcomer.id()).isNotIn(renamed.id(), bystander.id());
    assertThat(await(store().tenants().get(renamed.id()))).contains(after);
    assertThat(await(store().tenants().get(bystander.id()))).contains(bystander);
  }

  @Test
  void renameToACaseVariantOfItsOwnNameChangesTheName() {
    String name = uniqueName("acme");
    Tenant before = createTenant(name, Map.of());

    Tenant after =
        await(
            store()
                .tenants()
                .update(
                    before.id(),
                    TenantUpdate.builder().name(name.toUpperCase(java.util.Locale.ROOT)).build()));

    assertThat(after.name()).isEqualTo(name.toUpperCase(java.util.Locale.ROOT));
    assertThat(await(store().tenants().get(before.id()))).contains(after);
    // The old spelling is free again: names are compared exactly.
    assertThat(createTenant(name, Map.of()).name()).isEqualTo(name);
  }

  /**
   * Tenant names are unique exactly as written: names that differ only in case, surrounding spaces,
   * Unicode normal form or a LIKE wildcard are different names, on create and on rename.
   */
  @Test
  void tenantNamesAreUniqueExactlyNotByCaseSpacesOrUnicodeForm() {
    String base = uniqueName("caf\u00e9");
    List<String> variants =
        List.of(
            base.toUpperCase(java.util.Locale.ROOT),
            base + " ",
            " " + base,
            base.replace("\u00e9", "e\u0301"),
            base.replace("caf", "ca_"),
            base.substring(0, base.length() - 1),
            base + "%");
    Tenant original = createTenant(base, Map.of("k", "original"));

    for (String variant : variants) {
      Tenant created = createTenant(variant, Map.of("k", variant));
      assertThat(created.name()).as("the tenant created as [%s]", variant).isEqualTo(variant);
      assertThat(await(store().tenants().get(created.id())).orElseThrow().name())
          .isEqualTo(variant);
    }
    Tenant renamed = createTenant(uniqueName("tenant"), Map.of());
    String variantOfBase = base.replace("caf", "CAF");
    Tenant afterRename =
        await(
            store()
                .tenants()
                .update(renamed.id(), TenantUpdate.builder().name(variantOfBase).build()));

    assertThat(afterRename.name()).isEqualTo(variantOfBase);
    assertThat(await(store().tenants().get(original.id()))).contains(original);
    assertFails(
        AlreadyExistsException.class, () -> store().tenants().create(NewTenant.named(base)));
  }

  // ---------------------------------------------------------------------------------------------
  // partial updates: what an update does not name is unchanged

  @Test
  void aRenameOnlyUpdateKeepsEveryProperty() {
    Map<String, String> properties = Map.of("region", "eu", "tier", "gold", "empty", "");
    Tenant before = createTenant(uniqueName("tenant"), properties);
    String newName = uniqueName("tenant-renamed");

    Tenant after =
        await(store().tenants().update(before.id(), TenantUpdate.builder().name(newName).build()));

    assertThat(after.name()).isEqualTo(newName);
    assertThat(after.properties()).isEqualTo(properties);
    assertThat(await(store().tenants().get(before.id()))).contains(after);
  }

  @Test
  void aPropertyUpdateChangesOnlyTheKeysItNamesAndKeepsTheName() {
    Tenant before = createTenant(uniqueName("tenant"), Map.of("a", "1", "b", "2", "c", "3"));

    Tenant setOne =
        await(
            store()
                .tenants()
                .update(
                    before.id(),
                    TenantUpdate.builder().properties(PropertyUpdate.setting("b", "two")).build()));
    assertThat(setOne.properties()).isEqualTo(Map.of("a", "1", "b", "two", "c", "3"));
    assertThat(setOne.name()).isEqualTo(before.name());
    assertThat(await(store().tenants().get(before.id()))).contains(setOne);

    Tenant removeOne =
        await(
            store()
                .tenants()
                .update(
                    before.id(),
                    TenantUpdate.builder()
                        .properties(PropertyUpdate.removing(Set.of("a")))
                        .build()));
    assertThat(removeOne.properties()).isEqualTo(Map.of("b", "two", "c", "3"));
    assertThat(removeOne.name()).isEqualTo(before.name());
    assertThat(await(store().tenants().get(before.id()))).contains(removeOne);
  }

  // ---------------------------------------------------------------------------------------------
  // the system tenant, more closely

  @Test
  void noKindOfUpdateOfTheSystemTenantIsAccepted() {
    Tenant before = await(store().tenants().get(TenantId.SYSTEM)).orElseThrow();

    assertFails(
        PreconditionFailedException.class,
        () -> store().tenants().update(TenantId.SYSTEM, TenantUpdate.builder().build()));
    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .tenants()
                .update(
                    TenantId.SYSTEM,
                    TenantUpdate.builder().name(uniqueName("not-system")).build()));
    assertFails(
        PreconditionFailedException.class,
        () ->
            store()
                .tenants()
                .update(
                    TenantId.SYSTEM,
                    TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build()));

    assertThat(await(store().tenants().get(TenantId.SYSTEM))).contains(before);
  }

  @Test
  void listTenantsLeavesOutOnlyTheSystemTenantNotItsNeighbours() {
    // "syste-…" sorts just before "system" ('-' < 'm'), "system-…" just after it.
    Tenant before = createTenant(uniqueName("syste"), Map.of());
    Tenant after = createTenant(uniqueName("system"), Map.of());
    try {
      List<Tenant> listed = listTenantsUpTo(after.name());

      assertThat(listed).extracting(Tenant::id).doesNotContain(TenantId.SYSTEM);
      assertThat(listed).extracting(Tenant::name).doesNotContain(SYSTEM_NAME);
      assertThat(listed).contains(before, after);
    } finally {
      await(store().tenants().delete(before.id()));
      await(store().tenants().delete(after.id()));
    }
  }

  @Test
  void onlyTheExactNameOfTheSystemTenantIsTaken() {
    List<Tenant> created = new ArrayList<>();
    try {
      for (String variant : List.of("System", "SYSTEM", "system ", " system")) {
        created.add(createTenant(variant, Map.of()));
      }
      assertThat(created)
          .extracting(Tenant::name)
          .containsExactly("System", "SYSTEM", "system ", " system");
      assertThat(created).extracting(Tenant::id).doesNotContain(TenantId.SYSTEM);
      assertThat(await(store().tenants().get(TenantId.SYSTEM)).orElseThrow().name())
          .isEqualTo(SYSTEM_NAME);
    } finally {
      created.forEach(tenant -> await(store().tenants().delete(tenant.id())));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // what is missing

  @Test
  void updateAndDeleteOfAMissingTenantSayTheTenantIsMissing() {
    TenantUpdate update =
        TenantUpdate.builder().properties(PropertyUpdate.setting("k", "v")).build();
    TenantId deleted = deletedTenant();

    for (TenantId missing : List.of(TenantId.random(), deleted)) {
      assertThat(
              assertFails(NotFoundException.class, () -> store().tenants().update(missing, update))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(
                      NotFoundException.class,
                      () ->
                          store()
                              .tenants()
                              .update(
                                  missing,
                                  TenantUpdate.builder().name(uniqueName("tenant")).build()))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
      assertThat(
              assertFails(NotFoundException.class, () -> store().tenants().delete(missing))
                  .missing())
          .isEqualTo(ObjectType.TENANT);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private Tenant createTenant(String name, Map<String, String> properties) {
    return await(store().tenants().create(new NewTenant(name, properties)));
  }

  private TenantId deletedTenant() {
    TenantId tenant = newTenant();
    await(store().tenants().delete(tenant));
    return tenant;
  }

  /** Reads {@code tenants().list} from the start until past {@code bound} (or to the end). */
  private List<Tenant> listTenantsUpTo(String bound) {
    List<Tenant> seen = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Tenant> page = await(store().tenants().list(request));
      seen.addAll(page.items());
      if (page.nextPageToken().isEmpty()
          || page.items().isEmpty()
          || CodePointOrder.compare(page.items().get(page.items().size() - 1).name(), bound) > 0) {
        return seen;
      }
      request = page.nextPage(PageRequest.MAX_LIMIT).orElseThrow();
    }
  }
}
