package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Broken stores whose defect lives in the asset timestamps a rename or a metadata commit should
 * move or keep.
 */
final class AssetTimeBrokenStores {
  private AssetTimeBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        resettingCreatedAtOnRename(), keepingUpdatedAtOnRename(), keepingUpdatedAtOnCommit());
  }

  /** The rename's {@code UPDATE} sets {@code created_at = now()} along with {@code updated_at}. */
  static BrokenStore resettingCreatedAtOnRename() {
    return new BrokenStore(
        "rename-resets-created-at",
        "assets.rename sets createdAt to the time of the rename",
        facets -> {
          Map<AssetId, Instant> reset = new ConcurrentHashMap<>();
          return facets.withAssets(
              rewritingReads(
                  facets.assets(),
                  "rename",
                  (tenant, result) -> reset.put(result.id(), result.updatedAt()),
                  asset ->
                      reset.containsKey(asset.id())
                          ? withTimes(asset, reset.get(asset.id()), asset.updatedAt())
                          : asset));
        },
        List.of(test("AssetTime", "aRenameMovesUpdatedAtAndKeepsCreatedAt")));
  }

  /** The rename's {@code UPDATE} sets the name and namespace, and forgets {@code updated_at}. */
  static BrokenStore keepingUpdatedAtOnRename() {
    return new BrokenStore(
        "rename-keeps-updated-at",
        "assets.rename leaves updatedAt where it was",
        facets -> {
          Map<AssetId, Instant> stale = new ConcurrentHashMap<>();
          Assets remembering =
              rememberingUpdatedAtBefore(facets.assets(), "rename", 4, stale)
                  // a property update stamps updated_at as it should: the asset is no longer stale
                  .replace(
                      "updateProperties",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  updated -> {
                                    stale.remove(updated.id());
                                    return updated;
                                  }))
                  .build();
          return facets.withAssets(
              rewritingReads(
                  remembering, "rename", (t, a) -> {}, asset -> withStaleUpdatedAt(asset, stale)));
        },
        List.of(test("AssetTime", "aRenameMovesUpdatedAtAndKeepsCreatedAt")));
  }

  /** The compare-and-set's {@code UPDATE} swaps the pointer and forgets {@code updated_at}. */
  static BrokenStore keepingUpdatedAtOnCommit() {
    return new BrokenStore(
        "commit-keeps-updated-at",
        "assets.commitMetadataLocation leaves updatedAt where it was",
        facets -> {
          Map<AssetId, Instant> stale = new ConcurrentHashMap<>();
          Assets remembering =
              rememberingUpdatedAtBefore(facets.assets(), "commitMetadataLocation", 3, stale)
                  .build();
          return facets.withAssets(
              rewritingReads(
                  remembering,
                  "commitMetadataLocation",
                  (t, a) -> {},
                  asset -> withStaleUpdatedAt(asset, stale)));
        },
        List.of(test("AssetTime", "aMetadataCommitIsStampedByTheStoresClock")));
  }

  /**
   * The honest assets facet, but {@code mutating} (taking {@code arity} arguments, the tenant and
   * the asset first) first remembers in {@code stale} the {@code updatedAt} the asset had before
   * it, keeping the earliest one remembered: what a write that forgets {@code updated_at} leaves.
   */
  private static Intercept<Assets> rememberingUpdatedAtBefore(
      Assets honest, String mutating, int arity, Map<AssetId, Instant> stale) {
    return Intercept.facet(Assets.class, honest)
        .replace(
            mutating,
            arity,
            call ->
                honest
                    .get(call.arg(0, TenantId.class), call.arg(1, AssetRef.class))
                    .thenCompose(
                        before ->
                            BrokenStoreKit.<Asset>proceeding(call)
                                .thenApply(
                                    after -> {
                                      before.ifPresent(
                                          b -> stale.putIfAbsent(after.id(), b.updatedAt()));
                                      return after;
                                    })));
  }

  /** {@code asset} with the {@code updatedAt} remembered for it in {@code stale}, if any. */
  private static Asset withStaleUpdatedAt(Asset asset, Map<AssetId, Instant> stale) {
    Instant remembered = stale.get(asset.id());
    return remembered == null ? asset : withTimes(asset, asset.createdAt(), remembered);
  }

  private static Asset withTimes(Asset a, Instant createdAt, Instant updatedAt) {
    return new Asset(
        a.id(),
        a.ref(),
        a.kind(),
        a.location(),
        a.metadataLocation(),
        a.properties(),
        createdAt,
        updatedAt);
  }

  /**
   * An assets facet that shows every asset it returns through {@code view}, after {@code mutation}
   * saw the result of the method {@code mutating}.
   */
  private static Assets rewritingReads(
      Assets honest,
      String mutating,
      BiConsumer<TenantId, Asset> mutation,
      UnaryOperator<Asset> view) {
    Intercept<Assets> rewriting = Intercept.facet(Assets.class, honest);
    int mutatingArity = mutating.equals("rename") ? 4 : 3;
    rewriting.replace(
        mutating,
        mutatingArity,
        call ->
            ((CompletableFuture<Asset>) call.proceed())
                .thenApply(
                    result -> {
                      mutation.accept(call.arg(0, TenantId.class), result);
                      return view.apply(result);
                    }));
    for (String method :
        List.of("create", "updateProperties", "commitMetadataLocation", "rename")) {
      if (!method.equals(mutating)) {
        rewriting.replace(
            method,
            method.equals("rename") ? 4 : 3,
            call -> ((CompletableFuture<Asset>) call.proceed()).thenApply(view));
      }
    }
    return rewriting
        .replace(
            "get",
            2,
            call ->
                ((CompletableFuture<Optional<Asset>>) call.proceed()).thenApply(o -> o.map(view)))
        .replace(
            "getById",
            2,
            call ->
                ((CompletableFuture<Optional<Asset>>) call.proceed()).thenApply(o -> o.map(view)))
        .replace(
            "list",
            5,
            call ->
                ((CompletableFuture<Page<Asset>>) call.proceed())
                    .thenApply(
                        p -> new Page<>(p.items().stream().map(view).toList(), p.nextPageToken())))
        .build();
  }
}
