package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broken stores whose defect lives in the metadata pointer: its compare-and-set, and the history of
 * commits it keeps per asset.
 */
final class AssetHistoryBrokenStores {
  private AssetHistoryBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        losingTheCompareAndSet(),
        listingHistoryOldestFirst(),
        numberingHistoryFromASharedSequence());
  }

  /**
   * {@code UPDATE … SET location = ?} without {@code AND location = ?}: a writer working from a
   * stale table version silently overwrites another writer's commit.
   */
  static BrokenStore losingTheCompareAndSet() {
    return new BrokenStore(
        "lost-cas",
        "assets.commitMetadataLocation ignores the expected location",
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
                        if (commit == null || asset == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(tenant, asset)
                            .thenCompose(
                                current -> {
                                  MetadataCommit blind =
                                      current
                                          .flatMap(Asset::metadataLocation)
                                          .map(
                                              stored ->
                                                  MetadataCommit.replacing(stored, commit.next()))
                                          .orElseGet(() -> MetadataCommit.first(commit.next()))
                                          .withProperties(commit.properties());
                                  blind = commit.location().map(blind::withLocation).orElse(blind);
                                  return honest.commitMetadataLocation(tenant, asset, blind);
                                });
                      })
                  .build());
        },
        List.of(
            test(
                "MetadataPointer",
                "aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing"),
            test("MetadataPointer", "expectingNoLocationWhereOneIsStoredIsAConflict"),
            test(
                "MetadataPointerRaces",
                "aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry")));
  }

  /** {@code ORDER BY sequence} without {@code DESC}. */
  static BrokenStore listingHistoryOldestFirst() {
    return new BrokenStore(
        "history-oldest-first",
        "assets.history lists each page oldest first",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "history",
                        3,
                        call ->
                            ((CompletableFuture<Page<MetadataLocation>>) call.proceed())
                                .thenApply(
                                    page -> {
                                      List<MetadataLocation> items = new ArrayList<>(page.items());
                                      Collections.reverse(items);
                                      return new Page<>(items, page.nextPageToken());
                                    }))
                    .build()),
        List.of(
            test("MetadataHistory", "theHistoryListsEveryCommitNewestFirstAsOneGaplessChain"),
            test("AssetTime", "eachHistoryEntryKeepsTheTimeItWasCommitted")));
  }

  /**
   * The history's sequence taken from one identity column shared by every asset, instead of counted
   * per asset: an asset's sequence jumps wherever another asset committed in between.
   */
  static BrokenStore numberingHistoryFromASharedSequence() {
    return new BrokenStore(
        "history-shared-sequence",
        "assets.history numbers entries from a store-wide sequence, with gaps per asset",
        facets -> {
          AtomicLong identity = new AtomicLong();
          Map<List<Object>, Long> numbers = new ConcurrentHashMap<>();
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
                                    if (created.metadataLocation().isPresent()) {
                                      numbers.put(
                                          List.of(created.id(), 1L), identity.incrementAndGet());
                                    }
                                    return created;
                                  }))
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        return ((CompletableFuture<Asset>) call.proceed())
                            .thenCompose(
                                committed ->
                                    honest
                                        .history(tenant, committed.ref(), PageRequest.firstPage(1))
                                        .thenApply(
                                            newest -> {
                                              numbers.put(
                                                  List.of(
                                                      committed.id(),
                                                      newest.items().get(0).sequence()),
                                                  identity.incrementAndGet());
                                              return committed;
                                            }));
                      })
                  .replace(
                      "history",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        return ((CompletableFuture<Page<MetadataLocation>>) call.proceed())
                            .thenCompose(
                                page ->
                                    honest
                                        .get(tenant, asset)
                                        .thenApply(
                                            found -> {
                                              AssetId id = found.orElseThrow().id();
                                              return new Page<>(
                                                  page.items().stream()
                                                      .map(
                                                          entry ->
                                                              new MetadataLocation(
                                                                  numbers.getOrDefault(
                                                                      List.of(id, entry.sequence()),
                                                                      entry.sequence()),
                                                                  entry.location(),
                                                                  entry.previousLocation(),
                                                                  entry.committedAt()))
                                                      .toList(),
                                                  page.nextPageToken());
                                            }));
                      })
                  .build());
        },
        List.of(
            test(
                "MetadataHistory",
                "eachAssetsHistoryIsItsOwnGaplessChainWhileOtherAssetsCommitInBetween")));
  }
}
