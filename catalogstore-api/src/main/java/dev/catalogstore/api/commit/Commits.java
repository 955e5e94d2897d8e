package dev.catalogstore.api.commit;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The commits facet ({@code store.commits()}): reading a catalog's history. Commits are written by
 * the changes themselves (every asset change on a branch, every merge) and never change; this facet
 * only reads them.
 *
 * <p>A commit id is looked for only in the catalog named with it: the id of a commit of another
 * catalog, or of another tenant, is reported exactly like an id that does not exist.
 */
public interface Commits {
  /**
   * Reads commit {@code id} of {@code catalog}; empty if the catalog has no such commit (also when
   * the tenant or the catalog does not exist).
   */
  CompletableFuture<Optional<Commit>> get(TenantId tenant, String catalog, CommitId id);

  /**
   * Lists the history that led to {@code from}, newest first: the commit {@code from} names, then
   * its first parent, then that commit's first parent, down to the catalog's root commit. This is
   * the history of the branch itself, as git's {@code log --first-parent} shows it: a merge commit
   * appears with both its parents named, and the merged branch's own commits are listed from the
   * merge commit's second parent. Keyset-paged by commit, so paging while the branch moves on
   * continues where the previous page ended, and each page costs its size, however long the
   * history.
   *
   * <p>Fails with {@code NotFoundException} whose {@code missing()} is the tenant, the catalog, the
   * branch ({@link CommitRef.Head}), the tag ({@link CommitRef.Tagged}) or the commit ({@link
   * CommitRef.ById}) that does not exist.
   */
  CompletableFuture<Page<Commit>> ancestry(TenantId tenant, CommitRef from, PageRequest page);

  /**
   * Lists the operations of commit {@code id} of {@code catalog}: its changes relative to its first
   * parent, one per asset key, each with the asset's content before and after, ordered by key
   * ({@link AssetKey#compareTo}), keyset-paged. A rename is two operations (the old key deleted,
   * the new key created); the root commit has none. Fails with {@code NotFoundException} if the
   * tenant, the catalog or the commit does not exist.
   */
  CompletableFuture<Page<AssetChange>> operations(
      TenantId tenant, String catalog, CommitId id, PageRequest page);
}
