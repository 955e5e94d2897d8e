package dev.catalogstore.jdbc.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.TestPostgres;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log's page and count read by index: PostgreSQL's own plans (EXPLAIN) of the store's
 * statements, on a log of 200,000 events of 10 tenants with its statistics current. A filtered page
 * is a range scan of the index of its criterion, already in the log's order (no sort, no scan of
 * the table, so it stops after the page whatever the log's size), and a count reads the same index
 * range (index-only, or as a bitmap). Timings are not asserted: the benchmark measures them.
 */
class AuditPlansTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("audit_ix");
  private static final int EVENTS = 200_000;
  private static final int TENANTS = 10;
  private static final UUID TENANT = new UUID(0, 1);

  @BeforeAll
  static void build() throws SQLException {
    JdbcCatalogStore.open(TestPostgres.config(SCHEMA).build()).close();
    try (Connection c = TestPostgres.connect();
        Statement s = c.createStatement()) {
      // Written directly (as the store writes them; no tenant rows needed: events have no key
      // to their tenant): tenant g % 10, one event a second; within a tenant (k = g / 10) 10
      // actors, 20 actions, 5 resource types, 10 resource ids, a tenth denied, a few failures,
      // so that each criterion below selects a thousand or more of the tenant's 20,000 events,
      // far more than a page.
      s.execute(
          """
          INSERT INTO "%s".audit_events
              (tenant_id, event_id, occurred_at, actor_kind, actor_id, action, resource_type,
               resource_id, resource_name, result, client_address, details)
          SELECT ('00000000-0000-0000-0000-' || lpad(((g %% %d) + 1)::text, 12, '0'))::uuid,
                 gen_random_uuid(), timestamptz '2030-01-01' + g * interval '1 second',
                 CASE WHEN k %% 3 = 0 THEN 'SERVICE_USER' ELSE 'USER' END,
                 'actor-' || (k %% 10), 'action.' || (k %% 20), 'type-' || (k %% 5),
                 'resource-' || (k %% 10), 'name',
                 CASE WHEN k %% 10 = 3 THEN 'DENIED' WHEN k %% 7 = 0 THEN 'FAILURE'
                      ELSE 'SUCCESS' END,
                 '10.0.0.1', '{}'::jsonb
          FROM generate_series(1, %d) g, LATERAL (SELECT g / 10 AS k) x
          """
              .formatted(SCHEMA, TENANTS, EVENTS));
      // Audit events are only ever inserted, so autovacuum keeps them all-visible; here now.
      s.execute("VACUUM ANALYZE \"" + SCHEMA + "\".audit_events");
    }
  }

  @AfterAll
  static void drop() {
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void eachCriterionPagesAndCountsOnItsOwnIndex() throws SQLException {
    Map<AuditFilter, String> indexes =
        Map.of(
            AuditFilter.ALL,
            "audit_events_time_ix",
            AuditFilter.ALL.withActor(AuditActor.user("actor-1")),
            "audit_events_actor_ix",
            AuditFilter.ALL.withAction("action.3"),
            "audit_events_action_ix",
            AuditFilter.ALL.withResourceType("type-2"),
            "audit_events_resource_type_ix",
            AuditFilter.ALL.withResourceId("resource-4"),
            "audit_events_resource_id_ix",
            AuditFilter.ALL.withResult(AuditResult.DENIED),
            "audit_events_result_ix",
            AuditFilter.ALL
                .withFrom(Instant.parse("2030-01-01T10:00:00Z"))
                .withTo(Instant.parse("2030-01-01T12:00:00Z")),
            "audit_events_time_ix");
    for (Map.Entry<AuditFilter, String> entry : indexes.entrySet()) {
      AuditFilter filter = entry.getKey();
      for (boolean after : List.of(false, true)) {
        String page = String.join("\n", explainPage(filter, after));
        assertThat(page)
            .as("page of %s (after a position: %s):%n%s", filter, after, page)
            .contains("Index Scan using " + entry.getValue())
            .doesNotContain("Sort")
            .doesNotContain("Seq Scan");
      }
      String count = String.join("\n", explainCount(filter));
      // An index-only scan, or a bitmap of the same index range where the planner deems the
      // range's rows clustered enough (a time range: events arrive in time order). Counting the
      // whole log of a tenant may read any index that starts with the tenant (the primary key).
      String index = filter.equals(AuditFilter.ALL) ? "audit_events_" : entry.getValue();
      assertThat(count)
          .as("count of %s:%n%s", filter, count)
          .containsAnyOf("Index Only Scan using " + index, "Bitmap Index Scan on " + index)
          .doesNotContain("Seq Scan");
    }
  }

  @Test
  void aFilterOfSeveralCriteriaReadsAnIndexOfOneOfThem() throws SQLException {
    AuditFilter filter =
        AuditFilter.ALL
            .withActor(AuditActor.serviceUser("actor-2"))
            .withResourceType("type-2")
            .withResult(AuditResult.FAILURE)
            .withFrom(Instant.parse("2030-01-01T00:00:00Z"));
    // The planner picks the criterion it deems most selective and checks the others on its rows;
    // it may sort the rows of that range when it expects few.
    String page = String.join("\n", explainPage(filter, true));
    assertThat(page).as(page).contains("Index").doesNotContain("Seq Scan");
    String count = String.join("\n", explainCount(filter));
    assertThat(count).as(count).contains("Index").doesNotContain("Seq Scan");
  }

  private static List<String> explainPage(AuditFilter filter, boolean after) throws SQLException {
    try (Connection c = TestPostgres.connect();
        SqlStatement statement =
            SqlStatement.prepare(
                c, new SqlText(SCHEMA).compile("EXPLAIN " + AuditSql.pageSql(filter, after)))) {
      AuditSql.bind(statement, new TenantId(TENANT), filter).integer("limit", 51);
      if (after) {
        statement
            .timestamp("before_at", Instant.parse("2030-01-02T06:00:00Z"))
            .uuid("before_id", AuditEventId.random().value());
      }
      return statement.query(row -> row.getString(1));
    }
  }

  private static List<String> explainCount(AuditFilter filter) throws SQLException {
    try (Connection c = TestPostgres.connect();
        SqlStatement statement =
            SqlStatement.prepare(
                c, new SqlText(SCHEMA).compile("EXPLAIN " + AuditSql.countSql(filter)))) {
      return AuditSql.bind(statement, new TenantId(TENANT), filter).query(row -> row.getString(1));
    }
  }
}
