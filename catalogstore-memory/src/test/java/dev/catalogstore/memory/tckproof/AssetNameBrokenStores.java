package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.likePattern;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiPredicate;

/**
 * Broken stores whose defect lives in how asset names are matched and kept unique: prefixes, case,
 * Unicode normal forms, LIKE patterns, cleaned-up control characters and upserts.
 */
final class AssetNameBrokenStores {
  private AssetNameBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        findingNamesByPrefix(),
        foldingNameCase(),
        normalisingNamesToNfc(),
        matchingNamesWithLike(),
        acceptingControlCharacters(),
        overwritingOnCreate());
  }

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
                      Assets.class,
                      fallingBackTo(honest, (asked, stored) -> matchesLike(stored, asked)))
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
                                                    .filter(
                                                        a ->
                                                            matchesLike(
                                                                a.ref().name(), asset.name()))
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
            test(
                "AssetDelete",
                "deleteOfAMissingNameNextToSimilarNamesIsNotFoundAndDeletesNothing")));
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
        List.of(test("AssetCreate", "createRejectsBadInputNamingTheFieldAndChangesNothing")));
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
        List.of(test("AssetCreate", "createOnATakenNameFailsAndKeepsTheOriginal")));
  }

  private static AssetRef nfc(AssetRef ref) {
    return ref == null || ref.name() == null
        ? ref
        : ref.withName(Normalizer.normalize(ref.name(), Normalizer.Form.NFC));
  }

  /** Whether {@code value} matches {@code pattern} as an unescaped SQL LIKE pattern. */
  private static boolean matchesLike(String value, String pattern) {
    return likePattern(pattern).matcher(value).matches();
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
}
