package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database written by a store of schema version 3 (before versioning) migrates to version 4: each
 * catalog gets a root commit stamped with its creation time, its branches start there, and the
 * assets it already held stay, on main and on the branches copied from it afterwards.
 */
class VersioningMigrationTest {
  private static final Instant CREATED =
      Instant.parse("2026-01-02T03:04:05.123456Z").truncatedTo(ChronoUnit.MICROS);

  @Test
  void aVersion3DatabaseGetsARootCommitPerCatalogAndKeepsItsAssets() throws SQLException {
    String schema = TestPostgres.uniqueSchema("v3to4");
    UUID tenant = UUID.randomUUID();
    try {
      migrateToVersion3(schema);
      writeVersion3Data(schema, tenant);

      try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
        TenantId id = new TenantId(tenant);
        BranchRef main = BranchRef.main("sales");
        AssetRef orders = AssetRef.onMain(NamespaceRef.of("sales", "eu"), "orders");
        Catalog catalog = store.catalogs().get(id, "sales").join().orElseThrow();
        Branch branch = store.branches().get(id, main).join().orElseThrow();
        Commit root = store.commits().get(id, "sales", branch.head()).join().orElseThrow();

        assertThat(branch.type()).isEqualTo(BranchType.INGEST);
        assertThat(branch.partial()).isFalse();
        assertThat(branch.createdAt()).isEqualTo(CREATED).isEqualTo(branch.updatedAt());
        assertThat(root.parents()).isEmpty();
        assertThat(root.createdAt()).isEqualTo(catalog.createdAt()).isEqualTo(CREATED);
        assertThat(
                store
                    .commits()
                    .operations(id, "sales", root.id(), PageRequest.firstPage())
                    .join()
                    .items())
            .isEmpty();

        Asset before = store.assets().get(id, orders).join().orElseThrow();
        Asset after =
            store
                .assets()
                .commitMetadataLocation(
                    id, orders, MetadataCommit.replacing("s3://orders/v1", "s3://orders/v2"))
                .join();
        List<Commit> history =
            store
                .commits()
                .ancestry(id, CommitRef.head(main), PageRequest.firstPage())
                .join()
                .items();
        assertThat(history).hasSize(2);
        assertThat(history.get(0).parents()).containsExactly(root.id());
        assertThat(
                store
                    .commits()
                    .operations(id, "sales", history.get(0).id(), PageRequest.firstPage())
                    .join()
                    .items())
            .containsExactly(
                AssetChange.updated(
                    AssetKey.of(orders), AssetContent.of(before), AssetContent.of(after)));

        BranchRef dev = new BranchRef("sales", "dev");
        store.branches().create(id, dev, NewBranch.from(CommitRef.id("sales", root.id()))).join();
        assertThat(
                store
                    .assets()
                    .get(id, new AssetRef(dev, orders.namespace(), orders.name()))
                    .join()
                    .flatMap(Asset::metadataLocation))
            .contains("s3://orders/v1");
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  /** The schema as a store of version 3 left it, by the same migrations and history table. */
  private static void migrateToVersion3(String schema) {
    TestPostgres.Server server = TestPostgres.server();
    Flyway.configure(VersioningMigrationTest.class.getClassLoader())
        .dataSource(server.jdbcUrl(), server.username(), server.password())
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table(SchemaMigrator.HISTORY_TABLE)
        .locations("classpath:db/migration/postgresql")
        .target("3")
        .load()
        .migrate();
  }

  /** A tenant with a warehouse, a catalog with its main branch, a namespace and an asset. */
  private static void writeVersion3Data(String schema, UUID tenant) throws SQLException {
    UUID warehouse = UUID.randomUUID();
    UUID catalog = UUID.randomUUID();
    UUID branch = UUID.randomUUID();
    UUID namespace = UUID.randomUUID();
    UUID asset = UUID.randomUUID();
    OffsetDateTime at = OffsetDateTime.ofInstant(CREATED, ZoneOffset.UTC);
    String s = '"' + schema + '"';
    try (Connection connection = TestPostgres.connect()) {
      run(
          connection,
          "INSERT INTO " + s + ".tenants VALUES (?, 'acme-" + tenant + "', '{}', ?, ?)",
          tenant,
          at,
          at);
      run(
          connection,
          "INSERT INTO "
              + s
              + ".warehouses (tenant_id, warehouse_id, name, storage_type, root_location,"
              + " storage_options, properties, created_at, updated_at)"
              + " VALUES (?, ?, 'wh', 'FILE', 'file:///wh', '{}', '{}', ?, ?)",
          tenant,
          warehouse,
          at,
          at);
      run(
          connection,
          "INSERT INTO "
              + s
              + ".catalogs (tenant_id, catalog_id, name, catalog_type, warehouse_id, properties,"
              + " created_at, updated_at) VALUES (?, ?, 'sales', 'LOCAL', ?, '{}', ?, ?)",
          tenant,
          catalog,
          warehouse,
          at,
          at);
      run(
          connection,
          "INSERT INTO " + s + ".branches VALUES (?, ?, ?, 'main', ?)",
          tenant,
          branch,
          catalog,
          at);
      run(
          connection,
          "INSERT INTO "
              + s
              + ".namespaces (tenant_id, namespace_id, catalog_id, path, path_key, parent_key,"
              + " properties, created_at, updated_at)"
              + " VALUES (?, ?, ?, ARRAY['eu'], ?, NULL, '{}', ?, ?)",
          tenant,
          namespace,
          catalog,
          dev.catalogstore.jdbc.namespace.NamespaceKey.of(
              dev.catalogstore.api.namespace.NamespacePath.of("eu")),
          at,
          at);
      run(
          connection,
          "INSERT INTO "
              + s
              + ".assets VALUES (?, ?, ?, ?, 'orders', 'ICEBERG_TABLE', 's3://orders',"
              + " 's3://orders/v1', 1, '{}', ?, ?)",
          tenant,
          asset,
          branch,
          namespace,
          at,
          at);
      run(
          connection,
          "INSERT INTO " + s + ".metadata_history VALUES (?, ?, 1, 's3://orders/v1', NULL, ?)",
          tenant,
          asset,
          at);
    }
  }

  private static void run(Connection connection, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
