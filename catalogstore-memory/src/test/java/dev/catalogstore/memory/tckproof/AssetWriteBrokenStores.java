package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broken stores whose defect lives in the plain asset writes and what they read back: property
 * updates, deletes, kinds and locations.
 */
final class AssetWriteBrokenStores {
  private AssetWriteBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        replacingPropertiesOnUpdate(),
        skippingUpdatesWithoutKeysToSet(),
        deletingByNameAcrossNamespaces(),
        readingEveryKindAsIcebergById(),
        droppingLocationsOfNonTables());
  }

  /** {@code UPDATE ... SET properties = :set}: the update replaces the map instead of merging. */
  static BrokenStore replacingPropertiesOnUpdate() {
    return new BrokenStore(
        "update-replaces-properties",
        "assets.updateProperties drops every key it does not set",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                        if (tenant == null
                            || asset == null
                            || update == null
                            || update.set() == null
                            || update.set().isEmpty()) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, asset)
                            .thenCompose(
                                found -> {
                                  Set<String> dropped =
                                      new HashSet<>(
                                          found.map(Asset::properties).orElse(Map.of()).keySet());
                                  dropped.removeAll(update.set().keySet());
                                  return honest.updateProperties(
                                      tenant, asset, new PropertyUpdate(update.set(), dropped));
                                });
                      })
                  .build());
        },
        List.of(
            test("AssetProperties", "updatePropertiesWithOnlyKeysToSetKeepsEveryOtherKey"),
            test("AssetProperties", "updatePropertiesOfOneKeyOfSeveralKeepsTheOthersExactly")));
  }

  /** "Nothing to set, nothing to do": an update with only removals returns the asset as it is. */
  static BrokenStore skippingUpdatesWithoutKeysToSet() {
    return new BrokenStore(
        "update-skips-removals",
        "assets.updateProperties ignores an update that sets no key",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "updateProperties",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        PropertyUpdate update = call.arg(2, PropertyUpdate.class);
                        if (tenant == null
                            || asset == null
                            || update == null
                            || update.set() == null
                            || !update.set().isEmpty()
                            || update.remove() == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, asset)
                            .thenCompose(
                                found ->
                                    found
                                        .map(CompletableFuture::completedFuture)
                                        .orElseGet(() -> proceeding(call)));
                      })
                  .build());
        },
        List.of(
            test("AssetProperties", "updatePropertiesWithOnlyKeysToRemoveKeepsEveryOtherKey"),
            test("AssetTime", "anEmptyPropertyUpdateStillMovesUpdatedAt")));
  }

  /**
   * {@code DELETE FROM assets WHERE tenant = ? AND name = ?}: the namespace and catalog were left
   * out, so the same name elsewhere in the tenant goes too.
   */
  static BrokenStore deletingByNameAcrossNamespaces() {
    return new BrokenStore(
        "delete-by-name-only",
        "assets.delete removes every asset of that name in the tenant",
        facets -> {
          Map<TenantId, Set<AssetRef>> known = new ConcurrentHashMap<>();
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
                                    known
                                        .computeIfAbsent(
                                            call.arg(0, TenantId.class),
                                            t -> ConcurrentHashMap.newKeySet())
                                        .add(created.ref());
                                    return created;
                                  }))
                  .replace(
                      "delete",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        return ((CompletableFuture<Void>) call.proceed())
                            .thenCompose(
                                deleted -> {
                                  CompletableFuture<Void> more = completedFuture(null);
                                  for (AssetRef other : known.getOrDefault(tenant, Set.of())) {
                                    if (!other.equals(asset) && other.name().equals(asset.name())) {
                                      more =
                                          more.thenCompose(
                                              v ->
                                                  honest
                                                      .delete(tenant, other)
                                                      .exceptionally(gone -> null));
                                    }
                                  }
                                  return more;
                                });
                      })
                  .build());
        },
        List.of(test("AssetDelete", "deleteRemovesExactlyTheNamedAsset")));
  }

  /** An old row mapper, used only by the look-up by id, that knows the first three kinds. */
  static BrokenStore readingEveryKindAsIcebergById() {
    return new BrokenStore(
        "kind-defaults-by-id",
        "assets.getById reads kinds it does not know as ICEBERG_TABLE",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "getById",
                        2,
                        call ->
                            ((CompletableFuture<Optional<Asset>>) call.proceed())
                                .thenApply(
                                    found ->
                                        found.map(
                                            a ->
                                                Set.of(
                                                            AssetKind.ICEBERG_TABLE,
                                                            AssetKind.ICEBERG_VIEW,
                                                            AssetKind.DELTA_TABLE)
                                                        .contains(a.kind())
                                                    ? a
                                                    : new Asset(
                                                        a.id(),
                                                        a.ref(),
                                                        AssetKind.ICEBERG_TABLE,
                                                        a.location(),
                                                        a.metadataLocation(),
                                                        a.properties(),
                                                        a.createdAt(),
                                                        a.updatedAt()))))
                    .build()),
        List.of(
            test(
                "AssetReadBack",
                "everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind")));
  }

  /** "Only tables have a location": the create drops it for views, files and models. */
  static BrokenStore droppingLocationsOfNonTables() {
    return new BrokenStore(
        "location-dropped-for-non-tables",
        "assets.create stores a location only for table kinds",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "create",
                        3,
                        call -> {
                          NewAsset request = call.arg(2, NewAsset.class);
                          if (request == null
                              || request.kind() == null
                              || request.kind().name().endsWith("_TABLE")) {
                            return call.proceed();
                          }
                          NewAsset withoutLocation =
                              NewAsset.builder(request.kind())
                                  .metadataLocation(request.metadataLocation().orElse(null))
                                  .properties(request.properties())
                                  .build();
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              withoutLocation);
                        })
                    .build()),
        List.of(
            test(
                "AssetReadBack",
                "everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind")));
  }
}
