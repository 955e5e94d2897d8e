package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.TestCatalogs.NS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.iceberg.FaultyStore.Fault;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.TableCommit;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engine nodes, each with its own catalog and connection pool, over one PostgreSQL store: every
 * guarantee holds across them, since the database decides every change. Node one opens its store
 * from properties, as an engine does; node two's store can be interleaved with node one's changes.
 */
class JdbcTwoNodesTest {
  private static final TableIdentifier A = TableIdentifier.of(NS, "a");
  private static final TableIdentifier B = TableIdentifier.of(NS, "b");

  @TempDir Path warehouse;
  private String schema;
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @BeforeEach
  void schema() {
    schema = TestPostgres.uniqueSchema("iceberg_nodes");
  }

  @AfterEach
  void close() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    TestPostgres.dropSchema(schema);
  }

  @Test
  void nodesStartingTogetherOnAnEmptyDatabaseShareOneCatalog() throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<CatalogStoreCatalog>> nodes = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        nodes.add(
            pool.submit(
                () -> {
                  start.await();
                  return engineNode();
                }));
      }
      start.countDown();
      List<CatalogStoreCatalog> started = new ArrayList<>();
      for (Future<CatalogStoreCatalog> node : nodes) {
        started.add(node.get());
      }

      started.get(0).createNamespace(NS);
      TestCatalogs.createTable(started.get(1), A);
      assertThat(started.get(2).listTables(NS)).containsExactly(A);
    } finally {
      pool.shutdown();
    }
    try (JdbcCatalogStore store = openStore()) {
      assertThat(store.tenants().list(PageRequest.firstPage(PageRequest.MAX_LIMIT)).join().items())
          .hasSize(1);
    }
  }

  @Test
  void aCompareAndSetLostToTheOtherNodeIsRetriedAndBothAppendsLand() {
    CatalogStoreCatalog one = engineNode();
    one.createNamespace(NS);
    TestCatalogs.createTable(one, A);
    FaultyStore faults = new FaultyStore(openStore());
    CatalogStoreCatalog two = node(faults);
    Table onTwo = two.loadTable(A);
    faults.on(
        "assets.commitMetadataLocation",
        Fault.before(() -> TestCatalogs.append(one.loadTable(A), "one")));

    TestCatalogs.append(onTwo, "two");

    assertThat(faults.calls("assets.commitMetadataLocation")).isEqualTo(2);
    assertThat(TestCatalogs.dataFileNames(one.loadTable(A)))
        .containsExactlyInAnyOrder("one.parquet", "two.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(one, A)).isEmpty();
  }

  @Test
  void concurrentAppendsFromTwoNodesAllLand() throws Exception {
    CatalogStoreCatalog one = engineNode();
    CatalogStoreCatalog two = engineNode();
    one.createNamespace(NS);
    one.createTable(
        A,
        TestCatalogs.SCHEMA,
        PartitionSpec.unpartitioned(),
        Map.of(
            TableProperties.COMMIT_NUM_RETRIES, "50",
            TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "1",
            TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "20"));
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> expected = new ArrayList<>();
    try {
      List<Future<?>> writers = new ArrayList<>();
      for (int writer = 0; writer < 4; writer++) {
        CatalogStoreCatalog node = writer % 2 == 0 ? one : two;
        String prefix = "w" + writer + "-";
        for (int i = 0; i < 3; i++) {
          expected.add(prefix + i + ".parquet");
        }
        Callable<Void> appends =
            () -> {
              start.await();
              Table table = node.loadTable(A);
              for (int i = 0; i < 3; i++) {
                TestCatalogs.append(table, prefix + i);
              }
              return null;
            };
        writers.add(pool.submit(appends));
      }
      start.countDown();
      for (Future<?> writer : writers) {
        writer.get();
      }
    } finally {
      pool.shutdown();
    }

    Table table = two.loadTable(A);
    assertThat(TestCatalogs.dataFileNames(table)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(table.snapshots()).hasSize(12);
    assertThat(TestCatalogs.strayMetadataFiles(one, A)).isEmpty();
  }

  @Test
  void aViewTheOtherNodePutInPlaceOfTheTableIsNeverDropped() {
    CatalogStoreCatalog one = engineNode();
    one.createNamespace(NS);
    TestCatalogs.createTable(one, A);
    FaultyStore faults = new FaultyStore(openStore());
    CatalogStoreCatalog two = node(faults);
    faults.on(
        "assets.delete",
        Fault.before(
            () -> {
              one.dropTable(A, false);
              TestCatalogs.createView(one, A);
            }));

    assertThat(two.dropTable(A, true)).isFalse();

    faults.assertAllFaultsMet();
    assertThat(one.viewExists(A)).isTrue();
  }

  @Test
  void aMultiTableCommitStaleOnTheOtherNodeMovesNoTable() {
    CatalogStoreCatalog one = engineNode();
    one.createNamespace(NS);
    TestCatalogs.createTable(one, A);
    TestCatalogs.createTable(one, B);
    FaultyStore faults = new FaultyStore(openStore());
    CatalogStoreCatalog two = node(faults);
    String aBefore = TestCatalogs.metadata(one, A).metadataFileLocation();
    TableCommit toA = TestCatalogs.appendCommit(two.loadTable(A), A, "a1");
    TableCommit toB = TestCatalogs.appendCommit(two.loadTable(B), B, "b1");
    faults.on(
        "assets.commitMetadataLocations",
        Fault.before(() -> TestCatalogs.append(one.loadTable(B), "one")));

    assertThatThrownBy(() -> two.commitTransaction(toA, toB))
        .isInstanceOf(CommitFailedException.class);

    assertThat(TestCatalogs.metadata(one, A).metadataFileLocation()).isEqualTo(aBefore);
    assertThat(TestCatalogs.dataFileNames(one.loadTable(B))).containsExactly("one.parquet");
    assertThat(TestCatalogs.strayMetadataFiles(one, A)).isEmpty();
    assertThat(TestCatalogs.strayMetadataFiles(one, B)).isEmpty();
  }

  @Test
  void aFailedInitializeClosesTheStoreItOpened() throws Exception {
    CatalogStoreCatalog catalog = new CatalogStoreCatalog();

    assertThatThrownBy(
            () -> catalog.initialize("cat", properties(StoreCatalogConfig.BRANCH, "nope")))
        .isInstanceOf(IllegalArgumentException.class);

    // The pool's connections are named after the schema; the server drops a closed one at once.
    awaitNoConnections("catalogstore/" + schema);
  }

  /** A node as an engine starts it: from properties, with a store of its own. */
  private CatalogStoreCatalog engineNode() {
    CatalogStoreCatalog catalog = new CatalogStoreCatalog();
    catalog.initialize("cat", properties());
    synchronized (toClose) {
      toClose.add(catalog);
    }
    return catalog;
  }

  /** A node over {@code faults}' store, which the test closes. */
  private CatalogStoreCatalog node(FaultyStore faults) {
    toClose.add(faults.base());
    CatalogStoreCatalog catalog = TestCatalogs.open(faults.store(), "cat", properties());
    toClose.add(catalog);
    return catalog;
  }

  private JdbcCatalogStore openStore() {
    return JdbcCatalogStore.open(TestPostgres.config(schema).build());
  }

  private Map<String, String> properties(String... extra) {
    TestPostgres.Server server = TestPostgres.server();
    Map<String, String> properties = TestCatalogs.properties(warehouse, extra);
    properties.put(StoreCatalogConfig.BACKEND, "jdbc");
    // Each test starts on an empty schema; on PostgreSQL the adapter creates nothing unasked.
    properties.put(StoreCatalogConfig.CREATE_MISSING, "true");
    properties.put(StoreCatalogConfig.JDBC_URL, server.jdbcUrl());
    properties.put(StoreCatalogConfig.JDBC_SCHEMA, schema);
    properties.put(StoreCatalogConfig.JDBC_POOL_SIZE, "3");
    if (server.username() != null) {
      properties.put(StoreCatalogConfig.JDBC_USER, server.username());
      properties.put(StoreCatalogConfig.JDBC_PASSWORD, server.password());
    }
    return properties;
  }

  private static void awaitNoConnections(String applicationName)
      throws SQLException, InterruptedException {
    // Bounded only against a leak: a closed pool's connections leave within milliseconds.
    for (int i = 0; i < 300; i++) {
      if (connections(applicationName) == 0) {
        return;
      }
      Thread.sleep(100);
    }
    assertThat(connections(applicationName)).as("open connections of %s", applicationName).isZero();
  }

  private static int connections(String applicationName) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement count =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
      count.setString(1, applicationName);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }
}
