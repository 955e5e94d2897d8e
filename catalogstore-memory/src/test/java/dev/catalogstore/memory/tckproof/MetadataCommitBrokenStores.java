package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.tenant.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Broken stores whose defect lives in a metadata commit that also moves the location or changes
 * properties.
 */
final class MetadataCommitBrokenStores {
  private MetadataCommitBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        droppingTheCommittedLocation(),
        replacingPropertiesOnCommit(),
        applyingPropertiesOfALostCommit());
  }

  /**
   * A commit written before {@code SET LOCATION} existed: its {@code UPDATE} swaps the pointer and
   * the properties but never sets the location column.
   */
  static BrokenStore droppingTheCommittedLocation() {
    return new BrokenStore(
        "commit-location-dropped",
        "assets.commitMetadataLocation(s) ignores the commit's new location",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call ->
                          call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              withoutLocation(call.arg(2, MetadataCommit.class))))
                  .replace(
                      "commitMetadataLocations",
                      2,
                      call -> {
                        @SuppressWarnings("unchecked")
                        List<AssetCommit> commits = call.arg(1, List.class);
                        if (commits == null || commits.contains(null)) {
                          return call.proceed();
                        }
                        return call.proceed(
                            call.arg(0, Object.class),
                            commits.stream()
                                .map(c -> new AssetCommit(c.asset(), withoutLocation(c.commit())))
                                .toList());
                      })
                  .build());
        },
        List.of(
            test(
                "CommitWithLocation", "aCommitWithALocationMovesTheLocationTogetherWithThePointer"),
            test("CommitWithLocation", "aFirstCommitCanSetTheLocationOfAnAssetThatHasNone"),
            test(
                "MultiAssetCommitApply",
                "aMultiAssetCommitAppliesTheLocationAndPropertiesOfEveryPart")));
  }

  /**
   * {@code UPDATE … SET properties = :set}: the commit's properties overwrite the stored map, so
   * every key the commit does not name is lost.
   */
  static BrokenStore replacingPropertiesOnCommit() {
    return new BrokenStore(
        "commit-properties-replaced",
        "assets.commitMetadataLocation replaces all properties with those it sets",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        MetadataCommit commit = call.arg(2, MetadataCommit.class);
                        if (tenant == null
                            || asset == null
                            || commit == null
                            || commit.properties() == null
                            || commit.properties().isEmpty()
                            || commit.properties().set() == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, asset)
                            .thenCompose(
                                current -> {
                                  Set<String> dropped =
                                      new HashSet<>(
                                          current
                                              .map(Asset::properties)
                                              .map(p -> p.keySet())
                                              .orElse(Set.of()));
                                  dropped.removeAll(commit.properties().set().keySet());
                                  return honest.commitMetadataLocation(
                                      tenant,
                                      asset,
                                      commit.withProperties(
                                          new PropertyUpdate(commit.properties().set(), dropped)));
                                });
                      })
                  .build());
        },
        List.of(
            test("CommitWithLocation", "commitPropertiesFollowThePartialUpdateRule"),
            test(
                "CommitWithLocation",
                "aCommitWithPropertiesSetsAndRemovesThemTogetherWithThePointer")));
  }

  /**
   * The properties written in their own statement before the compare-and-set, outside one
   * transaction: a commit that loses its race still leaves its properties behind.
   */
  static BrokenStore applyingPropertiesOfALostCommit() {
    return new BrokenStore(
        "lost-commit-properties-kept",
        "assets.commitMetadataLocation applies its properties even when the CAS is lost",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        MetadataCommit commit = call.arg(2, MetadataCommit.class);
                        return ((CompletableFuture<Asset>) call.proceed())
                            .exceptionallyCompose(
                                failure -> {
                                  Throwable cause = unwrap(failure);
                                  if (!(cause instanceof ConflictException)) {
                                    return failedFuture(cause);
                                  }
                                  return honest
                                      .updateProperties(tenant, asset, commit.properties())
                                      .handle((updated, ignored) -> (Asset) null)
                                      .thenCompose(ignored -> failedFuture(cause));
                                });
                      })
                  .build());
        },
        List.of(
            test(
                "CommitWithLocation",
                "aLostCompareAndSetChangesNeitherLocationNorPropertiesNorHistory"),
            test("CommitWithLocation", "aLostFirstCommitChangesNeitherLocationNorProperties")));
  }

  /** {@code commit} without its new storage location. */
  private static MetadataCommit withoutLocation(MetadataCommit commit) {
    if (commit == null || commit.next() == null) {
      return commit;
    }
    MetadataCommit bare =
        commit
            .expected()
            .map(expected -> MetadataCommit.replacing(expected, commit.next()))
            .orElseGet(() -> MetadataCommit.first(commit.next()));
    return bare.withProperties(commit.properties());
  }
}
