package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies what an asset's coordinates mean: a branch other than {@code main} behaves as missing,
 * names are kept exactly, and a dotted segment and a nested path are different namespaces. Name
 * exactness in depth is in {@link AssetNamesContract}.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetCoordinatesContract extends AssetSuite {
  @Test
  void aBranchOtherThanMainBehavesAsMissing() {
    Asset orders = createTable(assetOnMain(sales, "orders"));
    BranchRef dev = new BranchRef(CATALOG, "dev");
    AssetRef onDev = new AssetRef(dev, sales.path(), "orders");

    assertThat(get(onDev)).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().assets().list(tenant, dev, sales.path(), PageRequest.firstPage()));
    assertFails(
        NotFoundException.class,
        () -> store().assets().updateProperties(tenant, onDev, PropertyUpdate.setting("k", "v")));
    assertFails(
        NotFoundException.class,
        () -> store().assets().rename(tenant, onDev, onDev.withName("renamed")));
    assertFails(NotFoundException.class, () -> store().assets().delete(tenant, onDev));
    assertFails(
        NotFoundException.class,
        () -> store().assets().history(tenant, onDev, PageRequest.firstPage()));

    assertThat(get(orders.ref())).contains(orders);
  }

  @Test
  void trickyNamesAreKeptExactly() {
    NamespaceRef tricky = newNamespaces(tenant, CATALOG, "a.b", "50% off_/x y");
    List<String> names =
        List.of(
            ".",
            "..",
            "%",
            "_",
            "/",
            "a_c",
            "abc",
            "100%",
            "100x",
            "with space",
            " padded ",
            "it's",
            "\"quoted\"",
            "back\\slash",
            "naïve",
            "数据",
            "😀",
            "a.b",
            "😀".repeat(255));
    Map<String, AssetId> ids = new LinkedHashMap<>();
    for (String name : names) {
      ids.put(
          name,
          await(
                  store()
                      .assets()
                      .create(
                          tenant, assetOnMain(tricky, name), NewAsset.of(AssetKind.PARQUET_TABLE)))
              .id());
    }

    for (String name : names) {
      AssetRef ref = assetOnMain(tricky, name);
      assertThat(get(ref))
          .as("get %s", name)
          .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(ids.get(name)));
      assertThat(await(store().assets().getById(tenant, ids.get(name))))
          .as("getAssetById %s", name)
          .hasValueSatisfying(a -> assertThat(a.ref()).isEqualTo(ref));
    }
    List<String> inCodePointOrder = new ArrayList<>(names);
    inCodePointOrder.sort(CodePointOrder.STRINGS);
    assertThat(names(listAll(tricky))).containsExactlyElementsOf(inCodePointOrder);
  }

  @Test
  void dottedSegmentsAndNestedPathsAreDifferentNamespaces() {
    NamespaceRef dotted = newNamespaces(tenant, CATALOG, "a.b");
    NamespaceRef nested = newNamespaces(tenant, CATALOG, "a", "b");

    Asset inDotted = createTable(assetOnMain(dotted, "t"));
    Asset inNested = createTable(assetOnMain(nested, "t"));

    assertThat(inDotted.id()).isNotEqualTo(inNested.id());
    assertThat(listAll(dotted)).containsExactly(inDotted);
    assertThat(listAll(nested)).containsExactly(inNested);
    assertThat(get(assetOnMain(dotted, "t"))).contains(inDotted);
    assertThat(get(assetOnMain(nested, "t"))).contains(inNested);
  }
}
