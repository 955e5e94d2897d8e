package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Reads of one tenant's audit log of {@code events} events: 1,000 against 1,000,000. The contract
 * says a filtered page and a count stay fast with millions of events; here each read has the same
 * answer at both sizes, so its cost should not move between them:
 *
 * <ul>
 *   <li>{@code pageSelective}: the newest page (limit 100) of one resource id, which has exactly
 *       100 events at both sizes, spread evenly over the whole log;
 *   <li>{@code pageBroad}: the newest page (limit 100) of {@code result = SUCCESS}, which about 98
 *       % of all events match: only the newest page is read, never the rest;
 *   <li>{@code countSelective}: the count of that one resource id's events (100);
 *   <li>{@code countWindow}: the count of a fixed ten-minute window in the middle of the log (600
 *       events at one event a second).
 * </ul>
 *
 * <p>The log ({@link AuditLogData}): event {@code i} occurs {@code i} seconds after a fixed start,
 * by one of 50 users, one of 5 actions, on one of 10,000 resource ids; 1 % fail and 1 % are denied.
 * The in-memory store is filled through {@code audit().append} with a clock the fill sets before
 * each event; PostgreSQL by one {@code INSERT … SELECT generate_series} straight into the store's
 * {@code audit_events} table (the benchmark measures reads, not appends), then {@code ANALYZE}d;
 * the forks of one size share that fill, in a schema of its own.
 *
 * <p>{@link #floorPageSelective} (PostgreSQL only; the report runs it with {@code backend=jdbc}) is
 * the floor of {@code pageSelective}: the same page as one plain-JDBC {@code SELECT … WHERE
 * tenant_id = ? AND resource_id = ? ORDER BY occurred_at DESC, event_id DESC LIMIT 101} on the
 * store's own table and index, every column read, on a pooled connection.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class AuditLogBenchmark {
  static final String TENANT = "audit-bench";

  @Param({"memory"})
  public String backend;

  @Param({"1000", "1000000"})
  public int events;

  private CatalogStore store;
  private TenantId tenant;
  private AuditLogData data;
  private AuditFilter selective;
  private AuditFilter broad;
  private AuditFilter window;
  private final PageRequest newest = PageRequest.firstPage(AuditLogData.PAGE);
  private HikariDataSource floorPool;

  @Setup(Level.Trial)
  public void fill() {
    data = new AuditLogData(events);
    if (backend.equals("memory")) {
      SettableClock clock = new SettableClock(AuditLogData.START);
      store = new InMemoryCatalogStore(clock);
      tenant = store.tenants().create(NewTenant.named(TENANT)).join().id();
      data.appendAll(store, tenant, clock);
    } else {
      String url =
          JdbcRoundTripBenchmark.jdbcUrl()
              .orElseThrow(() -> new IllegalStateException("set CATALOGSTORE_BENCH_JDBC_URL"));
      store =
          JdbcCatalogStore.open(
              JdbcStoreConfig.builder().jdbcUrl(url).schema(schema(events)).build());
      // The benchmark's forks share the fill of their size (the report drops the schemas first).
      Optional<Tenant> filled =
          store.tenants().list(PageRequest.firstPage()).join().items().stream()
              .filter(t -> t.name().equals(TENANT))
              .findFirst();
      if (filled.isPresent()) {
        tenant = filled.get().id();
      } else {
        tenant = store.tenants().create(NewTenant.named(TENANT)).join().id();
        data.insertAll(url, schema(events), tenant);
      }
      floorPool = new HikariDataSource();
      floorPool.setJdbcUrl(url);
      floorPool.setMaximumPoolSize(2);
    }
    selective = AuditFilter.ALL.withResourceId(AuditLogData.HOT_RESOURCE);
    broad = AuditFilter.ALL.withResult(AuditResult.SUCCESS);
    window = AuditFilter.ALL.withFrom(data.windowFrom()).withTo(data.windowTo());
    data.check(store, tenant, selective, broad, window);
    // The in-memory fill leaves a large heap and much garbage: collect it now, so that the
    // collector's catching up is not measured as the reads' cost at the larger size.
    System.gc();
    System.gc();
  }

  @Benchmark
  public Page<AuditEvent> pageSelective() {
    return store.audit().list(tenant, selective, newest).join();
  }

  /** The floor of {@link #pageSelective} (see the class comment); PostgreSQL only. */
  @Benchmark
  public int floorPageSelective() throws SQLException {
    if (floorPool == null) {
      throw new IllegalStateException("the audit page's floor runs on PostgreSQL only");
    }
    try (Connection c = floorPool.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT event_id, occurred_at, actor_kind, actor_id, action, resource_type,"
                    + " resource_id, resource_name, result, client_address, details FROM "
                    + schema(events)
                    + ".audit_events WHERE tenant_id = ? AND resource_id = ?"
                    + " ORDER BY occurred_at DESC, event_id DESC LIMIT "
                    + (AuditLogData.PAGE + 1))) {
      select.setObject(1, tenant.value());
      select.setString(2, AuditLogData.HOT_RESOURCE);
      int values = 0;
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          for (int column = 1; column <= 11; column++) {
            if (rows.getObject(column) != null) {
              values++;
            }
          }
        }
      }
      return values;
    }
  }

  @Benchmark
  public Page<AuditEvent> pageBroad() {
    return store.audit().list(tenant, broad, newest).join();
  }

  @Benchmark
  public long countSelective() {
    return store.audit().count(tenant, selective).join();
  }

  @Benchmark
  public long countWindow() {
    return store.audit().count(tenant, window).join();
  }

  /**
   * The schema of the PostgreSQL fill of {@code events} events. Audit events can be neither updated
   * nor deleted, so a fresh run drops it ({@link #dropSchemas}) rather than emptying it.
   */
  static String schema(int events) {
    return "catalogstore_bench_audit_" + events;
  }

  /** Drops the schemas of every size, so that the next run fills them afresh. */
  static void dropSchemas(String url) {
    String[] sizes;
    try {
      sizes = AuditLogBenchmark.class.getField("events").getAnnotation(Param.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
    for (String events : sizes) {
      AuditLogData.dropSchema(url, schema(Integer.parseInt(events)));
    }
  }

  @TearDown(Level.Trial)
  public void close() {
    store.close();
    if (floorPool != null) {
      floorPool.close();
    }
  }
}
