package dev.catalogstore.examples;

import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.Q1;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Keyset paging: each page hands back an opaque token for the next one. */
final class PagingSteps {
  static final int PAGE_SIZE = 2;

  private final Scene scene;

  PagingSteps(Scene scene) {
    this.scene = scene;
  }

  /** Reads every page of the tables in {@code Q1}; completes with the first page's token. */
  CompletableFuture<String> pageThroughTables() {
    scene.step("Page through the tables, " + PAGE_SIZE + " per page, in name order");
    return readPage(PageRequest.firstPage(PAGE_SIZE), 1)
        .thenApply(
            firstToken -> {
              scene.say("a token is opaque: pass it back unchanged to get the next page");
              return firstToken.orElseThrow(
                  () -> new IllegalStateException("the first page had no next page token"));
            });
  }

  /** Reads page {@code number} and the ones after it; completes with this page's token. */
  private CompletableFuture<Optional<String>> readPage(PageRequest request, int number) {
    return scene
        .store()
        .assets()
        .list(scene.tenant(), ORDERS.branch(), Q1.path(), request)
        .thenCompose(
            page -> {
              scene.say("page " + number + ": " + names(page));
              scene.say(
                  page.nextPageToken()
                      .map(token -> "  next page token: " + token)
                      .orElse("  no next page token: this was the last page"));
              return page.nextPage(PAGE_SIZE)
                  .map(next -> readPage(next, number + 1))
                  .orElseGet(() -> CompletableFuture.completedFuture(Optional.empty()))
                  .thenApply(ignored -> page.nextPageToken());
            });
  }

  private static String names(Page<Asset> page) {
    return page.items().stream().map(asset -> asset.ref().name()).collect(Collectors.joining(", "));
  }
}
