package dev.catalogstore.examples;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.memory.InMemoryCatalogStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The walkthrough on the in-memory store, and on a broken store that it must catch. */
class WalkthroughTest {
  @Test
  void tellsTheWholeStoryOnTheInMemoryStore() {
    try (CatalogStore store = new InMemoryCatalogStore()) {
      String output = WalkthroughStory.run(store, "the in-memory store");

      WalkthroughStory.assertTold(output, "the in-memory store");
    }
  }

  @Test
  void stopsOnAStoreWhoseCompareAndSetNeverLoses() {
    try (CatalogStore honest = new InMemoryCatalogStore()) {
      CatalogStore blind = withBlindCommits(honest);

      assertThatThrownBy(() -> WalkthroughStory.run(blind, "a blind store"))
          .isInstanceOf(CompletionException.class)
          .hasRootCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("expected ConflictException, but the call succeeded");
    }
  }

  /** A broken store: every metadata commit overwrites whatever is current, stale or not. */
  private static CatalogStore withBlindCommits(CatalogStore store) {
    return (CatalogStore) Proxy.newProxyInstance(
        CatalogStore.class.getClassLoader(),
        new Class<?>[] {CatalogStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("commitMetadataLocation")) {
            return blindCommit(store, (TenantId) args[0], (AssetRef) args[1],
                (MetadataCommit) args[2]);
          }
          try {
            return method.invoke(store, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static CompletableFuture<?> blindCommit(
      CatalogStore store, TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return store.getAsset(tenant, asset).thenCompose(current -> store.commitMetadataLocation(
        tenant, asset,
        current.flatMap(a -> a.metadataLocation())
            .map(location -> MetadataCommit.replacing(location, commit.next()))
            .orElse(MetadataCommit.first(commit.next()))));
  }
}
