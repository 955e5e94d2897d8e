package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.micrometer.CatalogStoreMetrics;
import dev.catalogstore.micrometer.JdbcStoreMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL store's gauges against a real server (TestPostgres: CATALOGSTORE_TEST_JDBC_URL, or
 * one the tests start), each test in a schema of its own. A call is held on its connection by a
 * lock the test takes on the store's table behind its back, so the numbers are read while they
 * hold, not raced. In the jdbc package for {@code pausePurgeForTests()}: the purger's background
 * calls would otherwise move the gauges under the test.
 */
class JdbcStoreMetricsTest {
  /** Only bounds a wait for a state the store reaches on its own threads; never asserted on. */
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void gaugesCountTheConnectionsAndCallsOfTheStoresOwnPool() throws Exception {
    String schema = TestPostgres.uniqueSchema("micrometer_pool");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (JdbcCatalogStore store =
        JdbcCatalogStore.open(
            TestPostgres.config(schema).maximumPoolSize(1).pausePurgeForTests().build())) {
      new JdbcStoreMetrics(store, Tags.of("store", "primary")).bindTo(registry);
      TenantId tenant = store.tenants().create(NewTenant.named("acme")).join().id();

      // Idle: the connection the call used is back in the pool, its thread free again.
      awaitGauges(
          registry,
          Map.of(JdbcStoreMetrics.RUNNING_CALLS, 0.0, JdbcStoreMetrics.IDLE_CONNECTIONS, 1.0));
      assertThat(gauges(registry))
          .containsEntry(JdbcStoreMetrics.ACTIVE_CONNECTIONS, 0.0)
          .containsEntry(JdbcStoreMetrics.IDLE_CONNECTIONS, 1.0)
          .containsEntry(JdbcStoreMetrics.PENDING_CONNECTIONS, 0.0)
          .containsEntry(JdbcStoreMetrics.MAX_CONNECTIONS, 1.0)
          .containsEntry(JdbcStoreMetrics.RUNNING_CALLS, 0.0)
          .containsEntry(JdbcStoreMetrics.QUEUED_CALLS, 0.0)
          .containsEntry(JdbcStoreMetrics.MAX_QUEUED_CALLS, 10_000.0)
          .containsEntry(JdbcStoreMetrics.AVAILABLE, 1.0);

      CompletableFuture<Optional<Tenant>> first;
      CompletableFuture<Optional<Tenant>> second;
      try (Connection locker = TestPostgres.connect();
          Statement statement = locker.createStatement()) {
        locker.setAutoCommit(false);
        statement.execute("LOCK TABLE \"" + schema + "\".tenants IN ACCESS EXCLUSIVE MODE");
        // The first call holds the only connection, waiting for the lock; the second its turn.
        first = store.tenants().get(tenant);
        second = store.tenants().get(tenant);
        awaitGauges(
            registry,
            Map.of(
                JdbcStoreMetrics.ACTIVE_CONNECTIONS, 1.0,
                JdbcStoreMetrics.IDLE_CONNECTIONS, 0.0,
                JdbcStoreMetrics.RUNNING_CALLS, 1.0,
                JdbcStoreMetrics.QUEUED_CALLS, 1.0));
        locker.rollback();
      }
      assertThat(first.join()).isPresent();
      assertThat(second.join()).isPresent();

      awaitGauges(
          registry,
          Map.of(
              JdbcStoreMetrics.ACTIVE_CONNECTIONS, 0.0,
              JdbcStoreMetrics.RUNNING_CALLS, 0.0,
              JdbcStoreMetrics.QUEUED_CALLS, 0.0));
      assertThat(registry.get(JdbcStoreMetrics.AVAILABLE).gauge().getId().getTag("store"))
          .isEqualTo("primary");

      store.close();
      assertThat(gauges(registry)).containsEntry(JdbcStoreMetrics.AVAILABLE, 0.0);
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void availabilityFollowsTheDatabaseAndFailedCallsAreTaggedUnavailable() throws Exception {
    String schema = TestPostgres.uniqueSchema("micrometer_outage");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SwitchableDataSource dataSource = new SwitchableDataSource();
    try (JdbcCatalogStore jdbc =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .dataSource(dataSource)
                .schema(schema)
                .maximumPoolSize(2)
                .pausePurgeForTests()
                .build())) {
      new JdbcStoreMetrics(jdbc).bindTo(registry);
      CatalogStore store = CatalogStoreMetrics.decorate(jdbc, registry);

      // The store does not see an application's pool: no connection gauges, the others as usual.
      assertThat(registry.find(JdbcStoreMetrics.ACTIVE_CONNECTIONS).gauge()).isNull();
      assertThat(registry.find(JdbcStoreMetrics.IDLE_CONNECTIONS).gauge()).isNull();
      assertThat(registry.find(JdbcStoreMetrics.PENDING_CONNECTIONS).gauge()).isNull();
      assertThat(store.tenants().create(NewTenant.named("acme")).join()).isNotNull();
      assertThat(gauges(registry)).containsEntry(JdbcStoreMetrics.AVAILABLE, 1.0);

      dataSource.refuse(true);
      assertThat(store.tenants().create(NewTenant.named("during")))
          .failsWithin(PATIENCE)
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .withCauseInstanceOf(UnavailableException.class);
      assertThat(gauges(registry)).containsEntry(JdbcStoreMetrics.AVAILABLE, 0.0);
      assertThat(
              registry
                  .get(CatalogStoreMetrics.CALLS)
                  .tags("facet", "tenants", "method", "create", "outcome", "UnavailableException")
                  .timer()
                  .count())
          .isEqualTo(1);

      dataSource.refuse(false);
      // The store finds the database back on the first call after its next probe is due.
      await(
          () ->
              store
                  .tenants()
                  .list(PageRequest.firstPage())
                  .handle((page, failure) -> failure == null)
                  .join());
      assertThat(gauges(registry)).containsEntry(JdbcStoreMetrics.AVAILABLE, 1.0);
    } finally {
      dataSource.refuse(false);
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void queuedCallsIncludeThoseTheApplicationsExecutorHasNotStarted() {
    String schema = TestPostgres.uniqueSchema("micrometer_executor");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Queue<Runnable> held = new ConcurrentLinkedQueue<>();
    try (JdbcCatalogStore store =
        JdbcCatalogStore.open(
            TestPostgres.config(schema).callExecutor(held::add).pausePurgeForTests().build())) {
      new JdbcStoreMetrics(store).bindTo(registry);

      List<CompletableFuture<Tenant>> calls =
          List.of(
              store.tenants().create(NewTenant.named("a")),
              store.tenants().create(NewTenant.named("b")),
              store.tenants().create(NewTenant.named("c")));
      assertThat(gauges(registry))
          .containsEntry(JdbcStoreMetrics.QUEUED_CALLS, 3.0)
          .containsEntry(JdbcStoreMetrics.RUNNING_CALLS, 0.0);

      for (Runnable call = held.poll(); call != null; call = held.poll()) {
        call.run();
      }
      assertThat(calls).allSatisfy(call -> assertThat(call).isCompleted());
      assertThat(gauges(registry))
          .containsEntry(JdbcStoreMetrics.QUEUED_CALLS, 0.0)
          .containsEntry(JdbcStoreMetrics.RUNNING_CALLS, 0.0);
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void closingTheGaugesRemovesThemSoThatAReopenedStoreIsReadOnceBound() {
    String schema = TestPostgres.uniqueSchema("micrometer_rebind");
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try {
      try (JdbcCatalogStore first =
              JdbcCatalogStore.open(
                  TestPostgres.config(schema).maximumPoolSize(1).pausePurgeForTests().build());
          JdbcStoreMetrics metrics = new JdbcStoreMetrics(first, Tags.of("store", "primary"))) {
        metrics.bindTo(registry);
        assertThat(gauges(registry)).containsEntry(JdbcStoreMetrics.MAX_CONNECTIONS, 1.0);
      }
      assertThat(gauges(registry)).isEmpty();

      // The same registry and tags, a store reopened with another pool size: its own values show.
      try (JdbcCatalogStore second =
              JdbcCatalogStore.open(
                  TestPostgres.config(schema).maximumPoolSize(2).pausePurgeForTests().build());
          JdbcStoreMetrics metrics = new JdbcStoreMetrics(second, Tags.of("store", "primary"))) {
        metrics.bindTo(registry);
        assertThat(gauges(registry))
            .containsEntry(JdbcStoreMetrics.MAX_CONNECTIONS, 2.0)
            .containsEntry(JdbcStoreMetrics.AVAILABLE, 1.0);
      }
    } finally {
      TestPostgres.dropSchema(schema);
    }
  }

  @Test
  void aNullStoreIsRefusedNamingTheField() {
    Assertions.assertThatThrownBy(() -> new JdbcStoreMetrics(null))
        .isInstanceOfSatisfying(
            InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo("store"));
  }

  private static Map<String, Double> gauges(SimpleMeterRegistry registry) {
    Map<String, Double> values = new java.util.TreeMap<>();
    for (Meter meter : registry.getMeters()) {
      if (meter instanceof Gauge gauge
          && meter.getId().getName().startsWith("catalogstore.jdbc.")) {
        values.put(gauge.getId().getName(), gauge.value());
      }
    }
    return values;
  }

  private static void awaitGauges(SimpleMeterRegistry registry, Map<String, Double> expected) {
    await(() -> gauges(registry).entrySet().containsAll(expected.entrySet()));
    assertThat(gauges(registry)).containsAllEntriesOf(expected);
  }

  /** Polls {@code condition} until it holds; fails after {@link #PATIENCE}. */
  private static void await(BooleanSupplier condition) {
    long end = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        Assertions.fail("not reached within " + PATIENCE);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
