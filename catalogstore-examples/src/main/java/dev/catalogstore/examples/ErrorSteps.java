package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.quoted;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.ORDERS;
import static dev.catalogstore.examples.Scene.Q1;

import dev.catalogstore.api.asset.AssetKind;
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

/**
 * Every failure is a typed {@link CatalogStoreException} in the failed future, so a caller
 * branches on the type (and, for bad input, on the field) instead of parsing messages.
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
    PageRequest foreignToken = PageRequest.nextPage(tablesPageToken, 2);
    return Failures.expect(InvalidArgumentException.class, scene.store().createAsset(
            scene.tenant(), ORDERS.withName(badName), NewAsset.of(AssetKind.ICEBERG_TABLE)))
        .thenAccept(error -> report("a table named " + quoted(badName), error))
        .thenCompose(ignored -> Failures.expect(NotFoundException.class,
            scene.store().createNamespace(scene.tenant(), orphan, Map.of())))
        .thenAccept(error -> report("namespace " + orphan.path() + ", parent missing", error))
        .thenCompose(ignored -> Failures.expect(AlreadyExistsException.class,
            scene.store().createAsset(scene.tenant(), ORDERS, NewAsset.of(AssetKind.DELTA_TABLE))))
        .thenAccept(error -> report("orders created a second time", error))
        .thenCompose(ignored -> Failures.expect(PreconditionFailedException.class,
            scene.store().deleteNamespace(scene.tenant(), Q1)))
        .thenAccept(error -> report("deleting " + Q1.path() + " with tables in it", error))
        .thenCompose(ignored -> Failures.expect(InvalidArgumentException.class,
            scene.store().listNamespaces(scene.tenant(), Q1, foreignToken)))
        .thenAccept(error -> report("the tables' page token used to list namespaces", error));
  }

  private void report(String attempt, CatalogStoreException error) {
    scene.say(attempt);
    if (error instanceof InvalidArgumentException invalid) {
      scene.say("  -> InvalidArgumentException, field() = " + invalid.field());
    } else {
      scene.say("  -> " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }
  }
}
