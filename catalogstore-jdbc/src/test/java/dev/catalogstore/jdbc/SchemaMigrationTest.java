package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.schema.SchemaMigrator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Opening a store: Flyway migrates a fresh schema once even when several stores start at the same
 * moment, VALIDATE changes nothing and refuses a schema that is not migrated, and a database that
 * cannot be reached fails the open with {@link UnavailableException}.
 */
class SchemaMigrationTest {
  /** Guards against a hang only. */
  private static final long HANG_GUARD_SECONDS = 120;

  private static final int STORES = 4;

  @Test
  void storesOpeningAtOnceOnAFreshSchemaMigrateItOnce() throws Exception {
    String schema = TestPostgres.uniqueSchema("startup");
    ExecutorService starters = Executors.newFixedThreadPool(STORES);
    List<JdbcCatalogStore> stores = new ArrayList<>();
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<JdbcCatalogStore>> opening = new ArrayList<>();
      for (int i = 0; i < STORES; i++) {
        opening.add(
            starters.submit(
                () -> {
                  go.await();
                  return JdbcCatalogStore.open(
                      TestPostgres.config(schema).maximumPoolSize(2).build());
                }));
      }
      go.countDown();
      for (Future<JdbcCatalogStore> store : opening) {
        stores.add(store.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS));
      }

      assertThat(appliedMigrations(schema))
          .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
      Tenant created =
          stores.get(0).tenants().create(NewTenant.named("t-" + UUID.randomUUID())).join();
      assertThat(stores.get(STORES - 1).tenants().get(created.id()).join()).contains(created);
    } finally {
      stores.forEach(JdbcCatalogStore::close);
      starters.shutdownNow();
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void validateOpensAMigratedSchema() {
    String schema = TestPostgres.uniqueSchema("validate");
    try {
      JdbcCatalogStore.open(TestPostgres.config(schema).build()).close();

      try (JdbcCatalogStore store =
          JdbcCatalogStore.open(
              TestPostgres.config(schema).migrationMode(MigrationMode.VALIDATE).build())) {
        assertThat(store.tenants().get(TenantId.SYSTEM).join())
            .map(Tenant::name)
            .contains("system");
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void validateRefusesASchemaThatIsNotMigratedAndChangesNothing() throws SQLException {
    String schema = TestPostgres.uniqueSchema("unmigrated");
    try {
      assertThatThrownBy(
              () ->
                  JdbcCatalogStore.open(
                      TestPostgres.config(schema).migrationMode(MigrationMode.VALIDATE).build()))
          .isInstanceOf(PreconditionFailedException.class)
          .hasMessageContaining(schema);

      assertThat(schemaExists(schema)).isFalse();
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void anUnreachableDatabaseFailsTheOpenWithUnavailable() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    JdbcStoreConfig config =
        JdbcStoreConfig.builder()
            .jdbcUrl("jdbc:postgresql://127.0.0.1:" + closedPort + "/nothing")
            .connectionTimeout(Duration.ofSeconds(1))
            .build();

    assertThatThrownBy(() -> JdbcCatalogStore.open(config))
        .isInstanceOf(UnavailableException.class);
  }

  private static List<String> appliedMigrations(String schema) throws SQLException {
    List<String> versions = new ArrayList<>();
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT version FROM \""
                    + schema
                    + "\"."
                    + SchemaMigrator.HISTORY_TABLE
                    + " WHERE success AND version IS NOT NULL ORDER BY installed_rank");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        versions.add(rows.getString(1));
      }
    }
    return versions;
  }

  private static boolean schemaExists(String schema) throws SQLException {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement query =
            connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next();
      }
    }
  }
}
