package dev.catalogstore.micrometer;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcPoolMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Gauges of a {@link JdbcCatalogStore}'s pool and call queue, read from {@link
 * JdbcCatalogStore#poolMetrics()} whenever the registry reads them:
 *
 * <pre>{@code
 * JdbcStoreMetrics metrics = new JdbcStoreMetrics(jdbcStore, Tags.of("store", "primary"));
 * metrics.bindTo(registry);
 * ...
 * metrics.close(); // with the store: removes the gauges from the registry
 * }</pre>
 *
 * <table>
 *   <caption>Gauges</caption>
 *   <tr><th>name</th><th>value</th></tr>
 *   <tr><td>{@value #ACTIVE_CONNECTIONS}</td><td>connections lent to calls</td></tr>
 *   <tr><td>{@value #IDLE_CONNECTIONS}</td><td>connections open and free</td></tr>
 *   <tr><td>{@value #PENDING_CONNECTIONS}</td><td>calls waiting for a connection</td></tr>
 *   <tr><td>{@value #MAX_CONNECTIONS}</td><td>{@code maximumPoolSize}: the most connections,
 *       and the most calls running at once</td></tr>
 *   <tr><td>{@value #RUNNING_CALLS}</td><td>calls running</td></tr>
 *   <tr><td>{@value #QUEUED_CALLS}</td><td>calls waiting for their turn</td></tr>
 *   <tr><td>{@value #MAX_QUEUED_CALLS}</td><td>{@code maximumQueuedCalls}: beyond it calls fail at
 *       once</td></tr>
 *   <tr><td>{@value #AVAILABLE}</td><td>1 while the store serves; 0 once it is closed, and while
 *       it takes the database for unreachable (calls then fail at once)</td></tr>
 * </table>
 *
 * <p>The three connection gauges exist only for a store that owns its pool (configured with a JDBC
 * URL); with an application's {@code DataSource} the store does not see that pool's connections,
 * which the application's own pool metrics report. The gauges hold the store weakly, as
 * Micrometer's gauges do: a store that is no longer referenced reads as NaN. {@code
 * catalogstore-micrometer} depends on {@code catalogstore-jdbc} as optional: an application that
 * uses this class has it already, as its store.
 *
 * <p><b>Close it with the store.</b> {@link #close()} removes the gauges from every registry they
 * were bound to. A registry keeps a gauge until it is removed, and gives back the gauge it holds to
 * whoever registers one of the same name and tags: without the close, binding a store reopened
 * under the same tags would keep reading the closed one (its {@value #AVAILABLE} stuck at 0).
 */
public final class JdbcStoreMetrics implements MeterBinder, AutoCloseable {
  /** Connections of the store's own pool lent to calls. */
  public static final String ACTIVE_CONNECTIONS = "catalogstore.jdbc.connections.active";

  /** Connections of the store's own pool open and free. */
  public static final String IDLE_CONNECTIONS = "catalogstore.jdbc.connections.idle";

  /** Calls waiting for a connection of the store's own pool. */
  public static final String PENDING_CONNECTIONS = "catalogstore.jdbc.connections.pending";

  /** The most connections, and the most calls running at once: {@code maximumPoolSize}. */
  public static final String MAX_CONNECTIONS = "catalogstore.jdbc.connections.max";

  /** Calls running. */
  public static final String RUNNING_CALLS = "catalogstore.jdbc.calls.running";

  /** Calls waiting for their turn. */
  public static final String QUEUED_CALLS = "catalogstore.jdbc.calls.queued";

  /** The most calls that wait for their turn: {@code maximumQueuedCalls}. */
  public static final String MAX_QUEUED_CALLS = "catalogstore.jdbc.calls.queued.max";

  /** 1 while the store serves, else 0. */
  public static final String AVAILABLE = "catalogstore.jdbc.available";

  private final JdbcCatalogStore store;
  private final Tags tags;

  /** The gauges registered by {@link #bindTo}, with their registries, until {@link #close()}. */
  private final List<Bound> bound = new ArrayList<>();

  private record Bound(MeterRegistry registry, Meter gauge) {}

  /** The gauges of {@code store}, without tags. */
  public JdbcStoreMetrics(JdbcCatalogStore store) {
    this(store, Tags.empty());
  }

  /**
   * The gauges of {@code store}, each tagged with {@code tags} (to tell apart stores that share a
   * registry).
   *
   * @throws InvalidArgumentException on {@code store} or {@code tags} if null
   */
  public JdbcStoreMetrics(JdbcCatalogStore store, Iterable<Tag> tags) {
    CatalogStoreMetrics.requireNonNull(store, "store");
    CatalogStoreMetrics.requireNonNull(tags, "tags");
    this.store = store;
    this.tags = Tags.of(tags);
  }

  /**
   * Registers the gauges in {@code registry}.
   *
   * @throws InvalidArgumentException on {@code registry} if null
   */
  @Override
  public synchronized void bindTo(MeterRegistry registry) {
    CatalogStoreMetrics.requireNonNull(registry, "registry");
    if (store.poolMetrics().activeConnections().isPresent()) {
      gauge(registry, ACTIVE_CONNECTIONS, "connections", m -> known(m.activeConnections()));
      gauge(registry, IDLE_CONNECTIONS, "connections", m -> known(m.idleConnections()));
      gauge(registry, PENDING_CONNECTIONS, "calls", m -> known(m.pendingConnections()));
    }
    gauge(registry, MAX_CONNECTIONS, "connections", m -> (double) m.maximumConnections());
    gauge(registry, RUNNING_CALLS, "calls", m -> (double) m.runningCalls());
    gauge(registry, QUEUED_CALLS, "calls", m -> (double) m.queuedCalls());
    gauge(registry, MAX_QUEUED_CALLS, "calls", m -> (double) m.maximumQueuedCalls());
    gauge(registry, AVAILABLE, null, m -> m.available() ? 1.0 : 0.0);
  }

  private void gauge(
      MeterRegistry registry,
      String name,
      String baseUnit,
      Function<JdbcPoolMetrics, Double> value) {
    Gauge gauge =
        Gauge.builder(name, store, s -> value.apply(s.poolMetrics()))
            .tags(tags)
            .baseUnit(baseUnit)
            .register(registry);
    bound.add(new Bound(registry, gauge));
  }

  /**
   * Removes the gauges this binder registered from each registry it was bound to. Idempotent; a
   * later {@link #bindTo} registers them again.
   */
  @Override
  public synchronized void close() {
    for (Bound each : bound) {
      each.registry.remove(each.gauge);
    }
    bound.clear();
  }

  /** A connection count the store no longer sees (its pool went away) reads as NaN. */
  private static double known(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : Double.NaN;
  }
}
