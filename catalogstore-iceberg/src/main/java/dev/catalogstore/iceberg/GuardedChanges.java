package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.iceberg.LostReplies.Landed;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.ServiceUnavailableException;

/**
 * Drops and renames of tables and views, each guarded by what was read: the store applies the
 * change only if the asset at the name still has the id and kind read (and, for a purge, the
 * metadata read), so a drop never removes a view that replaced the table meanwhile, and a purge
 * deletes exactly the files of the version it removed.
 *
 * <p>A guard that fails means the name changed hands between the read and the change: the change
 * starts again from a new read, a bounded number of times. A call refused as unavailable is sent
 * again too. Once a reply was lost, the branch's history settles what happened: each change's
 * commit carries its call's token ({@link ChangeTokens}). A retried drop counts as this call's only
 * when its commit is found, so a purge never deletes the files of a table someone else dropped or
 * moved; a retried rename landed when its commit is found or the asset lives at the new name. When
 * the history cannot be read and the asset's id does not tell either, the outcome is reported
 * unknown ({@code ServiceUnavailableException}) and nothing is purged.
 */
final class GuardedChanges {
  /** Rounds of read-and-change before giving up on a name that keeps changing hands. */
  private static final int MAX_ROUNDS = 5;

  private final CatalogScope scope;
  private final Attempts.UnavailableRetries retries;
  private final LostReplies lostReplies;

  GuardedChanges(CatalogScope scope, Attempts.UnavailableRetries retries) {
    this.scope = scope;
    this.retries = retries;
    this.lostReplies = new LostReplies(scope);
  }

