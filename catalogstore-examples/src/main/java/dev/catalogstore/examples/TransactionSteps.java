package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.file;
import static dev.catalogstore.examples.Scene.Q1;
import static dev.catalogstore.examples.Scene.metadataFile;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AssetsConflictException;
import dev.catalogstore.api.error.AssetsConflictException.StaleAsset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Commits as an Iceberg catalog service makes them: one that also moves the table and changes its
 * properties, and one that commits several tables all or nothing.
 */
final class TransactionSteps {
  static final AssetRef PAYMENTS = AssetRef.onMain(Q1, "payments");
  static final AssetRef CUSTOMERS = AssetRef.onMain(Q1, "customers");
  static final AssetRef REFUNDS = AssetRef.onMain(Q1, "refunds");

  /** Where payments moves to; its next metadata file is written there. */
  static final String PAYMENTS_NEW_LOCATION = Scene.WAREHOUSE_ROOT + "/archive/payments";

  private final Scene scene;

  TransactionSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> commitWithLocationAndProperty() {
    scene.step("One commit also moves a table and sets a property");
    String next = PAYMENTS_NEW_LOCATION + "/metadata/v2.metadata.json";
    MetadataCommit commit =
        MetadataCommit.replacing(metadataFile("payments", "v1"), next)
            .withLocation(PAYMENTS_NEW_LOCATION)
            .withProperties(PropertyUpdate.setting("retention", "365d"));
    return get(PAYMENTS)
        .thenCompose(
            before -> {
              describe("before", before);
              scene.say(
                  "commit v1 -> v2, also moving it to "
                      + PAYMENTS_NEW_LOCATION
                      + " and setting retention=365d");
              return scene
                  .store()
                  .assets()
                  .commitMetadataLocation(scene.tenant(), PAYMENTS, commit);
            })
        .thenAccept(
            after -> {
              describe("after", after);
              if (!after.location().equals(commit.location())
                  || !"365d".equals(after.properties().get("retention"))) {
                throw new IllegalStateException(
                    "the commit did not move payments or set retention");
              }
              scene.say("pointer, location and property changed in one atomic step");
            });
  }

  private void describe(String when, Asset payments) {
    scene.say(
        "payments "
            + when
            + ": "
            + file(payments.metadataLocation().orElseThrow())
            + ", properties "
            + payments.properties());
    scene.say("  location " + payments.location().orElse("none"));
  }

  CompletableFuture<Void> commitTwoTables() {
    scene.step("Commit two tables at once: all or nothing");
    List<AssetCommit> first =
        List.of(
            new AssetCommit(CUSTOMERS, step("customers", "v1", "v2")),
            new AssetCommit(REFUNDS, step("refunds", "v1", "v2")));
    // A writer that read customers after the first transaction but refunds before it.
    List<AssetCommit> stale =
        List.of(
            new AssetCommit(CUSTOMERS, step("customers", "v2", "v3")),
            new AssetCommit(REFUNDS, step("refunds", "v1", "v3")));
    return scene
        .store()
        .assets()
        .commitMetadataLocations(scene.tenant(), first)
        .thenCompose(
            committed -> {
              scene.say("customers v1 -> v2 and refunds v1 -> v2: both committed");
              scene.say("another writer read customers at v2 but refunds still at v1");
              return Failures.expect(
                  AssetsConflictException.class,
                  scene.store().assets().commitMetadataLocations(scene.tenant(), stale));
            })
        .thenCompose(
            conflict -> {
              scene.say("customers v2 -> v3 and refunds v1 -> v3: LOST, AssetsConflictException");
              for (StaleAsset staleAsset : conflict.conflicts()) {
                scene.say(
                    "  conflicts(): "
                        + staleAsset.asset().name()
                        + " expected "
                        + staleAsset.expected().map(Narrator::file).orElse("none")
                        + ", current "
                        + staleAsset.current().map(Narrator::file).orElse("none"));
              }
              return get(CUSTOMERS);
            })
        .thenAccept(
            customers -> {
              String current = customers.metadataLocation().orElseThrow();
              scene.say(
                  "customers is still at "
                      + file(current)
                      + ": its fresh half was not committed either");
              if (!current.equals(metadataFile("customers", "v2"))) {
                throw new IllegalStateException("a failed multi-table commit changed customers");
              }
            });
  }

  private static MetadataCommit step(String table, String expected, String next) {
    return MetadataCommit.replacing(metadataFile(table, expected), metadataFile(table, next));
  }

  private CompletableFuture<Asset> get(AssetRef asset) {
    return scene
        .store()
        .assets()
        .get(scene.tenant(), asset)
        .thenApply(
            found -> found.orElseThrow(() -> new IllegalStateException(asset + " disappeared")));
  }
}
