package dev.catalogstore.jdbc.branch;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.spi.HistoryPath;
import dev.catalogstore.api.spi.MergeBase;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.StoredHistory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One branch creation, as the work of one transaction: the assets at the commit {@code from} names
 * are materialised in the cheapest way that is exact ({@link BranchCreationSql} has the
 * statements):
 *
 * <ol>
 *   <li>{@code from} is a branch's head, or some branch's head is the commit: copy that branch's
 *       assets (one {@code INSERT ... SELECT});
 *   <li>else a full branch's head descends from the commit (main tried first, then by name): that
 *       branch's assets, with the net changes from the commit to its head undone, read from history
 *       since the commit;
 *   <li>else: the contents folded from the catalog's root commit up to the commit.
 * </ol>
 *
 * The copy checks, in its own statement, that the branch it copies still has the head the history
 * was read for; if it moved meanwhile, the next way is tried. The second and third ways first hold
 * the catalog's row against deletion, so the history they read cannot vanish under them.
 */
final class BranchCreation {
  private final BranchSql branches;
  private final BranchCreationSql sql;
  private final StoredHistory.Statements histories;

  BranchCreation(BranchSql branches, BranchCreationSql sql, StoredHistory.Statements histories) {
    this.branches = branches;
    this.sql = sql;
    this.histories = histories;
  }

  /** Creates {@code branch} on {@code connection}, inside the transaction. */
  Branch create(
      Connection connection, TenantId tenant, BranchRef branch, NewBranch request, Instant now)
      throws SQLException {
    BranchCreationSql.FromBranch copied = sql.fromBranch(connection, tenant, branch, request, now);
    if (copied.missing().isPresent()) {
      throw Missing.along(copied.missing().get(), tenant, request.from());
    }
    if (copied.created().isPresent()) {
      return copied.created().get();
    }
    UUID catalogId = copied.resolved().catalogId();
    CommitId commit = copied.resolved().commit();
    // Reading history takes several statements: a catalog deleted meanwhile would take the commits
    // being read with it, so the catalog is held first, and one deleted already is missing.
    if (!sql.holdCatalog(connection, tenant, catalogId)) {
      throw Missing.catalog(branch.catalog());
    }
    Optional<Set<AssetKey>> subset = request.assets();
    StoredHistory history = histories.open(connection, tenant, catalogId);
    long generation = history.generation(commit);
    for (BranchSql.Candidate candidate :
        branches.descendantCandidates(connection, tenant, catalogId, generation)) {
      if (!MergeBase.isAncestor(history, commit, candidate.head())) {
        continue;
      }
      Map<AssetKey, AssetChange> net = HistoryPath.netChanges(history, commit, candidate.head());
      Map<AssetKey, AssetContent> restore = new HashMap<>();
      List<AssetKey> keys = new ArrayList<>();
      for (AssetChange change : net.values()) {
        // The content at the commit is where the change since it started.
        if (subset.isEmpty() || subset.get().contains(change.key())) {
          change.before().ifPresent(content -> restore.put(change.key(), content));
        }
      }
      subset.ifPresent(
          named -> named.stream().filter(key -> !net.containsKey(key)).forEach(keys::add));
      Optional<BranchCreationSql.Created> created =
          sql.atCommit(
              connection,
              tenant,
              branch,
              request,
              catalogId,
              commit,
              candidate.branchId(),
              candidate.head(),
              net.keySet(),
              keys,
              restore,
              now);
      if (created.isPresent()) {
        return created.get().branch();
      }
    }
    CommitId root = history.root(commit);
    Map<AssetKey, AssetContent> restore = new HashMap<>();
    HistoryPath.contentsAfter(history, root, commit)
        .forEach(
            (key, content) -> {
              if (subset.isEmpty() || subset.get().contains(key)) {
                content.ifPresent(present -> restore.put(key, present));
              }
            });
    // A content whose namespace was deleted since is left out, and the branch is then partial.
    return sql.fromContents(connection, tenant, branch, request, catalogId, commit, restore, now)
        .branch();
  }
}