  /**
   * Drops the asset of {@code kind} at {@code ref}; false if there is none. {@code beforeDrop} sees
   * the asset about to be dropped (to read its metadata for a purge); with {@code exactVersion} the
   * drop also requires the metadata read. True means this call dropped that asset.
   */
  boolean drop(AssetRef ref, AssetKind kind, boolean exactVersion, Consumer<Asset> beforeDrop) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Optional<Asset> read = read(ref).filter(asset -> asset.kind() == kind);
      if (read.isEmpty()) {
        return false;
      }
      Asset asset = read.get();
      beforeDrop.accept(asset);
      AssetExpectation guard =
          exactVersion
              ? AssetExpectation.of(asset)
              : AssetExpectation.ANY.withId(asset.id()).withKind(kind);
      Outcome outcome = deleteRetrying(ref, guard, "drop " + noun(kind) + " " + ref);
      if (outcome == Outcome.DONE) {
        return true;
      }
      if (outcome == Outcome.GONE) {
        return false;
      }
      // CHANGED: read again
    }
    throw new CommitFailedException(
        "Cannot drop %s: it kept changing while being dropped", CatalogScope.identifier(ref));
  }

  /** Renames the asset of {@code kind} at {@code from} to {@code to}. */
  void rename(AssetRef from, AssetRef to, AssetKind kind) {
    TableIdentifier fromId = CatalogScope.identifier(from);
    TableIdentifier toId = CatalogScope.identifier(to);
    for (int round = 0; round < MAX_ROUNDS; round++) {
      String token = ChangeTokens.newToken();
      CommitMeta meta = ChangeTokens.meta("rename " + noun(kind) + " " + from + " to " + to, token);
      Asset asset =
          read(from)
              .filter(found -> found.kind() == kind)
              .orElseThrow(() -> notFound(kind, fromId));
      AssetExpectation guard = AssetExpectation.ANY.withId(asset.id()).withKind(kind);
      Attempts attempts = new Attempts(retries);
      boolean changed = false;
      while (!changed && attempts.next()) {
        try {
          await(() -> scope.store().assets().rename(scope.tenant(), from, to, guard, meta));
          return;
        } catch (AlreadyExistsException e) {
          if (attempts.afterLostReply() && renamed(asset, from, to, token, attempts)) {
            return; // the lost attempt renamed it
          }
          throw Failures.renameTarget(fromId, toId, read(to).map(Asset::kind));
        } catch (NotFoundException e) {
          if (attempts.afterLostReply() && renamed(asset, from, to, token, attempts)) {
            return; // the lost attempt renamed it
          }
          if (e.missing() == ObjectType.NAMESPACE) {
            throw new NoSuchNamespaceException(e, "Namespace does not exist: %s", toId.namespace());
          }
          throw notFound(kind, fromId);
        } catch (ConflictException e) {
          if (attempts.afterLostReply() && renamed(asset, from, to, token, attempts)) {
            return; // the lost attempt renamed it
          }
          changed = true; // another asset holds the name now: read again
        } catch (UnavailableException e) {
          attempts.lost(e);
        } catch (CatalogStoreException e) {
          throw StoreCalls.toIceberg(e);
        }
      }
      if (!changed) {
        throw StoreCalls.toIceberg(attempts.lastOutage());
      }
    }
    throw new CommitFailedException(
        "Cannot rename %s: it kept changing while being renamed", fromId);
  }

  private enum Outcome {
    /** The guarded delete removed the asset read. */
    DONE,
    /** Nothing is at the name any more. */
    GONE,
    /** Another asset, or another version, holds the name. */
    CHANGED
  }

  private Outcome deleteRetrying(AssetRef ref, AssetExpectation guard, String description) {
    String token = ChangeTokens.newToken();
    CommitMeta meta = ChangeTokens.meta(description, token);
    Attempts attempts = new Attempts(retries);
    while (attempts.next()) {
      try {
        await(() -> scope.store().assets().delete(scope.tenant(), ref, guard, meta));
        return Outcome.DONE;
      } catch (NotFoundException | ConflictException e) {
        Outcome refused = e instanceof NotFoundException ? Outcome.GONE : Outcome.CHANGED;
        if (!attempts.afterLostReply()) {
          return refused;
        }
        // The lost attempt may have removed it; only this call's commit proves that.
        Landed landed = lostReplies.changeLanded(token, attempts.sinceFirstSent());
        if (landed == Landed.YES) {
          return Outcome.DONE;
        }
        if (landed == Landed.NO || whereIs(guard.id().orElseThrow()).isPresent()) {
          return refused; // not this call's doing: the asset is elsewhere, or never removed
        }
        throw new ServiceUnavailableException(
            "Drop of %s: the catalog store lost its answer, and its outcome cannot be read back",
            CatalogScope.identifier(ref));
      } catch (UnavailableException e) {
        attempts.lost(e);
      } catch (CatalogStoreException e) {
        throw StoreCalls.toIceberg(e);
      }
    }
    throw StoreCalls.toIceberg(attempts.lastOutage());
  }

  /**
   * After a lost reply, whether the rename landed: the branch's history holds this call's commit,
   * or the asset read now lives at {@code to}. The refusal stands if the history proves the call
   * absent or the asset is still at {@code from}; otherwise the outcome is unknown, and so
   * reported.
   */
  private boolean renamed(
      Asset asset, AssetRef from, AssetRef to, String token, Attempts attempts) {
    Landed landed = lostReplies.changeLanded(token, attempts.sinceFirstSent());
    if (landed == Landed.YES) {
      return true;
    }
    Optional<AssetRef> now = whereIs(asset.id()).map(Asset::ref);
    if (now.equals(Optional.of(to))) {
      return true;
    }
    if (landed == Landed.NO || now.equals(Optional.of(from))) {
      return false; // the refusal stands
    }
    throw new ServiceUnavailableException(
        "Rename of %s to %s: the catalog store lost its answer, and the table has moved since;"
            + " its outcome is unknown",
        CatalogScope.identifier(from), CatalogScope.identifier(to));
  }

  /** The asset with that id wherever it is now; empty if it is gone. */
  private Optional<Asset> whereIs(AssetId id) {
    return StoreCalls.call(() -> scope.store().assets().getById(scope.tenant(), id));
  }

  private Optional<Asset> read(AssetRef ref) {
    return StoreCalls.call(() -> scope.store().assets().get(scope.tenant(), ref));
  }

  private static RuntimeException notFound(AssetKind kind, TableIdentifier identifier) {
    return kind == AssetKind.ICEBERG_VIEW
        ? new NoSuchViewException("View does not exist: %s", identifier)
        : new NoSuchTableException("Table does not exist: %s", identifier);
  }

  private static String noun(AssetKind kind) {
    return kind == AssetKind.ICEBERG_VIEW ? "view" : "table";
  }
}
