package dev.catalogstore.jdbc.audit;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The audit facet on PostgreSQL: validation here, the statements in {@link AuditSql}. Every
 * operation is one statement. An append inserts only if the tenant exists, in the same statement;
 * the reads are keyed by the tenant id alone and never look at the tenant's row, so they answer for
 * a deleted tenant too (its events have no foreign key to it and survive its deletion). Internal to
 * the JDBC store.
 */
public final class JdbcAuditLog implements AuditLog {
  private final Database db;
  private final AuditSql sql;

  public JdbcAuditLog(Database db, AuditSql sql) {
    this.db = db;
    this.sql = sql;
  }

  /** Builds the statements of {@code sqlText}'s schema. */
  public JdbcAuditLog(Database db, SqlText sqlText) {
    this(db, new AuditSql(sqlText));
  }

  @Override
  public CompletableFuture<AuditEvent> append(TenantId tenant, NewAuditEvent event) {
    // The details are copied now, on the caller's thread: a map the caller changes (or that fails
    // while read) after the call returned must not change what is recorded.
    return db.submit(
        "audit.append",
        () -> copyOf(event),
        captured ->
            () -> {
              Requests.tenant(tenant);
              NewAuditEvent valid = OperationsRequests.newAuditEvent(captured, "event");
              AuditEventId id = AuditEventId.random();
              Instant now = db.now();
              return db.run(
                      "audit.append",
                      Violations.NONE,
                      connection -> sql.insert(connection, tenant, id, now, valid))
                  .orElseThrow(() -> Missing.tenant(tenant));
            });
  }

  /**
   * {@code event} with a copy of its details that keeps whatever validation must refuse (null keys
   * or values); the event itself if it or its details are missing, for validation to name.
   */
  private static NewAuditEvent copyOf(NewAuditEvent event) {
    if (event == null || event.details() == null) {
      return event;
    }
    NewAuditEvent.Builder copy =
        NewAuditEvent.builder(event.actor(), event.action(), event.resourceType(), event.result())
            .details(Collections.unmodifiableMap(new HashMap<>(event.details())));
    event.resourceId().ifPresent(copy::resourceId);
    event.resourceName().ifPresent(copy::resourceName);
    event.clientAddress().ifPresent(copy::clientAddress);
    return copy.build();
  }

  @Override
  public CompletableFuture<Optional<AuditEvent>> get(TenantId tenant, AuditEventId event) {
    return db.submit(
        "audit.get",
        () -> {
          Requests.tenant(tenant);
          Inputs.required(event, "event");
          return db.run(
              "audit.get", Violations.NONE, connection -> sql.select(connection, tenant, event));
        });
  }

  @Override
  public CompletableFuture<Page<AuditEvent>> list(
      TenantId tenant, AuditFilter filter, PageRequest page) {
    return db.submit(
        "audit.list",
        () -> {
          Requests.tenant(tenant);
          AuditFilter valid = AuditFilters.validate(filter, "filter");
          ListQuery query = ListQuery.auditEvents(tenant, valid);
          ListQuery.Cursor cursor = query.cursor(page);
          List<AuditEvent> fetched =
              db.run(
                  "audit.list",
                  Violations.NONE,
                  connection -> sql.page(connection, tenant, valid, cursor));
          return query.page(fetched, cursor, AuditFilters::position);
        });
  }

  @Override
  public CompletableFuture<Long> count(TenantId tenant, AuditFilter filter) {
    return db.submit(
        "audit.count",
        () -> {
          Requests.tenant(tenant);
          AuditFilter valid = AuditFilters.validate(filter, "filter");
          return db.run(
              "audit.count", Violations.NONE, connection -> sql.count(connection, tenant, valid));
        });
  }
}
