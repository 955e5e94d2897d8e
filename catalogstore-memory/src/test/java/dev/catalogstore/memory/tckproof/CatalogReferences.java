package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tenant.TenantId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The metadata locations a catalog references, read through the public facets, for broken
 * maintenance runs that gather them as a backend with a defect would: the locations held at each
 * branch head and at each tagged commit, by asset.
 *
 * <p>A commit's content is folded along its first-parent ancestry: each commit's operations are its
 * changes relative to its first parent, so the newest change of a key is its content.
 */
final class CatalogReferences {
  private final StoreFacets facets;
  private final TenantId tenant;
  private final String catalog;

  CatalogReferences(StoreFacets facets, TenantId tenant, String catalog) {
    this.facets = facets;
    this.tenant = tenant;
    this.catalog = catalog;
  }

  /** The metadata location of each asset in the content of {@code commit}. */
  Map<AssetKey, String> locationsAt(CommitRef commit) {
    Map<AssetKey, Optional<String>> newest = new HashMap<>();
    for (Commit at : allPages(page -> facets.commits().ancestry(tenant, commit, page))) {
      for (AssetChange change :
          allPages(page -> facets.commits().operations(tenant, catalog, at.id(), page))) {
        newest.putIfAbsent(change.key(), change.after().flatMap(AssetContent::metadataLocation));
      }
    }
    Map<AssetKey, String> locations = new HashMap<>();
    newest.forEach((key, location) -> location.ifPresent(l -> locations.put(key, l)));
    return locations;
  }

  /** Which heads and which assets at them a broken run takes as references. */
  @FunctionalInterface
  interface HeadRule {
    boolean counts(Branch branch, AssetKey key);
  }

  /** The locations the assets {@code rule} counts hold at the branch heads. */
  Set<String> atHeads(HeadRule rule) {
    Set<String> locations = new HashSet<>();
    for (Branch branch : allPages(page -> facets.branches().list(tenant, catalog, page))) {
      locationsAt(CommitRef.head(branch.ref()))
          .forEach(
              (key, location) -> {
                if (rule.counts(branch, key)) {
                  locations.add(location);
                }
              });
    }
    return locations;
  }

  /** The locations any asset holds at a tagged commit. */
  Set<String> atTags() {
    Set<String> locations = new HashSet<>();
    for (Tag tag : allPages(page -> facets.tags().list(tenant, catalog, page))) {
      locations.addAll(locationsAt(CommitRef.id(catalog, tag.commit())).values());
    }
    return locations;
  }

  static AssetKey key(AssetRef asset) {
    return new AssetKey(asset.namespace(), asset.name());
  }
}
