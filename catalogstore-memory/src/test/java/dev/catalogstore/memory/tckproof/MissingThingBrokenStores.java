package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.catalog.Catalogs;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** Broken stores that say the wrong thing is missing in a {@code NotFoundException}. */
final class MissingThingBrokenStores {
  private MissingThingBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(sayingAssetForEveryMissingThing(), sayingCatalogForAMissingWarehouse());
  }

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
}
