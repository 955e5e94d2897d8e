package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.tenant.TenantId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The walkthrough on the in-memory store, and on broken stores that it must catch. */
class WalkthroughTest {
  @Test
  void tellsTheWholeStoryOnTheInMemoryStore() {
    try (CatalogStore store = Walkthrough.inMemory()) {
      String output = WalkthroughStory.run(store, "the in-memory store");

      WalkthroughStory.assertTold(output, "the in-memory store");
    }
  }

  @Test
  void stopsOnAStoreWhoseCompareAndSetNeverLoses() {
    try (CatalogStore honest = Walkthrough.inMemory()) {
      // Every metadata commit overwrites whatever is current, stale or not.
      CatalogStore blind =
          replacing(
              honest,
              "commitMetadataLocation",
              3,
              (assets, args) ->
                  blindCommit(
                      assets, (TenantId) args[0], (AssetRef) args[1], (MetadataCommit) args[2]));

      assertThatThrownBy(() -> WalkthroughStory.run(blind, "a blind store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected ConflictException, but the call succeeded");
    }
  }

  @Test
  void stopsOnAStoreWhoseMultiTableCommitIsNotAllOrNothing() {
    try (CatalogStore honest = Walkthrough.inMemory()) {
      CatalogStore piecemeal =
          replacing(
              honest,
              "commitMetadataLocations",
              2,
              (assets, args) -> oneByOne(assets, (TenantId) args[0], castCommits(args[1])));

      assertThatThrownBy(() -> WalkthroughStory.run(piecemeal, "a piecemeal store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("a failed multi-table commit changed customers");
    }
  }

  @Test
  void stopsOnAStoreWhoseGuardedDropIgnoresTheGuard() {
    try (CatalogStore honest = Walkthrough.inMemory()) {
      CatalogStore careless =
          replacing(
              honest,
              "delete",
              3,
              (assets, args) -> assets.delete((TenantId) args[0], (AssetRef) args[1]));

      assertThatThrownBy(() -> WalkthroughStory.run(careless, "a careless store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected ConflictException, but the call succeeded");
    }
  }

  /** What a broken method does instead, given the honest facet and the call's arguments. */
  private interface Defect {
    Object call(Assets honest, Object[] args);
  }

  /**
   * The honest store with one method of its assets facet (by name and number of parameters) broken;
   * every other call, and every other facet, is the honest store's.
   */
  private static CatalogStore replacing(
      CatalogStore honest, String method, int parameters, Defect defect) {
    return ComposedCatalogStore.decorate(
        honest, facets -> facets.withAssets(broken(facets.assets(), method, parameters, defect)));
  }

  private static Assets broken(Assets honest, String name, int parameters, Defect defect) {
    return (Assets)
        Proxy.newProxyInstance(
            Assets.class.getClassLoader(),
            new Class<?>[] {Assets.class},
            (proxy, method, args) -> {
              if (method.getName().equals(name) && method.getParameterCount() == parameters) {
                return defect.call(honest, args);
              }
              try {
                return method.invoke(honest, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  private static CompletableFuture<Asset> blindCommit(
      Assets assets, TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return assets
        .get(tenant, asset)
        .thenCompose(
            current ->
                assets.commitMetadataLocation(
                    tenant,
                    asset,
                    current
                        .flatMap(Asset::metadataLocation)
                        .map(location -> MetadataCommit.replacing(location, commit.next()))
                        .orElse(MetadataCommit.first(commit.next()))));
  }

  /** Commits one asset after the other, keeping what landed before the first stale one. */
  private static CompletableFuture<List<Asset>> oneByOne(
      Assets assets, TenantId tenant, List<AssetCommit> commits) {
    CompletableFuture<List<Asset>> done = CompletableFuture.completedFuture(new ArrayList<>());
    for (AssetCommit part : commits) {
      done =
          done.thenCompose(
              committed ->
                  assets
                      .commitMetadataLocation(tenant, part.asset(), part.commit())
                      .handle(
                          (asset, error) -> {
                            if (error != null
                                && Failures.unwrap(error) instanceof ConflictException conflict) {
                              throw new AssetsConflictException(
                                  "stale",
                                  List.of(
                                      new StaleAsset(
                                          part.asset(),
                                          part.commit().expected(),
                                          conflict.currentValue())));
                            } else if (error != null) {
                              throw new CompletionException(error);
                            }
                            committed.add(asset);
                            return committed;
                          }));
    }
    return done;
  }

  @SuppressWarnings("unchecked")
  private static List<AssetCommit> castCommits(Object commits) {
    return (List<AssetCommit>) commits;
  }
}
