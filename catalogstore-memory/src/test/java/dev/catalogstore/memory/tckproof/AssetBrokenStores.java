package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/** Broken stores whose defect lives in the assets facet. */
final class AssetBrokenStores {
  private AssetBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        leakingAssetsById(),
        overwritingOnCreate(),
        losingTheCompareAndSet(),
        acceptingControlCharacters(),
        ignoringPageTokens());
  }

  /**
   * A lookup by id that forgot the tenant in its key or its {@code WHERE}: what it finds nothing
   * for under the caller's tenant, it finds under whichever tenant owns the id.
   */
  static BrokenStore leakingAssetsById() {
    return new BrokenStore("asset-id-leak",
        "assets.getById falls back to the tenant that owns the id",
        facets -> {
          Map<AssetId, TenantId> owners = new ConcurrentHashMap<>();
          Assets honest = facets.assets();
          return facets.withAssets(Intercept.facet(Assets.class, honest)
              .replace("create", 3, call -> ((CompletableFuture<Asset>) call.proceed())
                  .thenApply(created -> {
                    owners.put(created.id(), call.arg(0, TenantId.class));
                    return created;
                  }))
              .replace("getById", 2, call -> {
                AssetId id = call.arg(1, AssetId.class);
                return ((CompletableFuture<Optional<Asset>>) call.proceed()).thenCompose(found -> {
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
    return new BrokenStore("overwriting-create",
        "assets.create replaces an existing asset instead of failing",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(Intercept.facet(Assets.class, honest)
              .replace("create", 3, call -> ((CompletableFuture<Asset>) call.proceed())
                  .exceptionallyCompose(failure -> {
                    Throwable cause =
                        failure instanceof CompletionException ? failure.getCause() : failure;
                    if (!(cause instanceof AlreadyExistsException)) {
                      return failedFuture(cause);
                    }
                    TenantId tenant = call.arg(0, TenantId.class);
                    AssetRef asset = call.arg(1, AssetRef.class);
                    return honest.delete(tenant, asset).thenCompose(
                        deleted -> honest.create(tenant, asset, call.arg(2, NewAsset.class)));
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
    return new BrokenStore("lost-cas",
        "assets.commitMetadataLocation ignores the expected location",
        facets -> {
          Assets honest = facets.assets();
          return facets.withAssets(Intercept.facet(Assets.class, honest)
              .replace("commitMetadataLocation", 3, call -> {
                TenantId tenant = call.arg(0, TenantId.class);
                AssetRef asset = call.arg(1, AssetRef.class);
                MetadataCommit commit = call.arg(2, MetadataCommit.class);
                if (commit == null || asset == null) {
                  return call.proceed();
                }
                return honest.get(tenant, asset).thenCompose(current -> {
                  MetadataCommit blind = current.flatMap(Asset::metadataLocation)
                      .map(stored -> MetadataCommit.replacing(stored, commit.next()))
                      .orElseGet(() -> MetadataCommit.first(commit.next()))
                      .withProperties(commit.properties());
                  blind = commit.location().map(blind::withLocation).orElse(blind);
                  return honest.commitMetadataLocation(tenant, asset, blind);
                });
              })
              .build());
        },
        List.of(
            test("MetadataPointer",
                "aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing"),
            test("MetadataPointer", "expectingNoLocationWhereOneIsStoredIsAConflict"),
            test("MetadataPointer",
                "aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry")));
  }

  /** Validation that "cleans" a name instead of rejecting it. */
  static BrokenStore acceptingControlCharacters() {
    return new BrokenStore("control-characters-accepted",
        "assets.create strips control characters from a name instead of rejecting it",
        facets -> facets.withAssets(Intercept.facet(Assets.class, facets.assets())
            .replace("create", 3, call -> {
              AssetRef asset = call.arg(1, AssetRef.class);
              if (asset == null || asset.name() == null) {
                return call.proceed();
              }
              StringBuilder sanitised = new StringBuilder();
              asset.name().codePoints()
                  .filter(c -> !Character.isISOControl(c))
                  .forEach(sanitised::appendCodePoint);
              return call.proceed(call.arg(0, TenantId.class),
                  asset.withName(sanitised.toString()), call.arg(2, NewAsset.class));
            })
            .build()),
        List.of(test("Assets", "createRejectsBadInputNamingTheFieldAndChangesNothing")));
  }

  /** A list that always answers its first page, whatever token it is given. */
  static BrokenStore ignoringPageTokens() {
    return new BrokenStore("page-token-ignored",
        "assets.list ignores the page token and restarts at the first page",
        facets -> facets.withAssets(Intercept.facet(Assets.class, facets.assets())
            .replace("list", 5, call -> {
              PageRequest page = call.arg(4, PageRequest.class);
              return call.proceed(call.arg(0, Object.class), call.arg(1, Object.class),
                  call.arg(2, Object.class), call.arg(3, Object.class),
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
