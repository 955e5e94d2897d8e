package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.settings.SystemSettings;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database of schema version 5 migrates to version 6 (the operations tables): its tenants start
 * with the default settings and an empty audit log, and take both.
 */
class OperationsMigrationTest {
  @Test
  void aVersion5DatabaseMigratesAndItsTenantsTakeSettingsAndAuditEvents() throws SQLException {
    String schema = TestPostgres.uniqueSchema("v5to6");
    UUID tenant = UUID.randomUUID();
    try {
      migrateToVersion5(schema);
      writeVersion5Tenant(schema, tenant);

      try (JdbcCatalogStore store = JdbcCatalogStore.open(TestPostgres.config(schema).build())) {
        TenantId id = new TenantId(tenant);
        assertThat(store.settings().get(id).join()).isEqualTo(SystemSettings.DEFAULTS);
        assertThat(store.audit().count(id, AuditFilter.ALL).join()).isZero();

        SystemSettings updated =
            store
                .settings()
                .update(id, SettingsUpdate.builder().defaultWarehouse("lake").build())
                .join();
        store
            .audit()
            .append(
                id,
                NewAuditEvent.builder(
                        AuditActor.user("admin"), "settings.update", "tenant", AuditResult.SUCCESS)
                    .build())
            .join();

        assertThat(updated.defaultWarehouse()).isEqualTo(Optional.of("lake"));
        assertThat(store.settings().get(id).join()).isEqualTo(updated);
        assertThat(store.audit().count(id, AuditFilter.ALL).join()).isEqualTo(1);
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  /** The schema as a store of version 5 left it, by the same migrations and history table. */
  private static void migrateToVersion5(String schema) {
    TestPostgres.Server server = TestPostgres.server();
    Flyway.configure(OperationsMigrationTest.class.getClassLoader())
        .dataSource(server.jdbcUrl(), server.username(), server.password())
        .schemas(schema)
        .defaultSchema(schema)
        .createSchemas(true)
        .table(SchemaMigrator.HISTORY_TABLE)
        .locations("classpath:db/migration/postgresql")
        .target("5")
        .load()
        .migrate();
  }

  /** A tenant and a warehouse, written as a version 5 store wrote them. */
  private static void writeVersion5Tenant(String schema, UUID tenant) throws SQLException {
    OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
    String s = '"' + schema + '"';
    try (Connection connection = TestPostgres.connect()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO " + s + ".tenants VALUES (?, 'acme-" + tenant + "', '{}', ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, at);
        insert.setObject(3, at);
        insert.executeUpdate();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO "
                  + s
                  + ".warehouses (tenant_id, warehouse_id, name, storage_type, root_location,"
                  + " storage_options, properties, created_at, updated_at)"
                  + " VALUES (?, ?, 'lake', 'FILE', 'file:///lake', '{}', '{}', ?, ?)")) {
        insert.setObject(1, tenant);
        insert.setObject(2, UUID.randomUUID());
        insert.setObject(3, at);
        insert.setObject(4, at);
        insert.executeUpdate();
      }
    }
  }
}
