package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.iceberg.LostReplies.Landed;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.CommitStateUnknownException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;

/**
 * Installs new metadata pointers of tables and views through the store's compare-and-set, and
 * settles the outcome of a call whose reply was lost.
 *
 * <p>Every method either returns (the pointer is installed), or throws an exception that proves
 * nothing was installed ({@link CommitFailedException}, an already-exists, a not-found, or an
 * {@link IllegalArgumentException} for input the store refused), or throws {@link
 * CommitStateUnknownException}. A caller deletes the metadata file it wrote only after a failure of
 * the first kind ({@link MetadataFiles#provesNothingInstalled}); after anything else the file may
 * be in use.
 *
 * <p>When the store is unavailable the same compare-and-set is sent again, as the store's {@link
 * UnavailableException} recommends: it cannot apply twice, since its expected value is gone once it
 * applied. Once an attempt's reply was lost, a later refusal proves nothing by itself (the lost
 * attempt may have landed, and others may have acted on top of it): the branch's history, where
 * each change's commit carries its call's token, and the assets' histories decide ({@link
 * LostReplies}). A create, which no expected value guards, is not sent again until the branch's
 * history proves the lost one absent. A failure the store does not classify is never taken as
 * proof: the outcome is unknown.
 */
final class PointerCommits {
  private final CatalogScope scope;
  private final Attempts.UnavailableRetries retries;
  private final LostReplies lostReplies;

  PointerCommits(CatalogScope scope, Attempts.UnavailableRetries retries) {
    this.scope = scope;
    this.retries = retries;
    this.lostReplies = new LostReplies(scope);
  }

  /** Creates a table or view whose first metadata file is {@code metadataLocation}. */
  void create(AssetRef ref, AssetKind kind, String location, String metadataLocation) {
    NewAsset request =
        NewAsset.builder(kind).location(location).metadataLocation(metadataLocation).build();
    String token = ChangeTokens.newToken();
    CommitMeta meta = ChangeTokens.meta("create " + describe(kind) + " " + ref, token);
    Attempts attempts = new Attempts(retries);
    while (attempts.next()) {
      // A create is not a compare-and-set: sent again after it landed and was renamed away, it
      // would create a second table on the same metadata. The branch's history tells first.
      if (attempts.afterLostReply()) {
        Landed landed = lostReplies.changeLanded(token, attempts.sinceFirstSent());
        if (landed == Landed.YES) {
          return;
        }
        if (landed == Landed.UNKNOWN) {
          continue; // not proven absent: sending it again could create it twice
        }
      }
      try {
        await(() -> scope.store().assets().create(scope.tenant(), ref, request, meta));
        return;
      } catch (AlreadyExistsException e) {
        if (settled(
            attempts,
            ref,
            () ->
                lostReplies.pointerInstalled(
                    ref,
                    Optional.empty(),
                    Optional.empty(),
                    metadataLocation,
                    token,
                    attempts.sinceFirstSent()))) {
          return;
        }
        Optional<AssetKind> existing = readKind(ref);
        throw Failures.alreadyExists(CatalogScope.identifier(ref), kind, existing);
      } catch (NotFoundException e) {
        // A create is refused for a missing namespace (or catalog) before anything is written;
        // after a lost reply, though, the create may have landed and been moved away since.
        if (settled(
            attempts, ref, () -> lostReplies.changeLanded(token, attempts.sinceFirstSent()))) {
          return;
        }
        throw missing(ref, kind, e);
      } catch (UnavailableException e) {
        attempts.lost(e);
      } catch (RuntimeException e) {
        throw unclassified(attempts, e);
      }
    }
    throw unknown(attempts, ref);
  }

  /**
   * Replaces the metadata pointer {@code expected} of the asset {@code id} (when known) at {@code
   * ref} with {@code next}, moving the storage location to {@code newLocation} when given.
   */
  void replace(
      AssetRef ref,
      Optional<AssetId> id,
      AssetKind kind,
      String expected,
      String next,
      Optional<String> newLocation) {
    MetadataCommit commit = MetadataCommit.replacing(expected, next);
    if (newLocation.isPresent()) {
      commit = commit.withLocation(newLocation.get());
    }
    MetadataCommit cas = commit;
    String token = ChangeTokens.newToken();
    CommitMeta meta = ChangeTokens.meta("commit " + describe(kind) + " " + ref, token);
    Attempts attempts = new Attempts(retries);
    Supplier<Landed> landed =
        () ->
            lostReplies.pointerInstalled(
                ref, id, Optional.of(expected), next, token, attempts.sinceFirstSent());
    while (attempts.next()) {
      try {
        await(() -> scope.store().assets().commitMetadataLocation(scope.tenant(), ref, cas, meta));
        return;
      } catch (ConflictException e) {
        if (settled(attempts, ref, landed)) {
          return;
        }
        throw new CommitFailedException(
            e,
            "Cannot commit %s: its metadata is no longer %s (now %s)",
            CatalogScope.identifier(ref),
            expected,
            e.currentValue().orElse("none"));
      } catch (NotFoundException e) {
        if (settled(attempts, ref, landed)) {
          return;
        }
        throw missing(ref, kind, e);
      } catch (UnavailableException e) {
        attempts.lost(e);
      } catch (RuntimeException e) {
        throw unclassified(attempts, e);
      }
    }
    throw unknown(attempts, ref);
  }

