package dev.catalogstore.jdbc.tag;

import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitRefs;
import dev.catalogstore.jdbc.sql.CatalogItemsPage;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tags' statements, each one round trip. A tag is created by one statement that finds the
 * commit its target names ({@link CommitRefs#RESOLVE}) and inserts the tag on it, so a branch's
 * head is read atomically with the creation; the tag's foreign key to (tenant, catalog, commit)
 * makes the database refuse a tag on a commit of another catalog. A taken name is a unique
 * violation of tags_pk.
 */
final class TagSql {
  /**
   * Inserts the tag if the target's commit is found. One row: the diagnostic columns of the
   * reference, and whether the tag was inserted.
   */
  private static final String INSERT =
      """
      WITH ref AS (
      %s
      ), created AS (
          INSERT INTO ${schema}.tags (tenant_id, catalog_id, name, commit_id, created_at)
          SELECT :tenant, r.catalog_id, :tag, r.commit_id, :now
          FROM ref r
          WHERE r.commit_id IS NOT NULL
          RETURNING commit_id
      )
      SELECT %s, EXISTS (SELECT FROM created) AS created
      FROM ref r
      """
          .formatted(CommitRefs.RESOLVE.indent(4), CommitRefs.COLUMNS);

  private static final String SELECT =
      """
      SELECT g.name, g.commit_id, g.created_at
      FROM ${schema}.catalogs c
      JOIN ${schema}.tags g
          ON g.tenant_id = c.tenant_id AND g.catalog_id = c.catalog_id AND g.name = :tag
      WHERE c.tenant_id = :tenant AND c.name = :catalog
      """;

  /** Always one row at least: the diagnostic columns, with the page's tags (or NULLs). */
  private static final String SELECT_PAGE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             g.*
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN LATERAL (
          SELECT g.name, g.commit_id, g.created_at
          FROM ${schema}.tags g
          WHERE g.tenant_id = c.tenant_id AND g.catalog_id = c.catalog_id AND g.name > :after
          ORDER BY g.name
          LIMIT :limit
      ) g ON true
      -- The lateral subquery orders its rows; only an outer ORDER BY promises their order.
      ORDER BY g.name
      """;

  private static final String DELETE =
      """
      DELETE FROM ${schema}.tags g
      USING ${schema}.catalogs c
      WHERE c.tenant_id = :tenant AND c.name = :catalog
        AND g.tenant_id = c.tenant_id AND g.catalog_id = c.catalog_id AND g.name = :tag
      """;

  /** Failure paths only: which parts of a tag's address exist. Always one row. */
  private static final String LOOKUP =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             g.name IS NOT NULL AS tag_found
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN ${schema}.tags g
          ON g.tenant_id = c.tenant_id AND g.catalog_id = c.catalog_id AND g.name = :tag::text
      """;

  private final NamedSql insert;
  private final NamedSql select;
  private final NamedSql selectPage;
  private final NamedSql delete;
  private final NamedSql lookup;

  TagSql(SqlText sql) {
    this.insert = sql.compile(INSERT);
    this.select = sql.compile(SELECT);
    this.selectPage = sql.compile(SELECT_PAGE);
    this.delete = sql.compile(DELETE);
    this.lookup = sql.compile(LOOKUP);
  }

  /** The tag created; otherwise what part of {@code target} is missing. */
  Created insert(Connection connection, TenantId tenant, TagRef tag, CommitRef target, Instant now)
      throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, insert)) {
      return CommitRefs.bind(statement, tenant, target)
          .text("tag", tag.tag())
          .timestamp("now", now)
          .queryOne(
              row -> {
                CommitRefs.Resolved resolved = CommitRefs.read(row, target);
                if (resolved.missing().isPresent() || !row.getBoolean("created")) {
                  return new Created(
                      Optional.empty(), Optional.of(resolved.missing().orElse(ObjectType.CATALOG)));
                }
                return new Created(
                    Optional.of(new Tag(tag, resolved.commit(), now)), Optional.empty());
              })
          .orElseThrow();
    }
  }

  Optional<Tag> select(Connection connection, TenantId tenant, TagRef tag) throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, select)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", tag.catalog())
          .text("tag", tag.tag())
          .queryOne(row -> TagRows.tag(row, tag.catalog()));
    }
  }

  /**
   * Up to {@code cursor.fetchSize()} tags after the cursor; {@code NotFoundException} if the tenant
   * or catalog is missing.
   */
  List<Tag> page(Connection connection, TenantId tenant, String catalog, ListQuery.Cursor cursor)
      throws SQLException {
    return CatalogItemsPage.read(
        connection, selectPage, tenant, catalog, cursor, row -> TagRows.tag(row, catalog));
  }

  /** Whether the tag existed and is now deleted. */
  boolean delete(Connection connection, TenantId tenant, TagRef tag) throws SQLException {
    try (SqlStatement statement = SqlStatement.prepare(connection, delete)) {
      return statement
              .uuid("tenant", tenant.value())
              .text("catalog", tag.catalog())
              .text("tag", tag.tag())
              .update()
          > 0;
    }
  }

  /** The outermost missing part of the tag's address (the tag itself included). */
  Optional<ObjectType> missing(Connection connection, TenantId tenant, TagRef tag)
      throws SQLException {
    try (SqlStatement query = SqlStatement.prepare(connection, lookup)) {
      return query
          .uuid("tenant", tenant.value())
          .text("catalog", tag.catalog())
          .text("tag", tag.tag())
          .queryOne(
              row -> NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG, ObjectType.TAG))
          .orElseThrow();
    }
  }

  /**
   * What a create did.
   *
   * @param tag the tag created
   * @param missing otherwise, the missing part of the target
   */
  record Created(Optional<Tag> tag, Optional<ObjectType> missing) {}
}
