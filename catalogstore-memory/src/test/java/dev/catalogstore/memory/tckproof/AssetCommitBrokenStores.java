package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Broken stores whose defect lives in what an Iceberg catalog needs of the assets facet: metadata
 * commits that also move the location or change properties, multi-asset commits, guarded deletes
 * and renames, listing by kinds, and saying which thing is missing.
 */
final class AssetCommitBrokenStores {
  private AssetCommitBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        droppingTheCommittedLocation(),
        replacingPropertiesOnCommit(),
        applyingPropertiesOfALostCommit(),
        committingOneAssetAtATime(),
        reportingOnlyTheFirstStaleAsset(),
        returningCommittedAssetsByName(),
        guardingDeletesWithoutTheKind(),
        ignoringAnExpectedAbsentMetadataLocation(),
        renamingWithoutTheGuard(),
        deletingByALikePattern(),
        resolvingCommittedNamesIgnoringCase(),
        filteringKindsAfterPaging(),
        sayingAssetForEveryMissingThing(),
        sayingCatalogForAMissingWarehouse());
  }

  // ---------------------------------------------------------------------------------------------
  // Commits with a location and properties

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
                "MultiAssetCommit",
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

  // ---------------------------------------------------------------------------------------------
  // Multi-asset commits

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
            test("MultiAssetCommit", "oneStalePartFailsTheWholeCommitAndChangesNothing"),
            test(
                "MultiAssetCommit",
                "aMissingAssetFailsTheWholeCommitWithNotFoundAndChangesNothing"),
            test(
                "MultiAssetCommit",
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
                "MultiAssetCommit",
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
                "MultiAssetCommit",
                "aMultiAssetCommitAppliesEveryPartAndReturnsThemInRequestOrder")));
  }

  // ---------------------------------------------------------------------------------------------
  // Guarded changes

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
                "GuardedChanges",
                "aDeleteGuardedByAnotherKindIsAConflictCarryingTheCurrentKindAndDeletesNothing"),
            test("GuardedChanges", "aDeleteGuardedAsATableDoesNotDropAViewThatReplacedIt")));
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
            test("GuardedChanges", "aDeleteGuardedByNoMetadataLocationRefusesAnAssetThatHasOne")));
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
                "GuardedChanges",
                "aRenameGuardedByAnotherIdIsAConflictCarryingTheCurrentIdAndRenamesNothing"),
            test(
                "GuardedChanges",
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
        List.of(test("GuardedChanges", "aGuardedDeleteRemovesExactlyTheAssetItNames")));
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
        List.of(test("MultiAssetCommit", "aMultiAssetCommitNamesEachAssetExactly")));
  }

  // ---------------------------------------------------------------------------------------------
  // Listing by kinds

  /**
   * {@code SELECT … LIMIT n} over every kind, then the kinds filtered in the application: pages
   * come back short, and the token is the unnarrowed list's.
   */
  static BrokenStore filteringKindsAfterPaging() {
    return new BrokenStore(
        "kinds-filtered-after-paging",
        "assets.list reads a page of every kind and then drops the other kinds",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "list",
                      5,
                      call -> {
                        @SuppressWarnings("unchecked")
                        Set<AssetKind> kinds = call.arg(3, Set.class);
                        try {
                          Requests.assetKinds(kinds, "kinds");
                        } catch (CatalogStoreException invalid) {
                          return call.proceed();
                        }
                        Set<AssetKind> wanted = EnumSet.copyOf(kinds);
                        return ((CompletableFuture<Page<Asset>>)
                                call.proceed(
                                    call.arg(0, Object.class),
                                    call.arg(1, Object.class),
                                    call.arg(2, Object.class),
                                    EnumSet.allOf(AssetKind.class),
                                    call.arg(4, Object.class)))
                            .thenApply(
                                page ->
                                    new Page<>(
                                        page.items().stream()
                                            .filter(a -> wanted.contains(a.kind()))
                                            .toList(),
                                        page.nextPageToken()));
                      })
                  .build());
        },
        List.of(
            test("KindsListing", "aNarrowedListFillsEveryPageDespiteOtherKindsInBetween"),
            test(
                "KindsListing",
                "anExactlyFullLastPageOfANarrowedListHasNoTokenEvenWithOtherKindsAfterIt"),
            test("KindsListing", "aPageTokenIsBoundToTheSetOfKindsItWasIssuedFor")));
  }

  // ---------------------------------------------------------------------------------------------
  // Saying which thing is missing

  /**
   * One "not found" path for the whole assets facet: whatever is missing (tenant, catalog, branch,
   * namespace), the caller is told the asset is.
   */
  static BrokenStore sayingAssetForEveryMissingThing() {
    return new BrokenStore(
        "not-found-always-asset",
        "every NotFoundException of the assets facet says ASSET",
        facets -> {
          Intercept<Assets> assets = Intercept.facet(Assets.class, facets.assets());
          for (String[] method :
              new String[][] {
                {"create", "3"},
                {"list", "5"},
                {"rename", "4"},
                {"updateProperties", "3"},
                {"delete", "3"},
                {"commitMetadataLocation", "3"},
                {"commitMetadataLocations", "2"},
                {"history", "3"}
              }) {
            assets.replace(
                method[0],
                Integer.parseInt(method[1]),
                call ->
                    ((CompletableFuture<?>) call.proceed())
                        .exceptionallyCompose(retype(ObjectType.ASSET)));
          }
          return facets.withAssets(assets.build());
        },
        List.of(
            test("MissingThings", "everyCallUnderAMissingNamespaceIsNotFoundNamingTheNamespace"),
            test("MissingThings", "everyAssetCallOnAMissingBranchIsNotFoundNamingTheBranch"),
            test("MissingThings", "everyCallUnderAMissingCatalogIsNotFoundNamingTheCatalog")));
  }

  /**
   * A foreign-key violation on {@code catalog.warehouse_id} mapped to the type of the row being
   * inserted: a catalog on a missing warehouse is reported as a missing catalog.
   */
  static BrokenStore sayingCatalogForAMissingWarehouse() {
    return new BrokenStore(
        "missing-warehouse-said-catalog",
        "catalogs.create on a missing warehouse says CATALOG is missing",
        facets ->
            facets.withCatalogs(
                Intercept.facet(Catalogs.class, facets.catalogs())
                    .replace(
                        "create",
                        2,
                        call ->
                            ((CompletableFuture<?>) call.proceed())
                                .exceptionallyCompose(
                                    failure -> {
                                      Throwable cause = unwrap(failure);
                                      if (cause instanceof NotFoundException notFound
                                          && notFound.missing() == ObjectType.WAREHOUSE) {
                                        return failedFuture(
                                            new NotFoundException(
                                                ObjectType.CATALOG, notFound.getMessage()));
                                      }
                                      return failedFuture(cause);
                                    }))
                    .build()),
        List.of(
            test(
                "MissingThings",
                "warehouseCallsAndLocalCatalogsOnAMissingWarehouseAreNotFoundNamingTheWarehouse")));
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Turns every {@code NotFoundException} into one that says {@code type} is missing. */
  private static <T> Function<Throwable, CompletableFuture<T>> retype(ObjectType type) {
    return failure -> {
      Throwable cause = unwrap(failure);
      if (cause instanceof NotFoundException notFound) {
        return failedFuture(new NotFoundException(type, notFound.getMessage()));
      }
      return failedFuture(cause);
    };
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
