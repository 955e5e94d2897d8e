package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.Optional;

/**
 * Settles, from the store's own record, whether a change whose reply was lost landed. Other writers
 * may have acted since (committed on top, renamed, dropped), so the state now is not enough: a
 * pointer that is no longer current may still have been installed, and a name that is empty now may
 * have held the change a moment ago. The asset's metadata history, which follows it through
 * renames, and its id, which never changes, tell.
 */
final class LostReplies {
  /** What the record shows. */
  enum Landed {
    /** The change is in the record. */
    YES,
    /** The record proves the change can never have happened. */
    NO,
    /** The record cannot tell (the asset is gone, or the store did not answer). */
    UNKNOWN
  }

  private final CatalogScope scope;

  LostReplies(CatalogScope scope) {
    this.scope = scope;
  }

  /**
   * Whether metadata pointer {@code next} was installed on the asset last seen at {@code ref} (with
   * id {@code id}, when known) over {@code expected} (none, for a create).
   *
   * <p>The history is read newest first: meeting {@code next} proves it landed; meeting {@code
   * expected} first proves it did not, since a compare-and-set on {@code expected} can only have
   * put {@code next} right after it. Anything else proves nothing.
   */
  Landed pointerInstalled(
      AssetRef ref, Optional<AssetId> id, Optional<String> expected, String next) {
    try {
      Optional<Asset> asset = locate(ref, id);
      if (asset.isEmpty()) {
        return Landed.UNKNOWN;
      }
      AssetRef now = asset.get().ref();
      PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
      while (true) {
        PageRequest current = request;
        Page<MetadataLocation> page =
            await(() -> scope.store().assets().history(scope.tenant(), now, current));
        for (MetadataLocation entry : page.items()) {
          if (entry.location().equals(next)) {
            return Landed.YES;
          }
          if (expected.isPresent() && entry.location().equals(expected.get())) {
            return Landed.NO;
          }
        }
        Optional<PageRequest> following = page.nextPage(PageRequest.MAX_LIMIT);
        if (following.isEmpty()) {
          // The whole history was read without meeting either. For a create this is not proof
          // either: the lost create may have landed and been renamed away before another writer
          // created this asset, and a create has no id to follow. For a commit, a history missing
          // the expected pointer was rewritten.
          return Landed.UNKNOWN;
        }
        request = following.get();
      }
    } catch (CatalogStoreException | IllegalStateException e) {
      return Landed.UNKNOWN;
    }
  }

  /**
   * The asset with id {@code id}, wherever it lives now; empty if it no longer exists. A store that
   * cannot answer fails with its own exception.
   */
  Optional<Asset> byId(AssetId id) {
    return await(() -> scope.store().assets().getById(scope.tenant(), id));
  }

  /** The asset at {@code ref} if it is the one with {@code id}; else where that one is now. */
  private Optional<Asset> locate(AssetRef ref, Optional<AssetId> id) {
    Optional<Asset> atRef = await(() -> scope.store().assets().get(scope.tenant(), ref));
    if (id.isEmpty() || atRef.map(Asset::id).equals(id)) {
      return atRef;
    }
    return byId(id.get());
  }
}
