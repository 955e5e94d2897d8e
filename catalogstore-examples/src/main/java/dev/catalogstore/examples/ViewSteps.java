package dev.catalogstore.examples;

import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.Q1;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * Tables and views share one namespace: a drop guarded by what the caller read never drops a view
 * that replaced the table, and a list narrowed to kinds returns only tables (or views).
 */
final class ViewSteps {
  static final AssetRef SHIPMENTS = AssetRef.onMain(Q1, "shipments");

  private final Scene scene;

  ViewSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> refuseToDropAReplacement() {
    scene.step("A guarded drop never drops a view that replaced the table");
    return get(SHIPMENTS)
        .thenCompose(
            read -> {
              scene.say("client A reads shipments: " + read.kind() + ", id " + read.id());
              return replaceWithAView().thenApply(view -> new Replacement(read, view));
            })
        .thenCompose(this::dropAsRead);
  }

  /** What client A read, and the view client B put in its place since. */
  private record Replacement(Asset read, Asset view) {}

  private CompletableFuture<Void> dropAsRead(Replacement replacement) {
    String viewId = replacement.view().id().toString();
    scene.say("client B drops shipments and creates a view shipments, id " + viewId);
    return Failures.expect(
            ConflictException.class,
            scene
                .store()
                .assets()
                .delete(scene.tenant(), SHIPMENTS, AssetExpectation.of(replacement.read())))
        .thenCompose(
            conflict -> {
              scene.say(
                  "client A drops shipments, expecting what it read: REFUSED, ConflictException");
              scene.say(
                  "  currentValue() = "
                      + conflict.currentValue().orElse("none")
                      + ", the id stored now");
              if (!conflict.currentValue().equals(Optional.of(viewId))) {
                throw new IllegalStateException("the conflict does not carry the view's id");
              }
              return get(SHIPMENTS);
            })
        .thenAccept(
            kept -> {
              scene.say("shipments is still there: " + kept.kind() + ", id " + kept.id());
              if (!kept.id().toString().equals(viewId)) {
                throw new IllegalStateException("the guarded drop dropped the view");
              }
            });
  }

  private CompletableFuture<Asset> replaceWithAView() {
    NewAsset view =
        NewAsset.builder(AssetKind.ICEBERG_VIEW)
            .metadataLocation(Scene.metadataFile("shipments-view", "v1"))
            .build();
    return scene
        .store()
        .assets()
        .delete(scene.tenant(), SHIPMENTS)
        .thenCompose(ignored -> scene.store().assets().create(scene.tenant(), SHIPMENTS, view));
  }

  CompletableFuture<Void> listOnlyTables() {
    scene.step("List only the tables: narrow a list to kinds");
    return list("every kind", EnumSet.allOf(AssetKind.class))
        .thenCompose(
            ignored ->
                list("listTables, kinds = [ICEBERG_TABLE]", EnumSet.of(AssetKind.ICEBERG_TABLE)))
        .thenCompose(
            ignored ->
                list("listViews, kinds = [ICEBERG_VIEW]", EnumSet.of(AssetKind.ICEBERG_VIEW)))
        .thenRun(
            () ->
                scene.say(
                    "the store does the filtering: listing tables never pages through views"));
  }

  private CompletableFuture<Void> list(String label, Set<AssetKind> kinds) {
    // Five assets fit one page; PagingSteps shows how to follow the tokens.
    return scene
        .store()
        .assets()
        .list(scene.tenant(), ORDERS.branch(), Q1.path(), kinds, PageRequest.firstPage())
        .thenAccept(page -> scene.say(label + ": " + names(page)));
  }

  private static String names(Page<Asset> page) {
    return page.items().stream().map(asset -> asset.ref().name()).collect(Collectors.joining(", "));
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
