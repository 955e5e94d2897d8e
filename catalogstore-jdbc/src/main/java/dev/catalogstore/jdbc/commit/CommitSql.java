package dev.catalogstore.jdbc.commit;

import static dev.catalogstore.jdbc.commit.CommitRows.CHANGE_COLUMNS;
import static dev.catalogstore.jdbc.commit.CommitRows.COLUMNS;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The statements that read commits, each one round trip: a commit by id within its catalog (on
 * commits_catalog_uq), a page of first-parent ancestry (a recursive query that PostgreSQL stops
 * once the page's {@code LIMIT} is met, one primary-key lookup per commit), and a page of a
 * commit's operations (on commit_changes_pk). The pages also say, in the same row, which part of
 * the address is missing when nothing is found.
 */
final class CommitSql {
  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.catalogs c
      JOIN ${schema}.commits m
          ON m.tenant_id = c.tenant_id AND m.catalog_id = c.catalog_id AND m.commit_id = :id
      WHERE c.tenant_id = :tenant AND c.name = :catalog
      """
          .formatted(COLUMNS);

  /**
   * The page of ancestry that starts at the commit the reference names, or on a later page at the
   * first parent of the previous page's last commit ({@code :after}). Always at least one row: the
   * reference's diagnostic columns, with the page's commits (or NULLs for an empty page).
   */
  private static final String ANCESTRY_PAGE =
      """
      WITH RECURSIVE ref AS (
      %s
      ), start AS (
          SELECT CASE WHEN :after::uuid IS NULL THEN r.commit_id ELSE p.first_parent_id END
                     AS commit_id
          FROM ref r
          LEFT JOIN ${schema}.commits p
              ON p.tenant_id = :tenant AND p.catalog_id = r.catalog_id
              AND p.commit_id = :after::uuid
          WHERE r.commit_id IS NOT NULL
      ), chain AS (
          SELECT %s
          FROM start s
          JOIN ref r ON true
          JOIN ${schema}.commits m
              ON m.tenant_id = :tenant AND m.catalog_id = r.catalog_id
              AND m.commit_id = s.commit_id
          UNION ALL
          SELECT m.*
          FROM chain ch
          -- One primary-key lookup per step (see StoredHistory's CHAIN for why LATERAL ... LIMIT).
          CROSS JOIN LATERAL (
              SELECT %s
              FROM ${schema}.commits m
              WHERE m.tenant_id = :tenant AND m.commit_id = ch.first_parent_id
              LIMIT 1
          ) m
      )
      SELECT %s, page.*
      FROM ref r
      LEFT JOIN (
          SELECT *
          FROM chain
          LIMIT :limit
      ) page ON true
      -- A first-parent chain descends in generation; only an ORDER BY promises the order.
      ORDER BY page.generation DESC
      """
          .formatted(CommitRefs.RESOLVE.indent(4), COLUMNS, COLUMNS, CommitRefs.COLUMNS);

  /**
   * A page of a commit's operations by ordinal. Always one row at least: the diagnostic columns,
   * with the page's operations (or NULLs).
   */
  private static final String OPERATIONS_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             m.commit_id IS NOT NULL AS commit_found,
             x.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.commits m
          ON m.tenant_id = c.tenant_id AND m.catalog_id = c.catalog_id AND m.commit_id = :id
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.commit_changes x
          WHERE x.tenant_id = m.tenant_id AND x.commit_id = m.commit_id AND x.parent_index = 0
            AND x.ordinal > :after
          ORDER BY x.ordinal
          LIMIT :limit
      ) x ON true
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY x.ordinal
      """
          .formatted(CHANGE_COLUMNS);

  private final NamedSql select;
  private final NamedSql ancestryPage;
  private final NamedSql operationsPage;

  CommitSql(SqlText sql) {
    this.select = sql.compile(SELECT);
    this.ancestryPage = sql.compile(ANCESTRY_PAGE);
    this.operationsPage = sql.compile(OPERATIONS_PAGE);
  }

  Optional<Commit> select(Connection connection, TenantId tenant, String catalog, CommitId id)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", catalog)
          .uuid("id", id.value())
          .queryOne(row -> CommitRows.commit(row, catalog));
    }
  }

  /** Up to {@code cursor.fetchSize()} commits of the ancestry, or what is missing. */
  Lookup<Commit> ancestryPage(
      Connection connection, TenantId tenant, CommitRef from, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, ancestryPage)) {
      CommitRefs.bind(query, tenant, from)
          .uuid("after", cursor.afterCommit().map(CommitId::value).orElse(null))
          .integer("limit", cursor.fetchSize());
      return Lookup.of(
          query.query(
              row -> {
                Optional<ObjectType> missing =
                    NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG);
                if (missing.isEmpty() && row.getObject("ref_commit_id") == null) {
                  missing = Optional.of(CommitRefs.named(from));
                }
                return new Row<>(
                    missing,
                    row.getObject("commit_id") == null
                        ? null
                        : CommitRows.commit(row, from.catalog()));
              }));
    }
  }

  /** Up to {@code cursor.fetchSize()} operations with their ordinals, or what is missing. */
  Lookup<Numbered> operationsPage(
      Connection connection, TenantId tenant, String catalog, CommitId id, ListQuery.Cursor cursor)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, operationsPage)) {
      return Lookup.of(
          query
              .uuid("tenant", tenant.value())
              .text("catalog", catalog)
              .uuid("id", id.value())
              .bigint("after", cursor.afterSequence())
              .integer("limit", cursor.fetchSize())
              .query(
                  row ->
                      new Row<>(
                          NotFound.outermost(
                              row, ObjectType.TENANT, ObjectType.CATALOG, ObjectType.COMMIT),
                          row.getObject("ordinal") == null ? null : numbered(row))));
    }
  }

  private static Numbered numbered(ResultSet row) throws SQLException {
    return new Numbered(row.getLong("ordinal"), CommitRows.change(row));
  }

  /** An operation with its ordinal, the position of its page token. */
  record Numbered(long ordinal, AssetChange change) {}

  /** One row of a page: what is missing, and the item (null for the empty side of a join). */
  private record Row<T>(Optional<ObjectType> missing, T item) {}

  /**
   * A page's rows: the outermost missing part of the address (then no items), or the items.
   *
   * @param missing what is missing
   * @param items the items read, in order
   */
  record Lookup<T>(Optional<ObjectType> missing, List<T> items) {
    static <T> Lookup<T> of(List<Row<T>> rows) {
      Optional<ObjectType> missing = rows.isEmpty() ? Optional.empty() : rows.get(0).missing();
      List<T> items = new ArrayList<>();
      for (Row<T> row : rows) {
        if (row.item() != null) {
          items.add(row.item());
        }
      }
      return new Lookup<>(missing, missing.isPresent() ? List.of() : items);
    }
  }
}
