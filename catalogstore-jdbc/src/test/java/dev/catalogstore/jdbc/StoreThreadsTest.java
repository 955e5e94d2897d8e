package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Where the store's work and its futures run: on the store's own threads, never the caller's. To
 * observe a future complete, a test holds a row lock behind the store's back, so the store's
 * statement waits for it deterministically, attaches its callback, then releases the lock.
 */
class StoreThreadsTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("threads");

  /** Guards against a hang only; the calls complete as soon as the lock is released. */
  private static final long HANG_GUARD_SECONDS = 60;

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void aFutureCompletesOnAStoreThread() throws Exception {
    try (JdbcCatalogStore store = open(4)) {
      TenantId tenant = newTenant(store);
      CompletableFuture<String> completedOn;
      RowLock lock = RowLock.onTenant(tenant);
      try {
        CompletableFuture<Tenant> update = store.tenants().update(tenant, rename());
        completedOn = update.thenApply(t -> Thread.currentThread().getName());
        assertThat(update).as("a call waiting for a locked row").isNotDone();
      } finally {
        lock.release();
      }
      assertThat(completedOn.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
          .startsWith("catalogstore-")
          .isNotEqualTo(Thread.currentThread().getName());
    }
  }

  @Test
  void aValidationFailureAlsoCompletesOnAStoreThread() throws Exception {
    // One store thread, kept busy by a call waiting for a lock: the next call waits its turn.
    try (JdbcCatalogStore store = open(1)) {
      TenantId tenant = newTenant(store);
      CompletableFuture<String> failedOn;
      RowLock lock = RowLock.onTenant(tenant);
      try {
        CompletableFuture<Tenant> blocked = store.tenants().update(tenant, rename());
        CompletableFuture<Tenant> invalid = store.tenants().create(NewTenant.named(" "));
        failedOn =
            invalid.handle(
                (t, e) -> {
                  assertThat(e).isInstanceOf(InvalidArgumentException.class);
                  return Thread.currentThread().getName();
                });
        assertThat(blocked).isNotDone();
        assertThat(invalid).isNotDone();
      } finally {
        lock.release();
      }
      assertThat(failedOn.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).startsWith("catalogstore-");
    }
  }

  @Test
  void aCallTakesTheCallersMapWhenItIsMadeNotWhenItRuns() throws Exception {
    try (JdbcCatalogStore store = open(1)) {
      TenantId tenant = newTenant(store);
      store
          .warehouses()
          .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
          .join();
      store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
      NamespaceRef db = NamespaceRef.of("cat", "db");
      Map<String, String> properties = new HashMap<>(Map.of("owner", "alice"));
      CompletableFuture<Namespace> created;
      RowLock lock = RowLock.onTenant(tenant);
      try {
        CompletableFuture<Tenant> blocked = store.tenants().update(tenant, rename());
        awaitRunning(blocked);
        created = store.namespaces().create(tenant, db, properties);
        // The call has returned, so the caller may reuse its map; the queued call must not see it.
        properties.put("owner", "bob");
        properties.put("bad\u0001key", "x");
      } finally {
        lock.release();
      }

      assertThat(created.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS).properties())
          .isEqualTo(Map.of("owner", "alice"));
      assertThat(store.namespaces().get(tenant, db).join().orElseThrow().properties())
          .isEqualTo(Map.of("owner", "alice"));
    }
  }

  @Test
  void callsChainedInsideCallbacksDoNotDeadlockOnASingleThread() throws Exception {
    try (JdbcCatalogStore store = open(1)) {
      Optional<Tenant> read =
          store
              .tenants()
              .create(NewTenant.named("chain-" + UUID.randomUUID()))
              .thenCompose(created -> store.tenants().update(created.id(), rename()))
              .thenCompose(updated -> store.tenants().get(updated.id()))
              .get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);

      assertThat(read).isPresent();
    }
  }

  @Test
  void callsBeyondTheQueueFailAtOnceWithUnavailable() throws Exception {
    try (JdbcCatalogStore store =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA).maximumPoolSize(1).maximumQueuedCalls(1).build())) {
      TenantId tenant = newTenant(store);
      RowLock lock = RowLock.onTenant(tenant);
      try {
        CompletableFuture<Tenant> running = store.tenants().update(tenant, rename());
        awaitRunning(running);
        CompletableFuture<Optional<Tenant>> queued = store.tenants().get(tenant);
        CompletableFuture<Optional<Tenant>> rejected = store.tenants().get(tenant);

        assertThatThrownBy(() -> rejected.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
            .cause()
            .isInstanceOf(UnavailableException.class)
            .hasMessageContaining("overloaded");
        assertThat(queued).isNotDone();
      } finally {
        lock.release();
      }
    }
  }

  @Test
  void aStoreClosedFromItsOwnCallbackDoesNotWaitForItself() throws Exception {
    JdbcCatalogStore store = open(1);
    CompletableFuture<Void> closed =
        store.tenants().get(TenantId.SYSTEM).thenAccept(t -> store.close());

    closed.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    assertThatThrownBy(
            () -> store.tenants().get(TenantId.SYSTEM).get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(UnavailableException.class);
  }

  @Test
  void aClosedStoreFailsCallsWithUnavailable() {
    JdbcCatalogStore store = open(1);
    store.close();
    store.close();

    CompletableFuture<Optional<Tenant>> call = store.tenants().get(TenantId.SYSTEM);

    assertThatThrownBy(() -> call.get(HANG_GUARD_SECONDS, TimeUnit.SECONDS))
        .cause()
        .isInstanceOf(UnavailableException.class)
        .hasMessageContaining("closed");
  }

  /**
   * Waits until the store's only thread has taken {@code call} off the queue, as seen from the
   * database: its statement is waiting for the test's lock.
   */
  private static void awaitRunning(CompletableFuture<?> call) throws Exception {
    try (Connection connection = TestPostgres.connect();
        PreparedStatement waiting =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity "
                    + "WHERE application_name = ? AND wait_event_type = 'Lock'")) {
      waiting.setString(1, "catalogstore/" + SCHEMA);
      for (int attempt = 0; attempt < 1_000; attempt++) {
        try (ResultSet rows = waiting.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            return;
          }
        }
        assertThat(call).as("the call waiting for the lock").isNotDone();
        Thread.sleep(10);
      }
    }
    throw new AssertionError("the call never reached the database");
  }

  private static JdbcCatalogStore open(int threads) {
    return JdbcCatalogStore.open(TestPostgres.config(SCHEMA).maximumPoolSize(threads).build());
  }

  private static TenantId newTenant(JdbcCatalogStore store) {
    return store.tenants().create(NewTenant.named("threads-" + UUID.randomUUID())).join().id();
  }

  private static TenantUpdate rename() {
    return TenantUpdate.builder().name("renamed-" + UUID.randomUUID()).build();
  }

  /** A tenant row locked by an open transaction of another connection until released. */
  private static final class RowLock {
    private final Connection connection;

    private RowLock(Connection connection) {
      this.connection = connection;
    }

    static RowLock onTenant(TenantId tenant) throws SQLException {
      Connection connection = TestPostgres.connect();
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement(
              "SELECT 1 FROM \"" + SCHEMA + "\".tenants WHERE tenant_id = ? FOR UPDATE")) {
        lock.setObject(1, tenant.value());
        try (ResultSet row = lock.executeQuery()) {
          assertThat(row.next()).as("the locked tenant row").isTrue();
        }
      }
      return new RowLock(connection);
    }

    void release() throws SQLException {
      connection.commit();
      connection.close();
    }
  }
}
