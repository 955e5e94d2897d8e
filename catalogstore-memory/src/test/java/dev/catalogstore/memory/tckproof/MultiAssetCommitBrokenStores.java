package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Broken stores whose defect lives in {@code assets.commitMetadataLocations}, the commit of several
 * assets at once: not atomic, half a conflict report, results out of order, names folded.
 */
final class MultiAssetCommitBrokenStores {
  private MultiAssetCommitBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        committingOneAssetAtATime(),
        reportingOnlyTheFirstStaleAsset(),
        returningCommittedAssetsByName(),
        resolvingCommittedNamesIgnoringCase());
  }

  /**
   * A multi-asset commit run as one single commit after the other, without a transaction around
   * them: the parts before a stale or missing one stay committed.
   */
  static BrokenStore committingOneAssetAtATime() {
    return new BrokenStore(
        "multi-commit-one-at-a-time",
        "assets.commitMetadataLocations commits part after part and stops at the first failure",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocations",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        @SuppressWarnings("unchecked")
                        List<AssetCommit> commits = call.arg(1, List.class);
                        try {
                          Requests.tenant(tenant);
                          Requests.assetCommits(commits, "commits");
                        } catch (CatalogStoreException invalid) {
                          return call.proceed();
                        }
                        CompletableFuture<List<Asset>> chain = completedFuture(new ArrayList<>());
                        for (AssetCommit part : commits) {
                          chain =
                              chain.thenCompose(
                                  done ->
                                      honest
                                          .commitMetadataLocation(
                                              tenant, part.asset(), part.commit())
                                          .handle(
                                              (asset, failure) -> {
                                                if (failure == null) {
                                                  done.add(asset);
                                                  return done;
                                                }
                                                Throwable cause = unwrap(failure);
                                                if (cause instanceof ConflictException conflict) {
                                                  throw new AssetsConflictException(
                                                      "stale",
                                                      List.of(
                                                          new StaleAsset(
                                                              part.asset(),
                                                              part.commit().expected(),
                                                              conflict.currentValue())));
                                                }
                                                throw cause instanceof CompletionException c
                                                    ? c
                                                    : new CompletionException(cause);
                                              }));
                        }
                        return chain.thenApply(List::copyOf);
                      })
                  .build());
        },
        List.of(
            test(
                "MultiAssetCommitAllOrNothing", "oneStalePartFailsTheWholeCommitAndChangesNothing"),
            test(
                "MultiAssetCommitAllOrNothing",
                "aMissingAssetFailsTheWholeCommitWithNotFoundAndChangesNothing"),
            test(
                "MultiAssetCommitRaces",
                "aSingleCommitThatLandedFirstMakesTheMultiAssetCommitFailWhole")));
  }

  /** A conflict check that stops at the first stale part and reports only that one. */
  static BrokenStore reportingOnlyTheFirstStaleAsset() {
    return new BrokenStore(
        "multi-commit-first-stale-only",
        "assets.commitMetadataLocations reports only the first stale asset",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "commitMetadataLocations",
                        2,
                        call ->
                            ((CompletableFuture<List<Asset>>) call.proceed())
                                .exceptionallyCompose(
                                    failure -> {
                                      Throwable cause = unwrap(failure);
                                      if (cause instanceof AssetsConflictException conflict
                                          && conflict.conflicts().size() > 1) {
                                        return failedFuture(
                                            new AssetsConflictException(
                                                conflict.getMessage(),
                                                conflict.conflicts().subList(0, 1)));
                                      }
                                      return failedFuture(cause);
                                    }))
                    .build()),
        List.of(
            test(
                "MultiAssetCommitAllOrNothing",
                "theConflictListsEveryStalePartWithItsExpectedAndCurrentLocationInRequestOrder")));
  }

  /** {@code UPDATE … RETURNING} rows read back in index order instead of the request's order. */
  static BrokenStore returningCommittedAssetsByName() {
    return new BrokenStore(
        "multi-commit-result-by-name",
        "assets.commitMetadataLocations returns the assets sorted by name, not in request order",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "commitMetadataLocations",
                        2,
                        call ->
                            ((CompletableFuture<List<Asset>>) call.proceed())
                                .thenApply(
                                    assets ->
                                        assets.stream()
                                            .sorted(
                                                Comparator.comparing((Asset a) -> a.ref().name()))
                                            .toList()))
                    .build()),
        List.of(
            test(
                "MultiAssetCommitApply",
                "aMultiAssetCommitAppliesEveryPartAndReturnsThemInRequestOrder")));
  }

  /**
   * A multi-asset commit that finds its assets with {@code lower(name) = lower(:name)}: a part
   * written in another case commits an asset the caller never named.
   */
  static BrokenStore resolvingCommittedNamesIgnoringCase() {
    return new BrokenStore(
        "multi-commit-ignores-case",
        "assets.commitMetadataLocations finds the assets it commits ignoring case",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocations",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        @SuppressWarnings("unchecked")
                        List<AssetCommit> commits = call.arg(1, List.class);
                        return ((CompletableFuture<List<Asset>>) call.proceed())
                            .exceptionallyCompose(
                                failure -> {
                                  Throwable cause = unwrap(failure);
                                  if (!(cause instanceof NotFoundException notFound)
                                      || notFound.missing() != ObjectType.ASSET) {
                                    return failedFuture(cause);
                                  }
                                  AssetRef first = commits.get(0).asset();
                                  return honest
                                      .list(
                                          tenant,
                                          first.branch(),
                                          first.namespace(),
                                          PageRequest.firstPage(PageRequest.MAX_LIMIT))
                                      .thenCompose(
                                          page ->
                                              honest.commitMetadataLocations(
                                                  tenant,
                                                  commits.stream()
                                                      .map(
                                                          part ->
                                                              new AssetCommit(
                                                                  page.items().stream()
                                                                      .map(Asset::ref)
                                                                      .filter(
                                                                          ref ->
                                                                              ref.namespace()
                                                                                      .equals(
                                                                                          part.asset()
                                                                                              .namespace())
                                                                                  && ref.name()
                                                                                      .equalsIgnoreCase(
                                                                                          part.asset()
                                                                                              .name()))
                                                                      .filter(
                                                                          ref ->
                                                                              !ref.equals(
                                                                                      part.asset())
                                                                                  || page
                                                                                      .items()
                                                                                      .stream()
                                                                                      .anyMatch(
                                                                                          a ->
                                                                                              a.ref()
                                                                                                  .equals(
                                                                                                      part
                                                                                                          .asset())))
                                                                      .findFirst()
                                                                      .orElse(part.asset()),
                                                                  part.commit()))
                                                      .toList()));
                                });
                      })
                  .build());
        },
        List.of(test("MultiAssetCommitAllOrNothing", "aMultiAssetCommitNamesEachAssetExactly")));
  }
}
