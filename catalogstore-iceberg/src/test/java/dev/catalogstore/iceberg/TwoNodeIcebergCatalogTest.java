package dev.catalogstore.iceberg;

import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Iceberg's {@code CatalogTests} on two engine nodes over one PostgreSQL database: every call of
 * the suite goes to the other node than the one before ({@link TwoNodeCatalog}).
 */
class TwoNodeIcebergCatalogTest extends AdapterCatalogTests<TwoNodeCatalog> {
  private static final String SCHEMA = TestPostgres.uniqueSchema("iceberg_two_nodes");
  private static JdbcCatalogStore firstNode;
  private static JdbcCatalogStore secondNode;

  private final List<TwoNodeCatalog> opened = new ArrayList<>();
  private TwoNodeCatalog catalog;

  @BeforeEach
  void open() {
    catalog = initCatalog("two-node-suite", Map.of());
  }

  @AfterEach
  void close() throws IOException {
    for (TwoNodeCatalog each : opened) {
      each.close();
    }
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
  protected TwoNodeCatalog initCatalog(String name, Map<String, String> properties) {
    Map<String, String> shared = new HashMap<>(properties);
    shared.putIfAbsent(StoreCatalogConfig.CATALOG, "suite-" + UUID.randomUUID());
    TwoNodeCatalog created =
        properties.isEmpty()
            ? new TwoNodeCatalog(
                SuiteCatalogs.over(firstNode, name, shared),
                SuiteCatalogs.over(secondNode, name, shared))
            // A catalog a test configures itself checks how one catalog instance treats its
            // configuration (Iceberg 1.11 counts that closing it closes its metrics reporter
            // once), which two instances cannot show: it is one node.
            : TwoNodeCatalog.singleNode(SuiteCatalogs.over(firstNode, name, shared));
    opened.add(created);
    return created;
  }
}
