package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Broken stores whose defect lives in the established operations of the assets facet: create,
 * reads, list, rename, property updates, delete, the classic compare-and-set and its history.
 */
final class AssetBrokenStores {
  private AssetBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        leakingAssetsById(),
        overwritingOnCreate(),
        losingTheCompareAndSet(),
        acceptingControlCharacters(),
        ignoringPageTokens(),
        renamingByCopy(),
        droppingPropertiesOnRename(),
        resettingCreatedAtOnRename(),
        keepingUpdatedAtOnRename(),
        keepingUpdatedAtOnCommit(),
        keepingTheOldNameTakenAfterRename(),
        cachingIdsAcrossRenames(),
        listingHistoryOldestFirst(),
        numberingHistoryFromASharedSequence(),
        findingNamesByPrefix(),
        foldingNameCase(),
        normalisingNamesToNfc(),
        matchingNamesWithLike(),
        replacingPropertiesOnUpdate(),
        skippingUpdatesWithoutKeysToSet(),
        deletingByNameAcrossNamespaces(),
        readingEveryKindAsIcebergById(),
        droppingLocationsOfNonTables(),
        cachingRenamedAssetsWithoutTheTenant(),
        lettingTheSystemTenantReadEveryAsset(),
        checkingRenameTargetsAcrossTenants(),
        insertingBeforeValidatingProperties(),
        settingBeforeValidatingRemovals(),
        checkingTheNamespaceBeforeValidating(),
        pagingHistoryByOffset(),
        givingATokenToAnExactlyFullPage());
  }

  // ---------------------------------------------------------------------------------------------
  // renames

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
            test("Assets", "renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory"),
            test("Assets", "getByIdFollowsEveryRenameAndMove"),
            test(
                "MetadataPointer",
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
            test("Assets", "renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName"),
            test(
                "Assets",
                "renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory")));
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
          Assets honest = facets.assets();
          Assets remembering =
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "rename",
                      4,
                      call ->
                          honest
                              .get(call.arg(0, TenantId.class), call.arg(1, AssetRef.class))
                              .thenCompose(
                                  before ->
                                      AssetBrokenStores.<Asset>proceeding(call)
                                          .thenApply(
                                              moved -> {
                                                before.ifPresent(
                                                    b ->
                                                        stale.putIfAbsent(
                                                            moved.id(), b.updatedAt()));
                                                return moved;
                                              })))
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
                  remembering,
                  "rename",
                  (t, a) -> {},
                  asset ->
                      stale.containsKey(asset.id())
                          ? withTimes(asset, asset.createdAt(), stale.get(asset.id()))
                          : asset));
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
          Assets honest = facets.assets();
          Assets remembering =
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "commitMetadataLocation",
                      3,
                      call ->
                          honest
                              .get(call.arg(0, TenantId.class), call.arg(1, AssetRef.class))
                              .thenCompose(
                                  before ->
                                      AssetBrokenStores.<Asset>proceeding(call)
                                          .thenApply(
                                              committed -> {
                                                before.ifPresent(
                                                    b ->
                                                        stale.putIfAbsent(
                                                            committed.id(), b.updatedAt()));
                                                return committed;
                                              })))
                  .build();
          return facets.withAssets(
              rewritingReads(
                  remembering,
                  "commitMetadataLocation",
                  (t, a) -> {},
                  asset ->
                      stale.containsKey(asset.id())
                          ? withTimes(asset, asset.createdAt(), stale.get(asset.id()))
                          : asset));
        },
        List.of(test("AssetTime", "aMetadataCommitIsStampedByTheStoresClock")));
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
            test("Assets", "renameFreesTheOldNameForANewAsset"),
            test(
                "Assets", "renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName")));
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
            test("Assets", "getAssetByIdReturnsTheAssetAtItsCurrentCoordinates"),
            test("Assets", "getByIdFollowsEveryRenameAndMove")));
  }

  // ---------------------------------------------------------------------------------------------
  // history

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
            test("MetadataPointer", "theHistoryListsEveryCommitNewestFirstAsOneGaplessChain"),
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
                "MetadataPointer",
                "eachAssetsHistoryIsItsOwnGaplessChainWhileOtherAssetsCommitInBetween")));
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

  // ---------------------------------------------------------------------------------------------
  // names

  /** A look-up written as {@code name LIKE ? || '%'}: a name finds the names it is a prefix of. */
  static BrokenStore findingNamesByPrefix() {
    return new BrokenStore(
        "name-prefix-lookup",
        "assets.get finds an asset whose name starts with the name asked for",
        facets ->
            facets.withAssets(
                fallingBackTo(facets.assets(), (asked, stored) -> stored.startsWith(asked))),
        List.of(test("AssetNames", "aLookupNeverFindsADifferentlyWrittenName")));
  }

  /**
   * Names compared case-insensitively (a case-insensitive collation, or {@code lower(name)} in the
   * unique index and the look-up): "Orders" and "orders" are one asset.
   */
  static BrokenStore foldingNameCase() {
    return new BrokenStore(
        "case-insensitive-names",
        "assets names are unique and looked up ignoring case",
        facets -> {
          Assets honest = facets.assets();
          Assets folding =
              Intercept.facet(
                      Assets.class,
                      fallingBackTo(honest, (asked, stored) -> stored.equalsIgnoreCase(asked)))
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        if (tenant == null || asset == null || asset.name() == null) {
                          return call.proceed();
                        }
                        return scan(honest, tenant, asset)
                            .thenCompose(
                                present ->
                                    present.stream()
                                            .anyMatch(
                                                a -> a.ref().name().equalsIgnoreCase(asset.name()))
                                        ? failedFuture(
                                            new AlreadyExistsException(
                                                "asset " + asset + " exists"))
                                        : proceeding(call));
                      })
                  .build();
          return facets.withAssets(folding);
        },
        List.of(
            test(
                "AssetNames",
                "namesDifferingOnlyInCaseNormalisationSpacesOrWildcardsAreDistinctAssets"),
            test("AssetNames", "aLookupNeverFindsADifferentlyWrittenName")));
  }

  /** Names normalised to NFC on the way in: a decomposed name comes back composed. */
  static BrokenStore normalisingNamesToNfc() {
    return new BrokenStore(
        "nfc-normalised-names",
        "assets names are normalised to NFC in every call",
        facets -> {
          Intercept<Assets> normalising = Intercept.facet(Assets.class, facets.assets());
          for (String method :
              List.of(
                  "create",
                  "get",
                  "updateProperties",
                  "commitMetadataLocation",
                  "history",
                  "delete",
                  "rename")) {
            int arity =
                switch (method) {
                  case "get" -> 2;
                  case "rename" -> 4;
                  default -> 3;
                };
            normalising.replace(
                method,
                arity,
                call -> {
                  Object[] args = new Object[arity];
                  for (int i = 0; i < arity; i++) {
                    args[i] = call.arg(i, Object.class);
                  }
                  args[1] = nfc((AssetRef) args[1]);
                  if (method.equals("rename")) {
                    args[2] = nfc((AssetRef) args[2]);
                  }
                  return call.proceed(args);
                });
          }
          return facets.withAssets(normalising.build());
        },
        List.of(
            test("AssetNames", "trickyNamesRoundTripThroughCreateGetGetByIdAndList"),
            test(
                "AssetNames",
                "aRenameOntoANameDifferingOnlyInCaseOrNormalisationIsNotATakenName")));
  }

  /** Look-ups and deletes by {@code name LIKE ?} without escaping {@code %} and {@code _}. */
  static BrokenStore matchingNamesWithLike() {
    return new BrokenStore(
        "unescaped-like",
        "assets.get and assets.delete match the name as an unescaped LIKE pattern",
        facets -> {
          Assets honest = facets.assets();
          Assets liking =
              Intercept.facet(
                      Assets.class, fallingBackTo(honest, (asked, stored) -> like(stored, asked)))
                  .replace(
                      "delete",
                      3,
                      call ->
                          ((CompletableFuture<Void>) call.proceed())
                              .exceptionallyCompose(
                                  failure -> {
                                    TenantId tenant = call.arg(0, TenantId.class);
                                    AssetRef asset = call.arg(1, AssetRef.class);
                                    if (!(unwrap(failure) instanceof NotFoundException)) {
                                      return failedFuture(unwrap(failure));
                                    }
                                    return scan(honest, tenant, asset)
                                        .thenCompose(
                                            present ->
                                                present.stream()
                                                    .filter(a -> like(a.ref().name(), asset.name()))
                                                    .findFirst()
                                                    .map(a -> honest.delete(tenant, a.ref()))
                                                    .orElseGet(
                                                        () -> failedFuture(unwrap(failure))));
                                  }))
                  .build();
          return facets.withAssets(liking);
        },
        List.of(
            test("AssetNames", "aLookupNeverFindsADifferentlyWrittenName"),
            test("Assets", "deleteOfAMissingNameNextToSimilarNamesIsNotFoundAndDeletesNothing")));
  }

  // ---------------------------------------------------------------------------------------------
  // partial updates and deletes

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
            test("Assets", "updatePropertiesWithOnlyKeysToSetKeepsEveryOtherKey"),
            test("Assets", "updatePropertiesOfOneKeyOfSeveralKeepsTheOthersExactly")));
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
            test("Assets", "updatePropertiesWithOnlyKeysToRemoveKeepsEveryOtherKey"),
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
        List.of(test("Assets", "deleteRemovesExactlyTheNamedAsset")));
  }

  // ---------------------------------------------------------------------------------------------
  // fields read back

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
            test("Assets", "everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind")));
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
            test("Assets", "everyFieldGivenAtCreationIsReadBackByGetGetByIdAndListForEveryKind")));
  }

  // ---------------------------------------------------------------------------------------------
  // isolation after renames

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

  // ---------------------------------------------------------------------------------------------
  // validation order

  /**
   * The asset row is inserted first and its properties second, outside one transaction: bad
   * properties fail the second statement and leave the asset behind.
   */
  static BrokenStore insertingBeforeValidatingProperties() {
    return new BrokenStore(
        "insert-before-validating-properties",
        "assets.create inserts the asset, then fails on bad properties without undoing it",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        NewAsset request = call.arg(2, NewAsset.class);
                        InvalidArgumentException bad =
                            request == null || request.kind() == null
                                ? null
                                : invalid(
                                    () ->
                                        Inputs.properties(
                                            request.properties(), "request.properties"));
                        if (bad == null) {
                          return call.proceed();
                        }
                        NewAsset withoutProperties =
                            NewAsset.builder(request.kind())
                                .location(request.location().orElse(null))
                                .metadataLocation(request.metadataLocation().orElse(null))
                                .build();
                        return honest
                            .create(tenant, asset, withoutProperties)
                            .thenCompose(created -> failedFuture(bad));
                      })
                  .build());
        },
        List.of(test("AssetInputRules", "aCreateWithAGoodNameAndBadPropertiesCreatesNothing")));
  }

  /** The keys to set are written by one statement and the removals checked by the next. */
  static BrokenStore settingBeforeValidatingRemovals() {
    return new BrokenStore(
        "set-before-validating-removals",
        "assets.updateProperties applies the keys to set before refusing bad removals",
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
                        InvalidArgumentException bad =
                            update == null
                                ? null
                                : invalid(() -> Inputs.propertyUpdate(update, "update"));
                        if (bad == null || !bad.field().equals("update.remove")) {
                          return call.proceed();
                        }
                        return honest
                            .updateProperties(tenant, asset, PropertyUpdate.setting(update.set()))
                            .thenCompose(set -> failedFuture(bad));
                      })
                  .build());
        },
        List.of(test("AssetInputRules", "anUpdateWithGoodKeysToSetAndABadKeyToRemoveSetsNothing")));
  }

  /** The create looks its namespace up before it validates the request. */
  static BrokenStore checkingTheNamespaceBeforeValidating() {
    return new BrokenStore(
        "existence-before-validation",
        "assets.create reports a missing namespace before bad input",
        facets -> {
          Namespaces namespaces = facets.namespaces();
          return facets.withAssets(
              Intercept.facet(Assets.class, facets.assets())
                  .replace(
                      "create",
                      3,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        AssetRef asset = call.arg(1, AssetRef.class);
                        if (tenant == null
                            || asset == null
                            || asset.branch() == null
                            || asset.namespace() == null
                            || asset.namespace().isRoot()) {
                          return call.proceed();
                        }
                        return namespaces
                            .get(tenant, asset.namespaceRef())
                            .exceptionally(failure -> Optional.empty())
                            .thenCompose(
                                found ->
                                    found.isPresent()
                                        ? proceeding(call)
                                        : failedFuture(
                                            new NotFoundException(
                                                ObjectType.NAMESPACE,
                                                "namespace "
                                                    + asset.namespaceRef()
                                                    + " does not exist")));
                      })
                  .build());
        },
        List.of(
            test(
                "AssetInputRules", "badInputWhereNothingExistsIsStillInvalidArgumentNotNotFound")));
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /** The honest call, its throw (if any) turned into a failed future. */
  @SuppressWarnings("unchecked")
  private static <T> CompletableFuture<T> proceeding(Intercept.Call call) {
    try {
      return (CompletableFuture<T>) call.proceed();
    } catch (Throwable thrown) {
      return failedFuture(thrown);
    }
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static InvalidArgumentException invalid(Runnable validation) {
    try {
      validation.run();
      return null;
    } catch (InvalidArgumentException e) {
      return e;
    }
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

  private static AssetRef nfc(AssetRef ref) {
    return ref == null || ref.name() == null
        ? ref
        : ref.withName(Normalizer.normalize(ref.name(), Normalizer.Form.NFC));
  }

  /** Whether {@code value} matches {@code pattern} as an unescaped SQL LIKE pattern. */
  private static boolean like(String value, String pattern) {
    StringBuilder regex = new StringBuilder();
    pattern
        .codePoints()
        .forEach(
            c ->
                regex.append(
                    c == '%'
                        ? ".*"
                        : c == '_' ? "." : Pattern.quote(new String(Character.toChars(c)))));
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
  }

  /** Every asset of the namespace {@code near} is in. */
  private static CompletableFuture<List<Asset>> scan(
      Assets honest, TenantId tenant, AssetRef near) {
    return honest
        .list(tenant, near.branch(), near.namespace(), PageRequest.firstPage(PageRequest.MAX_LIMIT))
        .thenApply(Page::items)
        .exceptionally(failure -> List.of());
  }

  /**
   * An assets facet whose {@code get} of a name it does not have falls back to the first asset of
   * the namespace whose stored name {@code matches} the name asked for.
   */
  private static Assets fallingBackTo(Assets honest, BiPredicate<String, String> matches) {
    return Intercept.facet(Assets.class, honest)
        .replace(
            "get",
            2,
            call -> {
              TenantId tenant = call.arg(0, TenantId.class);
              AssetRef asset = call.arg(1, AssetRef.class);
              return ((CompletableFuture<Optional<Asset>>) call.proceed())
                  .thenCompose(
                      found ->
                          found.isPresent()
                              ? completedFuture(found)
                              : scan(honest, tenant, asset)
                                  .thenApply(
                                      present ->
                                          present.stream()
                                              .filter(
                                                  a -> matches.test(asset.name(), a.ref().name()))
                                              .findFirst()));
            })
        .build();
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

  private static <T> Page<T> fullPageToken(Page<T> page, PageRequest request, String token) {
    return request != null
            && page.nextPageToken().isEmpty()
            && page.items().size() == Math.min(request.limit(), PageRequest.MAX_LIMIT)
        ? new Page<>(page.items(), Optional.of(token))
        : page;
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

  /** A create written as an upsert: a taken name is silently replaced. */
  static BrokenStore overwritingOnCreate() {
    return new BrokenStore(
        "overwriting-create",
        "assets.create replaces an existing asset instead of failing",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(
              Intercept.facet(Assets.class, honest)
                  .replace(
                      "create",
                      3,
                      call ->
                          ((CompletableFuture<Asset>) call.proceed())
                              .exceptionallyCompose(
                                  failure -> {
                                    Throwable cause =
                                        failure instanceof CompletionException
                                            ? failure.getCause()
                                            : failure;
                                    if (!(cause instanceof AlreadyExistsException)) {
                                      return failedFuture(cause);
                                    }
                                    TenantId tenant = call.arg(0, TenantId.class);
                                    AssetRef asset = call.arg(1, AssetRef.class);
                                    return honest
                                        .delete(tenant, asset)
                                        .thenCompose(
                                            deleted ->
                                                honest.create(
                                                    tenant, asset, call.arg(2, NewAsset.class)));
                                  }))
                  .build());
        },
        List.of(test("Assets", "createOnATakenNameFailsAndKeepsTheOriginal")));
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
                "MetadataPointer",
                "aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry")));
  }

  /** Validation that "cleans" a name instead of rejecting it. */
  static BrokenStore acceptingControlCharacters() {
    return new BrokenStore(
        "control-characters-accepted",
        "assets.create strips control characters from a name instead of rejecting it",
        facets ->
            facets.withAssets(
                Intercept.facet(Assets.class, facets.assets())
                    .replace(
                        "create",
                        3,
                        call -> {
                          AssetRef asset = call.arg(1, AssetRef.class);
                          if (asset == null || asset.name() == null) {
                            return call.proceed();
                          }
                          StringBuilder sanitised = new StringBuilder();
                          asset
                              .name()
                              .codePoints()
                              .filter(c -> !Character.isISOControl(c))
                              .forEach(sanitised::appendCodePoint);
                          return call.proceed(
                              call.arg(0, TenantId.class),
                              asset.withName(sanitised.toString()),
                              call.arg(2, NewAsset.class));
                        })
                    .build()),
        List.of(test("Assets", "createRejectsBadInputNamingTheFieldAndChangesNothing")));
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
            test("Assets", "listAssetsPagesByLimitAndTokenWithoutRepeatsOrGaps"),
            test("Assets", "listAssetsRefusesAPageTokenOfAnotherNamespace"),
            test("Assets", "listAssetsRefusesAPageTokenOfAnotherTenant"),
            test("AssetIsolation", "listAssetsShowsOnlyTheCallersAndRefusesAnotherTenantsToken")));
  }
}
