package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two catalogs starting at once against one empty store both succeed and share one tenant,
 * warehouse and catalog, whichever create the rival wins: the loser reads the winner's object.
 */
class CreateMissingRaceTest {
  private static final TableIdentifier ID = TableIdentifier.of(NS, "t");

  @TempDir Path warehouse;
  private FaultyStore faults;

  @BeforeEach
  void open() {
    faults = new FaultyStore(new InMemoryCatalogStore());
  }

  @AfterEach
  void close() {
    faults.base().close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tenants.create", "warehouses.create", "catalogs.create"})
  void bothCatalogsStartAndShareTheCatalog(String lostCreate) throws Exception {
    // The rival starts completely just before this catalog's create reaches the store.
    AtomicReference<CatalogStoreCatalog> rival = new AtomicReference<>();
    faults.on(
        lostCreate,
        Fault.before(
            () ->
                rival.set(
                    TestCatalogs.open(faults.base(), "cat", TestCatalogs.properties(warehouse)))));

    try (CatalogStoreCatalog catalog =
        TestCatalogs.open(faults.store(), "cat", TestCatalogs.properties(warehouse))) {
      faults.assertAllFaultsMet();
      catalog.createNamespace(NS);
      TestCatalogs.createTable(catalog, ID);
      assertThat(rival.get().tableExists(ID)).isTrue();
    } finally {
      if (rival.get() != null) {
        rival.get().close();
      }
    }

    var tenants =
        faults.base().tenants().list(PageRequest.firstPage(PageRequest.MAX_LIMIT)).join().items();
    assertThat(tenants).hasSize(1);
    TenantId tenant = tenants.get(0).id();
    var page = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    assertThat(faults.base().catalogs().list(tenant, page).join().items()).hasSize(1);
    assertThat(faults.base().warehouses().list(tenant, page).join().items()).hasSize(1);
  }
}
