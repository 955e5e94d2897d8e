package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** Iceberg's {@code ViewCatalogTests} on two engine nodes over one PostgreSQL database. */
class TwoNodeIcebergViewCatalogTest extends AdapterViewCatalogTests<TwoNodeCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_two_node_views");
  private static JdbcCatalogStore firstNode;
  private static JdbcCatalogStore secondNode;

  private TwoNodeCatalog catalog;

  @BeforeEach
  void open() {
    Map<String, String> shared = Map.of(StoreCatalogConfig.CATALOG, "suite-" + UUID.randomUUID());
    catalog =
        new TwoNodeCatalog(
            SuiteCatalogs.over(firstNode, "two-node-view-suite", shared),
            SuiteCatalogs.over(secondNode, "two-node-view-suite", shared));
  }

  @AfterEach
  void close() throws IOException {
    catalog.close();
  }

  /** Two stores, each with its own connection pool, over one database schema. */
  @BeforeAll
  static void openNodes() {
    firstNode = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
    secondNode = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build());
  }

  @AfterAll
  static void dropSchema() {
    firstNode.close();
    secondNode.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Override
  protected TwoNodeCatalog catalog() {
    return catalog;
  }

  @Override
  protected Catalog tableCatalog() {
    return catalog;
  }
}
