package dev.catalogstore.examples;

import static dev.catalogstore.examples.Narrator.quoted;
import static dev.catalogstore.examples.Scene.CATALOG;
import static dev.catalogstore.examples.Scene.Q1;
import static dev.catalogstore.examples.Scene.Q2;
import static dev.catalogstore.examples.Scene.SALES;
import static dev.catalogstore.examples.Scene.TABLES;
import static dev.catalogstore.examples.Scene.WAREHOUSE;
import static dev.catalogstore.examples.Scene.WAREHOUSE_ROOT;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Builds the tenant's world: a warehouse, a catalog, nested namespaces and tables. */
final class SetupSteps {
  private final Scene scene;

  SetupSteps(Scene scene) {
    this.scene = scene;
  }

  CompletableFuture<Void> createWarehouse() {
    scene.step("Create a warehouse: where the tenant's files live");
    NewWarehouse warehouse =
        NewWarehouse.of(WAREHOUSE, StorageConfig.of(StorageType.S3, WAREHOUSE_ROOT));
    return scene
        .store()
        .warehouses()
        .create(scene.tenant(), warehouse)
        .thenAccept(
            created ->
                scene.say(
                    quoted(created.name())
                        + " on "
                        + created.storage().type()
                        + " at "
                        + created.storage().rootLocation()));
  }

  CompletableFuture<Void> createCatalog() {
    scene.step("Create a LOCAL catalog on that warehouse");
    return scene
        .store()
        .catalogs()
        .create(scene.tenant(), NewCatalog.local(CATALOG, WAREHOUSE))
        .thenAccept(
            catalog ->
                scene.say(
                    quoted(catalog.name())
                        + ": "
                        + catalog.type()
                        + " on "
                        + quoted(WAREHOUSE)
                        + ", created with its branch main"));
  }

  CompletableFuture<Void> createNamespaces() {
    scene.step("Create nested namespaces (a dot inside a segment is just a character)");
    // A parent must exist before its children, so these run one after the other.
    return createNamespace(SALES)
        .thenCompose(ignored -> createNamespace(Q1))
        .thenCompose(ignored -> createNamespace(Q2))
        .thenCompose(
            ignored ->
                scene.store().namespaces().list(scene.tenant(), SALES, PageRequest.firstPage()))
        .thenAccept(
            children ->
                scene.say(
                    "children of "
                        + SALES.path()
                        + ": "
                        + children.items().stream()
                            .map(child -> quoted(child.path().lastSegment()))
                            .collect(Collectors.joining(", "))));
  }

  private CompletableFuture<Namespace> createNamespace(NamespaceRef namespace) {
    return scene
        .store()
        .namespaces()
        .create(scene.tenant(), namespace, Map.of("owner", "sales-team"))
        .thenApply(
            created -> {
              scene.say("created " + created.path() + " (depth " + created.path().depth() + ")");
              return created;
            });
  }

  CompletableFuture<Void> createTables() {
    scene.step("Create Iceberg tables in " + Q1.path() + ", each with metadata v1");
    // Independent creates may run concurrently; the results are printed in a fixed order.
    List<CompletableFuture<Asset>> creates = TABLES.stream().map(this::createTable).toList();
    return CompletableFuture.allOf(creates.toArray(CompletableFuture[]::new))
        .thenRun(
            () -> {
              for (CompletableFuture<Asset> create : creates) {
                Asset table = create.join(); // already complete
                scene.say(
                    String.format(
                        "%-10s %s  %s",
                        table.ref().name(),
                        table.kind(),
                        table.metadataLocation().map(Narrator::file).orElse("-")));
              }
              Asset orders = creates.get(TABLES.indexOf("orders")).join();
              scene.say("orders' metadata: " + orders.metadataLocation().orElseThrow());
            });
  }

  private CompletableFuture<Asset> createTable(String name) {
    NewAsset table =
        NewAsset.icebergTable(Scene.tableLocation(name), Scene.metadataFile(name, "v1"));
    return scene.store().assets().create(scene.tenant(), AssetRef.onMain(Q1, name), table);
  }
}
