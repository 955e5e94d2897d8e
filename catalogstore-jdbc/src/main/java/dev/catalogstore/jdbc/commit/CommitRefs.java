package dev.catalogstore.jdbc.commit;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NotFound;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds the commit a {@link CommitRef} names, in SQL, for the statements that start from one
 * (ancestry, tag and branch creation). {@link #RESOLVE} is one row whatever exists, so a statement
 * that uses it as a CTE both acts on the commit and, when it is missing, says which part of the
 * reference is: the tenant, the catalog, or the branch, tag or commit named.
 */
public final class CommitRefs {
  /**
   * One row: {@code tenant_found}, {@code catalog_found}, {@code catalog_id} and {@code commit_id}
   * (NULL when the branch, tag or commit named does not exist; a commit id is only looked for in
   * the catalog named). Parameters: {@code :tenant, :catalog, :ref_kind, :ref_name, :ref_id}
   * ({@link #bind}).
   */
  public static final String RESOLVE =
      """
      SELECT t.tenant_id IS NOT NULL AS tenant_found,
             c.catalog_id IS NOT NULL AS catalog_found,
             c.catalog_id,
             r.commit_id
      FROM (SELECT :tenant::uuid AS tenant_id) k
      LEFT JOIN ${schema}.tenants t ON t.tenant_id = k.tenant_id
          AND t.name IS NOT NULL
      LEFT JOIN ${schema}.catalogs c ON c.tenant_id = t.tenant_id AND c.name = :catalog
      LEFT JOIN LATERAL (
          SELECT b.head_commit_id AS commit_id
          FROM ${schema}.branches b
          WHERE :ref_kind::text = 'BRANCH'
            AND b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
            AND b.name = :ref_name::text
          UNION ALL
          SELECT g.commit_id
          FROM ${schema}.tags g
          WHERE :ref_kind::text = 'TAG'
            AND g.tenant_id = c.tenant_id AND g.catalog_id = c.catalog_id
            AND g.name = :ref_name::text
          UNION ALL
          SELECT m.commit_id
          FROM ${schema}.commits m
          WHERE :ref_kind::text = 'COMMIT'
            AND m.tenant_id = c.tenant_id AND m.catalog_id = c.catalog_id
            AND m.commit_id = :ref_id::uuid
      ) r ON true""";

  /**
   * The columns of {@link #RESOLVE} (aliased {@code r}) that {@link #read} reads, named apart from
   * a statement's own columns.
   */
  public static final String COLUMNS =
      "r.tenant_found, r.catalog_found, r.catalog_id AS ref_catalog_id,"
          + " r.commit_id AS ref_commit_id";

  private CommitRefs() {}

  /** Binds the parameters of {@link #RESOLVE} for {@code ref} of {@code tenant}. */
  public static SqlStatement bind(SqlStatement statement, TenantId tenant, CommitRef ref)
      throws SQLException {
    statement.uuid("tenant", tenant.value()).text("catalog", ref.catalog());
    if (ref instanceof CommitRef.Head head) {
      return statement
          .text("ref_kind", "BRANCH")
          .text("ref_name", head.branch().branch())
          .uuid("ref_id", null);
    }
    if (ref instanceof CommitRef.Tagged tagged) {
      return statement
          .text("ref_kind", "TAG")
          .text("ref_name", tagged.tag().tag())
          .uuid("ref_id", null);
    }
    return statement
        .text("ref_kind", "COMMIT")
        .text("ref_name", null)
        .uuid("ref_id", ((CommitRef.ById) ref).id().value());
  }

  /** What a row with the {@link #COLUMNS} of {@link #RESOLVE} found for {@code ref}. */
  public static Resolved read(ResultSet row, CommitRef ref) throws SQLException {
    Optional<ObjectType> missing = NotFound.outermost(row, ObjectType.TENANT, ObjectType.CATALOG);
    if (missing.isEmpty() && row.getObject("ref_commit_id") == null) {
      missing = Optional.of(named(ref));
    }
    if (missing.isPresent()) {
      return new Resolved(missing, null, null);
    }
    return new Resolved(
        missing, Rows.uuid(row, "ref_catalog_id"), new CommitId(Rows.uuid(row, "ref_commit_id")));
  }

  /** The kind of thing {@code ref} names: a branch, a tag or a commit. */
  public static ObjectType named(CommitRef ref) {
    if (ref instanceof CommitRef.Head) {
      return ObjectType.BRANCH;
    }
    return ref instanceof CommitRef.Tagged ? ObjectType.TAG : ObjectType.COMMIT;
  }

  /**
   * What a reference resolved to.
   *
   * @param missing the outermost missing part; empty if the commit was found
   * @param catalogId the catalog's id, when found
   * @param commit the commit, when found
   */
  public record Resolved(Optional<ObjectType> missing, UUID catalogId, CommitId commit) {}
}
