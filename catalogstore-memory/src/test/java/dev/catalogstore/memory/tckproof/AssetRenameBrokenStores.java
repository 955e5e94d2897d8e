package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores whose defect lives in {@code assets.rename}: a rename written as a copy, one that
 * loses fields, and name and id indexes a rename leaves stale.
 */
final class AssetRenameBrokenStores {
  private AssetRenameBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        renamingByCopy(),
        droppingPropertiesOnRename(),
        keepingTheOldNameTakenAfterRename(),
        cachingIdsAcrossRenames());
  }

  /**
   * A rename written as "create at the target, then delete the source": a new id, a new creation
   * time, and a history that starts again from the current metadata location.
   */
  static BrokenStore renamingByCopy() {
    return new BrokenStore(
        "rename-by-copy",
        "assets.rename creates a copy at the target and deletes the source",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "rename",
                      4,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef from = call.arg(1, AssetRef.class);
                        AssetRef to = call.arg(2, AssetRef.class);
                        CompletableFuture<Asset> validated =
                            (CompletableFuture<Asset>)
                                call.proceed(
                                    tenant, from, from, call.arg(3, AssetExpectation.class));
                        return validated
                            .handle(
                                (ok, failure) -> {
                                  Throwable cause = unwrap(failure);
                                  if (!(cause instanceof AlreadyExistsException)) {
                                    return CompletableFuture.<Asset>failedFuture(
                                        cause != null
                                            ? cause
                                            : new IllegalStateException("renamed onto itself"));
                                  }
                                  return honest
                                      .get(tenant, from)
                                      .thenCompose(
                                          found -> {
                                            Asset current = found.orElseThrow();
                                            NewAsset copy =
                                                NewAsset.builder(current.kind())
                                                    .location(current.location().orElse(null))
                                                    .metadataLocation(
                                                        current.metadataLocation().orElse(null))
                                                    .properties(current.properties())
                                                    .build();
                                            return honest
                                                .create(tenant, to, copy)
                                                .thenCompose(
                                                    created ->
                                                        honest
                                                            .delete(tenant, from)
                                                            .thenApply(deleted -> created));
                                          });
                                })
                            .thenCompose(f -> f);
                      })
                  .build());
        },
        List.of(
            test(
                "AssetRename",
                "renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory"),
            test("AssetRename", "getByIdFollowsEveryRenameAndMove"),
            test(
                "MetadataHistory",
                "theHistoryFollowsTheAssetThroughARenameAndContinuesItsSequence")));
  }

  /** The rename's {@code INSERT ... SELECT} lists every column but the properties. */
  static BrokenStore droppingPropertiesOnRename() {
    return new BrokenStore(
        "rename-drops-properties",
        "assets.rename loses the asset's properties",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "rename",
                      4,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenCompose(
                                  moved ->
                                      honest.updateProperties(
                                          call.arg(0, TenantId.class),
                                          moved.ref(),
                                          PropertyUpdate.removing(moved.properties().keySet()))))
                  .build());
        },
        List.of(
            test(
                "AssetRename",
                "renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName"),
            test(
                "AssetRename",
                "renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory")));
  }

  /**
   * A separate name index (a unique-name table) that a rename adds the new name to but does not
   * clear the old one from: the old name stays taken.
   */
  static BrokenStore keepingTheOldNameTakenAfterRename() {
    return new BrokenStore(
        "rename-keeps-old-name-taken",
        "assets.rename leaves the old name reserved, so it cannot be created again",
        facets -> {
          Set<List<Object>> reserved = ConcurrentHashMap.newKeySet();
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "rename",
                      4,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  moved -> {
                                    reserved.add(
                                        List.of(
                                            call.arg(0, TenantId.class),
                                            call.arg(1, AssetRef.class)));
                                    return moved;
                                  }))
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        if (tenant != null
                            && asset != null
                            && reserved.contains(List.of(tenant, asset))) {
                          return failedFuture(
                              new AlreadyExistsException("asset " + asset + " exists"));
                        }
                        return call.proceed();
                      })
                  .build());
        },
        List.of(
            test("AssetRename", "renameFreesTheOldNameForANewAsset"),
            test(
                "AssetRename",
                "renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName")));
  }

  /** A by-id read cache filled on create and read, never invalidated by a rename. */
  static BrokenStore cachingIdsAcrossRenames() {
    return new BrokenStore(
        "stale-id-cache",
        "assets.getById answers the coordinates the asset had before it was renamed",
        facets -> {
          Map<List<Object>, Asset> cache = new ConcurrentHashMap<>();
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  created -> {
                                    cache.put(
                                        List.of(call.arg(0, TenantId.class), created.id()),
                                        created);
                                    return created;
                                  }))
                  .replace(
                      "getById",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetId id = call.arg(1, AssetId.class);
                        Asset cached =
                            tenant == null || id == null ? null : cache.get(List.of(tenant, id));
                        return cached != null
                            ? completedFuture(Optional.of(cached))
                            : call.proceed();
                      })
                  .replace(
                      "delete",
                      3,
                      call ->
                          ((CompletableFuture<Void>) call.proceed())
                              .thenApply(
                                  deleted -> {
                                    cache
                                        .values()
                                        .removeIf(a -> a.ref().equals(call.arg(1, AssetRef.class)));
                                    return deleted;
                                  }))
                  .build());
        },
        List.of(
            test("AssetGet", "getAssetByIdReturnsTheAssetAtItsCurrentCoordinates"),
            test("AssetRename", "getByIdFollowsEveryRenameAndMove")));
  }
}
