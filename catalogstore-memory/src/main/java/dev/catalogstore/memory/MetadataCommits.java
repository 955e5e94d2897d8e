package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.spi.Conflicts;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.spi.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applying validated metadata commits to asset entries. The caller holds the tenant's write lock
 * and has found every entry. Everything that can fail (a stale expectation, a property limit) is
 * checked before the first write, so a failed commit leaves every entry as it was.
 */
final class MetadataCommits {
  private MetadataCommits() {}

  /**
   * Installs {@code commit.next()} as the asset's metadata location, with the commit's storage
   * location and property changes, appends the history entry, and returns the new value. The caller
   * has checked {@code commit.expected()}.
   *
   * @param field the field of the commit's property changes, for the error if they would leave too
   *     many properties stored (then nothing is written)
   */
  static Asset apply(AssetEntry entry, MetadataCommit commit, String field, Instant now) {
    Asset next = committed(entry.asset(), commit, field, now);
    write(entry, next);
    return next;
  }

  /**
   * Applies {@code commits[i]} to {@code entries[i]} for every i if each entry's metadata location
   * is the one its commit expects, and returns the new values in the same order. Otherwise it
   * changes nothing and fails with {@code AssetsConflictException} listing every stale one, or, if
   * none is stale, with {@code InvalidArgumentException} on {@code commits[i].commit.properties}
   * for the first commit that would leave too many properties stored.
   */
  static List<Asset> applyAll(List<AssetCommit> commits, List<AssetEntry> entries, Instant now) {
    Conflicts.requireMetadataLocations(commits, i -> entries.get(i).asset().metadataLocation());
    // Every new value is made, and so every property limit checked, before the first write.
    List<Asset> committed = new ArrayList<>(commits.size());
    for (int i = 0; i < commits.size(); i++) {
      String field = StoredProperties.commitPartField(i);
      committed.add(committed(entries.get(i).asset(), commits.get(i).commit(), field, now));
    }
    for (int i = 0; i < commits.size(); i++) {
      write(entries.get(i), committed.get(i));
    }
    return committed;
  }

  /** What {@code commit} makes of {@code current}; writes nothing. */
  private static Asset committed(Asset current, MetadataCommit commit, String field, Instant now) {
    return new Asset(
        current.id(),
        current.ref(),
        current.kind(),
        commit.location().or(current::location),
        Optional.of(commit.next()),
        StoredProperties.apply(current.properties(), commit.properties(), field),
        current.createdAt(),
        Timestamps.notBefore(now, current.updatedAt()));
  }

  /** Appends {@code next}'s metadata location to the entry's history and installs {@code next}. */
  private static void write(AssetEntry entry, Asset next) {
    Asset current = entry.asset();
    entry.append(
        new MetadataLocation(
            entry.lastSequence() + 1,
            next.metadataLocation().orElseThrow(),
            current.metadataLocation(),
            next.updatedAt()));
    entry.replace(next);
  }
}