  /**
   * Replaces several tables' pointers as one all-or-nothing step; {@code ids} are the assets' ids
   * as read, in the order of {@code commits}.
   */
  void replaceAll(List<AssetCommit> commits, List<Optional<AssetId>> ids) {
    String token = ChangeTokens.newToken();
    CommitMeta meta = ChangeTokens.meta("commit " + commits.size() + " tables", token);
    Attempts attempts = new Attempts(retries);
    while (attempts.next()) {
      try {
        await(() -> scope.store().assets().commitMetadataLocations(scope.tenant(), commits, meta));
        return;
      } catch (ConflictException e) {
        if (settled(
            attempts,
            commits.get(0).asset(),
            () -> anyInstalled(commits, ids, token, attempts.sinceFirstSent()))) {
          return;
        }
        throw new CommitFailedException(
            e, "Cannot commit %d tables together: %s", commits.size(), e.getMessage());
      } catch (NotFoundException e) {
        if (settled(
            attempts,
            commits.get(0).asset(),
            () -> anyInstalled(commits, ids, token, attempts.sinceFirstSent()))) {
          return;
        }
        if (e.missing() == ObjectType.NAMESPACE || e.missing() == ObjectType.ASSET) {
          throw new NoSuchTableException(e, "Cannot commit: %s", e.getMessage());
        }
        throw StoreCalls.toIceberg(e);
      } catch (UnavailableException e) {
        attempts.lost(e);
      } catch (RuntimeException e) {
        throw unclassified(attempts, e);
      }
    }
    throw unknown(attempts, commits.get(0).asset());
  }

  /**
   * Whether the multi-asset commit landed: it is all-or-nothing, so one part's pointer in its
   * asset's history proves every part landed; every part proven absent proves none did.
   */
  private Landed anyInstalled(
      List<AssetCommit> commits, List<Optional<AssetId>> ids, String token, Duration sinceSent) {
    boolean allAbsent = true;
    for (int i = 0; i < commits.size(); i++) {
      AssetCommit part = commits.get(i);
      Landed landed =
          lostReplies.pointerInstalled(
              part.asset(),
              ids.get(i),
              part.commit().expected(),
              part.commit().next(),
              token,
              sinceSent);
      if (landed == Landed.YES) {
        return Landed.YES;
      }
      allAbsent &= landed == Landed.NO;
    }
    return allAbsent ? Landed.NO : Landed.UNKNOWN;
  }

  private Optional<AssetKind> readKind(AssetRef ref) {
    try {
      return await(() -> scope.store().assets().get(scope.tenant(), ref)).map(Asset::kind);
    } catch (RuntimeException e) {
      return Optional.empty(); // only the wording of the error depends on it
    }
  }

  private static RuntimeException missing(AssetRef ref, AssetKind kind, NotFoundException e) {
    if (e.missing() == ObjectType.NAMESPACE) {
      return new NoSuchNamespaceException(
          e, "Namespace does not exist: %s", CatalogScope.namespace(ref.namespace()));
    }
    if (e.missing() != ObjectType.ASSET) {
      return StoreCalls.toIceberg(e);
    }
    return kind == AssetKind.ICEBERG_VIEW
        ? new NoSuchViewException(e, "View does not exist: %s", CatalogScope.identifier(ref))
        : new NoSuchTableException(e, "Table does not exist: %s", CatalogScope.identifier(ref));
  }

  private static String describe(AssetKind kind) {
    return kind == AssetKind.ICEBERG_VIEW ? "view" : "table";
  }

  /**
   * Whether a refusal after a lost reply is in fact the lost attempt's success; throws when the
   * record cannot tell. Without a lost reply the refusal stands.
   */
  private static boolean settled(Attempts attempts, AssetRef ref, Supplier<Landed> landed) {
    if (!attempts.afterLostReply()) {
      return false;
    }
    Landed settlement;
    try {
      settlement = landed.get();
    } catch (RuntimeException e) {
      settlement = Landed.UNKNOWN; // whatever went wrong while reading, nothing was proven
    }
    return switch (settlement) {
      case YES -> true;
      case NO -> false;
      case UNKNOWN -> throw unknown(attempts, ref);
    };
  }

  /** A failure the store did not classify proves nothing: the outcome is unknown. */
  private static RuntimeException unclassified(Attempts attempts, RuntimeException e) {
    if (e instanceof InvalidArgumentException invalid && !attempts.afterLostReply()) {
      return StoreCalls.toIceberg(invalid); // refused before any write
    }
    return new CommitStateUnknownException(e);
  }

  private static CommitStateUnknownException unknown(Attempts attempts, AssetRef ref) {
    return new CommitStateUnknownException(
        new UnavailableException(
            "the catalog store's answer to the commit of "
                + CatalogScope.identifier(ref)
                + " was lost and its outcome cannot be read back",
            attempts.lastOutage()));
  }
}
