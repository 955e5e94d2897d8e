package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a tenant or a catalog too large to delete in one statement (issue 11, item 5). The rows
 * are loaded straight into the tables ({@code INSERT ... SELECT generate_series}), enough that the
 * one-statement cascade of migrations V1 to V7 exceeds a 1 s statement timeout, which each test
 * first shows by running that DELETE under {@code statement_timeout = 1s}. The store, with
 * queryTimeout 1 s (the same timeout on every statement it runs, its purge's batches included),
 * then deletes at once, everything is invisible and the name free at once, and the purger removes
 * every row in batches, each under that timeout.
 */
class HugeDeleteTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("huge");

  /** Enough that the cascade takes seconds on a small machine; the purge takes some 100 batches. */
  private static final int ASSETS = 100_000;

  private static final int COMMITS = 1_000;
  private static final int CHANGES_PER_COMMIT = 100;
  private static final int NAMESPACES = 5_000;

  /** The purge is a background job; this only bounds a test that would otherwise hang. */
  private static final Duration PURGE_GUARD = Duration.ofMinutes(5);

  private static final String CATALOG = "lake";
  private static final NamespaceRef SALES = NamespaceRef.of(CATALOG, "sales");

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  /**
   * With an application's executor that runs calls where they are submitted and one call slot, a
   * delete still returns at once: the purge it wakes runs on the purger's own thread, in batches of
   * its own, never inside the delete's call (which holds the only slot) nor on the caller's stack.
   */
  @Test
  void aDeleteOnTheCallersThreadReturnsAndThePurgerStillFinishes() throws Exception {
    JdbcStoreConfig config =
        TestPostgres.config(SCHEMA)
            .callExecutor(Runnable::run)
            .maximumPoolSize(1)
            .purgeBatchSize(1)
            .purgeInterval(Duration.ofMillis(200))
            .build();
    try (JdbcCatalogStore store = JdbcCatalogStore.open(config)) {
      TenantId tenant = store.tenants().create(NewTenant.named(unique("t"))).join().id();
      store
          .warehouses()
          .create(
              tenant,
              NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///warehouses/wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
      for (int i = 0; i < 50; i++) {
        store.namespaces().create(tenant, NamespaceRef.of(CATALOG, "n" + i), Map.of()).join();
      }

      assertThat(store.catalogs().delete(tenant, CATALOG)).succeedsWithin(Duration.ofSeconds(10));

      assertThat(store.catalogs().get(tenant, CATALOG).join()).isEmpty();
      awaitGone("SELECT count(*) FROM " + SCHEMA + ".purges WHERE tenant_id = ?", tenant.value());
    }
  }

  private static JdbcCatalogStore open(boolean purging) {
    JdbcStoreConfig.Builder config =
        TestPostgres.config(SCHEMA)
            .queryTimeout(Duration.ofSeconds(1))
            // Well under the 1 s timeout on a busy 2-core machine, foreign-key checks included
            // (about 0.3 ms a namespace there); the default, 2,000, is for the default 30 s.
            .purgeBatchSize(500)
            .purgeInterval(Duration.ofMillis(200));
    if (!purging) {
      config.pausePurgeForTests();
    }
    return JdbcCatalogStore.open(config.build());
  }

  @Test
  void aHugeCatalogIsDeletedAtOnceAndPurgedInBatches() throws Exception {
    try (JdbcCatalogStore store = open(true)) {
      TenantId tenant = store.tenants().create(NewTenant.named(unique("t"))).join().id();
      UUID catalogId = fill(store, tenant);
      AssetId asset = someAssetId(catalogId);
      assertTheOneStatementDeleteTimesOut(
          "DELETE FROM " + SCHEMA + ".catalogs WHERE catalog_id = '" + catalogId + "'");

      store.catalogs().delete(tenant, CATALOG).join();

      assertThat(store.catalogs().get(tenant, CATALOG).join()).isEmpty();
      assertThat(store.namespaces().get(tenant, SALES).join()).isEmpty();
      assertThat(store.assets().get(tenant, AssetRef.onMain(SALES, "a1")).join()).isEmpty();
      assertThat(store.assets().getById(tenant, asset).join()).isEmpty();
      assertNotFound(
          () -> store.assets().list(tenant, BranchRef.main(CATALOG), SALES.path(), first()).join());
      // The name is free at once, and the new catalog starts empty.
      store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
      assertThat(
              store.namespaces().list(tenant, NamespaceRef.root(CATALOG), first()).join().items())
          .isEmpty();
      assertThat(store.namespaces().get(tenant, SALES).join()).isEmpty();

      awaitPurged(catalogId);
      assertThat(store.catalogs().get(tenant, CATALOG).join()).isPresent();
    }
  }

  @Test
  void aHugeTenantIsDeletedAtOnceAndPurgedInBatches() throws Exception {
    try (JdbcCatalogStore store = open(true)) {
      String name = unique("t");
      TenantId tenant = store.tenants().create(NewTenant.named(name)).join().id();
      UUID catalogId = fill(store, tenant);
      assertTheOneStatementDeleteTimesOut(
          "DELETE FROM " + SCHEMA + ".tenants WHERE tenant_id = '" + tenant.value() + "'");

      store.tenants().delete(tenant).join();

      assertThat(store.tenants().get(tenant).join()).isEmpty();
      assertThat(store.catalogs().get(tenant, CATALOG).join()).isEmpty();
      assertThat(store.warehouses().get(tenant, "wh").join()).isEmpty();
      assertThat(store.assets().get(tenant, AssetRef.onMain(SALES, "a1")).join()).isEmpty();
      assertNotFound(() -> store.catalogs().list(tenant, first()).join());
      TenantId reborn = store.tenants().create(NewTenant.named(name)).join().id();
      assertThat(store.catalogs().list(reborn, first()).join().items()).isEmpty();

      awaitPurged(catalogId);
      awaitGone("SELECT count(*) FROM " + SCHEMA + ".tenants WHERE tenant_id = ?", tenant.value());
      assertThat(
              count("SELECT count(*) FROM " + SCHEMA + ".warehouses WHERE tenant_id = ?", tenant))
          .isZero();
      assertThat(count("SELECT count(*) FROM " + SCHEMA + ".purges WHERE tenant_id = ?", tenant))
          .isZero();
    }
  }

  /**
   * A purge survives its store: deleted through a store whose purger is paused, the rows stay
   * (tombstoned, invisible) and the purge stays recorded; two stores opened later on the same
   * database share the recorded work and finish it.
   */
  @Test
  void aPurgeLeftByAStoppedStoreIsFinishedByTheNextStores() throws Exception {
    TenantId tenant;
    UUID first;
    UUID second;
    try (JdbcCatalogStore paused = open(false)) {
      tenant = paused.tenants().create(NewTenant.named(unique("t"))).join().id();
      first = fill(paused, tenant);
      paused.catalogs().create(tenant, NewCatalog.local("second", "wh")).join();
      second = catalogId(tenant, "second");
      paused.namespaces().create(tenant, NamespaceRef.of("second", "ns"), Map.of()).join();
      paused.catalogs().delete(tenant, CATALOG).join();
      paused.tenants().delete(tenant).join();
      assertThat(paused.tenants().get(tenant).join()).isEmpty();
    }
    assertThat(count("SELECT count(*) FROM " + SCHEMA + ".purges WHERE tenant_id = ?", tenant))
        .as("the purges recorded: two catalogs and the tenant")
        .isEqualTo(3);
    assertThat(count("SELECT count(*) FROM " + SCHEMA + ".assets WHERE tenant_id = ?", tenant))
        .as("nothing was purged while the purger was paused")
        .isEqualTo(ASSETS);

    try (JdbcCatalogStore node1 = open(true);
        JdbcCatalogStore node2 = open(true)) {
      awaitPurged(first);
      awaitPurged(second);
      awaitGone("SELECT count(*) FROM " + SCHEMA + ".tenants WHERE tenant_id = ?", tenant.value());
      assertThat(node2.tenants().get(tenant).join()).isEmpty();
    }
    for (String table :
        new String[] {
          "assets",
          "metadata_history",
          "namespaces",
          "branches",
          "commits",
          "commit_changes",
          "tags",
          "warehouses",
          "purges"
        }) {
      assertThat(
              count(
                  "SELECT count(*) FROM " + SCHEMA + "." + table + " WHERE tenant_id = ?", tenant))
          .as(table)
          .isZero();
    }
  }

  /**
   * A warehouse {@code wh}, catalog {@link #CATALOG} on it with namespace {@code sales} and a tag,
   * then straight into the tables: {@link #ASSETS} assets on main in {@code sales} with one history
   * entry each, {@link #NAMESPACES} namespaces below {@code sales}, {@link #COMMITS} commits of
   * {@link #CHANGES_PER_COMMIT} changes each. Returns the catalog's id.
   */
  private static UUID fill(JdbcCatalogStore store, TenantId tenant) throws SQLException {
    store
        .warehouses()
        .create(
            tenant,
            NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///warehouses/wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local(CATALOG, "wh")).join();
    store.namespaces().create(tenant, SALES, Map.of()).join();
    store
        .tags()
        .create(tenant, new TagRef(CATALOG, "v1"), CommitRef.head(BranchRef.main(CATALOG)))
        .join();
    UUID catalog = catalogId(tenant, CATALOG);
    String s = SCHEMA;
    try (Connection connection = TestPostgres.connect()) {
      connection.setAutoCommit(false);
      run(
          connection,
          """
          INSERT INTO %1$s.assets
              (tenant_id, asset_id, branch_id, namespace_id, name, kind, location,
               metadata_location, metadata_sequence, properties, created_at, updated_at)
          SELECT b.tenant_id, gen_random_uuid(), b.branch_id, n.namespace_id, 'a' || g,
                 'ICEBERG_TABLE', NULL, 's3://m/' || g, 1, '{}', now(), now()
          FROM %1$s.branches b
          JOIN %1$s.namespaces n ON n.tenant_id = b.tenant_id AND n.catalog_id = b.catalog_id
          CROSS JOIN generate_series(1, %2$d) g
          WHERE b.tenant_id = '%3$s' AND b.catalog_id = '%4$s' AND b.name = 'main'
          """
              .formatted(s, ASSETS, tenant.value(), catalog));
      run(
          connection,
          """
          INSERT INTO %1$s.metadata_history
              (tenant_id, asset_id, sequence, location, previous_location, committed_at)
          SELECT a.tenant_id, a.asset_id, 1, a.metadata_location, NULL, now()
          FROM %1$s.assets a
          WHERE a.tenant_id = '%2$s'
          """
              .formatted(s, tenant.value()));
      run(
          connection,
          """
          INSERT INTO %1$s.namespaces
              (tenant_id, namespace_id, catalog_id, path, path_key, parent_key, properties,
               created_at, updated_at)
          SELECT p.tenant_id, gen_random_uuid(), p.catalog_id, ARRAY['sales', 'n' || g],
                 decode(md5(p.catalog_id::text || '/' || g), 'hex'), p.path_key, '{}', now(),
                 now()
          FROM %1$s.namespaces p
          CROSS JOIN generate_series(1, %2$d) g
          WHERE p.tenant_id = '%3$s' AND p.catalog_id = '%4$s'
          """
              .formatted(s, NAMESPACES, tenant.value(), catalog));
      run(
          connection,
          """
          WITH m AS (
              INSERT INTO %1$s.commits
                  (tenant_id, commit_id, catalog_id, first_parent_id, second_parent_id,
                   generation, created_at)
              SELECT '%3$s', gen_random_uuid(), '%4$s', gen_random_uuid(), NULL, g, now()
              FROM generate_series(1, %2$d) g
              RETURNING tenant_id, commit_id
          )
          INSERT INTO %1$s.commit_changes
              (tenant_id, commit_id, parent_index, ordinal, namespace, name, before, after)
          SELECT m.tenant_id, m.commit_id, 0, o, ARRAY['sales'], 'a' || o, NULL, '{}'
          FROM m CROSS JOIN generate_series(1, %5$d) o
          """
              .formatted(s, COMMITS, tenant.value(), catalog, CHANGES_PER_COMMIT));
      connection.commit();
      // As autovacuum would soon after such a load. Without statistics the planner breaks an
      // estimate tie between namespaces_path_uq and namespaces_children_ix for the latter, and
      // every foreign-key check on a namespace (the store's inserts, the purge's deletes) then
      // scans all of the catalog's namespaces: a schema matter of its own, outside this test.
      connection.setAutoCommit(true);
      for (String table :
          new String[] {"assets", "metadata_history", "namespaces", "commits", "commit_changes"}) {
        run(connection, "ANALYZE " + s + "." + table);
      }
    }
    return catalog;
  }

  /** The cascade of V1 to V7, run under the timeout the store has: it does not finish. */
  private static void assertTheOneStatementDeleteTimesOut(String delete) throws SQLException {
    try (Connection connection = TestPostgres.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL statement_timeout = '1s'");
        assertThatThrownBy(() -> statement.executeUpdate(delete))
            .as("the one-statement delete, under a 1 s statement timeout")
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> assertThat(e.getSQLState()).as("query_canceled").isEqualTo("57014"));
      } finally {
        connection.rollback();
      }
    }
  }

  private static void awaitPurged(UUID catalogId) throws Exception {
    for (String table : new String[] {"assets", "commits", "namespaces", "catalogs"}) {
      String where =
          table.equals("assets")
              ? "branch_id IN (SELECT branch_id FROM "
                  + SCHEMA
                  + ".branches WHERE catalog_id = ?)"
                  + " OR namespace_id IN (SELECT namespace_id FROM "
                  + SCHEMA
                  + ".namespaces WHERE catalog_id = ?)"
              : "catalog_id = ?";
      String sql = "SELECT count(*) FROM " + SCHEMA + "." + table + " WHERE " + where;
      awaitGone(sql, catalogId);
    }
  }

  /** Waits until {@code countSql} (one or two {@code ?}, each bound to {@code id}) counts 0. */
  private static void awaitGone(String countSql, UUID id) throws Exception {
    long deadline = System.nanoTime() + PURGE_GUARD.toNanos();
    while (true) {
      long left;
      try (Connection connection = TestPostgres.connect();
          PreparedStatement query = connection.prepareStatement(countSql)) {
        for (int i = 1; i <= query.getParameterMetaData().getParameterCount(); i++) {
          query.setObject(i, id);
        }
        try (ResultSet rows = query.executeQuery()) {
          rows.next();
          left = rows.getLong(1);
        }
      }
      if (left == 0) {
        return;
      }
      assertThat(System.nanoTime())
          .as("purged within %s: %s still counts %d", PURGE_GUARD, countSql, left)
          .isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  private static long count(String countSql, TenantId tenant) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query = connection.prepareStatement(countSql)) {
      query.setObject(1, tenant.value());
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static UUID catalogId(TenantId tenant, String name) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT catalog_id FROM "
                    + SCHEMA
                    + ".catalogs WHERE tenant_id = ? AND name = ?")) {
      query.setObject(1, tenant.value());
      query.setString(2, name);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getObject(1, UUID.class);
      }
    }
  }

  private static AssetId someAssetId(UUID catalogId) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT a.asset_id FROM "
                    + SCHEMA
                    + ".assets a JOIN "
                    + SCHEMA
                    + ".branches b ON b.branch_id = a.branch_id WHERE b.catalog_id = ? LIMIT 1")) {
      query.setObject(1, catalogId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return new AssetId(rows.getObject(1, UUID.class));
      }
    }
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static void assertNotFound(Runnable call) {
    assertThatThrownBy(call::run)
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  private static PageRequest first() {
    return PageRequest.firstPage();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
