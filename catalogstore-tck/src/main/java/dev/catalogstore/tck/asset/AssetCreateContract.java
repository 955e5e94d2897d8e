package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().create}: every field given is stored and returned, a metadata location
 * becomes history entry one, every kind can be created, the catalog, branch main and namespace must
 * exist, names are unique per namespace and catalog and never overwritten, and bad input is refused
 * naming the field.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetCreateContract extends AssetSuite {
  @Test
  void createStoresEveryFieldAndReturnsTheStoredAsset() {
    AssetRef orders = assetOnMain(sales, "orders");
    NewAsset request =
        NewAsset.builder(AssetKind.DELTA_TABLE)
            .location("s3://lake/sales/orders")
            .metadataLocation("s3://lake/sales/orders/_delta_log/00000.json")
            .properties(Map.of("owner", "ops", "format-version", "2", "comment", ""))
            .build();

    Asset created = await(store().assets().create(tenant, orders, request));

    assertThat(created.id()).isNotNull();
    assertThat(created.ref()).isEqualTo(orders);
    assertThat(created.kind()).isEqualTo(AssetKind.DELTA_TABLE);
    assertThat(created.location()).contains("s3://lake/sales/orders");
    assertThat(created.metadataLocation()).contains("s3://lake/sales/orders/_delta_log/00000.json");
    assertThat(created.properties())
        .isEqualTo(Map.of("owner", "ops", "format-version", "2", "comment", ""));
    assertThat(created.createdAt()).isNotNull().isEqualTo(created.updatedAt());
    assertThat(get(orders)).contains(created);
    assertThat(await(store().assets().getById(tenant, created.id()))).contains(created);
  }

  @Test
  void createWithOnlyAKindLeavesLocationMetadataAndPropertiesEmpty() {
    AssetRef notes = assetOnMain(sales, "notes");

    Asset created = await(store().assets().create(tenant, notes, NewAsset.of(AssetKind.FILE)));

    assertThat(created.kind()).isEqualTo(AssetKind.FILE);
    assertThat(created.location()).isEmpty();
    assertThat(created.metadataLocation()).isEmpty();
    assertThat(created.properties()).isEmpty();
    assertThat(get(notes)).contains(created);
    assertThat(history(notes)).isEmpty();
  }

  @Test
  void createWithAMetadataLocationMakesItHistoryEntryOne() {
    AssetRef orders = assetOnMain(sales, "orders");

    createTable(orders);

    assertThat(history(orders))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo(metadata(orders, 1));
              assertThat(entry.previousLocation()).isEmpty();
              assertThat(entry.committedAt()).isNotNull();
            });
  }

  @Test
  void everyAssetKindCanBeCreatedAndReadBack() {
    Map<String, AssetId> ids = new HashMap<>();
    for (AssetKind kind : AssetKind.values()) {
      AssetRef ref = assetOnMain(sales, kind.name());
      Asset created = await(store().assets().create(tenant, ref, NewAsset.of(kind)));
      assertThat(created.kind()).as("created %s", kind).isEqualTo(kind);
      assertThat(get(ref)).as("read back %s", kind).contains(created);
      ids.put(kind.name(), created.id());
    }

    List<Asset> listed = listAll(sales);

    assertThat(listed).hasSize(AssetKind.values().length);
    for (Asset asset : listed) {
      assertThat(asset.kind().name()).isEqualTo(asset.ref().name());
      assertThat(asset.id()).isEqualTo(ids.get(asset.ref().name()));
    }
  }

  @Test
  void createInAMissingCatalogIsNotFound() {
    AssetRef ref = AssetRef.onMain("no-such-catalog", sales.path(), "orders");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(await(store().catalogs().get(tenant, "no-such-catalog"))).isEmpty();
  }

  @Test
  void createInAMissingNamespaceIsNotFound() {
    AssetRef ref = AssetRef.onMain(CATALOG, path("marketing"), "leads");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of(CATALOG, "marketing"))))
        .as("the missing namespace is not created on the way")
        .isEmpty();
    assertThat(get(ref)).isEmpty();
  }

  @Test
  void createOnABranchOtherThanMainIsNotFound() {
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders");

    assertFails(
        NotFoundException.class,
        () -> store().assets().create(tenant, onDev, NewAsset.of(AssetKind.ICEBERG_TABLE)));

    assertThat(listAll(sales)).as("nothing was created on main instead").isEmpty();
  }

  @Test
  void createOnATakenNameFailsAndKeepsTheOriginal() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset original = createTable(orders);
    NewAsset other =
        NewAsset.builder(AssetKind.HUDI_TABLE)
            .location("s3://elsewhere/orders")
            .metadataLocation("s3://elsewhere/orders/metadata.json")
            .properties(Map.of("owner", "intruder"))
            .build();

    assertFails(AlreadyExistsException.class, () -> store().assets().create(tenant, orders, other));

    assertThat(get(orders)).contains(original);
    assertThat(history(orders))
        .extracting(MetadataLocation::location)
        .containsExactly(metadata(orders, 1));
  }

  @Test
  void namesAreUniquePerNamespaceAndCatalogOnly() {
    NamespaceRef hr = newNamespaces(tenant, CATALOG, "hr");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");

    Asset inSales = createTable(assetOnMain(sales, "orders"));
    Asset inHr = createTable(assetOnMain(hr, "orders"));
    Asset inPond = createTable(assetOnMain(pondSales, "orders"));

    assertThat(List.of(inSales.id(), inHr.id(), inPond.id())).doesNotHaveDuplicates();
    assertThat(get(assetOnMain(sales, "orders"))).contains(inSales);
    assertThat(get(assetOnMain(hr, "orders"))).contains(inHr);
    assertThat(get(assetOnMain(pondSales, "orders"))).contains(inPond);
  }

  @Test
  void createRejectsBadInputNamingTheFieldAndChangesNothing() {
    AssetRef orders = assetOnMain(sales, "orders");
    NewAsset table = NewAsset.of(AssetKind.ICEBERG_TABLE);

    assertInvalid("tenant", () -> store().assets().create(null, orders, table));
    assertInvalid("asset", () -> store().assets().create(tenant, null, table));
    assertInvalid(
        "asset.branch",
        () -> store().assets().create(tenant, new AssetRef(null, sales.path(), "orders"), table));
    assertInvalid(
        "asset.branch.catalog",
        () -> store().assets().create(tenant, AssetRef.onMain(" ", sales.path(), "orders"), table));
    assertInvalid(
        "asset.branch.branch",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    new AssetRef(new BranchRef(CATALOG, "ma\u0000in"), sales.path(), "orders"),
                    table));
    assertInvalid(
        "asset.namespace",
        () -> store().assets().create(tenant, orders.inNamespace(NamespacePath.ROOT), table));
    assertInvalid(
        "asset.namespace[0]",
        () -> store().assets().create(tenant, orders.inNamespace(path("sa\u0007les")), table));
    assertInvalid(
        "asset.name", () -> store().assets().create(tenant, orders.withName(null), table));
    assertInvalid(
        "asset.name", () -> store().assets().create(tenant, orders.withName(" \t"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\u0007"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\u009f"), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("x".repeat(256)), table));
    assertInvalid(
        "asset.name",
        () -> store().assets().create(tenant, orders.withName("orders\ud800"), table));
    assertInvalid("request", () -> store().assets().create(tenant, orders, null));
    assertInvalid(
        "request.kind",
        () -> store().assets().create(tenant, orders, NewAsset.builder(null).build()));
    assertInvalid(
        "request.location",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE).location("").build()));
    assertInvalid(
        "request.metadataLocation",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .metadataLocation("s3://m\u0000")
                        .build()));
    assertInvalid(
        "request.properties[owner]",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(mapOf("owner", null))
                        .build()));
    assertInvalid(
        "request.properties key",
        () ->
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(Map.of(" ", "v"))
                        .build()));

    assertThat(listAll(sales)).as("no bad request created anything").isEmpty();
  }
}
