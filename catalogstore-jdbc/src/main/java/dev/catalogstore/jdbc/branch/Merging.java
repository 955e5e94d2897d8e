package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.spi.Merges;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitWrites;
import dev.catalogstore.jdbc.commit.StoredHistory;
import dev.catalogstore.jdbc.sql.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One merge, as the work of one transaction ({@link MergeSql} has its statements): lock the
 * target's row, read both branches, let {@link Merges#decide} decide on the history read from the
 * database, and apply the decision in one statement. What it reads grows with the commits and
 * changes since the merge base, never with the number of assets: the history is read in batches
 * from the heads down, and the target's assets only at the keys that history changed.
 */
final class Merging {
  /** The first-parent run read with each head before the walks start. */
  private static final int HEAD_RUN = 64;

  private final Database db;
  private final MergeSql sql;
  private final StoredHistory.Statements histories;

  Merging(Database db, MergeSql sql, StoredHistory.Statements histories) {
    this.db = db;
    this.sql = sql;
    this.histories = histories;
  }

  /** Merges {@code source} into {@code target} on {@code connection}, inside the transaction. */
  MergeResult merge(
      Connection connection,
      TenantId tenant,
      BranchRef source,
      BranchRef target,
      MergeOptions options)
      throws SQLException {
    MergeSql.Heads heads = sql.lockHeads(connection, tenant, source, target);
    if (heads.missing().isPresent()) {
      throw switch (heads.missing().get()) {
        case TENANT -> Missing.tenant(tenant);
        case CATALOG -> Missing.catalog(source.catalog());
        default -> Missing.branch(heads.sourceMissing() ? source : target);
      };
    }
    Merges.requireMergeable(source, heads.source().type());
    MergeSql.Head from = heads.source();
    MergeSql.Head into = heads.target();
    StoredHistory history = histories.open(connection, tenant, heads.catalogId());
    history.prefetch(List.of(from.head(), into.head()), HEAD_RUN);
    Map<AssetKey, MergeSql.TargetAsset> read = new HashMap<>();
    Merges.Decision decision =
        Merges.decide(
            history,
            from.head(),
            from.partial(),
            into.head(),
            into.partial(),
            key -> {
              readTargetAssets(connection, tenant, heads, read, history.keysRead(), key);
              MergeSql.TargetAsset found = read.get(key);
              return found == null ? Optional.empty() : found.content();
            },
            options.strategy());
    if (options.dryRun()) {
      return decision.result(into.head(), Optional.empty(), true);
    }
    switch (decision.outcome()) {
      case CONFLICTED -> throw decision.conflictFailure();
      case UP_TO_DATE -> {
        return decision.result(into.head(), Optional.empty(), false);
      }
      case FAST_FORWARD -> {
        List<AssetChange> changes = decision.plan().toApply();
        Map<AssetKey, MergeSql.TargetAsset> current =
            current(connection, tenant, target, heads, read, changes);
        Instant now = db.now();
        sql.apply(
            connection,
            tenant,
            heads.catalogId(),
            changes,
            current,
            Optional.empty(),
            new CommitWrites.HeadMove(
                into.branchId(),
                from.head(),
                from.generation(),
                from.headCreatedAt(),
                Timestamps.notBefore(now, into.updatedAt())),
            now);
        return decision.result(from.head(), Optional.empty(), false);
      }
      case MERGED -> {
        List<AssetChange> changes = decision.plan().toApply();
        Map<AssetKey, MergeSql.TargetAsset> current =
            current(connection, tenant, target, heads, read, changes);
        Instant now = db.now();
        Instant latestParent =
            from.headCreatedAt().isAfter(into.headCreatedAt())
                ? from.headCreatedAt()
                : into.headCreatedAt();
        // Never before either parent, nor before the target's last update.
        Instant createdAt =
            Timestamps.notBefore(Timestamps.notBefore(now, latestParent), into.updatedAt());
        CommitWrites.NewCommit commit =
            new CommitWrites.NewCommit(
                CommitId.random(),
                List.of(into.head(), from.head()),
                Math.max(from.generation(), into.generation()) + 1,
                options.meta(),
                createdAt,
                List.of(changes, decision.secondParentChanges()));
        sql.apply(
            connection,
            tenant,
            heads.catalogId(),
            changes,
            current,
            Optional.of(commit),
            new CommitWrites.HeadMove(
                into.branchId(), commit.id(), commit.generation(), createdAt, createdAt),
            now);
        return decision.result(commit.id(), Optional.of(commit.id()), false);
      }
    }
    throw new IllegalStateException("unknown merge outcome " + decision.outcome());
  }

  /**
   * Reads the target's assets at {@code key} and, the first time, at every key of the history read
   * so far (the keys the merge may ask for), in one batch.
   */
  private void readTargetAssets(
      Connection connection,
      TenantId tenant,
      MergeSql.Heads heads,
      Map<AssetKey, MergeSql.TargetAsset> read,
      Set<AssetKey> historyKeys,
      AssetKey key) {
    if (read.containsKey(key)) {
      return;
    }
    Set<AssetKey> batch = new LinkedHashSet<>();
    batch.add(key);
    for (AssetKey k : historyKeys) {
      if (!read.containsKey(k)) {
        batch.add(k);
      }
    }
    readInto(connection, tenant, heads, read, batch);
  }

  private void readInto(
      Connection connection,
      TenantId tenant,
      MergeSql.Heads heads,
      Map<AssetKey, MergeSql.TargetAsset> read,
      Set<AssetKey> keys) {
    Map<AssetKey, MergeSql.TargetAsset> found;
    try {
      found =
          sql.targetAssets(connection, tenant, heads.catalogId(), heads.target().branchId(), keys);
    } catch (SQLException e) {
      throw new StoredHistory.Failure(e);
    }
    for (AssetKey k : keys) {
      // A key without a namespace has neither a namespace id nor an asset.
      read.put(k, found.getOrDefault(k, new MergeSql.TargetAsset(null, null, Optional.empty())));
    }
  }

  /**
   * The target at every key of {@code changes}, read (under the lock) where the decision did not
   * read it, checked against what the plan expects to find there.
   */
  private Map<AssetKey, MergeSql.TargetAsset> current(
      Connection connection,
      TenantId tenant,
      BranchRef target,
      MergeSql.Heads heads,
      Map<AssetKey, MergeSql.TargetAsset> read,
      List<AssetChange> changes) {
    Set<AssetKey> unread = new LinkedHashSet<>();
    for (AssetChange change : changes) {
      if (!read.containsKey(change.key())) {
        unread.add(change.key());
      }
    }
    if (!unread.isEmpty()) {
      readInto(connection, tenant, heads, read, unread);
    }
    for (AssetChange change : changes) {
      MergeSql.TargetAsset found = read.get(change.key());
      Optional<AssetContent> now = found.content();
      if (!now.equals(change.before())) {
        throw new InternalStoreException(
            "the merge planned to change "
                + change.key()
                + " from "
                + change.before()
                + " but the target holds "
                + now,
            null);
      }
      if (change.after().isPresent() && found.namespaceId() == null) {
        throw Merges.namespaceGone(target, change.key());
      }
    }
    return read;
  }
}
