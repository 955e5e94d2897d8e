package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.MirrorPlan;
import dev.catalogstore.api.spi.RemoteSnapshot;
import dev.catalogstore.api.spi.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Making a federated catalog's {@code main} branch hold what a {@link RemoteSnapshot} holds: reads
 * the mirror, plans with the shared {@link MirrorPlan}, checks, then writes, all under the tenant's
 * write lock the caller holds. Every check comes before the first write, so a plan that cannot be
 * applied changes nothing; every asset change goes into one commit on {@code main}.
 */
final class MirrorWrites {
  /** The commit a sync writes. */
  static final CommitMeta SYNC_COMMIT = CommitMeta.of("catalogstore", "federation sync");

  private MirrorWrites() {}

  /**
   * Plans {@code remote} against the catalog's namespaces and {@code main}'s assets as they are
   * now, applies the plan at {@code now}, and returns it.
   *
   * @throws PreconditionFailedException before any change, if a namespace the remote no longer has
   *     still holds assets on another branch of the catalog (a mirror only owns {@code main})
   */
  static MirrorPlan apply(
      TenantState state, CatalogState catalog, RemoteSnapshot remote, Instant now) {
    BranchRef mainRef = BranchRef.main(catalog.catalog().name());
    BranchState main = catalog.requireBranch(mainRef);
    MirrorPlan plan = MirrorPlan.between(remote, catalog.namespaces().all(), mirrored(main));
    requireRemovable(catalog, main, plan);

    // Keys removed, with what they held: a key re-added as a table is one change, not two.
    Map<AssetKey, AssetContent> removed = new HashMap<>();
    for (AssetKey key : plan.assetsToRemove()) {
      AssetEntry entry = main.asset(key.namespace(), key.name()).orElseThrow();
      removed.put(key, AssetContent.of(entry.asset()));
      AssetWrites.remove(state, main, entry);
    }
    NamespaceTree namespaces = catalog.namespaces();
    for (NamespacePath path : plan.namespacesToRemove()) {
      namespaces.remove(path);
    }
    String catalogName = catalog.catalog().name();
    plan.namespacesToAdd()
        .forEach(
            (path, properties) ->
                namespaces.put(
                    new Namespace(new NamespaceRef(catalogName, path), properties, now, now)));
    plan.namespacesToUpdate()
        .forEach(
            (path, properties) -> {
              Namespace current = namespaces.get(path).orElseThrow();
              namespaces.put(
                  new Namespace(
                      current.ref(),
                      properties,
                      current.createdAt(),
                      Timestamps.notBefore(now, current.updatedAt())));
            });

    Map<AssetKey, AssetChange> changes = new TreeMap<>();
    plan.tablesToAdd()
        .forEach(
            (key, location) -> {
              AssetContent content = table(Optional.empty(), location, Map.of());
              AssetWrites.create(
                  state, main, new AssetRef(mainRef, key.namespace(), key.name()), content, now);
              AssetContent before = removed.remove(key);
              changes.put(
                  key,
                  before == null
                      ? AssetChange.created(key, content)
                      : AssetChange.updated(key, before, content));
            });
    plan.tablesToUpdate()
        .forEach(
            (key, move) -> {
              AssetEntry entry = main.asset(key.namespace(), key.name()).orElseThrow();
              AssetContent before = AssetContent.of(entry.asset());
              AssetContent after = table(before.location(), move.to(), before.properties());
              // Appends the history entry, as a metadata commit does.
              AssetWrites.replace(main, entry, after, now);
              changes.put(key, AssetChange.updated(key, before, after));
            });
    removed.forEach((key, content) -> changes.put(key, AssetChange.deleted(key, content)));
    if (!changes.isEmpty()) {
      catalog.commitOnto(main, new ArrayList<>(changes.values()), SYNC_COMMIT, now);
    }
    return plan;
  }

  /** Every asset of {@code main}, as the plan sees it. */
  private static Map<AssetKey, MirrorPlan.MirroredAsset> mirrored(BranchState main) {
    Map<AssetKey, MirrorPlan.MirroredAsset> assets = new HashMap<>();
    for (AssetEntry entry : main.allAssets()) {
      assets.put(
          AssetKey.of(entry.asset().ref()),
          new MirrorPlan.MirroredAsset(entry.asset().kind(), entry.asset().metadataLocation()));
    }
    return assets;
  }

  private static void requireRemovable(CatalogState catalog, BranchState main, MirrorPlan plan) {
    for (NamespacePath path : plan.namespacesToRemove()) {
      for (BranchState branch : catalog.branches().values()) {
        if (branch != main && branch.hasAssetsIn(path)) {
          throw new PreconditionFailedException(
              "the remote no longer has namespace "
                  + new NamespaceRef(catalog.catalog().name(), path)
                  + ", which still holds assets on branch '"
                  + branch.branch().ref().branch()
                  + "'");
        }
      }
    }
  }

  private static AssetContent table(
      Optional<String> location, String metadataLocation, Map<String, String> properties) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE, location, Optional.of(metadataLocation), properties);
  }
}
