package dev.catalogstore.tck.catalog;

import static dev.catalogstore.tck.TckTime.assertCreated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.CatalogSource;
import dev.catalogstore.api.catalog.CatalogType;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.tck.Race;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies how catalogs are created and read: local catalogs on a warehouse of their own tenant
 * and federated catalogs with a connector; a catalog is created with its branch {@code main}; every
 * field given is read back by {@code get} and {@code list}; names are unique per tenant and never
 * overwritten; of concurrent creates exactly one wins.
 *
 * <p>The paging of {@code catalogs().list} is specified by {@link CatalogPagingContract}, bad input
 * by {@link CatalogInputRulesContract}.
 */
public abstract class CatalogCreateContract extends CatalogSuite {
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
                    Map.of("uri", "https://remote.example/api", "scope", "a b"),
                    // A secret goes into the credentials, never the plain options.
                    Credentials.of(Map.of("credential", "id:secret"))))
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
}
