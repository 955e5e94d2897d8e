package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Broken stores whose defect lives in how the asset list and the history hand out pages: tokens
 * ignored, offsets instead of positions, tokens for exactly full last pages, kinds filtered after
 * paging.
 */
final class AssetPagingBrokenStores {
  private AssetPagingBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        ignoringPageTokens(),
        pagingHistoryByOffset(),
        givingATokenToAnExactlyFullPage(),
        filteringKindsAfterPaging());
  }

  /** A list that always answers its first page, whatever token it is given. */
  static BrokenStore ignoringPageTokens() {
    return new BrokenStore(
        "page-token-ignored",
        "assets.list ignores the page token and restarts at the first page",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "list",
                        5,
                        call -> {
                          PageRequest page = call.arg(4, PageRequest.class);
                          return call.proceed(
                              call.arg(0, Object.class),
                              call.arg(1, Object.class),
                              call.arg(2, Object.class),
                              call.arg(3, Object.class),
                              page == null ? null : PageRequest.firstPage(page.limit()));
                        })
                    .build()),
        List.of(
            test("AssetList", "listAssetsPagesByLimitAndTokenWithoutRepeatsOrGaps"),
            test("AssetList", "listAssetsRefusesAPageTokenOfAnotherNamespace"),
            test("AssetList", "listAssetsRefusesAPageTokenOfAnotherTenant"),
            test("AssetIsolation", "listAssetsShowsOnlyTheCallersAndRefusesAnotherTenantsToken")));
  }

  /**
   * History pages by {@code OFFSET}: entries committed while a reader pages push older entries onto
   * the next page, which the reader then sees twice.
   */
  static BrokenStore pagingHistoryByOffset() {
    return new BrokenStore(
        "history-offset-paging",
        "assets.history pages by offset, so commits between pages repeat entries",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "history",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        PageRequest page = call.arg(2, PageRequest.class);
                        if (page == null
                            || page.limit() < 1
                            || page.pageToken().map(t -> !t.startsWith("offset:")).orElse(false)) {
                          return call.proceed();
                        }
                        int offset =
                            page.pageToken().map(t -> Integer.parseInt(t.substring(7))).orElse(0);
                        return honest
                            .history(tenant, asset, PageRequest.firstPage(PageRequest.MAX_LIMIT))
                            .thenApply(
                                all -> {
                                  List<MetadataLocation> items = all.items();
                                  int end = Math.min(items.size(), offset + page.limit());
                                  return new Page<>(
                                      items.subList(Math.min(offset, end), end),
                                      end < items.size()
                                          ? Optional.of("offset:" + end)
                                          : Optional.empty());
                                });
                      })
                  .build());
        },
        List.of(
            test(
                "AssetPaging",
                "theHistoryPagedWhileCommitsLandNeverRepeatsOrSkipsAnEarlierEntry")));
  }

  /**
   * "A full page has a next page": the list and the history hand out a token whenever a page is
   * full, so an exactly full last page is followed by an empty one.
   */
  static BrokenStore givingATokenToAnExactlyFullPage() {
    return new BrokenStore(
        "token-on-full-last-page",
        "assets.list and assets.history give a token to an exactly full last page",
        facets -> {
          String end = "end-of-list";
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "list",
                      5,
                      call -> {
                        PageRequest page = call.arg(4, PageRequest.class);
                        if (page != null && page.pageToken().equals(Optional.of(end))) {
                          return completedFuture(Page.last(List.of()));
                        }
                        return ((CompletableFuture<Page<Asset>>) call.proceed())
                            .thenApply(p -> fullPageToken(p, page, end));
                      })
                  .replace(
                      "history",
                      3,
                      call -> {
                        PageRequest page = call.arg(2, PageRequest.class);
                        if (page != null && page.pageToken().equals(Optional.of(end))) {
                          return completedFuture(Page.last(List.of()));
                        }
                        return ((CompletableFuture<Page<MetadataLocation>>) call.proceed())
                            .thenApply(p -> fullPageToken(p, page, end));
                      })
                  .build());
        },
        List.of(
            test("AssetPaging", "listAssetsEndsWithoutATokenWhenTheLastPageIsExactlyFull"),
            test("AssetPaging", "theHistoryEndsWithoutATokenWhenTheLastPageIsExactlyFull")));
  }

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

  private static <T> Page<T> fullPageToken(Page<T> page, PageRequest request, String token) {
    return request != null
            && page.nextPageToken().isEmpty()
            && page.items().size() == Math.min(request.limit(), PageRequest.MAX_LIMIT)
        ? new Page<>(page.items(), Optional.of(token))
        : page;
  }
}
