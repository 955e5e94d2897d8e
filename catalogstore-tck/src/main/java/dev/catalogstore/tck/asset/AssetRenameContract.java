package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().rename}: a rename, within a namespace or across namespaces, keeps
 * everything but the coordinates (id, kind, location, properties, metadata and history), frees the
 * old name, and is followed by {@code getById}; a taken target name, a missing namespace or asset,
 * or another catalog or branch is refused and changes nothing.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetRenameContract extends AssetSuite {
  @Test
  void renameWithinANamespaceKeepsIdKindLocationPropertiesMetadataAndHistory() {
    AssetRef orders = assetOnMain(sales, "orders");
    createTable(orders);
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant,
                orders,
                MetadataCommit.replacing(metadata(orders, 1), metadata(orders, 2))));
    Asset before =
        await(
            store()
                .assets()
                .updateProperties(tenant, orders, PropertyUpdate.setting("owner", "ops")));
    List<MetadataLocation> historyBefore = history(orders);
    AssetRef sales2024 = orders.withName("orders-2024");

    Asset renamed = await(store().assets().rename(tenant, orders, sales2024));

    assertThat(renamed.ref()).isEqualTo(sales2024);
    assertThat(renamed.id()).isEqualTo(before.id());
    assertThat(renamed.kind()).isEqualTo(before.kind());
    assertThat(renamed.location()).isEqualTo(before.location());
    assertThat(renamed.metadataLocation()).isEqualTo(before.metadataLocation());
    assertThat(renamed.properties()).isEqualTo(before.properties());
    assertThat(renamed.createdAt()).isEqualTo(before.createdAt());
    assertThat(renamed.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    assertThat(get(sales2024)).contains(renamed);
    assertThat(get(orders)).isEmpty();
    assertThat(history(sales2024)).isEqualTo(historyBefore);
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, orders, PageRequest.firstPage()));
  }

  @Test
  void renameAcrossNamespacesMovesTheAsset() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive", "2023");
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before = createTable(orders);
    AssetRef archived = assetOnMain(archive, "orders");

    Asset moved = await(store().assets().rename(tenant, orders, archived));

    assertThat(moved.id()).isEqualTo(before.id());
    assertThat(moved.ref()).isEqualTo(archived);
    assertThat(listAll(sales)).isEmpty();
    assertThat(listAll(archive)).containsExactly(moved);
    assertThat(history(archived))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
  }

  @Test
  void renameOntoATakenNameFailsAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    Asset returns = createTable(assetOnMain(sales, "returns"));

    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, orders.ref(), returns.ref()));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, orders.ref(), orders.ref()));

    assertThat(listAll(sales)).containsExactly(orders, returns);
  }

  @Test
  void renameIntoAMissingNamespaceIsNotFoundAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders.ref(),
                    AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders")));

    assertThat(listAll(sales)).containsExactly(orders);
  }

  @Test
  void renameOfAMissingAssetIsNotFound() {
    AssetRef missing = assetOnMain(sales, "no-such-asset");

    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(tenant, missing, missing.withName("renamed")));

    assertThat(listAll(sales)).isEmpty();
  }

  @Test
  void renameToAnotherCatalogOrBranchIsInvalidOnToBranch() {
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    Asset orders = createTable(assetOnMain(sales, "orders"));

    assertInvalid(
        "to.branch",
        () -> store().assets().rename(tenant, orders.ref(), assetOnMain(pondSales, "orders")));
    assertInvalid(
        "to.branch",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders.ref(),
                    new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders")));

    assertThat(listAll(sales)).containsExactly(orders);
    assertThat(listAll(pondSales)).isEmpty();
  }

  @Test
  void renameRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    AssetRef from = orders.ref();
    AssetRef to = from.withName("renamed");

    assertInvalid("tenant", () -> store().assets().rename(null, from, to));
    assertInvalid("from", () -> store().assets().rename(tenant, null, to));
    assertInvalid("to", () -> store().assets().rename(tenant, from, null));
    assertInvalid("from.name", () -> store().assets().rename(tenant, from.withName(""), to));
    assertInvalid("to.name", () -> store().assets().rename(tenant, from, to.withName("re\nnamed")));
    assertInvalid(
        "to.namespace",
        () -> store().assets().rename(tenant, from, to.inNamespace(NamespacePath.ROOT)));
    assertInvalid(
        "to.namespace[1]",
        () -> store().assets().rename(tenant, from, to.inNamespace(path("sales", "\u0000"))));

    assertThat(listAll(sales)).containsExactly(orders);
  }

  @Test
  void renameFreesTheOldNameForANewAsset() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset original = createTable(orders);
    AssetRef renamedRef = orders.withName("orders-old");
    Asset renamed = await(store().assets().rename(tenant, orders, renamedRef));

    Asset newcomer =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.SQL_VIEW)
                        .metadataLocation("s3://lake/views/orders.json")
                        .build()));

    assertThat(newcomer.id()).isNotEqualTo(original.id());
    assertThat(get(orders)).contains(newcomer);
    assertThat(get(renamedRef)).contains(renamed);
    assertThat(await(store().assets().getById(tenant, original.id()))).contains(renamed);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .as("the newcomer's history is its own")
        .containsExactly("s3://lake/views/orders.json");
    assertThat(history(renamedRef))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
    assertThat(listAll(sales)).containsExactly(newcomer, renamed);
  }

  @Test
  void renameAcrossNamespacesKeepsEveryFieldAndHistoryAndFreesTheSourceName() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive", "2023");
    AssetRef orders = assetOnMain(sales, "orders");
    await(store().assets().create(tenant, orders, everyField(AssetKind.HUDI_TABLE, orders)));
    String first = get(orders).orElseThrow().metadataLocation().orElseThrow();
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(first, metadata(orders, 2))));
    Asset before =
        await(
            store()
                .assets()
                .updateProperties(tenant, orders, PropertyUpdate.setting("stage", "archived")));
    List<MetadataLocation> historyBefore = history(orders);
    AssetRef archived = assetOnMain(archive, "orders-2023");

    Asset moved = await(store().assets().rename(tenant, orders, archived));

    assertKeptAllButCoordinates(before, moved, archived);
    assertThat(get(archived)).contains(moved);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(moved);
    assertThat(listAll(archive)).containsExactly(moved);
    assertThat(listAll(sales)).isEmpty();
    assertThat(get(orders)).isEmpty();
    assertThat(history(archived)).isEqualTo(historyBefore);
    assertFails(
        NotFoundException.class,
        () -> store().assets().updateProperties(tenant, orders, PropertyUpdate.setting("k", "v")));
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders));
    Asset newcomer = await(store().assets().create(tenant, orders, NewAsset.of(AssetKind.FILE)));
    assertThat(newcomer.id()).isNotEqualTo(before.id());
    assertThat(get(archived)).contains(moved);
  }

  @Test
  void getByIdFollowsEveryRenameAndMove() {
    NamespaceRef archive = newNamespaces(tenant, CATALOG, "archive");
    NamespaceRef deep = newNamespaces(tenant, CATALOG, "archive", "deep");
    Asset created = createTable(assetOnMain(sales, "orders"));
    List<AssetRef> hops =
        List.of(
            assetOnMain(sales, "orders-1"),
            assetOnMain(archive, "orders-1"),
            assetOnMain(deep, "Orders-1"),
            assetOnMain(sales, "orders"));

    AssetRef at = created.ref();
    for (AssetRef next : hops) {
      Asset renamed = await(store().assets().rename(tenant, at, next));

      assertThat(await(store().assets().getById(tenant, created.id())))
          .as("getById after the rename to %s", next)
          .contains(renamed);
      assertThat(get(next)).contains(renamed);
      assertThat(get(at)).as("the old coordinates %s", at).isEmpty();
      assertKeptAllButCoordinates(created, renamed, next);
      at = next;
    }
  }

  @Test
  void renameToADifferentlyWrittenNameIsARenameNotATakenName() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset created = createTable(orders);

    for (String name : List.of("Orders", "orders ", "orders_", "ordersX")) {
      Asset renamed = await(store().assets().rename(tenant, orders, orders.withName(name)));
      assertThat(renamed.ref().name()).isEqualTo(name);
      assertThat(names(listAll(sales))).containsExactly(name);
      Asset back = await(store().assets().rename(tenant, orders.withName(name), orders));
      assertThat(back.id()).isEqualTo(created.id());
    }
  }

  /** Asserts that {@code after} is {@code before} moved to {@code to}, every other field kept. */
  private static void assertKeptAllButCoordinates(Asset before, Asset after, AssetRef to) {
    assertThat(after.ref()).as("ref").isEqualTo(to);
    assertThat(after.id()).as("id kept").isEqualTo(before.id());
    assertThat(after.kind()).as("kind kept").isEqualTo(before.kind());
    assertThat(after.location()).as("location kept").isEqualTo(before.location());
    assertThat(after.metadataLocation())
        .as("metadata location kept")
        .isEqualTo(before.metadataLocation());
    assertThat(after.properties()).as("properties kept").isEqualTo(before.properties());
    assertThat(after.createdAt()).as("createdAt kept").isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).as("updatedAt").isAfterOrEqualTo(before.updatedAt());
  }
}
