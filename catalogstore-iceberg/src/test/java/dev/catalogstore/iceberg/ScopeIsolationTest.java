package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.nio.file.Path;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables and views live on the configured tenant and branch only: another tenant's catalog of the
 * same name sees none of them, and a catalog on branch {@code dev} commits nothing to {@code main}.
 */
class ScopeIsolationTest {
  private static final TableIdentifier T = TableIdentifier.of(NS, "t");
  private static final TableIdentifier V = TableIdentifier.of(NS, "v");

  @TempDir Path warehouse;
  private CatalogStore store;

  @BeforeEach
  void open() {
    store = new InMemoryCatalogStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void anotherTenantsCatalogOfTheSameNameSeesNothing() throws Exception {
    try (CatalogStoreCatalog first = catalog(StoreCatalogConfig.TENANT, "t1");
        CatalogStoreCatalog second = catalog(StoreCatalogConfig.TENANT, "t2")) {
      first.createNamespace(NS);
      TestCatalogs.append(TestCatalogs.createTable(first, T), "first");
      TestCatalogs.createView(first, V);

      assertThat(second.listNamespaces(Namespace.empty())).isEmpty();
      assertThat(second.namespaceExists(NS)).isFalse();
      assertThat(second.tableExists(T)).isFalse();
      assertThat(second.viewExists(V)).isFalse();

      // The same names in the second tenant are its own.
      second.createNamespace(NS);
      TestCatalogs.createTable(second, T);
      assertThat(second.listTables(NS)).containsExactly(T);
      assertThat(second.listViews(NS)).isEmpty();
      assertThat(second.dropTable(T, false)).isTrue();

      assertThat(TestCatalogs.dataFileNames(first.loadTable(T))).containsExactly("first.parquet");
      assertThat(first.viewExists(V)).isTrue();
    }
  }

  @Test
  void aCatalogOnABranchCommitsNothingToMain() throws Exception {
    try (CatalogStoreCatalog main = catalog()) {
      main.createNamespace(NS);
      TestCatalogs.createTable(main, T);
      TenantId tenant = onlyTenant();
      BranchRef mainBranch = BranchRef.main("cat");
      store
          .branches()
          .create(tenant, new BranchRef("cat", "dev"), NewBranch.from(CommitRef.head(mainBranch)))
          .join();
      String mainPointer = pointer(tenant, mainBranch, "t");

      try (CatalogStoreCatalog dev = catalog(StoreCatalogConfig.BRANCH, "dev")) {
        // The branch starts with main's tables; its commits stay on it.
        TestCatalogs.append(dev.loadTable(T), "on-dev");
        TestCatalogs.createTable(dev, TableIdentifier.of(NS, "dev_only"));
        TestCatalogs.createView(dev, V);

        assertThat(pointer(tenant, mainBranch, "t")).isEqualTo(mainPointer);
        assertThat(main.loadTable(T).currentSnapshot()).isNull();
        assertThat(main.tableExists(TableIdentifier.of(NS, "dev_only"))).isFalse();
        assertThat(main.viewExists(V)).isFalse();
        assertThat(store.assets().get(tenant, ref(mainBranch, "dev_only")).join()).isEmpty();

        // And main's later tables are not on the branch.
        TestCatalogs.createTable(main, TableIdentifier.of(NS, "main_only"));
        assertThat(dev.tableExists(TableIdentifier.of(NS, "main_only"))).isFalse();
        assertThat(dev.listTables(NS))
            .containsExactlyInAnyOrder(T, TableIdentifier.of(NS, "dev_only"));
      }
    }
  }

  private CatalogStoreCatalog catalog(String... extra) {
    return TestCatalogs.open(store, "cat", TestCatalogs.properties(warehouse, extra));
  }

  private TenantId onlyTenant() {
    var tenants = store.tenants().list(PageRequest.firstPage(PageRequest.MAX_LIMIT)).join();
    assertThat(tenants.items()).hasSize(1);
    return tenants.items().get(0).id();
  }

  private String pointer(TenantId tenant, BranchRef branch, String name) {
    return store
        .assets()
        .get(tenant, ref(branch, name))
        .join()
        .orElseThrow()
        .metadataLocation()
        .orElseThrow();
  }

  private static AssetRef ref(BranchRef branch, String name) {
    return new AssetRef(branch, NamespacePath.of("ns"), name);
  }
}
