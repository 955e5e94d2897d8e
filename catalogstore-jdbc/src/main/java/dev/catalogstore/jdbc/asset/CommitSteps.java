package dev.catalogstore.jdbc.asset;

import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.jdbc.commit.ContentJson;
import dev.catalogstore.jdbc.sql.SqlStatement;
import java.sql.SQLException;

/**
 * The parts every single-statement asset change shares to record its commit in the same statement:
 * it locks its branch's row first ({@link #HEAD}), changes the asset, lists its operations in a CTE
 * {@code ops(ordinal, namespace, name, before, after)}, and appends {@link #RECORD}, which writes
 * the commit and its operations and moves the head, only if {@code ops} holds a row (the change
 * happened).
 *
 * <p>Why the branch row is locked first, and read from the lock: the statement's snapshot is taken
 * when it starts, so a change that committed while this one waited for the lock is invisible to its
 * plain reads; {@code FOR NO KEY UPDATE} returns the row as it is now, with the head that change
 * wrote and that head's generation and time, which the branch row carries for this reason. Every
 * statement that changes a branch's assets or moves its head takes this lock first, so changes of
 * one branch are serialised on it, and the lock order (branch, then asset) is the same everywhere.
 * An asset whose content before the change is needed is read by a locking read for the same reason.
 * {@code NO KEY} so that foreign-key checks of rows referencing the branch (its assets) do not wait
 * for it. The catalog's row is locked {@code FOR KEY SHARE} with it, which is what the foreign-key
 * check of the new commit would take at the end of the statement anyway: taken first, it orders the
 * locks catalog then branch, as a catalog's deletion takes them, so the two never deadlock.
 */
final class CommitSteps {
  /**
   * The CTE {@code head}: the branch {@code :branch} of catalog {@code :catalog}, locked, with its
   * head. No row if the catalog or branch does not exist.
   */
  static final String HEAD =
      """
      head AS (
          SELECT b.tenant_id, b.catalog_id, b.branch_id, b.head_commit_id, b.head_generation,
                 b.head_created_at, b.updated_at
          FROM ${schema}.catalogs c
          JOIN ${schema}.branches b ON b.tenant_id = c.tenant_id AND b.catalog_id = c.catalog_id
          WHERE c.tenant_id = :tenant AND c.name = :catalog AND b.name = :branch
          FOR KEY SHARE OF c FOR NO KEY UPDATE OF b
      )""";

  /**
   * The CTE {@code place}: the namespace {@code :path} of the locked branch's catalog. No row if it
   * does not exist (or the branch does not).
   */
  static final String PLACE =
      """
      place AS (
          SELECT n.namespace_id
          FROM ${schema}.namespaces n
          WHERE n.tenant_id = :tenant AND n.catalog_id = (SELECT catalog_id FROM head)
            AND n.path_key = :path_key AND n.path = :path::text[]
      )""";

  /**
   * The asset a named {@code :name} in {@code place} on the locked branch. Every column of
   * assets_name_uq is compared with a value known before the scan (the CTEs' single rows are read
   * as scalar subqueries), so the asset is found by that index whatever the statistics say; joined
   * instead, a table not analyzed yet could be scanned by branch.
   */
  static final String ASSET =
      """
      a.tenant_id = :tenant AND a.namespace_id = (SELECT namespace_id FROM place)
        AND a.branch_id = (SELECT branch_id FROM head) AND a.name = :name""";

  /** The asset a that the CTE {@code old} locked, by primary key. */
  static final String LOCKED_ASSET =
      "a.tenant_id = :tenant AND a.asset_id = (SELECT asset_id FROM old)";

  /**
   * Appended after the statement's {@code ops} CTE: moves the head to the new commit {@code
   * :commit_id}, written with the old head as its parent, one generation above it, with the
   * operations of {@code ops}, stamped {@code :now}, or the latest of the old head's time and the
   * branch's last update if that is later (a clock set back never moves a history or a branch
   * backwards), which is also the branch's new updated_at. Nothing if {@code ops} is empty.
   */
  static final String RECORD =
      """
      , moved AS (
          UPDATE ${schema}.branches b
          SET head_commit_id = :commit_id,
              head_generation = h.head_generation + 1,
              head_created_at = GREATEST(:now, h.head_created_at, h.updated_at),
              updated_at = GREATEST(:now, h.head_created_at, h.updated_at)
          FROM head h
          WHERE b.tenant_id = :tenant AND b.branch_id = (SELECT branch_id FROM head)
            AND EXISTS (SELECT FROM ops)
      ), recorded AS (
          INSERT INTO ${schema}.commits
              (tenant_id, commit_id, catalog_id, first_parent_id, second_parent_id, generation,
               author, message, created_at)
          SELECT h.tenant_id, :commit_id, h.catalog_id, h.head_commit_id, NULL,
                 h.head_generation + 1, :author::text, :message::text,
                 GREATEST(:now, h.head_created_at, h.updated_at)
          FROM head h
          WHERE EXISTS (SELECT FROM ops)
      ), operations AS (
          INSERT INTO ${schema}.commit_changes
              (tenant_id, commit_id, parent_index, ordinal, namespace, name, before, after)
          SELECT h.tenant_id, :commit_id, 0, o.ordinal, o.namespace, o.name, o.before, o.after
          FROM head h, ops o
      )""";

  private CommitSteps() {}

  /** The content of the asset row aliased {@code alias}, as jsonb. */
  static String content(String alias) {
    return ContentJson.of(alias);
  }

  /** Binds {@link #RECORD}'s {@code :commit_id, :author, :message} for a new commit. */
  static SqlStatement bindCommit(SqlStatement statement, CommitMeta meta) throws SQLException {
    return statement
        .uuid("commit_id", CommitId.random().value())
        .text("author", meta.author().orElse(null))
        .text("message", meta.message().orElse(null));
  }
}
