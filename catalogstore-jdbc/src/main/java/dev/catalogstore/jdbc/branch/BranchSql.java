package dev.catalogstore.jdbc.branch;

import static dev.catalogstore.jdbc.branch.BranchRows.COLUMNS;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.CatalogItemsPage;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The statements that read and delete branches, each one round trip (creation is {@link
 * BranchCreationSql}, merges {@link MergeSql}). Deleting a branch removes its assets and their
 * history through {@code ON DELETE CASCADE}, in the same statement; its commits belong to the
 * catalog and stay. Branch {@code main} is never matched by the delete.
 */
final class BranchSql {
  private static final String SELECT =
      """
      SELECT %s
      FROM ${schema}.catalogs c
      JOIN ${schema}.branches b
          ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
      WHERE c.tenant_id = :tenant AND c.name = :catalog
      """
          .formatted(COLUMNS);

  /** Always one row at least: the diagnostic columns, with the page's branches (or NULLs). */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             b.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN LATERAL (
          SELECT %s
          FROM ${schema}.branches b
          WHERE b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name > :after
          ORDER BY b.name
          LIMIT :limit
      ) b ON true
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY b.name
      """
          .formatted(COLUMNS);

  private static final String DELETE =
      """
      DELETE FROM ${schema}.branches b
      USING ${schema}.catalogs c
      WHERE c.tenant_id = :tenant AND c.name = :catalog
        AND b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
        AND b.name <> :main
      """;

  /** Failure paths only: which parts of a branch's address exist. Always one row. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             b.branch_id IS NOT NULL AS branch_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.branches b
          ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id AND b.name = :branch
      """;

  /**
   * The full branches of a catalog whose head is above a generation: the candidates from which to
   * materialise an older commit; main first, then by name.
   */
  private static final String DESCENDANT_CANDIDATES =
      """
      SELECT b.branch_id, b.head_commit_id
      FROM ${schema}.branches b
      WHERE b.tenant_id = :tenant AND b.catalog_id = :catalog_id AND NOT b.partial
        AND b.head_generation > :generation
      ORDER BY b.name <> :main, b.name
      """;

  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql descendantCandidates;
  private final NamedSql delete;
  private final NamedSql lookup;

  BranchSql(SqlText sql) {
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.descendantCandidates = sql.compile(DESCENDANT_CANDIDATES);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
  }

  Optional<Branch> select(Connection connection, TenantId tenant, BranchRef branch)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", branch.catalog())
          .text("branch", branch.branch())
          .queryOne(row -> BranchRows.branch(row, branch.catalog()));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} branches after the cursor; {@code NotFoundException} if the
   * tenant or catalog is missing.
   */
  List<Branch> page(Connection connection, TenantId tenant, String catalog, ListQuery.Cursor cursor)
      throws SQLException {
    return CatalogItemsPage.read(
        connection, selectPage, tenant, catalog, cursor, row -> BranchRows.branch(row, catalog));
  }

  /** Whether the branch existed, is not main, and is now deleted with its assets. */
  boolean delete(Connection connection, TenantId tenant, BranchRef branch) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement
              .uuid("tenant", tenant.value())
              .text("catalog", branch.catalog())
              .text("branch", branch.branch())
              .text("main", BranchRef.MAIN)
              .update()
          > 0;
    }
  }

  /** The outermost missing part of the branch's address (the branch included); empty if none. */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, BranchRef branch)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", branch.catalog())
          .text("branch", branch.branch())
          .queryOne(
              row ->
                  NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG, ObjectType.BRANCH))
          .orElseThrow();
    }
  }

  /**
   * The full branches of catalog {@code catalogId} whose head's generation is above {@code
   * generation}, main first, then by name.
   */
  List<Candidate> descendantCandidates(
      Connection connection, TenantId tenant, UUID catalogId, long generation) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, descendantCandidates)) {
      return query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .bigint("generation", generation)
          .text("main", BranchRef.MAIN)
          .query(
              row ->
                  new Candidate(
                      Rows.uuid(row, "branch_id"), new CommitId(Rows.uuid(row, "head_commit_id"))));
    }
  }

  /**
   * A branch that may descend from a commit.
   *
   * @param branchId the branch
   * @param head its head
   */
  record Candidate(UUID branchId, CommitId head) {}
}
