package dev.catalogstore.bench;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The audit log {@link AuditLogBenchmark} reads, as a function of the event's number {@code i} (0
 * is the oldest), written once for the API fill and once as SQL for the bulk fill, which make the
 * same log:
 *
 * <ul>
 *   <li>time: {@link #START} plus {@code i} seconds;
 *   <li>actor: user {@code user-(i % 50)}; action: one of {@link #ACTIONS}, {@code i % 5}; resource
 *       type {@code asset};
 *   <li>resource id: {@value #HOT_RESOURCE} for every {@code events / 100}-th event (exactly 100,
 *       spread evenly over the log), else {@code table-(i % 10000)}; resource name the same;
 *   <li>result: {@code FAILURE} if {@code i % 100 == 7}, {@code DENIED} if {@code i % 100 == 13},
 *       else {@code SUCCESS};
 *   <li>client address {@code 10.0.0.(i % 250)}; no details.
 * </ul>
 */
final class AuditLogData {
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  static final String HOT_RESOURCE = "table-hot";
  static final int PAGE = 100;
  static final int HOT_EVENTS = 100;
  static final int WINDOW_SECONDS = 600;
  static final List<String> ACTIONS =
      List.of(
          "asset.create", "asset.commit", "asset.updateProperties", "asset.rename", "asset.delete");

  private static final int USERS = 50;
  private static final int RESOURCES = 10_000;
  private static final int ADDRESSES = 250;

  private final int events;
  private final int stride;

  AuditLogData(int events) {
    if (events < HOT_EVENTS || events % HOT_EVENTS != 0) {
      throw new IllegalArgumentException("events must be a multiple of " + HOT_EVENTS);
    }
    this.events = events;
    this.stride = events / HOT_EVENTS;
  }

  /** The inclusive start of the counted window: ten minutes in the middle of the log. */
  Instant windowFrom() {
    return START.plusSeconds(events / 2 - WINDOW_SECONDS / 2);
  }

  /** The exclusive end of the counted window. */
  Instant windowTo() {
    return windowFrom().plusSeconds(WINDOW_SECONDS);
  }

  /** Appends every event through the API, one after the other, setting the clock to its time. */
  void appendAll(CatalogStore store, TenantId tenant, SettableClock clock) {
    AuditActor[] users = new AuditActor[USERS];
    for (int u = 0; u < USERS; u++) {
      users[u] = AuditActor.user("user-" + u);
    }
    String[] resources = new String[RESOURCES];
    for (int r = 0; r < RESOURCES; r++) {
      resources[r] = "table-" + r;
    }
    String[] addresses = new String[ADDRESSES];
    for (int a = 0; a < ADDRESSES; a++) {
      addresses[a] = "10.0.0." + a;
    }
    for (int i = 0; i < events; i++) {
      String resource = i % stride == stride / 2 ? HOT_RESOURCE : resources[i % RESOURCES];
      NewAuditEvent event =
          NewAuditEvent.builder(users[i % USERS], ACTIONS.get(i % 5), "asset", result(i))
              .resourceId(resource)
              .resourceName(resource)
              .clientAddress(addresses[i % ADDRESSES])
              .build();
      clock.set(START.plusSeconds(i));
      store.audit().append(tenant, event).join();
    }
  }

  private static AuditResult result(int i) {
    return switch (i % 100) {
      case 7 -> AuditResult.FAILURE;
      case 13 -> AuditResult.DENIED;
      default -> AuditResult.SUCCESS;
    };
  }

  /**
   * Inserts every event in one statement into the store's {@code audit_events} table (migration
   * V6), the same log {@link #appendAll} makes, and gathers the table's statistics.
   */
  void insertAll(String url, String schema, TenantId tenant) {
    String sql =
        "INSERT INTO "
            + schema
            + ".audit_events (tenant_id, event_id, occurred_at, actor_kind, actor_id, action,"
            + " resource_type, resource_id, resource_name, result, client_address, details)"
            + " SELECT ?, gen_random_uuid(), ?::timestamptz + g * interval '1 second',"
            + " 'USER', 'user-' || (g % 50), (ARRAY['"
            + String.join("','", ACTIONS)
            + "'])[g % 5 + 1], 'asset', r.id, r.id,"
            + " CASE g % 100 WHEN 7 THEN 'FAILURE' WHEN 13 THEN 'DENIED' ELSE 'SUCCESS' END,"
            + " '10.0.0.' || (g % 250), '{}'::jsonb"
            + " FROM generate_series(0, ? - 1) AS g,"
            + " LATERAL (SELECT CASE WHEN g % ? = ? THEN '"
            + HOT_RESOURCE
            + "' ELSE 'table-' || (g % 10000) END AS id) AS r";
    try (Connection c = DriverManager.getConnection(url)) {
      try (PreparedStatement insert = c.prepareStatement(sql)) {
        insert.setObject(1, tenant.value());
        insert.setString(2, START.toString());
        insert.setInt(3, events);
        insert.setInt(4, stride);
        insert.setInt(5, stride / 2);
        insert.executeUpdate();
      }
      try (Statement analyze = c.createStatement()) {
        analyze.execute("ANALYZE " + schema + ".audit_events");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fill " + schema + ".audit_events", e);
    }
  }

  /** Drops the benchmark's schema, so that a trial fills it afresh. */
  static void dropSchema(String url, String schema) {
    try (Connection c = DriverManager.getConnection(url);
        Statement drop = c.createStatement()) {
      drop.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop schema " + schema, e);
    }
  }

  /**
   * Checks, before the measurement, that every read has the answer this data set promises, so that
   * the two sizes are measured doing the same work.
   */
  void check(
      CatalogStore store,
      TenantId tenant,
      AuditFilter selective,
      AuditFilter broad,
      AuditFilter window) {
    PageRequest newest = PageRequest.firstPage(PAGE);
    Page<AuditEvent> hot = store.audit().list(tenant, selective, newest).join();
    require(hot.items().size() == HOT_EVENTS, "a page of the hot resource's " + HOT_EVENTS);
    require(
        hot.items().stream().allMatch(e -> e.resourceId().orElseThrow().equals(HOT_RESOURCE)),
        "only the hot resource's events");
    require(
        hot.items().get(0).occurredAt().equals(START.plusSeconds(events - stride + stride / 2)),
        "the hot resource's newest event first");
    Page<AuditEvent> succeeded = store.audit().list(tenant, broad, newest).join();
    require(succeeded.items().size() == PAGE, "a full page of successes");
    require(
        succeeded.items().get(0).occurredAt().equals(START.plusSeconds(events - 1)),
        "the newest event first");
    long hotCount = store.audit().count(tenant, selective).join();
    require(hotCount == HOT_EVENTS, "a count of " + HOT_EVENTS + ", not " + hotCount);
    long windowCount = store.audit().count(tenant, window).join();
    require(
        windowCount == WINDOW_SECONDS, "a window of " + WINDOW_SECONDS + ", not " + windowCount);
    long all = store.audit().count(tenant, AuditFilter.ALL).join();
    require(all == events, events + " events in the log, not " + all);
  }

  private static void require(boolean holds, String what) {
    if (!holds) {
      throw new IllegalStateException("the audit benchmark's data is wrong: expected " + what);
    }
  }
}
