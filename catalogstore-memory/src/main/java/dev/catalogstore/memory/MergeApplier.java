package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.spi.Merges;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applying a merge plan's changes to the target branch's assets, key by key: the only assets a
 * merge touches, so its cost follows the changes, not the catalog's size. An asset the target has
 * at a key keeps its id and creation time; only a key the target lacks gets a new asset.
 *
 * <p>Not thread-safe by itself: the caller holds the tenant's write lock and has decided the merge
 * on the target's current head, so every change starts from what the target holds.
 */
final class MergeApplier {
  private MergeApplier() {}

  /**
   * Fails with {@code PreconditionFailedException}, before anything is changed, if a change would
   * create an asset in a namespace that has since been deleted from the catalog: an asset lives
   * only in an existing namespace, and the caller must create it again to merge.
   */
  static void requireNamespaces(
      CatalogState catalog, BranchState target, List<AssetChange> changes) {
    for (AssetChange change : changes) {
      AssetKey key = change.key();
      if (change.after().isPresent()
          && target.asset(key.namespace(), key.name()).isEmpty()
          && !catalog.namespaces().exists(key.namespace())) {
        throw Merges.namespaceGone(target.branch().ref(), key);
      }
    }
  }

  /** Makes each change of {@code changes} on {@code target}, all stamped {@code now}. */
  static void apply(TenantState state, BranchState target, List<AssetChange> changes, Instant now) {
    BranchRef ref = target.branch().ref();
    for (AssetChange change : changes) {
      AssetKey key = change.key();
      Optional<AssetEntry> existing = target.asset(key.namespace(), key.name());
      Optional<AssetContent> after = change.after();
      if (after.isEmpty()) {
        existing.ifPresent(entry -> AssetWrites.remove(state, target, entry));
      } else if (existing.isPresent()) {
        AssetWrites.replace(target, existing.get(), after.get(), now);
      } else {
        AssetWrites.create(
            state, target, new AssetRef(ref, key.namespace(), key.name()), after.get(), now);
      }
    }
  }
}
