package dev.catalogstore.iceberg;

import static dev.catalogstore.iceberg.StoreCalls.await;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * nothing was installed ({@link CommitFailedException}, an already-exists or a not-found), or
 * throws {@link CommitStateUnknownException}. Only the last leaves the new metadata file in use
 * possibly, so only then must a caller keep it.
 *
 * <p>When the store is unavailable the same compare-and-set is sent again, as the store's {@link
 * UnavailableException} recommends: it cannot apply twice, since its expected value is gone once it
 * applied. A retry that loses to the very pointer it installs proves the first attempt landed. Only
 * when every attempt finds the store unavailable is the outcome unknown.
 */
final class PointerCommits {
  private final CatalogScope scope;
  private final UnavailableRetries retries;

  PointerCommits(CatalogScope scope, UnavailableRetries retries) {
    this.scope = scope;
    this.retries = retries;
  }

  /** Creates a table or view whose first metadata file is {@code metadataLocation}. */
  void create(AssetRef ref, AssetKind kind, String location, String metadataLocation) {
    NewAsset request =
        NewAsset.builder(kind).location(location).metadataLocation(metadataLocation).build();
    CommitMeta meta = CommitMeta.message("iceberg: create " + describe(kind) + " " + ref);
    UnavailableException lastOutage = null;
    for (int attempt = 0; attempt <= retries.count(); attempt++) {
      if (attempt > 0) {
        retries.pause(attempt);
      }
      try {
        await(() -> scope.store().assets().create(scope.tenant(), ref, request, meta));
        return;
      } catch (AlreadyExistsException e) {
        Optional<Asset> existing = read(ref);
        if (attempt > 0
            && existing.flatMap(Asset::metadataLocation).equals(Optional.of(metadataLocation))) {
          return; // the lost attempt created it
        }
        throw Failures.alreadyExists(CatalogScope.identifier(ref), kind, existing.map(Asset::kind));
      } catch (NotFoundException e) {
        throw missing(ref, kind, e);
      } catch (UnavailableException e) {
        lastOutage = e;
      } catch (CatalogStoreException e) {
        throw StoreCalls.toIceberg(e);
      }
    }
    throw unknown(ref, lastOutage);
  }

  /**
   * Replaces the metadata pointer {@code expected} with {@code next}, moving the storage location
   * to {@code newLocation} when given.
   */
  void replace(
      AssetRef ref, AssetKind kind, String expected, String next, Optional<String> newLocation) {
    MetadataCommit commit = MetadataCommit.replacing(expected, next);
    if (newLocation.isPresent()) {
      commit = commit.withLocation(newLocation.get());
    }
    MetadataCommit cas = commit;
    CommitMeta meta = CommitMeta.message("iceberg: commit " + describe(kind) + " " + ref);
    UnavailableException lastOutage = null;
    for (int attempt = 0; attempt <= retries.count(); attempt++) {
      if (attempt > 0) {
        retries.pause(attempt);
      }
      try {
        await(() -> scope.store().assets().commitMetadataLocation(scope.tenant(), ref, cas, meta));
        return;
      } catch (ConflictException e) {
        if (attempt > 0 && currentPointer(ref).equals(Optional.of(next))) {
          return; // the lost attempt installed it
        }
        throw new CommitFailedException(
            e,
            "Cannot commit %s: its metadata is no longer %s (now %s)",
            CatalogScope.identifier(ref),
            expected,
            e.currentValue().orElse("none"));
      } catch (NotFoundException e) {
        throw missing(ref, kind, e);
      } catch (UnavailableException e) {
        lastOutage = e;
      } catch (CatalogStoreException e) {
        throw StoreCalls.toIceberg(e);
      }
    }
    throw unknown(ref, lastOutage);
  }

  /** Replaces several tables' pointers as one all-or-nothing step. */
  void replaceAll(List<AssetCommit> commits, CommitMeta meta) {
    UnavailableException lastOutage = null;
    for (int attempt = 0; attempt <= retries.count(); attempt++) {
      if (attempt > 0) {
        retries.pause(attempt);
      }
      try {
        await(() -> scope.store().assets().commitMetadataLocations(scope.tenant(), commits, meta));
        return;
      } catch (ConflictException e) {
        if (attempt > 0 && allInstalled(commits)) {
          return; // the lost attempt installed them all
        }
        throw new CommitFailedException(
            e, "Cannot commit %d tables together: %s", commits.size(), e.getMessage());
      } catch (NotFoundException e) {
        throw new NoSuchTableException(e, "Table does not exist: %s", e.getMessage());
      } catch (UnavailableException e) {
        lastOutage = e;
      } catch (CatalogStoreException e) {
        throw StoreCalls.toIceberg(e);
      }
    }
    throw new CommitStateUnknownException(
        new UnavailableException(
            "the catalog store stayed unavailable while committing " + commits.size() + " tables",
            lastOutage));
  }

  private boolean allInstalled(List<AssetCommit> commits) {
    for (AssetCommit commit : commits) {
      if (!currentPointer(commit.asset()).equals(Optional.of(commit.commit().next()))) {
        return false;
      }
    }
    return true;
  }

  /** The asset's metadata pointer now; an outage here leaves the outcome unknown. */
  private Optional<String> currentPointer(AssetRef ref) {
    return read(ref).flatMap(Asset::metadataLocation);
  }

  private Optional<Asset> read(AssetRef ref) {
    try {
      return await(() -> scope.store().assets().get(scope.tenant(), ref));
    } catch (UnavailableException e) {
      throw unknown(ref, e);
    }
  }

  private static RuntimeException missing(AssetRef ref, AssetKind kind, NotFoundException e) {
    if (e.missing() == ObjectType.NAMESPACE) {
      return new NoSuchNamespaceException(
          e, "Namespace does not exist: %s", CatalogScope.namespace(ref.namespace()));
    }
    return kind == AssetKind.ICEBERG_VIEW
        ? new NoSuchViewException(e, "View does not exist: %s", CatalogScope.identifier(ref))
        : new NoSuchTableException(e, "Table does not exist: %s", CatalogScope.identifier(ref));
  }

  private static CommitStateUnknownException unknown(AssetRef ref, UnavailableException cause) {
    return new CommitStateUnknownException(
        new UnavailableException(
            "the catalog store stayed unavailable while committing " + CatalogScope.identifier(ref),
            Objects.requireNonNull(cause, "cause")));
  }

  private static String describe(AssetKind kind) {
    return kind == AssetKind.ICEBERG_VIEW ? "view" : "table";
  }

  /** How often, and after how long, a call refused as unavailable is sent again. */
  record UnavailableRetries(int count, long firstPauseMillis) {
    /** Doubles the pause with every attempt. */
    void pause(int attempt) {
      long millis = firstPauseMillis << Math.min(attempt - 1, 10);
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CommitStateUnknownException(e);
      }
    }
  }
}
