package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.spi.Timestamps;
import java.time.Instant;
import java.util.Optional;

/**
 * The three ways an asset's content changes on a branch, kept in step with both indexes of the
 * asset (by coordinates in its {@link BranchState}, by id in its {@link TenantState}) and with its
 * metadata history. Shared by asset creation, branch creation and merges, so an asset made by any
 * of them looks the same. The caller holds the tenant's write lock and has made every check.
 */
final class AssetWrites {
  private AssetWrites() {}

  /**
   * Creates an asset at {@code ref} with a fresh id, {@code content}, both times {@code now}, and
   * history entry 1 if the content has a metadata location.
   */
  static Asset create(
      TenantState state, BranchState branch, AssetRef ref, AssetContent content, Instant now) {
    Asset created =
        new Asset(
            freshId(state),
            ref,
            content.kind(),
            content.location(),
            content.metadataLocation(),
            content.properties(),
            now,
            now);
    AssetEntry entry = new AssetEntry(created);
    content
        .metadataLocation()
        .ifPresent(
            location -> entry.append(new MetadataLocation(1, location, Optional.empty(), now)));
    branch.put(entry);
    branch.catalogAssetsById().put(created.id(), entry);
    return created;
  }

  /**
   * Replaces the content of the asset {@code entry} holds, keeping its id, address and creation
   * time. A metadata location changed to a present one is appended to the history, whose previous
   * location is the old one; content without a metadata location (a table re-created on the source
   * and not committed yet) leaves the asset without history, as it is on the source.
   */
  static void replace(BranchState branch, AssetEntry entry, AssetContent content, Instant now) {
    Asset current = entry.asset();
    Instant updatedAt = Timestamps.notBefore(now, current.updatedAt());
    Asset next =
        new Asset(
            current.id(),
            current.ref(),
            content.kind(),
            content.location(),
            content.metadataLocation(),
            content.properties(),
            current.createdAt(),
            updatedAt);
    if (content.metadataLocation().isEmpty()) {
      entry.clearHistory();
    } else if (!content.metadataLocation().equals(current.metadataLocation())) {
      entry.append(
          new MetadataLocation(
              entry.lastSequence() + 1,
              content.metadataLocation().get(),
              current.metadataLocation(),
              updatedAt));
    }
    // The kind indexes the entry within its namespace, so it is filed again under the new value.
    branch.remove(current.ref().namespace(), current.ref().name());
    entry.replace(next);
    branch.put(entry);
  }

  /** Removes the asset {@code entry} holds, with its history, from both indexes. */
  static void remove(TenantState state, BranchState branch, AssetEntry entry) {
    AssetRef ref = entry.asset().ref();
    branch.remove(ref.namespace(), ref.name());
    branch.catalogAssetsById().remove(entry.asset().id());
  }

  /** A fresh id, unused in the tenant (a random UUID collision is retried, not trusted away). */
  static AssetId freshId(TenantState state) {
    AssetId id = AssetId.random();
    while (state.asset(id).isPresent()) {
      id = AssetId.random();
    }
    return id;
  }
}
