package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.namespace.NamespaceRef;
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
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose application user has no DDL rights (README, "Upgrading the schema"): another
 * user migrates the schema, and a role holding only {@code USAGE} on the schema and {@code SELECT},
 * {@code INSERT}, {@code UPDATE} and {@code DELETE} on its tables opens the store with {@code
 * VALIDATE} and serves from it, a deleted tenant's purge included; the same role cannot migrate.
 */
class ValidateOnlyRoleTest {
  /** Guards against a purge that never ends; it normally takes well under a second. */
  private static final Duration PURGE_GUARD = Duration.ofSeconds(60);

  private static final String PASSWORD = "validate-only-" + UUID.randomUUID();

  private String schema;
  private String role;

  @BeforeEach
  void migrateAsOwnerAndCreateARoleWithoutDdlRights() throws SQLException {
    schema = TestPostgres.uniqueSchema("dmlonly");
    role = schema + "_app";
    JdbcCatalogStore.open(TestPostgres.config(schema).build()).close();
    execute(
        "CREATE ROLE %2$s LOGIN PASSWORD '%3$s'",
        "GRANT USAGE ON SCHEMA %1$s TO %2$s",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1$s TO %2$s");
  }

  @AfterEach
  void dropSchemaAndRole() throws SQLException {
    TestPostgres.dropSchema(schema);
    execute("DROP OWNED BY %2$s", "DROP ROLE %2$s");
  }

  @Test
  void aRoleWithOnlyDataRightsServesAMigratedSchemaWithValidate() throws Exception {
    TenantId tenant;
    try (JdbcCatalogStore store =
        JdbcCatalogStore.open(asRole(schema).migrationMode(MigrationMode.VALIDATE).build())) {
      tenant = store.tenants().create(NewTenant.named("t-" + UUID.randomUUID())).join().id();
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
      NamespaceRef namespace = NamespaceRef.of("cat", "db");
      store.namespaces().create(tenant, namespace, Map.of()).join();
      AssetRef table = AssetRef.onMain(namespace, "orders");
      store.assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)).join();
      store
          .assets()
          .commitMetadataLocation(tenant, table, MetadataCommit.first("file:///wh/v1.json"))
          .join();
      store
          .audit()
          .append(
              tenant,
              NewAuditEvent.builder(AuditActor.user("u"), "a", "t", AuditResult.SUCCESS).build())
          .join();

      assertThat(store.assets().get(tenant, table).join())
          .hasValueSatisfying(
              asset -> assertThat(asset.metadataLocation()).contains("file:///wh/v1.json"));
      assertThat(store.audit().count(tenant, AuditFilter.ALL).join()).isEqualTo(1);

      store.tenants().delete(tenant).join();
      awaitNoPurgeOf(tenant);
    }
    assertThat(count("SELECT count(*) FROM %s.assets WHERE tenant_id = ?", tenant.value()))
        .as("the purge, run by the role, removed the tenant's assets")
        .isZero();
  }

  @Test
  void aRoleWithoutDdlRightsCannotMigrate() throws SQLException {
    String fresh = TestPostgres.uniqueSchema("dmlonly_fresh");
    try {
      assertThatThrownBy(() -> JdbcCatalogStore.open(asRole(fresh).build()))
          .isInstanceOf(UnavailableException.class);
      assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + fresh + "'", null))
          .isZero();
    } finally {
      TestPostgres.dropSchema(fresh);
    }
  }

  /** The test server's configuration for {@code target}, connecting as the role. */
  private JdbcStoreConfig.Builder asRole(String target) {
    return TestPostgres.config(target)
        .jdbcUrl(withoutCredentials(TestPostgres.server().jdbcUrl()))
        .username(role)
        .password(PASSWORD);
  }

  /** {@code url} without its user and password parameters, which would win over the builder's. */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String kept =
        Arrays.stream(url.substring(query + 1).split("&"))
            .filter(
                parameter -> !parameter.startsWith("user=") && !parameter.startsWith("password="))
            .collect(Collectors.joining("&"));
    return url.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
  }

  private void awaitNoPurgeOf(TenantId tenant) throws Exception {
    long deadline = System.nanoTime() + PURGE_GUARD.toNanos();
    while (count("SELECT count(*) FROM %s.purges WHERE tenant_id = ?", tenant.value()) > 0) {
      assertThat(System.nanoTime()).as("purged within %s", PURGE_GUARD).isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  /** Runs each statement as the test server's owner; %1$s is the schema, %2$s the role. */
  private void execute(String... statements) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql.formatted(schema, role, PASSWORD));
      }
    }
  }

  private long count(String sql, UUID id) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query = connection.prepareStatement(sql.formatted(schema))) {
      if (id != null) {
        query.setObject(1, id);
      }
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
