package dev.catalogstore.tck.catalog;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static dev.catalogstore.tck.TckTime.assertUpdated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.Race;
import dev.catalogstore.tck.TckSuite;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@link dev.catalogstore.api.catalog.Catalogs}: local catalogs on a warehouse of their
 * own tenant and federated catalogs with a connector; a catalog is created with its branch {@code
 * main}; names are unique per tenant and never overwritten; name and type never change, only a
 * federated catalog takes a connector; deleting frees the name.
 *
 * <p>The paging of {@code catalogs().list} is specified by {@link CatalogPagingContract}, bad input
 * by {@link CatalogInputRulesContract}, and what a catalog's deletion removes by {@link
 * CatalogCascadeContract}.
 */
public abstract class CatalogContract extends TckSuite {
  private static final ConnectorConfig REST =
      new ConnectorConfig(
          "iceberg-rest", Map.of("uri", "https://remote.example/api/catalog", "warehouse", "prod"));

  // ---------------------------------------------------------------------------------------------
  // create and read

  @Test
  void createLocalReturnsTheCatalogAndItReadsBackEqual() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");

    Catalog created =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local("sales", "lake")
                        .withProperties(Map.of("owner", "sales-team"))));

    assertThat(created.id()).isNotNull();
    assertThat(created.name()).isEqualTo("sales");
    assertThat(created.type()).isEqualTo(CatalogType.LOCAL);
    assertThat(created.source()).isEqualTo(new CatalogSource.Local("lake"));
    assertThat(created.properties()).isEqualTo(Map.of("owner", "sales-team"));
    assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(created);
    assertThat(await(peerStore().catalogs().get(tenant, "sales"))).contains(created);
  }

  @Test
  void createFederatedKeepsItsConnector() {
    TenantId tenant = newTenant();

    Catalog created =
        await(store().catalogs().create(tenant, NewCatalog.federated("remote", REST)));

    assertThat(created.type()).isEqualTo(CatalogType.FEDERATED);
    assertThat(created.source()).isEqualTo(new CatalogSource.Federated(REST));
    assertCreated(created.createdAt(), created.updatedAt());
    assertThat(await(store().catalogs().get(tenant, "remote"))).contains(created);
  }

  @Test
  void createCreatesTheBranchMainAndNoOther() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "sales");
    NamespaceRef namespace = newNamespaces(tenant, "sales", "ns");

    assertThat(
            await(
                    store()
                        .assets()
                        .list(
                            tenant,
                            BranchRef.main("sales"),
                            namespace.path(),
                            PageRequest.firstPage()))
                .items())
        .isEmpty();
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .list(
                    tenant,
                    new BranchRef("sales", "dev"),
                    namespace.path(),
                    PageRequest.firstPage()));
  }

  @Test
  void listedCatalogsEqualWhatGetReturns() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    Catalog sales = await(store().catalogs().create(tenant, NewCatalog.local("sales", "lake")));
    Catalog remote = await(store().catalogs().create(tenant, NewCatalog.federated("remote", REST)));

    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items())
        .containsExactly(remote, sales);
  }

  @Test
  void createRefusesADuplicateNameAndKeepsTheOriginal() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    newWarehouse(tenant, "other-lake");
    Catalog original =
        await(
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local("sales", "lake").withProperties(Map.of("owner", "first"))));

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .catalogs()
                .create(
                    tenant,
                    NewCatalog.local("sales", "other-lake")
                        .withProperties(Map.of("owner", "second"))));
    assertFails(
        AlreadyExistsException.class,
        () -> store().catalogs().create(tenant, NewCatalog.federated("sales", REST)));

    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(original);
  }

  @Test
  void theSameNameMayBeUsedInAnotherTenant() {
    TenantId first = newTenant();
    TenantId second = newTenant();
    newWarehouse(first, "lake");
    Catalog inFirst = await(store().catalogs().create(first, NewCatalog.local("sales", "lake")));

    Catalog inSecond =
        await(store().catalogs().create(second, NewCatalog.federated("sales", REST)));

    assertThat(await(store().catalogs().get(first, "sales"))).contains(inFirst);
    assertThat(await(store().catalogs().get(second, "sales"))).contains(inSecond);
  }

  @Test
  void aLocalCatalogNeedsAnExistingWarehouseOfItsOwnTenant() {
    TenantId tenant = newTenant();
    TenantId other = newTenant();
    newWarehouse(other, "lake");

    assertFails(
        NotFoundException.class,
        () -> store().catalogs().create(tenant, NewCatalog.local("sales", "lake")));

    assertThat(await(store().catalogs().get(tenant, "sales"))).isEmpty();
    assertThat(await(store().catalogs().list(tenant, PageRequest.firstPage())).items()).isEmpty();
  }

  @Test
  void getOfAMissingNameIsEmpty() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "sales");

    assertThat(await(store().catalogs().get(tenant, "finance"))).isEmpty();
  }

  @Test
  void concurrentCreatesOfOneNameHaveExactlyOneWinner() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");

    Race.Outcome<Catalog> winner =
        Race.assertOneWinner(
            Race.run(
                store(),
                peerStore(),
                (store, racer) ->
                    store
                        .catalogs()
                        .create(
                            tenant,
                            NewCatalog.local("sales", "lake")
                                .withProperties(Map.of("racer", Integer.toString(racer))))),
            AlreadyExistsException.class);

    assertThat(winner.value().properties())
        .containsEntry("racer", Integer.toString(winner.racer()));
    assertThat(await(store().catalogs().get(tenant, "sales"))).contains(winner.value());
    assertThat(await(peerStore().catalogs().get(tenant, "sales"))).contains(winner.value());
  }

  // ---------------------------------------------------------------------------------------------
  // update

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

  // ---------------------------------------------------------------------------------------------
  // delete

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

  // ---------------------------------------------------------------------------------------------
  // every field read back; partial updates

  @Test
  void everyFieldGivenAtCreationIsReadBackByGetAndList() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "lake");
    NewCatalog local =
        NewCatalog.local("local", "lake")
            .withProperties(Map.of("owner", "sales-team", "empty", ""));
    NewCatalog federated =
        NewCatalog.federated(
                "remote",
                new ConnectorConfig(
                    "iceberg-rest",
                    Map.of(
                        "uri",
                        "https://remote.example/api",
                        "credential",
                        "id:secret",
                        "scope",
                        "a b")))
            .withProperties(Map.of("owner", "platform"));

    Catalog createdLocal = await(store().catalogs().create(tenant, local));
    Catalog createdFederated = await(store().catalogs().create(tenant, federated));

    List<Catalog> listed = await(store().catalogs().list(tenant, PageRequest.firstPage())).items();
    List<Catalog> paged = new java.util.ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    while (request != null) {
      var page = await(store().catalogs().list(tenant, request));
      paged.addAll(page.items());
      request = page.nextPage(1).orElse(null);
    }
    for (List<Catalog> read : List.of(listed, paged)) {
      assertThat(read).containsExactly(createdLocal, createdFederated);
      assertGiven(read.get(0), local);
      assertGiven(read.get(1), federated);
    }
    assertGiven(await(store().catalogs().get(tenant, "local")).orElseThrow(), local);
    assertGiven(await(store().catalogs().get(tenant, "remote")).orElseThrow(), federated);
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

  // ---------------------------------------------------------------------------------------------
  // names: exact lookups, exact deletes

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

  // ---------------------------------------------------------------------------------------------
  // what is missing

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

  private static void assertGiven(Catalog read, NewCatalog given) {
    assertThat(read.name()).isEqualTo(given.name());
    assertThat(read.source()).isEqualTo(given.source());
    assertThat(read.type()).isEqualTo(given.source().type());
    assertThat(read.properties()).isEqualTo(given.properties());
    if (given.source() instanceof CatalogSource.Federated federated) {
      assertThat(((CatalogSource.Federated) read.source()).connector().options())
          .isEqualTo(federated.connector().options());
    }
  }

  // ---------------------------------------------------------------------------------------------
  // missing tenant

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
