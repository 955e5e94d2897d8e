package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.quoted;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.Q1;
import static dev.catalogstore.examples.Scene.SALES;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Every failure is a typed {@link CatalogStoreException} in the failed future, so a caller branches
 * on the type (and on its typed field: the bad input's name, the missing thing's type) instead of
 * parsing messages.
 */
final class ErrorSteps {
  private final Scene scene;

  ErrorSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> showTypedErrors(String tablesPageToken) {
    scene.step("Typed errors: branch on the type, not on the message");
    String badName = "orders\u0007";
    NamespaceRef orphan = NamespaceRef.of(CATALOG, "finance", "2024");
    AssetRef inMissingNamespace = AssetRef.onMain(SALES.child("2024.q3"), "orders");
    AssetRef missingTable = ORDERS.withName("returns");
    PageRequest foreignToken = PageRequest.nextPage(tablesPageToken, 2);
    return attempt(
            "a table named " + quoted(badName),
            InvalidArgumentException.class,
            () ->
                scene
                    .store()
                    .assets()
                    .create(
                        scene.tenant(),
                        ORDERS.withName(badName),
                        NewAsset.of(AssetKind.ICEBERG_TABLE)))
        .thenCompose(
            ignored ->
                attempt(
                    "namespace " + orphan.path() + ", parent missing",
                    NotFoundException.class,
                    () -> scene.store().namespaces().create(scene.tenant(), orphan, Map.of())))
        // An Iceberg REST server must answer "no such namespace" and "no such table" apart;
        // missing() tells which without a second read.
        .thenCompose(
            ignored ->
                attempt(
                    "a commit to orders in "
                        + inMissingNamespace.namespace()
                        + " (no such namespace)",
                    NotFoundException.class,
                    () -> commitFirstMetadata(inMissingNamespace)))
        .thenCompose(
            ignored ->
                attempt(
                    "a commit to returns in " + Q1.path() + " (no such table)",
                    NotFoundException.class,
                    () -> commitFirstMetadata(missingTable)))
        .thenCompose(
            ignored ->
                attempt(
                    "orders created a second time",
                    AlreadyExistsException.class,
                    () ->
                        scene
                            .store()
                            .assets()
                            .create(scene.tenant(), ORDERS, NewAsset.of(AssetKind.DELTA_TABLE))))
        .thenCompose(
            ignored ->
                attempt(
                    "deleting " + Q1.path() + " with tables in it",
                    PreconditionFailedException.class,
                    () -> scene.store().namespaces().delete(scene.tenant(), Q1)))
        .thenCompose(
            ignored ->
                attempt(
                    "the tables' page token used to list namespaces",
                    InvalidArgumentException.class,
                    () -> scene.store().namespaces().list(scene.tenant(), Q1, foreignToken)));
  }

  private CompletableFuture<?> commitFirstMetadata(AssetRef asset) {
    return scene
        .store()
        .assets()
        .commitMetadataLocation(
            scene.tenant(), asset, MetadataCommit.first(Scene.metadataFile(asset.name(), "v1")));
  }

  /** Makes the call once the previous attempt has ended, and reports its typed error. */
  private <E extends CatalogStoreException> CompletableFuture<Void> attempt(
      String description, Class<E> expected, Supplier<CompletableFuture<?>> call) {
    return Failures.expect(expected, call.get()).thenAccept(error -> report(description, error));
  }

  private void report(String attempt, CatalogStoreException error) {
    scene.say(attempt);
    if (error instanceof InvalidArgumentException invalid) {
      scene.say("  -> InvalidArgumentException, field() = " + invalid.field());
    } else if (error instanceof NotFoundException notFound) {
      scene.say("  -> NotFoundException, missing() = " + notFound.missing());
    } else {
      scene.say("  -> " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }
}
