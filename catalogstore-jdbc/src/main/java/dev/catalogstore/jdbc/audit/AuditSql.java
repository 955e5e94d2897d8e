package dev.catalogstore.jdbc.audit;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The audit log's statements ({@code audit_events}, migration V6): one insert, one read by id, and
 * the page and count of a filter, which share one {@code WHERE} built from the validated filter.
 * Every statement is keyed by tenant. Public, as maintenance and federation record their events
 * with {@link #insert} inside their own transactions.
 *
 * <p>A filter's statement names only the criteria the filter sets, so each criterion is an equality
 * the planner can match to the index of that criterion ({@code audit_events_*_ix}), in which the
 * matching rows are already newest first: a page stops after its rows, and a count is an index-only
 * scan of the range. The statements are compiled once per shape of filter (which criteria are set,
 * and whether a page starts after a position) and kept.
 */
public final class AuditSql {
  private static final String COLUMNS =
      "e.event_id, e.occurred_at, e.actor_kind, e.actor_id, e.action, e.resource_type,"
          + " e.resource_id, e.resource_name, e.result, e.client_address, e.details";

  /** Inserts the event if the tenant exists: no row inserted means no tenant. */
  private static final String INSERT =
      """
      INSERT INTO ${schema}.audit_events
          (tenant_id, event_id, occurred_at, actor_kind, actor_id, action, resource_type,
           resource_id, resource_name, result, client_address, details)
      SELECT t.tenant_id, :event_id, :occurred_at, :actor_kind, :actor_id, :action,
             :resource_type, :resource_id::text, :resource_name::text, :result,
             :client_address::text, :details::jsonb
      FROM ${schema}.tenants t
      WHERE t.tenant_id = :tenant AND t.name IS NOT NULL
      """;

  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.audit_events e
      WHERE e.tenant_id = :tenant AND e.event_id = :event_id
      """
          .formatted(COLUMNS);

  private final SqlText sqlText;
  private final NamedSql insert;
  private final NamedSql select;
  private final Map<String, NamedSql> byShape = new ConcurrentHashMap<>();

  public AuditSql(SqlText sqlText) {
    this.sqlText = sqlText;
    this.insert = sqlText.compile(INSERT);
    this.select = sqlText.compile(SELECT);
  }

  /**
   * Records {@code event} (validated) as {@code id} at {@code occurredAt} if the tenant exists, and
   * returns it as stored; empty if there is no such tenant.
   */
  public Optional<AuditEvent> insert(
      Connection connection,
      TenantId tenant,
      AuditEventId id,
      Instant occurredAt,
      NewAuditEvent event)
      throws SQLException {
    int inserted;
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      inserted =
          statement
              .uuid("tenant", tenant.value())
              .uuid("event_id", id.value())
              .timestamp("occurred_at", occurredAt)
              .text("actor_kind", event.actor().kind().name())
              .text("actor_id", event.actor().id())
              .text("action", event.action())
              .text("resource_type", event.resourceType())
              .text("resource_id", event.resourceId().orElse(null))
              .text("resource_name", event.resourceName().orElse(null))
              .text("result", event.result().name())
              .text("client_address", event.clientAddress().orElse(null))
              .json("details", event.details())
              .update();
    }
    if (inserted == 0) {
      return Optional.empty();
    }
    return Optional.of(OperationsRequests.recorded(id, tenant, occurredAt, event));
  }

  /** The tenant's event {@code id}; empty if it has none of that id. */
  Optional<AuditEvent> select(Connection connection, TenantId tenant, AuditEventId id)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, select)) {
      return statement
          .uuid("tenant", tenant.value())
          .uuid("event_id", id.value())
          .queryOne(row -> event(tenant, row));
    }
  }

  /** A page of the tenant's events that match {@code filter} (validated), newest first. */
  List<AuditEvent> page(
      Connection connection, TenantId tenant, AuditFilter filter, ListQuery.Cursor cursor)
      throws SQLException {
    boolean after = cursor.after().isPresent();
    NamedSql sql =
        byShape.computeIfAbsent(
            "page:" + shape(filter) + (after ? ":after" : ""),
            key -> sqlText.compile(pageSql(filter, after)));
    try (SqlStatement statement = SqlStatement.prepare(connection, sql)) {
      bind(statement, tenant, filter).integer("limit", cursor.fetchSize());
      if (after) {
        AuditFilters.Position before = cursor.beforeEvent();
        statement
            .timestamp("before_at", before.occurredAt())
            .uuid("before_id", before.id().value());
      }
      return statement.query(row -> event(tenant, row));
    }
  }

  /** How many of the tenant's events match {@code filter} (validated). */
  long count(Connection connection, TenantId tenant, AuditFilter filter) throws SQLException {
    NamedSql sql =
        byShape.computeIfAbsent("count:" + shape(filter), key -> sqlText.compile(countSql(filter)));
    try (SqlStatement statement = SqlStatement.prepare(connection, sql)) {
      return bind(statement, tenant, filter).queryOne(row -> row.getLong("events")).orElseThrow();
    }
  }

  /**
   * The page statement of a filter of this shape: parameters {@code :tenant}, the criteria set,
   * {@code :limit}, and {@code :before_at, :before_id} if {@code after} a position.
   */
  static String pageSql(AuditFilter filter, boolean after) {
    return """
        SELECT %s
        FROM ${schema}.audit_events e
        WHERE %s%s
        ORDER BY e.occurred_at DESC, e.event_id DESC
        LIMIT :limit
        """
        .formatted(
            COLUMNS,
            where(filter),
            after ? "\n  AND (e.occurred_at, e.event_id) < (:before_at, :before_id)" : "");
  }

  /** The count statement of a filter of this shape: the page's {@code WHERE}, no position. */
  static String countSql(AuditFilter filter) {
    return """
        SELECT count(*) AS events
        FROM ${schema}.audit_events e
        WHERE %s
        """
        .formatted(where(filter));
  }

  /** Which criteria the filter sets, as a key of its statements. */
  private static String shape(AuditFilter filter) {
    return flag(filter.actor())
        + flag(filter.action())
        + flag(filter.resourceType())
        + flag(filter.resourceId())
        + flag(filter.result())
        + flag(filter.from())
        + flag(filter.to());
  }

  private static String flag(Optional<?> criterion) {
    return criterion.isPresent() ? "1" : "0";
  }

  /** The tenant and every criterion the filter sets, each an equality or a bound. */
  private static String where(AuditFilter filter) {
    StringBuilder where = new StringBuilder("e.tenant_id = :tenant");
    if (filter.actor().isPresent()) {
      where.append("\n  AND e.actor_kind = :actor_kind AND e.actor_id = :actor_id");
    }
    if (filter.action().isPresent()) {
      where.append("\n  AND e.action = :action");
    }
    if (filter.resourceType().isPresent()) {
      where.append("\n  AND e.resource_type = :resource_type");
    }
    if (filter.resourceId().isPresent()) {
      where.append("\n  AND e.resource_id = :resource_id");
    }
    if (filter.result().isPresent()) {
      where.append("\n  AND e.result = :result");
    }
    if (filter.from().isPresent()) {
      where.append("\n  AND e.occurred_at >= :from");
    }
    if (filter.to().isPresent()) {
      where.append("\n  AND e.occurred_at < :to");
    }
    return where.toString();
  }

  /** Binds {@code :tenant} and the criteria the filter sets. */
  static SqlStatement bind(SqlStatement statement, TenantId tenant, AuditFilter filter)
      throws SQLException {
    statement.uuid("tenant", tenant.value());
    if (filter.actor().isPresent()) {
      statement
          .text("actor_kind", filter.actor().get().kind().name())
          .text("actor_id", filter.actor().get().id());
    }
    if (filter.action().isPresent()) {
      statement.text("action", filter.action().get());
    }
    if (filter.resourceType().isPresent()) {
      statement.text("resource_type", filter.resourceType().get());
    }
    if (filter.resourceId().isPresent()) {
      statement.text("resource_id", filter.resourceId().get());
    }
    if (filter.result().isPresent()) {
      statement.text("result", filter.result().get().name());
    }
    if (filter.from().isPresent()) {
      statement.timestamp("from", filter.from().get());
    }
    if (filter.to().isPresent()) {
      statement.timestamp("to", filter.to().get());
    }
    return statement;
  }

  private static AuditEvent event(TenantId tenant, ResultSet row) throws SQLException {
    return new AuditEvent(
        new AuditEventId(Rows.uuid(row, "event_id")),
        tenant,
        Rows.instant(row, "occurred_at"),
        new AuditActor(
            AuditActor.Kind.valueOf(row.getString("actor_kind")), row.getString("actor_id")),
        row.getString("action"),
        row.getString("resource_type"),
        Rows.optionalText(row, "resource_id"),
        Rows.optionalText(row, "resource_name"),
        AuditResult.valueOf(row.getString("result")),
        Rows.optionalText(row, "client_address"),
        Rows.json(row, "details"));
  }
}
