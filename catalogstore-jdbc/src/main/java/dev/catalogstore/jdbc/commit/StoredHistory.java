package dev.catalogstore.jdbc.commit;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.spi.CommitHistory;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.sql.NamedSql;
import dev.catalogstore.jdbc.sql.Rows;
import dev.catalogstore.jdbc.sql.SqlStatement;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.SqlWork;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One catalog's commits with their changes ({@link CommitHistory}), read from PostgreSQL on one
 * connection, inside the transaction of a merge or a branch creation, and kept for that
 * transaction. Commits never change, so nothing read can go stale.
 *
 * <p>It reads in batches, so that what a walk costs is round trips in the number of commits it
 * visits divided by a growing batch, never in the size of the catalog:
 *
 * <ul>
 *   <li>a commit not read yet is read with a run of its first-parent ancestors (a recursive query
 *       with a {@code LIMIT}, at which PostgreSQL stops the recursion), the run doubling with each
 *       miss, from {@value #FIRST_RUN} up to {@value #MAX_RUN} commits;
 *   <li>the changes of a commit not read yet are read together with those of every commit read so
 *       far at its generation or above: {@link dev.catalogstore.api.spi.HistoryPath} asks for a
 *       path's changes oldest first, once the walks have read the commits above the merge base, so
 *       one query reads every change since the base, and none below it.
 * </ul>
 *
 * <p>{@link CommitHistory}'s methods cannot throw {@link SQLException}; it crosses them wrapped in
 * {@link Failure}, which {@link #unwrapping} turns back into the {@code SQLException}, so that the
 * store's retries and error mapping see it.
 */
public final class StoredHistory implements CommitHistory {
  /** The first run of first-parent ancestors read with a commit not read yet. */
  static final int FIRST_RUN = 16;

  /** The longest run. */
  static final int MAX_RUN = 1024;

  /**
   * A run of first-parent ancestors of the seeds, at most {@code :limit} commits. UNION (not UNION
   * ALL) so two runs that meet continue as one.
   */
  private static final String CHAIN =
      """
      WITH RECURSIVE chain AS (
          SELECT m.commit_id, m.first_parent_id, m.second_parent_id, m.generation
          FROM ${schema}.commits m
          WHERE m.tenant_id = :tenant AND m.catalog_id = :catalog_id
            AND m.commit_id = ANY(:seeds::uuid[])
          UNION
          SELECT m.commit_id, m.first_parent_id, m.second_parent_id, m.generation
          FROM chain ch
          -- One primary-key lookup per step. A plain join would be planned for the worktable's
          -- default estimate (ten rows a step), a hash join over every commit of a mid-sized
          -- history; LIMIT keeps the lateral subquery from being flattened into one.
          CROSS JOIN LATERAL (
              SELECT p.commit_id, p.first_parent_id, p.second_parent_id, p.generation
              FROM ${schema}.commits p
              WHERE p.tenant_id = :tenant AND p.commit_id = ch.first_parent_id
                AND p.catalog_id = :catalog_id
              LIMIT 1
          ) m
      )
      SELECT *
      FROM chain
      LIMIT :limit
      """;

  /** The changes of some commits, relative to every parent, on the primary key. */
  private static final String CHANGES =
      """
      SELECT x.commit_id, x.parent_index, %s
      FROM ${schema}.commit_changes x
      WHERE x.tenant_id = :tenant AND x.commit_id = ANY(:commits::uuid[])
      """
          .formatted(CommitRows.CHANGE_COLUMNS);

  private final Statements statements;
  private final Connection connection;
  private final TenantId tenant;
  private final UUID catalogId;
  private final Map<CommitId, Node> nodes = new HashMap<>();
  private final Map<CommitId, Map<Integer, List<AssetChange>>> changes = new HashMap<>();
  private int nextRun = FIRST_RUN;

  private StoredHistory(
      Statements statements, Connection connection, TenantId tenant, UUID catalogId) {
    this.statements = statements;
    this.connection = connection;
    this.tenant = tenant;
    this.catalogId = catalogId;
  }

  /** The statements, compiled once per store. */
  public static Statements statements(SqlText sql) {
    return new Statements(sql.compile(CHAIN), sql.compile(CHANGES));
  }

  /**
   * Runs {@code work}, turning a {@link Failure} thrown from a {@link CommitHistory} method back
   * into its {@link SQLException}.
   */
  public static <T> T unwrapping(Connection connection, SqlWork<T> work) throws SQLException {
    try {
      return work.run(connection);
    } catch (Failure e) {
      throw e.getCause();
    }
  }

  @Override
  public List<CommitId> parents(CommitId commit) {
    return node(commit).parents();
  }

  @Override
  public long generation(CommitId commit) {
    return node(commit).generation();
  }

  @Override
  public List<AssetChange> changes(CommitId commit, int parentIndex) {
    Map<Integer, List<AssetChange>> byParent = changes.get(commit);
    if (byParent == null) {
      readChangesFrom(commit);
      byParent = changes.get(commit);
    }
    return byParent.getOrDefault(parentIndex, List.of());
  }

  /**
   * Reads {@code seeds} and a run of {@code run} of their first-parent ancestors, in one query, if
   * not read yet. A merge reads both heads this way before it walks.
   */
  public void prefetch(Collection<CommitId> seeds, int run) {
    List<UUID> unread = new ArrayList<>();
    for (CommitId seed : seeds) {
      if (!nodes.containsKey(seed)) {
        unread.add(seed.value());
      }
    }
    if (unread.isEmpty()) {
      return;
    }
    try (SqlStatement query = SqlStatement.prepare(connection, statements.chain())) {
      query
          .uuid("tenant", tenant.value())
          .uuid("catalog_id", catalogId)
          .uuidArray("seeds", unread)
          .integer("limit", run)
          .query(
              row ->
                  nodes.put(
                      new CommitId(Rows.uuid(row, "commit_id")),
                      new Node(CommitRows.parents(row), row.getLong("generation"))));
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /**
   * The root commit below {@code commit}: the end of its first-parent chain, read in runs that
   * double in length.
   */
  public CommitId root(CommitId commit) {
    CommitId current = commit;
    for (List<CommitId> parents = parents(current);
        !parents.isEmpty();
        parents = parents(current)) {
      current = parents.get(0);
    }
    return current;
  }

  /**
   * The keys of every change read so far: a superset of the keys any net change over them can hold,
   * for a caller that reads assets at those keys in one batch.
   */
  public Set<AssetKey> keysRead() {
    Set<AssetKey> keys = new LinkedHashSet<>();
    for (Map<Integer, List<AssetChange>> byParent : changes.values()) {
      byParent.values().forEach(list -> list.forEach(change -> keys.add(change.key())));
    }
    return keys;
  }

  private Node node(CommitId commit) {
    Node node = nodes.get(commit);
    if (node == null) {
      prefetch(List.of(commit), nextRun);
      nextRun = Math.min(nextRun * 2, MAX_RUN);
      node = nodes.get(commit);
      if (node == null) {
        throw new InternalStoreException(
            "broken commit graph: commit " + commit + " is not a commit of its catalog", null);
      }
    }
    return node;
  }

  /** Reads the changes of {@code commit} and of every commit read at its generation or above. */
  private void readChangesFrom(CommitId commit) {
    long generation = generation(commit);
    List<UUID> batch = new ArrayList<>();
    batch.add(commit.value());
    nodes.forEach(
        (id, node) -> {
          if (!id.equals(commit) && !changes.containsKey(id) && node.generation() >= generation) {
            batch.add(id.value());
          }
        });
    Map<CommitId, Map<Integer, List<AssetChange>>> read = new HashMap<>();
    for (UUID id : batch) {
      read.put(new CommitId(id), new HashMap<>());
    }
    try (SqlStatement query = SqlStatement.prepare(connection, statements.changes())) {
      query
          .uuid("tenant", tenant.value())
          .uuidArray("commits", batch)
          .query(
              row -> {
                read.get(new CommitId(Rows.uuid(row, "commit_id")))
                    .computeIfAbsent(row.getInt("parent_index"), i -> new ArrayList<>())
                    .add(CommitRows.change(row));
                return null;
              });
    } catch (SQLException e) {
      throw new Failure(e);
    }
    changes.putAll(read);
  }

  /** A commit's parents and generation. */
  private record Node(List<CommitId> parents, long generation) {}

  /** The compiled statements of a store's histories. */
  public record Statements(NamedSql chain, NamedSql changes) {
    /** One catalog's history, read on {@code connection}. */
    public StoredHistory open(Connection connection, TenantId tenant, UUID catalogId) {
      return new StoredHistory(this, connection, tenant, catalogId);
    }
  }

  /** An {@link SQLException} on its way out of a {@link CommitHistory} method. */
  public static final class Failure extends RuntimeException {
    public Failure(SQLException cause) {
      super(cause);
    }

    @Override
    public synchronized SQLException getCause() {
      return (SQLException) super.getCause();
    }
  }
}
