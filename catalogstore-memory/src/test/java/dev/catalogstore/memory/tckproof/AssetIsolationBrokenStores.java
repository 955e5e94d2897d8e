package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores that let one tenant's assets show through to another, mostly by ids and names kept
 * without the tenant after a rename.
 */
final class AssetIsolationBrokenStores {
  private AssetIsolationBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        leakingAssetsById(),
        cachingRenamedAssetsWithoutTheTenant(),
        lettingTheSystemTenantReadEveryAsset(),
        checkingRenameTargetsAcrossTenants());
  }

  /**
   * A lookup by id that forgot the tenant in its key or its {@code WHERE}: what it finds nothing
   * for under the caller's tenant, it finds under whichever tenant owns the id.
   */
  static BrokenStore leakingAssetsById() {
    return new BrokenStore(
        "asset-id-leak",
        "assets.getById falls back to the tenant that owns the id",
        facets -> {
          Map<AssetId, TenantId> owners = new ConcurrentHashMap<>();
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  created -> {
                                    owners.put(created.id(), call.arg(0, TenantId.class));
                                    return created;
                                  }))
                  .replace(
                      "getById",
                      2,
                      call -> {
                        AssetId id = call.arg(1, AssetId.class);
                        return ((CompletableFuture<Optional<Asset>>) call.proceed())
                            .thenCompose(
                                found -> {
                                  TenantId owner = id == null ? null : owners.get(id);
                                  return found.isPresent() || owner == null
                                      ? completedFuture(found)
                                      : honest.getById(owner, id);
                                });
                      })
                  .build());
        },
        List.of(test("AssetIsolation", "getAssetByIdOfAnotherTenantsAssetIsEmpty")));
  }

  /**
   * A cache of moved assets keyed by id alone (so that old links still resolve), consulted by the
   * look-up by id without the tenant.
   */
  static BrokenStore cachingRenamedAssetsWithoutTheTenant() {
    return new BrokenStore(
        "renamed-id-cache-without-tenant",
        "assets.getById finds a renamed asset by id under any tenant",
        facets -> {
          Map<AssetId, Asset> moved = new ConcurrentHashMap<>();
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "rename",
                      4,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  renamed -> {
                                    moved.put(renamed.id(), renamed);
                                    return renamed;
                                  }))
                  .replace(
                      "getById",
                      2,
                      call -> {
                        AssetId id = call.arg(1, AssetId.class);
                        return ((CompletableFuture<Optional<Asset>>) call.proceed())
                            .thenApply(
                                found ->
                                    found.isPresent() || id == null
                                        ? found
                                        : Optional.ofNullable(moved.get(id)));
                      })
                  .build());
        },
        List.of(
            test(
                "AssetIsolation",
                "aRenamedOrMovedAssetStaysUnreachableFromTheTwinAndTheSystemTenant")));
  }

  /** An "administrator bypass": by id, the system tenant reads any tenant's asset. */
  static BrokenStore lettingTheSystemTenantReadEveryAsset() {
    return new BrokenStore(
        "system-tenant-reads-every-asset",
        "assets.getById under the system tenant finds assets of every tenant",
        facets -> {
          Map<AssetId, TenantId> owners = new ConcurrentHashMap<>();
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  created -> {
                                    owners.put(created.id(), call.arg(0, TenantId.class));
                                    return created;
                                  }))
                  .replace(
                      "getById",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetId id = call.arg(1, AssetId.class);
                        TenantId owner = id == null ? null : owners.get(id);
                        return TenantId.SYSTEM.equals(tenant) && owner != null
                            ? honest.getById(owner, id)
                            : call.proceed();
                      })
                  .build());
        },
        List.of(
            test(
                "AssetIsolation",
                "aRenamedOrMovedAssetStaysUnreachableFromTheTwinAndTheSystemTenant")));
  }

  /** The unique index on (catalog, namespace, name) without the tenant column. */
  static BrokenStore checkingRenameTargetsAcrossTenants() {
    return new BrokenStore(
        "rename-target-unique-across-tenants",
        "assets.rename refuses a target name that another tenant has",
        facets -> {
          Map<AssetRef, Set<TenantId>> holders = new ConcurrentHashMap<>();
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .thenApply(
                                  created -> {
                                    holders
                                        .computeIfAbsent(
                                            created.ref(), r -> ConcurrentHashMap.newKeySet())
                                        .add(call.arg(0, TenantId.class));
                                    return created;
                                  }))
                  .replace(
                      "rename",
                      4,
                      call -> {
                        AssetRef to = call.arg(2, AssetRef.class);
                        if (to != null && !holders.getOrDefault(to, Set.of()).isEmpty()) {
                          return failedFuture(
                              new AlreadyExistsException("asset " + to + " exists"));
                        }
                        return call.proceed();
                      })
                  .build());
        },
        List.of(
            test(
                "AssetIsolation",
                "aRenameOntoANameOnlyTheTwinHasSucceedsAndLeavesTheTwinsAssetAlone")));
  }
}
