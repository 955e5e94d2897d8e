package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.federation.Federation;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.tenant.TenantId;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;
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

  @Test
  void stopsOnAStoreWhoseAuditCountDropsTheFilter() {
    try (CatalogStore honest = Walkthrough.inMemory()) {
      CatalogStore careless =
          ComposedCatalogStore.decorate(
              honest,
              facets ->
                  facets.withAuditLog(
                      broken(
                          AuditLog.class,
                          facets.audit(),
                          "count",
                          2,
                          (audit, args) -> audit.count((TenantId) args[0], AuditFilter.ALL))));

      assertThatThrownBy(() -> WalkthroughStory.run(careless, "a careless store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("counted 4, expected 1");
    }
  }

  @Test
  void stopsOnAStoreThatForgetsTheLastSync() {
    try (CatalogStore honest = Walkthrough.inMemory()) {
      CatalogStore forgetful =
          ComposedCatalogStore.decorate(
              honest,
              facets ->
                  facets.withFederation(
                      broken(
                          Federation.class,
                          facets.federation(),
                          "stats",
                          2,
                          (federation, args) ->
                              CompletableFuture.completedFuture(Optional.empty()))));

      assertThatThrownBy(() -> WalkthroughStory.run(forgetful, "a forgetful store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stats() is not the last sync's");
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
    return broken(Assets.class, honest, name, parameters, defect::call);
  }

  /**
   * {@code honest} with one method (by name and number of parameters) replaced by {@code defect},
   * given the honest facet and the call's arguments.
   */
  private static <T> T broken(
      Class<T> facet,
      T honest,
      String name,
      int parameters,
      BiFunction<T, Object[], Object> defect) {
    return facet.cast(
        Proxy.newProxyInstance(
            facet.getClassLoader(),
            new Class<?>[] {facet},
            (proxy, method, args) -> {
              if (method.getName().equals(name) && method.getParameterCount() == parameters) {
                return defect.apply(honest, args);
              }
              try {
                return method.invoke(honest, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
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
