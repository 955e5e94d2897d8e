package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.file;
import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.metadataFile;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.paging.PageRequest;
import java.util.concurrent.CompletableFuture;

/**
 * Iceberg-style commits: the table's metadata location moves only by compare-and-set, so of two
 * writers starting from the same version exactly one wins and the other must retry.
 */
final class CommitSteps {
  /** Writer B's metadata file that loses the race and never becomes current. */
  static final String LOSING_VERSION = "v4-writer-b";

  private final Scene scene;

  CommitSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> commitTwice() {
    scene.step("Commit new metadata: v1 -> v2 -> v3, each a compare-and-set");
    return commit("v1", "v2")
        .thenCompose(ignored -> commit("v2", "v3"))
        .thenAccept(orders -> scene.say("current: " + orders.metadataLocation().orElseThrow()));
  }

  private CompletableFuture<Asset> commit(String expected, String next) {
    MetadataCommit commit =
        MetadataCommit.replacing(metadataFile("orders", expected), metadataFile("orders", next));
    return scene
        .store()
        .assets()
        .commitMetadataLocation(scene.tenant(), ORDERS, commit)
        .thenApply(
            orders -> {
              scene.say("orders: " + expected + " -> " + next + " committed");
              return orders;
            });
  }

  CompletableFuture<Void> loseARace() {
    scene.step("Two writers start from v3; one compare-and-set loses");
    CompletableFuture<String> readByA = currentMetadata();
    CompletableFuture<String> readByB = currentMetadata();
    return readByA.thenCombine(readByB, TwoReads::new).thenCompose(this::race);
  }

  private record TwoReads(String writerA, String writerB) {}

  private CompletableFuture<Void> race(TwoReads reads) {
    scene.say("writers A and B both read orders at " + file(reads.writerA()));
    MetadataCommit byA = MetadataCommit.replacing(reads.writerA(), metadataFile("orders", "v4"));
    MetadataCommit byB =
        MetadataCommit.replacing(reads.writerB(), metadataFile("orders", LOSING_VERSION));
    return scene
        .store()
        .assets()
        .commitMetadataLocation(scene.tenant(), ORDERS, byA)
        .thenCompose(
            won -> {
              scene.say("writer A commits v3 -> v4: won");
              return Failures.expect(
                  ConflictException.class,
                  scene.store().assets().commitMetadataLocation(scene.tenant(), ORDERS, byB));
            })
        .thenCompose(
            conflict -> {
              String winner =
                  conflict
                      .currentValue()
                      .orElseThrow(
                          () ->
                              new IllegalStateException(
                                  "the conflict carries no current location"));
              scene.say("writer B commits v3 -> " + LOSING_VERSION + ": LOST, ConflictException");
              scene.say("  currentValue() = " + winner);
              scene.say("writer B re-applies its change on " + file(winner) + " and retries");
              MetadataCommit retry = MetadataCommit.replacing(winner, metadataFile("orders", "v5"));
              return scene.store().assets().commitMetadataLocation(scene.tenant(), ORDERS, retry);
            })
        .thenAccept(orders -> scene.say("writer B commits v4 -> v5: won"));
  }

  private CompletableFuture<String> currentMetadata() {
    return scene
        .store()
        .assets()
        .get(scene.tenant(), ORDERS)
        .thenApply(orders -> orders.orElseThrow().metadataLocation().orElseThrow());
  }

  CompletableFuture<Void> printHistory() {
    scene.step("The metadata history of orders, newest first");
    return scene
        .store()
        .assets()
        .history(scene.tenant(), ORDERS, PageRequest.firstPage())
        .thenAccept(
            history -> {
              for (MetadataLocation entry : history.items()) {
                scene.say(
                    "#"
                        + entry.sequence()
                        + "  "
                        + file(entry.location())
                        + entry
                            .previousLocation()
                            .map(p -> "  replaced " + file(p))
                            .orElse("  (first)"));
              }
              scene.say(
                  history.items().size()
                      + " entries; "
                      + LOSING_VERSION
                      + " never became current, so it is not among them");
            });
  }
}
