package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * Settles, from the store's own record, whether a change whose reply was lost landed. Other writers
 * may have acted since (committed on top, renamed, dropped, registered the same metadata under
 * another name), so the state now is not enough.
 *
 * <ul>
 *   <li>The branch's history is asked first: every change is one commit whose message carries the
 *       call's token ({@link ChangeTokens}); finding it proves the change landed, and reading back
 *       past the call's time without finding it proves it did not.
 *   <li>Otherwise an asset's metadata history, which follows it through renames, may hold the
 *       pointer: that proves it too.
 *   <li>Failure is proven only by the asset read before the commit, still at its name, whose
 *       history shows the expected pointer with nothing of ours after it: a compare-and-set on that
 *       pointer can only have put ours right after it.
 *   <li>Anything else proves nothing: the outcome is unknown.
 * </ul>
 */
final class LostReplies {
  /** What the record shows. */
  enum Landed {
    /** The change is in the record. */
    YES,
    /** The record proves the change can never have happened. */
    NO,
    /** The record cannot tell (the asset moved or is gone, or the store did not answer). */
    UNKNOWN
  }

  private final CatalogScope scope;
  private final ChangeTokens tokens;

  LostReplies(CatalogScope scope) {
    this.scope = scope;
    this.tokens = new ChangeTokens(scope);
  }

  /**
   * Whether the change marked with {@code token}, first sent {@code sinceSent} ago, landed, by the
   * branch's history alone: found is YES, proven absent is NO, unreadable is UNKNOWN.
   */
  Landed changeLanded(String token, Duration sinceSent) {
    return switch (tokens.search(token, sinceSent)) {
      case FOUND -> Landed.YES;
      case ABSENT -> Landed.NO;
      case UNREADABLE -> Landed.UNKNOWN;
    };
  }

  /**
   * Whether metadata pointer {@code next}, sent with {@code token}, was installed at {@code ref}
   * over {@code expected} (none, for a create) on the asset with id {@code id} (when known).
   */
  Landed pointerInstalled(
      AssetRef ref,
      Optional<AssetId> id,
      Optional<String> expected,
      String next,
      String token,
      Duration sinceSent) {
    ChangeTokens.Search search = tokens.search(token, sinceSent);
    if (search == ChangeTokens.Search.FOUND) {
      return Landed.YES;
    }
    Landed byHistory = pointerInHistories(ref, id, expected, next);
    if (byHistory == Landed.YES) {
      return Landed.YES;
    }
    // A create proven absent from the branch did not land: it has no asset history of its own to
    // tell. A replace fails only by its asset's history, which a fast-forward cannot hide.
    if (search == ChangeTokens.Search.ABSENT && expected.isEmpty()) {
      return Landed.NO;
    }
    return byHistory;
  }

  /** The asset histories' word on whether {@code next} was installed. */
  private Landed pointerInHistories(
      AssetRef ref, Optional<AssetId> id, Optional<String> expected, String next) {
    try {
      Optional<Asset> atName = get(ref);
      boolean ours = id.isPresent() && atName.map(Asset::id).equals(id);
      if (ours) {
        Landed seen = scan(atName.get(), expected, next);
        // Proof of failure holds only if the asset is still ours and still at its name.
        if (seen == Landed.NO && !get(ref).map(Asset::id).equals(id)) {
          return Landed.UNKNOWN;
        }
        return seen;
      }
      if (atName.isPresent() && scan(atName.get(), Optional.empty(), next) == Landed.YES) {
        return Landed.YES;
      }
      if (id.isPresent()) {
        Optional<Asset> moved = byId(id.get());
        if (moved.isPresent() && scan(moved.get(), Optional.empty(), next) == Landed.YES) {
          return Landed.YES;
        }
      }
      return Landed.UNKNOWN;
    } catch (RuntimeException e) {
      return Landed.UNKNOWN; // whatever went wrong, nothing was proven
    }
  }

  /**
   * The asset with id {@code id}, wherever it lives now; empty if it no longer exists. A store that
   * cannot answer fails with its own exception.
   */
  private Optional<Asset> byId(AssetId id) {
    return await(() -> scope.store().assets().getById(scope.tenant(), id));
  }

  private Optional<Asset> get(AssetRef ref) {
    return await(() -> scope.store().assets().get(scope.tenant(), ref));
  }

  /**
   * Reads {@code asset}'s whole metadata history: {@code next} anywhere is YES; otherwise {@code
   * expected} present is NO (a compare-and-set on it would have put {@code next} after it, and a
   * pointer put back to {@code expected} later does not hide {@code next}); neither is UNKNOWN.
   */
  private Landed scan(Asset asset, Optional<String> expected, String next) {
    AssetRef at = asset.ref();
    boolean expectedSeen = false;
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      PageRequest current = request;
      Page<MetadataLocation> page =
          await(() -> scope.store().assets().history(scope.tenant(), at, current));
      for (MetadataLocation entry : page.items()) {
        if (entry.location().equals(next)) {
          return Landed.YES;
        }
        expectedSeen |= expected.isPresent() && entry.location().equals(expected.get());
      }
      Optional<PageRequest> following = page.nextPage(PageRequest.MAX_LIMIT);
      if (following.isEmpty()) {
        return expectedSeen ? Landed.NO : Landed.UNKNOWN;
      }
      request = following.get();
    }
  }
}
