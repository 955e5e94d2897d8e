package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.commit.CommitRefs;
import dev.catalogstore.jdbc.namespace.NamespaceKey;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The versioning statements read by index: PostgreSQL's own plans (EXPLAIN) of an asset change with
 * its commit, of the history reads and of a merge's read of its target, for a catalog with a few
 * thousand assets and commits and its statistics current, never scan commits, commit_changes or
 * assets. (A recursive query's step is planned for ten rows; joined plainly, a mid-sized history
 * got a hash join over every commit per step.)
 */
class VersioningPlansTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("history_ix");
  private static final int COMMITS = 2_000;

  private static TenantId tenant;
  private static UUID catalogId;
  private static UUID mainId;
  private static CommitId head;

  @BeforeAll
  static void build() throws SQLException {
    try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build())) {
      tenant = store.tenants().create(NewTenant.named("ix-" + UUID.randomUUID())).join().id();
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
      NamespaceRef ns = NamespaceRef.of("cat", "db");
      store.namespaces().create(tenant, ns, Map.of()).join();
      IntStream.range(0, COMMITS)
          .mapToObj(
              i ->
                  store
                      .assets()
                      .create(
                          tenant, AssetRef.onMain(ns, "t" + i), NewAsset.icebergTable("l", "m")))
          .toList()
          .forEach(CompletableFuture::join);
      head = store.branches().get(tenant, BranchRef.main("cat")).join().orElseThrow().head();
    }
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("ANALYZE \"" + SCHEMA + "\".commits");
      s.execute("ANALYZE \"" + SCHEMA + "\".commit_changes");
      s.execute("ANALYZE \"" + SCHEMA + "\".catalogs");
      s.execute("ANALYZE \"" + SCHEMA + "\".branches");
      s.execute("ANALYZE \"" + SCHEMA + "\".assets");
      s.execute("ANALYZE \"" + SCHEMA + "\".namespaces");
      try (var rows =
          s.executeQuery("SELECT catalog_id FROM \"" + SCHEMA + "\".catalogs WHERE name = 'cat'")) {
        rows.next();
        catalogId = rows.getObject(1, UUID.class);
      }
      try (var rows =
          s.executeQuery("SELECT branch_id FROM \"" + SCHEMA + "\".branches WHERE name = 'main'")) {
        rows.next();
        mainId = rows.getObject(1, UUID.class);
      }
    }
  }

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void anAssetChangeWithItsCommitFindsItsAssetByKey() throws SQLException {
    for (List<String> plan :
        List.of(
            explainChange("dev.catalogstore.jdbc.asset.MetadataSql", "COMMIT"),
            explainChange("dev.catalogstore.jdbc.asset.AssetSql", "UPDATE_PROPERTIES"))) {
      String text = String.join("\n", plan);
      assertThat(text)
          .as(text)
          .doesNotContain("Seq Scan on assets")
          .doesNotContain("assets_branch_ix")
          .doesNotContain("assets_kind_ix")
          .contains("assets_name_uq")
          .contains("assets_pk");
    }
  }

  @Test
  void anAncestryPageReadsCommitsByKey() throws Exception {
    List<String> plan =
        explain(
            field("dev.catalogstore.jdbc.commit.CommitSql", "ANCESTRY_PAGE"),
            statement ->
                CommitRefs.bind(statement, tenant, CommitRef.head(BranchRef.main("cat")))
                    .uuid("after", null)
                    .integer("limit", 101));
    assertReadsByIndex(plan);
  }

  @Test
  void anOperationsPageReadsChangesByKey() throws Exception {
    List<String> plan =
        explain(
            field("dev.catalogstore.jdbc.commit.CommitSql", "OPERATIONS_PAGE"),
            statement ->
                statement
                    .uuid("tenant", tenant.value())
                    .text("catalog", "cat")
                    .uuid("id", head.value())
                    .bigint("after", 0)
                    .integer("limit", 101));
    assertReadsByIndex(plan);
  }

  @Test
  void theMergesHistoryReadsCommitsAndChangesByKey() throws Exception {
    assertReadsByIndex(
        explain(
            field("dev.catalogstore.jdbc.commit.StoredHistory", "CHAIN"),
            statement ->
                statement
                    .uuid("tenant", tenant.value())
                    .uuid("catalog_id", catalogId)
                    .uuidArray("seeds", List.of(head.value()))
                    .integer("limit", 64)));
    assertReadsByIndex(
        explain(
            field("dev.catalogstore.jdbc.commit.StoredHistory", "CHANGES"),
            statement ->
                statement
                    .uuid("tenant", tenant.value())
                    .uuidArray("commits", List.of(head.value(), UUID.randomUUID()))));
  }

  @Test
  void aMergeReadsTheTargetsAssetsByKey() throws Exception {
    List<byte[]> pathKeys = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      pathKeys.add(NamespaceKey.of(NamespacePath.of("db")));
      names.add("t" + i);
    }
    List<String> plan =
        explain(
            field("dev.catalogstore.jdbc.branch.MergeSql", "TARGET_ASSETS"),
            statement ->
                statement
                    .uuid("tenant", tenant.value())
                    .uuid("catalog_id", catalogId)
                    .uuid("branch_id", mainId)
                    .bytesArray("path_keys", pathKeys)
                    .textArray("names", names));
    assertThat(String.join("\n", plan)).doesNotContain("Seq Scan on assets").contains("Index");
  }

  /** The plan of a metadata commit or property update of asset t5, binding what both take. */
  private static List<String> explainChange(String type, String field) throws SQLException {
    try {
      return explain(
          field(type, field),
          statement -> {
            statement
                .uuid("tenant", tenant.value())
                .text("catalog", "cat")
                .text("branch", "main")
                .bytes("path_key", NamespaceKey.of(NamespacePath.of("db")))
                .textArray("path", List.of("db"))
                .text("name", "t5")
                .textArray("remove", List.of())
                .json("set", Map.of())
                .timestamp("now", java.time.Instant.now())
                .uuid("commit_id", UUID.randomUUID())
                .text("author", null)
                .text("message", null);
            if (field.equals("COMMIT")) {
              statement.text("expected", "m").text("next", "n").text("location", null);
            }
            return statement;
          });
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertReadsByIndex(List<String> plan) {
    String text = String.join("\n", plan);
    assertThat(text).as(text).doesNotContain("Seq Scan on commits");
    assertThat(text).as(text).doesNotContain("Seq Scan on commit_changes");
    assertThat(text).as(text).contains("Index");
  }

  private interface Binder {
    SqlStatement bind(SqlStatement statement) throws SQLException;
  }

  private static List<String> explain(String sql, Binder binder) throws SQLException {
    try (Connection c = connect();
        SqlStatement statement =
            SqlStatement.prepare(c, new SqlText(SCHEMA).compile("EXPLAIN " + sql))) {
      return binder.bind(statement).query(row -> row.getString(1));
    }
  }

  /** The text of a statement, from the private constant that holds it. */
  private static String field(String type, String name) throws ReflectiveOperationException {
    Field field = Class.forName(type).getDeclaredField(name);
    field.setAccessible(true);
    return (String) field.get(null);
  }

  private static Connection connect() throws SQLException {
    return TestPostgres.connect();
  }
}
