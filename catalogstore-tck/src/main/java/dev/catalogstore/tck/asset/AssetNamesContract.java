package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import dev.catalogstore.tck.TckSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asset names are kept exactly (see {@link TckNames}): every valid name round-trips unchanged
 * through {@code assets().create}, {@code get}, {@code getById}, {@code list} and {@code rename},
 * and a name is only ever found by itself, compared code point by code point: never by a name that
 * differs in case, in Unicode normalisation (NFC {@code "é"} against NFD {@code "e\u0301"}), in
 * surrounding spaces, by being a prefix of it, by matching it as a SQL {@code LIKE} pattern ({@code
 * %}, {@code _}), or by cutting it at a dot.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class AssetNamesContract extends TckSuite {
  private static final String CATALOG = "lake";

  /** Names present in {@code sales} for the look-up tests. */
  private static final List<String> PRESENT =
      List.of("Orders", "café", "a_c", "100%", "data", " padded", "x.y");

  /** Differently written names that must not find any of {@link #PRESENT}. */
  private static final List<String> LOOK_ALIKES =
      List.of(
          "orders",
          "ORDERS",
          "Order",
          "Orders ",
          " Orders",
          "cafe\u0301",
          "CAFÉ",
          "cafe",
          "abc",
          "a%",
          "a_",
          "a",
          "100",
          "1000",
          "100x",
          "%",
          "dat",
          "data ",
          "Data",
          "data%",
          "dat_",
          "padded",
          " padded ",
          "  padded",
          "x",
          "y",
          "x.",
          ".y",
          "x_y",
          "x%");

  private TenantId tenant;
  private NamespaceRef sales;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, CATALOG);
    sales = newNamespaces(tenant, CATALOG, "sales");
  }

  @Test
  void trickyNamesRoundTripThroughCreateGetGetByIdAndList() {
    NamespaceRef tricky = newNamespaces(tenant, CATALOG, "a.b", "50% off_/x y");
    Map<String, AssetId> ids = new LinkedHashMap<>();
    for (String name : TckNames.TRICKY) {
      Asset created =
          await(
              store()
                  .assets()
                  .create(tenant, assetOnMain(tricky, name), NewAsset.of(AssetKind.PARQUET_TABLE)));
      assertThat(created.ref().name()).as("created %s", TckNames.label(name)).isEqualTo(name);
      ids.put(name, created.id());
    }

    for (String name : TckNames.TRICKY) {
      AssetRef ref = assetOnMain(tricky, name);
      assertThat(await(store().assets().get(tenant, ref)))
          .as("get %s", TckNames.label(name))
          .hasValueSatisfying(
              a -> {
                assertThat(a.id()).isEqualTo(ids.get(name));
                assertThat(a.ref()).isEqualTo(ref);
              });
      assertThat(await(store().assets().getById(tenant, ids.get(name))))
          .as("getById %s", TckNames.label(name))
          .hasValueSatisfying(a -> assertThat(a.ref()).isEqualTo(ref));
    }
    assertThat(names(tricky)).containsExactlyElementsOf(TckNames.trickyInListOrder());
    assertThat(ids.values()).doesNotHaveDuplicates();
  }

  @Test
  void trickyNamesRoundTripThroughRenameInBothDirections() {
    NamespaceRef target = newNamespaces(tenant, CATALOG, "sales", "x.y");
    List<AssetId> ids = new ArrayList<>();
    for (int i = 0; i < TckNames.TRICKY.size(); i++) {
      ids.add(
          await(
                  store()
                      .assets()
                      .create(
                          tenant, assetOnMain(sales, "plain-" + i), NewAsset.of(AssetKind.FILE)))
              .id());
    }

    for (int i = 0; i < TckNames.TRICKY.size(); i++) {
      String name = TckNames.TRICKY.get(i);
      AssetRef to = assetOnMain(target, name);
      Asset renamed = await(store().assets().rename(tenant, assetOnMain(sales, "plain-" + i), to));
      assertThat(renamed.ref()).as("renamed to %s", TckNames.label(name)).isEqualTo(to);
      assertThat(await(store().assets().get(tenant, to))).contains(renamed);
      assertThat(await(store().assets().getById(tenant, ids.get(i)))).contains(renamed);
    }
    assertThat(names(target)).containsExactlyElementsOf(TckNames.trickyInListOrder());
    assertThat(names(sales)).isEmpty();

    // From each tricky name to the next: the source is found by its exact name only.
    List<String> tricky = TckNames.TRICKY;
    AssetRef parked = assetOnMain(sales, "parked");
    await(store().assets().rename(tenant, assetOnMain(target, tricky.get(0)), parked));
    for (int i = 1; i < tricky.size(); i++) {
      await(
          store()
              .assets()
              .rename(
                  tenant,
                  assetOnMain(target, tricky.get(i)),
                  assetOnMain(target, tricky.get(i - 1))));
    }
    await(
        store()
            .assets()
            .rename(tenant, parked, assetOnMain(target, tricky.get(tricky.size() - 1))));
    for (int i = 0; i < tricky.size(); i++) {
      AssetId expected = ids.get((i + 1) % tricky.size());
      assertThat(await(store().assets().get(tenant, assetOnMain(target, tricky.get(i)))))
          .as("the asset now named %s", TckNames.label(tricky.get(i)))
          .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(expected));
    }
  }

  @Test
  void aLookupNeverFindsADifferentlyWrittenName() {
    for (String name : PRESENT) {
      await(
          store()
              .assets()
              .create(
                  tenant,
                  assetOnMain(sales, name),
                  NewAsset.icebergTable("s3://lake/" + name, "s3://lake/" + name + "/1.json")));
    }
    TenantSnapshot before = TenantSnapshot.read(store(), tenant);

    for (String lookAlike : LOOK_ALIKES) {
      AssetRef ref = assetOnMain(sales, lookAlike);
      String label = TckNames.label(lookAlike);
      assertThat(await(store().assets().get(tenant, ref))).as("get %s", label).isEmpty();
      assertFails(
          NotFoundException.class,
          () -> store().assets().history(tenant, ref, PageRequest.firstPage()));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .updateProperties(tenant, ref, PropertyUpdate.setting("touched", label)));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .commitMetadataLocation(
                      tenant,
                      ref,
                      MetadataCommit.replacing("s3://lake/data/1.json", "s3://x/2.json")));
      assertFails(
          NotFoundException.class,
          () -> store().assets().rename(tenant, ref, ref.withName("moved-" + lookAlike)));
      assertFails(NotFoundException.class, () -> store().assets().delete(tenant, ref));
    }

    assertThat(TenantSnapshot.read(store(), tenant)).as("nothing was touched").isEqualTo(before);
  }

  @Test
  void namesDifferingOnlyInCaseNormalisationSpacesOrWildcardsAreDistinctAssets() {
    List<String> distinct =
        List.of(
            "orders", "Orders", "ORDERS", "orders ", " orders", "é", "e\u0301", "a_c", "abc", "a%c",
            "50%", "500", "x.y", "x", "ß", "ss");
    Map<String, AssetId> ids = new LinkedHashMap<>();
    for (String name : distinct) {
      ids.put(
          name,
          await(
                  store()
                      .assets()
                      .create(tenant, assetOnMain(sales, name), NewAsset.of(AssetKind.CSV_TABLE)))
              .id());
    }

    assertThat(ids.values()).doesNotHaveDuplicates();
    for (String name : distinct) {
      assertThat(await(store().assets().get(tenant, assetOnMain(sales, name))))
          .as("get %s", TckNames.label(name))
          .hasValueSatisfying(a -> assertThat(a.id()).isEqualTo(ids.get(name)));
    }

    await(store().assets().delete(tenant, assetOnMain(sales, "orders")));
    await(store().assets().delete(tenant, assetOnMain(sales, "é")));
    await(store().assets().delete(tenant, assetOnMain(sales, "a_c")));
    await(
        store()
            .assets()
            .updateProperties(
                tenant, assetOnMain(sales, "x"), PropertyUpdate.setting("touched", "yes")));

    List<String> left = new ArrayList<>(distinct);
    left.removeAll(List.of("orders", "é", "a_c"));
    assertThat(names(sales)).containsExactlyInAnyOrderElementsOf(left);
    assertThat(
            await(store().assets().get(tenant, assetOnMain(sales, "x.y")))
                .orElseThrow()
                .properties())
        .doesNotContainKey("touched");
  }

  @Test
  void aRenameOntoANameDifferingOnlyInCaseOrNormalisationIsNotATakenName() {
    AssetRef orders = assetOnMain(sales, "orders");
    AssetRef cafe = assetOnMain(sales, "café");
    AssetId ordersId =
        await(store().assets().create(tenant, orders, NewAsset.of(AssetKind.FILE))).id();
    AssetId cafeId = await(store().assets().create(tenant, cafe, NewAsset.of(AssetKind.FILE))).id();

    Asset upper = await(store().assets().rename(tenant, orders, orders.withName("ORDERS")));
    Asset decomposed = await(store().assets().rename(tenant, cafe, cafe.withName("cafe\u0301")));

    assertThat(upper.id()).isEqualTo(ordersId);
    assertThat(decomposed.id()).isEqualTo(cafeId);
    assertThat(names(sales)).containsExactly("ORDERS", "cafe\u0301");
    assertThat(await(store().assets().get(tenant, orders))).isEmpty();
    assertThat(await(store().assets().get(tenant, cafe))).isEmpty();
  }

  @Test
  void aDotInANameOrSegmentIsNeverASeparator() {
    NamespaceRef a = newNamespaces(tenant, CATALOG, "a");
    NamespaceRef ab = newNamespaces(tenant, CATALOG, "a", "b");
    NamespaceRef aDotB = newNamespaces(tenant, CATALOG, "a.b");
    Asset bDotC =
        await(store().assets().create(tenant, assetOnMain(a, "b.c"), NewAsset.of(AssetKind.FILE)));
    Asset nested =
        await(store().assets().create(tenant, assetOnMain(ab, "c"), NewAsset.of(AssetKind.FILE)));
    Asset dotted =
        await(
            store().assets().create(tenant, assetOnMain(aDotB, "c"), NewAsset.of(AssetKind.FILE)));

    assertThat(List.of(bDotC.id(), nested.id(), dotted.id())).doesNotHaveDuplicates();
    assertThat(await(store().assets().get(tenant, assetOnMain(a, "b.c")))).contains(bDotC);
    assertThat(await(store().assets().get(tenant, assetOnMain(ab, "c")))).contains(nested);
    assertThat(await(store().assets().get(tenant, assetOnMain(aDotB, "c")))).contains(dotted);
    assertThat(await(store().assets().get(tenant, assetOnMain(a, "b")))).isEmpty();
    assertThat(names(a)).containsExactly("b.c");

    await(store().assets().delete(tenant, assetOnMain(ab, "c")));
    assertThat(await(store().assets().get(tenant, assetOnMain(a, "b.c")))).contains(bDotC);
    assertThat(await(store().assets().get(tenant, assetOnMain(aDotB, "c")))).contains(dotted);
  }

  private List<String> names(NamespaceRef namespace) {
    return PagedReads.all(
            page ->
                store()
                    .assets()
                    .list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page))
        .stream()
        .map(a -> a.ref().name())
        .toList();
  }
}
