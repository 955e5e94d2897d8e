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
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.PreconditionFailedException;
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
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A deployment whose application user has no DDL rights (README, "Upgrading the schema"): another
 * user migrates the schema, and a {@link DataOnlyRole} opens the store with {@code VALIDATE} and
 * serves from it, a deleted tenant's purge included; the same role cannot migrate, and is told so
 * as a precondition, not as an outage to retry. {@link ValidateOnlyRoleTckTest} runs the whole TCK
 * as such a role.
 */
class ValidateOnlyRoleTest {
  /** Guards against a purge that never ends; it normally takes well under a second. */
  private static final Duration PURGE_GUARD = Duration.ofSeconds(60);

  private String schema;
  private DataOnlyRole role;

  @BeforeEach
  void migrateAsOwnerAndCreateARoleWithoutDdlRights() throws SQLException {
    schema = TestPostgres.uniqueSchema("dmlonly");
    JdbcCatalogStore.open(TestPostgres.config(schema).build()).close();
    role = DataOnlyRole.grantedOn(schema);
  }

  @AfterEach
  void dropSchemaAndRole() throws SQLException {
    TestPostgres.dropSchema(schema);
    role.drop();
  }

  @Test
  void aRoleWithOnlyDataRightsServesAMigratedSchemaWithValidate() throws Exception {
    TenantId tenant;
    try (JdbcCatalogStore store =
        JdbcCatalogStore.open(role.config(schema).migrationMode(MigrationMode.VALIDATE).build())) {
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
  void aRoleWithoutDdlRightsCannotMigrateAndIsToldToValidateInstead() throws SQLException {
    String fresh = TestPostgres.uniqueSchema("dmlonly_fresh");
    try {
      assertThatThrownBy(() -> JdbcCatalogStore.open(role.config(fresh).build()))
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining(fresh)
          .hasMessageContaining("lacks the DDL rights")
          .hasMessageContaining("VALIDATE")
          .satisfies(
              refused ->
                  assertThat(((CatalogStoreException) refused).isRetryable())
                      .as("no retry gives the user DDL rights")
                      .isFalse());
      assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = '" + fresh + "'", null))
          .isZero();
    } finally {
      TestPostgres.dropSchema(fresh);
    }
  }

  private void awaitNoPurgeOf(TenantId tenant) throws Exception {
    long deadline = System.nanoTime() + PURGE_GUARD.toNanos();
    while (count("SELECT count(*) FROM %s.purges WHERE tenant_id = ?", tenant.value()) > 0) {
      assertThat(System.nanoTime()).as("purged within %s", PURGE_GUARD).isLessThan(deadline);
      Thread.sleep(100);
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
