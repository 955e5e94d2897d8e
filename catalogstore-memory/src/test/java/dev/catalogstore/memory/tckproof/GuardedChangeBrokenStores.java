package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Broken stores whose defect lives in guarded deletes and renames: expectations checked only in
 * part, or not at all.
 */
final class GuardedChangeBrokenStores {
  private GuardedChangeBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        guardingDeletesWithoutTheKind(),
        ignoringAnExpectedAbsentMetadataLocation(),
        renamingWithoutTheGuard(),
        deletingByALikePattern());
  }

  /** A guarded {@code DELETE … WHERE id = ? AND metadata_location = ?} that forgot the kind. */
  static BrokenStore guardingDeletesWithoutTheKind() {
    return new BrokenStore(
        "guarded-delete-ignores-kind",
        "assets.delete checks the expected id and metadata location but not the kind",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "delete",
                        3,
                        call -> {
                          AssetExpectation expected = call.arg(2, AssetExpectation.class);
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              expected == null ? null : rebuild(expected, false, true));
                        })
                    .build()),
        List.of(
            test(
                "GuardedDelete",
                "aDeleteGuardedByAnotherKindIsAConflictCarryingTheCurrentKindAndDeletesNothing"),
            test("GuardedDelete", "aDeleteGuardedAsATableDoesNotDropAViewThatReplacedIt")));
  }

  /**
   * {@code if (expected.metadataLocation().isPresent()) sql.append("AND metadata_location = ?")}:
   * "the asset has no metadata location" is taken for "do not check it".
   */
  static BrokenStore ignoringAnExpectedAbsentMetadataLocation() {
    return new BrokenStore(
        "guarded-delete-ignores-no-metadata",
        "assets.delete treats an expected absent metadata location as no expectation",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "delete",
                        3,
                        call -> {
                          AssetExpectation expected = call.arg(2, AssetExpectation.class);
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              expected == null ? null : rebuild(expected, true, false));
                        })
                    .build()),
        List.of(
            test("GuardedDelete", "aDeleteGuardedByNoMetadataLocationRefusesAnAssetThatHasOne")));
  }

  /** A guarded rename that validates the expectation but never checks it against the asset. */
  static BrokenStore renamingWithoutTheGuard() {
    return new BrokenStore(
        "guarded-rename-unchecked",
        "assets.rename ignores what the caller expects of the asset",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "rename",
                        4,
                        call -> {
                          try {
                            Requests.assetExpectation(
                                call.arg(3, AssetExpectation.class), "expected");
                          } catch (CatalogStoreException invalid) {
                            return call.proceed();
                          }
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              call.arg(2, Object.class),
                              AssetExpectation.ANY);
                        })
                    .build()),
        List.of(
            test(
                "GuardedRename",
                "aRenameGuardedByAnotherIdIsAConflictCarryingTheCurrentIdAndRenamesNothing"),
            test(
                "GuardedRename",
                "aRenameGuardedByAnotherKindIsAConflictCarryingTheCurrentKindAndRenamesNothing")));
  }

  /**
   * {@code DELETE … WHERE name LIKE :name AND kind = :kind}: the guard holds for the named asset,
   * and the pattern's {@code _} and {@code %} take siblings with it.
   */
  static BrokenStore deletingByALikePattern() {
    return new BrokenStore(
        "guarded-delete-like",
        "assets.delete with an expectation deletes every asset whose name matches it as LIKE",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "delete",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        AssetExpectation expected = call.arg(2, AssetExpectation.class);
                        if (expected == null || expected.equals(AssetExpectation.ANY)) {
                          return call.proceed();
                        }
                        return ((CompletableFuture<Void>) call.proceed())
                            .thenCompose(
                                deleted -> {
                                  String like = asset.name().replace("%", ".*").replace("_", ".");
                                  return honest
                                      .list(
                                          tenant,
                                          asset.branch(),
                                          asset.namespace(),
                                          PageRequest.firstPage(PageRequest.MAX_LIMIT))
                                      .thenCompose(
                                          page ->
                                              CompletableFuture.allOf(
                                                  page.items().stream()
                                                      .filter(
                                                          a ->
                                                              java.util.regex.Pattern.matches(
                                                                  like, a.ref().name()))
                                                      .map(a -> honest.delete(tenant, a.ref()))
                                                      .toArray(CompletableFuture[]::new)));
                                });
                      })
                  .build());
        },
        List.of(test("GuardedDelete", "aGuardedDeleteRemovesExactlyTheAssetItNames")));
  }

  /**
   * {@code expected} with only some of its checks: the kind if {@code keepKind}, an expected absent
   * metadata location if {@code keepAbsentMetadata} (an expected present one is kept).
   */
  private static AssetExpectation rebuild(
      AssetExpectation expected, boolean keepKind, boolean keepAbsentMetadata) {
    AssetExpectation rebuilt = AssetExpectation.ANY;
    if (expected.id().isPresent()) {
      rebuilt = rebuilt.withId(expected.id().get());
    }
    if (keepKind && expected.kind().isPresent()) {
      rebuilt = rebuilt.withKind(expected.kind().get());
    }
    if (expected.checksMetadataLocation()) {
      if (expected.metadataLocation().isPresent()) {
        rebuilt = rebuilt.withMetadataLocation(expected.metadataLocation().get());
      } else if (keepAbsentMetadata) {
        rebuilt = rebuilt.withoutMetadataLocation();
      }
    }
    return rebuilt;
  }
}
