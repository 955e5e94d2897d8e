package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code assets().updateProperties}: removals, then sets, by key; keys an update does not
 * name are kept exactly, and so are the asset's other fields and its history; a missing asset is
 * not found and bad input is refused naming the field.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} (on warehouse {@code
 * lake-wh}) and namespace {@code sales}.
 */
public abstract class AssetPropertiesContract extends AssetSuite {
  @Test
  void updatePropertiesRemovesThenSetsKeysAndKeepsTheRest() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    orders,
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .metadataLocation(metadata(orders, 1))
                        .properties(Map.of("a", "1", "b", "2", "c", "3"))
                        .build()));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant,
                    orders,
                    new PropertyUpdate(Map.of("b", "20", "d", "4"), Set.of("a", "not-there"))));

    assertThat(updated.properties()).isEqualTo(Map.of("b", "20", "c", "3", "d", "4"));
    assertThat(updated.id()).isEqualTo(before.id());
    assertThat(updated.ref()).isEqualTo(orders);
    assertThat(updated.metadataLocation()).isEqualTo(before.metadataLocation());
    assertThat(updated.createdAt()).isEqualTo(before.createdAt());
    assertThat(updated.updatedAt()).isAfterOrEqualTo(before.updatedAt());
    assertThat(get(orders)).contains(updated);
    assertThat(history(orders)).as("a property change is not a metadata commit").hasSize(1);
  }

  @Test
  void updatePropertiesOfAMissingAssetIsNotFound() {
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, assetOnMain(sales, "no-such-asset"), PropertyUpdate.setting("k", "v")));

    assertThat(listAll(sales)).isEmpty();
  }

  @Test
  void updatePropertiesRejectsBadInputNamingTheFieldAndChangesNothing() {
    Asset orders =
        await(
            store()
                .assets()
                .create(
                    tenant,
                    assetOnMain(sales, "orders"),
                    NewAsset.builder(AssetKind.ICEBERG_TABLE)
                        .properties(Map.of("a", "1"))
                        .build()));
    AssetRef ref = orders.ref();

    assertInvalid(
        "tenant",
        () -> store().assets().updateProperties(null, ref, PropertyUpdate.setting("a", "2")));
    assertInvalid(
        "asset",
        () -> store().assets().updateProperties(tenant, null, PropertyUpdate.setting("a", "2")));
    assertInvalid(
        "asset.name",
        () ->
            store()
                .assets()
                .updateProperties(
                    tenant, ref.withName("or\u001bders"), PropertyUpdate.setting("a", "2")));
    assertInvalid("update", () -> store().assets().updateProperties(tenant, ref, null));
    assertInvalid(
        "update.set[a]",
        () ->
            store()
                .assets()
                .updateProperties(tenant, ref, PropertyUpdate.setting(mapOf("a", null))));
    assertInvalid(
        "update.set key",
        () -> store().assets().updateProperties(tenant, ref, PropertyUpdate.setting("", "v")));
    assertInvalid(
        "update.remove",
        () -> store().assets().updateProperties(tenant, ref, PropertyUpdate.removing(Set.of(" "))));
    assertInvalid(
        "update.remove",
        () ->
            store()
                .assets()
                .updateProperties(tenant, ref, new PropertyUpdate(Map.of("a", "2"), Set.of("a"))));

    assertThat(get(ref)).contains(orders);
  }

  @Test
  void updatePropertiesWithOnlyKeysToSetKeepsEveryOtherKey() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2", "c", "3"));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(tenant, before.ref(), PropertyUpdate.setting("b", "20")));

    assertThat(updated.properties()).isEqualTo(Map.of("a", "1", "b", "20", "c", "3"));
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void updatePropertiesWithOnlyKeysToRemoveKeepsEveryOtherKey() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2", "c", "3"));

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant,
                    before.ref(),
                    PropertyUpdate.removing(Set.of("a", "c", "never-there"))));

    assertThat(updated.properties()).isEqualTo(Map.of("b", "2"));
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(updated);
  }

  @Test
  void updatePropertiesOfOneKeyOfSeveralKeepsTheOthersExactly() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("empty", "");
    properties.put("lines", "one\ntwo");
    properties.put("数据", "😀");
    properties.put("k", "v");
    Asset before = createWithProperties("orders", properties);

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(tenant, before.ref(), PropertyUpdate.setting("k", "w")));

    Map<String, String> expected = new HashMap<>(properties);
    expected.put("k", "w");
    assertThat(updated.properties()).isEqualTo(expected);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void anEmptyPropertyUpdateChangesNoProperty() {
    Asset before = createWithProperties("orders", Map.of("a", "1", "b", "2"));

    Asset updated =
        await(store().assets().updateProperties(tenant, before.ref(), PropertyUpdate.NONE));

    assertThat(updated.properties()).isEqualTo(before.properties());
    assertKeptAllButProperties(before, updated);
    assertThat(get(before.ref())).contains(updated);
  }

  @Test
  void updatePropertiesLeavesTheAssetsOtherFieldsAndHistoryUnchanged() {
    AssetRef orders = assetOnMain(sales, "orders");
    Asset before =
        await(store().assets().create(tenant, orders, everyField(AssetKind.PAIMON_TABLE, orders)));
    List<MetadataLocation> historyBefore = history(orders);

    Asset updated =
        await(
            store()
                .assets()
                .updateProperties(
                    tenant, orders, new PropertyUpdate(Map.of("new", "x"), Set.of("owner"))));

    assertKeptAllButProperties(before, updated);
    assertThat(updated.properties()).doesNotContainKey("owner").containsEntry("new", "x");
    assertThat(history(orders)).isEqualTo(historyBefore);
    assertThat(listAll(sales)).containsExactly(updated);
  }

  private Asset createWithProperties(String name, Map<String, String> properties) {
    AssetRef ref = assetOnMain(sales, name);
    return await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.builder(AssetKind.ICEBERG_TABLE)
                    .location("s3://lake/sales/" + name)
                    .metadataLocation(metadata(ref, 1))
                    .properties(properties)
                    .build()));
  }

  /** Asserts that {@code after} is {@code before} with, at most, other properties. */
  private static void assertKeptAllButProperties(Asset before, Asset after) {
    assertThat(after.ref()).as("ref kept").isEqualTo(before.ref());
    assertThat(after.id()).as("id kept").isEqualTo(before.id());
    assertThat(after.kind()).as("kind kept").isEqualTo(before.kind());
    assertThat(after.location()).as("location kept").isEqualTo(before.location());
    assertThat(after.metadataLocation())
        .as("metadata location kept")
        .isEqualTo(before.metadataLocation());
    assertThat(after.createdAt()).as("createdAt kept").isEqualTo(before.createdAt());
    assertThat(after.updatedAt()).as("updatedAt").isAfterOrEqualTo(before.updatedAt());
  }
}
