package dev.catalogstore.api.branch;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The branches facet ({@code store.branches()}): git-like lines of history of a catalog, and
 * three-way merges between them. Every catalog has the branch {@code main}, created with it at the
 * catalog's root commit.
 *
 * <p>Asset ids are per branch: a branch's copy of an asset has its own id, and a merge never
 * changes the id of an asset that already exists on its target.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own branch (compare its
 * head with the commit it was made from); a retried {@code delete} that fails with {@code
 * NotFoundException} landed; a retried {@code merge} whose first attempt landed finds the target
 * {@code UP_TO_DATE} (unless the source moved meanwhile): read the target's head and its commits to
 * tell.
 */
public interface Branches {
  /**
   * Creates branch {@code branch}, starting at the commit {@code request.from()} names (read
   * atomically with the creation) with a copy of the assets as they are at that commit: when {@code
   * from} is a branch's head, that branch's assets; a partial branch copies only the keys named.
   * Namespaces belong to the catalog, so they are shared, not copied. No commit is written: the new
   * branch's head is the commit it starts at.
   *
   * <p>{@code from} must name the new branch's own catalog ({@code InvalidArgumentException} on
   * {@code request.from.catalog}). Fails with {@code AlreadyExistsException} if the name is taken,
   * and with {@code NotFoundException} saying what is missing (catalog, branch, tag or commit).
   * Copying costs in the number of assets copied; starting from a commit that is no branch's head
   * also reads the history leading to it.
   */
  CompletableFuture<Branch> create(TenantId tenant, BranchRef branch, NewBranch request);

  /** Reads a branch; empty if it does not exist in the tenant. */
  CompletableFuture<Optional<Branch>> get(TenantId tenant, BranchRef branch);

  /**
   * Lists the branches of {@code catalog} by name in code-point order, keyset-paged. Fails with
   * {@code NotFoundException} if the catalog does not exist.
   */
  CompletableFuture<Page<Branch>> list(TenantId tenant, String catalog, PageRequest page);

  /**
   * Deletes a branch with its assets, atomically. Its commits stay, so tags and other branches that
   * reach them keep them. Branch {@code main} cannot be deleted ({@code
   * PreconditionFailedException}); a missing branch is a {@code NotFoundException}.
   */
  CompletableFuture<Void> delete(TenantId tenant, BranchRef branch);

  /**
   * Merges {@code source} into {@code target}, two branches of one catalog, as the three-way merge
   * of DESIGN §2.7 from their merge base (the nearest common ancestor of both heads): changes made
   * only on the source since the base are applied to the target; changes made only on the target
   * are kept, never reverted; a key changed on both sides to different contents, or deleted on one
   * side and changed on the other, is a conflict, handled as {@code options.strategy()} says;
   * deletions propagate; a partial source never deletes what it did not copy.
   *
   * <p>The merge is one atomic step, guarded by the target's head: every change of the target is
   * made, its head moves and the merge commit is written together, or nothing happens, and a change
   * that lands on the target meanwhile is never lost (the merge then either includes it in what it
   * compared or fails with {@code ConflictException}, never overwrites it). It costs in the number
   * of commits and changes since the merge base, not in the size of the catalog.
   *
   * <p>Fails with {@code InvalidArgumentException} on {@code target} if the two branches are of
   * different catalogs or the same branch; with {@code NotFoundException} if a branch does not
   * exist; with {@code PreconditionFailedException} if the source is {@link
   * BranchType#EXPERIMENTAL}; and, unless it is a dry run, with {@link
   * dev.catalogstore.api.error.MergeConflictException} listing every conflict when the strategy is
   * {@code FAIL} and any conflict exists, changing nothing.
   */
  CompletableFuture<MergeResult> merge(
      TenantId tenant, BranchRef source, BranchRef target, MergeOptions options);

  /** Merges with {@link MergeOptions#DEFAULT}: strategy {@code FAIL}, not a dry run. */
  default CompletableFuture<MergeResult> merge(
      TenantId tenant, BranchRef source, BranchRef target) {
    return merge(tenant, source, target, MergeOptions.DEFAULT);
  }
}
