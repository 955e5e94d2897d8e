package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import dev.catalogstore.jdbc.sql.SqlErrors;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operations tables on PostgreSQL (migration V6), checked behind the store's back: audit events
 * are append-only also to the store's own database role, and outlive their tenant; a tenant's
 * settings go with it and hold on to its default warehouse; a catalog's sync stats go with it.
 *
 * <p>The store runs on an application DataSource, so the test reaches the database through the very
 * pool, and role, the store uses.
 */
class OperationsSchemaTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("ops");

  private static HikariDataSource pool;
  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    hikari.setMaximumPoolSize(4);
    pool = new HikariDataSource(hikari);
    store =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .dataSource(pool)
                .schema(SCHEMA)
                .maximumPoolSize(4)
                .secretCodec(AesGcmSecretCodec.of(1, TestPostgres.TEST_KEY))
                .connectors(FederatedConnectors.of(TckRemoteCatalog.CONNECTOR))
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    pool.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void theStoresOwnRoleCannotUpdateDeleteOrTruncateAuditEvents() throws SQLException {
    TenantId tenant = newTenant();
    AuditEvent event = store.audit().append(tenant, event("asset.create")).join();
    List<String> before = auditRows(tenant);
    assertThat(before).hasSize(1);

    for (String change :
        List.of(
            "UPDATE %s.audit_events SET action = 'forged' WHERE tenant_id = '%s'",
            "DELETE FROM %s.audit_events WHERE tenant_id = '%s'", "TRUNCATE %s.audit_events")) {
      String sql = change.formatted(quotedSchema(), tenant.value());
      try (Connection connection = pool.getConnection();
          Statement statement = connection.createStatement()) {
        assertThatThrownBy(() -> statement.execute(sql))
            .as(sql)
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(SqlErrors.APPEND_ONLY));
      }
      assertThat(auditRows(tenant)).as("after " + sql).isEqualTo(before);
    }
    assertThat(store.audit().get(tenant, event.id()).join()).contains(event);
  }

  @Test
  void auditEventsOutliveTheirTenantAndStayReadableByItsId() throws SQLException {
    TenantId doomed = newTenant();
    TenantId kept = newTenant();
    AuditEvent first = store.audit().append(doomed, event("a")).join();
    AuditEvent second = store.audit().append(doomed, event("b")).join();
    store.audit().append(kept, event("a")).join();

    store.tenants().delete(doomed).join();

    assertThat(auditRows(doomed)).hasSize(2);
    assertThat(store.audit().get(doomed, first.id()).join()).contains(first);
    assertThat(store.audit().count(doomed, AuditFilter.ALL).join()).isEqualTo(2);
    assertThat(store.audit().list(doomed, AuditFilter.ALL, PageRequest.firstPage()).join().items())
        .containsExactlyInAnyOrder(first, second);
    assertThat(store.audit().count(doomed, AuditFilter.ALL.withAction("a")).join()).isEqualTo(1);
    // Only appending needs the tenant.
    assertThatThrownBy(() -> store.audit().append(doomed, event("c")).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(NotFoundException.class);
  }

  @Test
  void theDefaultWarehouseCannotBeDeletedAndSettingsGoWithTheirTenant() throws SQLException {
    TenantId tenant = newTenant();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("lake", StorageConfig.of(StorageType.FILE, "file:///l")))
        .join();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("other", StorageConfig.of(StorageType.FILE, "file:///o")))
        .join();
    store
        .settings()
        .update(
            tenant,
            SettingsUpdate.builder()
                .defaultWarehouse("lake")
                .extra(PropertyUpdate.setting("k", "v"))
                .build())
        .join();

    assertThatThrownBy(() -> store.warehouses().delete(tenant, "lake").join())
        .hasCauseInstanceOf(PreconditionFailedException.class)
        .hasMessageContaining("default warehouse");
    store.warehouses().delete(tenant, "other").join();
    store
        .settings()
        .update(tenant, SettingsUpdate.builder().clearDefaultWarehouse().build())
        .join();
    store.warehouses().delete(tenant, "lake").join();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("lake", StorageConfig.of(StorageType.FILE, "file:///l")))
        .join();
    store
        .settings()
        .update(tenant, SettingsUpdate.builder().defaultWarehouse("lake").build())
        .join();
    assertThat(rows("tenant_settings", tenant)).isEqualTo(1);

    // A tenant's deletion removes its settings, and tombstones its default warehouse (V8: its name
    // NULL, its row purged in the background), together.
    store.tenants().delete(tenant).join();

    assertThat(rows("tenant_settings", tenant)).isZero();
    assertThat(rows("warehouses WHERE name IS NOT NULL AND", tenant)).isZero();
  }

  @Test
  void aCatalogsSyncStatsGoWithIt() throws SQLException {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = TckRemoteCatalog.create().namespace("db");
    remote.table(NamespacePath.of("db"), "t", "file:///t/v1.metadata.json");
    store.catalogs().create(tenant, NewCatalog.federated("mirror", remote.config())).join();
    store.federation().sync(tenant, "mirror").join();
    assertThat(rows("catalog_sync_stats", tenant)).isEqualTo(1);

    store.assets().delete(tenant, AssetRef.onMain("mirror", NamespacePath.of("db"), "t")).join();
    store.namespaces().delete(tenant, NamespaceRef.of("mirror", "db")).join();
    store.catalogs().delete(tenant, "mirror").join();

    assertThat(rows("catalog_sync_stats", tenant)).isZero();
    // The sync's audit event stays.
    assertThat(store.audit().count(tenant, AuditFilter.ALL.withAction("federation.sync")).join())
        .isEqualTo(1);
    remote.close();
  }

  private static NewAuditEvent event(String action) {
    return NewAuditEvent.builder(AuditActor.user("alice"), action, "asset", AuditResult.SUCCESS)
        .resourceId("r-1")
        .details(Map.of("k", "v"))
        .build();
  }

  private static TenantId newTenant() {
    return store.tenants().create(NewTenant.named("ops-" + UUID.randomUUID())).join().id();
  }

  private static String quotedSchema() {
    return "\"" + SCHEMA + "\"";
  }

  /** Every column of the tenant's audit rows, as text, in id order. */
  private static List<String> auditRows(TenantId tenant) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT e::text FROM "
                    + quotedSchema()
                    + ".audit_events e WHERE tenant_id = ? ORDER BY event_id")) {
      statement.setObject(1, tenant.value());
      try (ResultSet rows = statement.executeQuery()) {
        List<String> result = new ArrayList<>();
        while (rows.next()) {
          result.add(rows.getString(1));
        }
        return result;
      }
    }
  }

  private static long rows(String table, TenantId tenant) throws SQLException {
    try (Connection connection = pool.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT count(*) FROM "
                    + quotedSchema()
                    + "."
                    + (table.endsWith(" AND") ? table : table + " WHERE")
                    + " tenant_id = ?")) {
      statement.setObject(1, tenant.value());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
