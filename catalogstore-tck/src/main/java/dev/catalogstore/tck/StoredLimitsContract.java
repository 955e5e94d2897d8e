package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.warehouse.WarehouseUpdate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The limits on what a property map holds once stored (DESIGN §3): one request carries at most
 * {@value StoredProperties#MAX_ENTRIES} properties and {@value StoredProperties#MAX_TOTAL_BYTES}
 * bytes of keys and values together (their UTF-8 encoded lengths), and since updates merge into
 * what is stored, the stored map is bounded by the same numbers. An update that would leave more
 * entries or more bytes fails with {@code InvalidArgumentException} naming the field of the
 * property change, and changes nothing (not the other fields of the same call either, and not
 * {@code updatedAt}); removals in the same update count before additions, so swapping keys at the
 * limit stays within it. Bytes are counted in UTF-8, not in characters: at the byte limit, a value
 * rewritten with as many characters but one byte more is refused. Tested for every method that
 * changes a stored property map, with the same limit and the same fields on every backend:
 *
 * <table>
 *   <caption>the field each method reports</caption>
 *   <tr><td>{@code tenants().update}, {@code warehouses().update}, {@code catalogs().update}</td>
 *       <td>{@code update.properties}</td></tr>
 *   <tr><td>{@code namespaces().updateProperties}, {@code assets().updateProperties}</td>
 *       <td>{@code update}</td></tr>
 *   <tr><td>{@code assets().commitMetadataLocation}</td><td>{@code commit.properties}</td></tr>
 *   <tr><td>{@code assets().commitMetadataLocations}</td>
 *       <td>{@code commits[i].commit.properties} of the part at fault</td></tr>
 * </table>
 *
 * <p>{@code namespaces().replaceProperties} replaces rather than merges, so it cannot accumulate:
 * its map is bounded by the request limit on {@code properties}, and a replacement after updates
 * leaves exactly the new map.
 */
public abstract class StoredLimitsContract extends TckSuite {
  private static final int LIMIT = StoredProperties.MAX_ENTRIES;
  private static final int BYTES = StoredProperties.MAX_TOTAL_BYTES;

  /** A value of as many characters as one may have, all ASCII: 65,536 bytes. */
  private static final String LONG_VALUE = "a".repeat(64 * 1024);

  /** Well within one request's limit, but two of them are not within the stored one. */
  private static final int BATCH = 600;

  @Test
  void tenantUpdatesCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();

    // Every update also renames the tenant: a refused one must not rename it either.
    assertTheLimitHolds(
        tenant,
        "update.properties",
        properties ->
            store()
                .tenants()
                .update(
                    tenant,
                    TenantUpdate.builder()
                        .name(uniqueName("renamed"))
                        .properties(properties)
                        .build()),
        () -> await(store().tenants().get(tenant)).orElseThrow().properties());
  }

  @Test
  void warehouseUpdatesCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();
    newWarehouse(tenant, "wh");

    // Every update also moves the warehouse's storage: a refused one must not move it either.
    assertTheLimitHolds(
        tenant,
        "update.properties",
        properties ->
            store()
                .warehouses()
                .update(
                    tenant,
                    "wh",
                    WarehouseUpdate.builder()
                        .storage(fileStorage(uniqueName("moved")))
                        .properties(properties)
                        .build()),
        () -> await(store().warehouses().get(tenant, "wh")).orElseThrow().properties());
  }

  @Test
  void catalogUpdatesCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");

    assertTheLimitHolds(
        tenant,
        "update.properties",
        properties ->
            store()
                .catalogs()
                .update(tenant, "lake", CatalogUpdate.builder().properties(properties).build()),
        () -> await(store().catalogs().get(tenant, "lake")).orElseThrow().properties());
  }

  @Test
  void namespacePropertyUpdatesCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");
    NamespaceRef sales = newNamespaces(tenant, "lake", "sales");

    assertTheLimitHolds(
        tenant,
        "update",
        properties -> store().namespaces().updateProperties(tenant, sales, properties),
        () -> await(store().namespaces().get(tenant, sales)).orElseThrow().properties());
  }

  @Test
  void aNamespacePropertyReplacementReplacesAFullMapInsteadOfAddingToIt() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "lake");
    NamespaceRef sales = newNamespaces(tenant, "lake", "sales");
    Supplier<Map<String, String>> stored =
        () -> await(store().namespaces().get(tenant, sales)).orElseThrow().properties();
    await(
        store()
            .namespaces()
            .updateProperties(tenant, sales, PropertyUpdate.setting(entries("a", BATCH))));
    await(
        store()
            .namespaces()
            .updateProperties(tenant, sales, PropertyUpdate.setting(entries("b", LIMIT - BATCH))));

    await(store().namespaces().replaceProperties(tenant, sales, entries("c", BATCH)));
    assertThat(stored.get()).isEqualTo(entries("c", BATCH));
    await(store().namespaces().replaceProperties(tenant, sales, entries("d", LIMIT)));
    assertThat(stored.get()).isEqualTo(entries("d", LIMIT));

    TenantSnapshot before = TenantSnapshot.read(store(), tenant);
    assertInvalid(
        "update",
        () ->
            store()
                .namespaces()
                .updateProperties(tenant, sales, PropertyUpdate.setting("one", "more")));
    assertInvalid(
        "properties",
        () -> store().namespaces().replaceProperties(tenant, sales, entries("e", LIMIT + 1)));
    assertThat(TenantSnapshot.read(store(), tenant)).isEqualTo(before);

    // The byte total likewise: a replacement of exactly the limit lands, one byte more does not.
    Map<String, String> atTheLimit = fill("f", BYTES);
    await(store().namespaces().replaceProperties(tenant, sales, atTheLimit));
    assertThat(stored.get()).isEqualTo(atTheLimit);
    TenantSnapshot full = TenantSnapshot.read(store(), tenant);
    assertInvalid(
        "properties",
        () -> store().namespaces().replaceProperties(tenant, sales, oneByteMore(atTheLimit)));
    assertInvalid(
        "update",
        () ->
            store().namespaces().updateProperties(tenant, sales, PropertyUpdate.setting("x", "")));
    assertThat(TenantSnapshot.read(store(), tenant)).isEqualTo(full);
  }

  @Test
  void assetPropertyUpdatesCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();
    AssetRef orders = newTable(tenant, "orders");

    assertTheLimitHolds(
        tenant,
        "update",
        properties -> store().assets().updateProperties(tenant, orders, properties),
        () -> storedAsset(tenant, orders).properties());
  }

  @Test
  void metadataCommitsCannotGrowTheStoredPropertiesPastTheLimit() {
    TenantId tenant = newTenant();
    AssetRef orders = newTable(tenant, "orders");

    // Each commit also moves the pointer and the location: a refused one moves neither.
    assertTheLimitHolds(
        tenant,
        "commit.properties",
        properties ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    nextCommit(storedAsset(tenant, orders)).withProperties(properties)),
        () -> storedAsset(tenant, orders).properties());
  }

  @Test
  void aMultiAssetCommitNamesThePartThatWouldExceedTheStoredLimitAndCommitsNoPart() {
    TenantId tenant = newTenant();
    AssetRef orders = newTable(tenant, "orders");
    AssetRef customers = newTable(tenant, "customers");

    // The first part only moves its pointer; the second also changes properties. A refused
    // commit moves neither pointer.
    assertTheLimitHolds(
        tenant,
        "commits[1].commit.properties",
        properties ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        new AssetCommit(orders, nextCommit(storedAsset(tenant, orders))),
                        new AssetCommit(
                            customers,
                            nextCommit(storedAsset(tenant, customers))
                                .withProperties(properties)))),
        () -> storedAsset(tenant, customers).properties());
  }

  /**
   * The limits' rule for one method, which applies {@code update} to one stored map that {@code
   * stored} reads. Entries: two updates of 600 new keys each cannot both land; the refused one
   * changes nothing of the tenant; removing the first batch while adding the second stays within;
   * filling up to the limit exactly is accepted, and one more key is refused again. Then, after
   * removing every key, the same for the byte total ({@link #assertTheByteLimitHolds}).
   */
  private void assertTheLimitHolds(
      TenantId tenant,
      String field,
      Function<PropertyUpdate, CompletableFuture<?>> update,
      Supplier<Map<String, String>> stored) {
    Map<String, String> first = entries("a", BATCH);
    Map<String, String> second = entries("b", BATCH);
    await(update.apply(PropertyUpdate.setting(first)));
    assertThat(stored.get()).as("after the first batch").isEqualTo(first);

    assertRefused(tenant, field, () -> update.apply(PropertyUpdate.setting(second)));

    await(update.apply(new PropertyUpdate(second, first.keySet())));
    assertThat(stored.get()).as("after swapping the first batch for the second").isEqualTo(second);

    Map<String, String> full = new LinkedHashMap<>(second);
    full.putAll(entries("c", LIMIT - BATCH));
    await(update.apply(PropertyUpdate.setting(entries("c", LIMIT - BATCH))));
    assertThat(stored.get()).as("filled up to the limit exactly").isEqualTo(full);

    assertRefused(tenant, field, () -> update.apply(PropertyUpdate.setting("one", "more")));
    // Overwriting stored keys adds none: at the limit, a rewrite of every value still lands.
    Map<String, String> rewritten = new LinkedHashMap<>(full);
    rewritten.replaceAll((key, value) -> value + "-2");
    await(update.apply(new PropertyUpdate(rewritten, Set.of())));
    assertThat(stored.get()).as("rewritten at the limit").isEqualTo(rewritten);

    await(update.apply(PropertyUpdate.removing(rewritten.keySet())));
    assertThat(stored.get()).as("after removing every key").isEmpty();
    assertTheByteLimitHolds(tenant, field, update, stored);
  }

  /**
   * The byte total's rule, from an empty map and far below the entry limit: two updates of about
   * half a MiB each cannot both land (16 entries), and the refused one changes nothing; filling up
   * to {@value StoredProperties#MAX_TOTAL_BYTES} bytes exactly, with characters of 1 to 4 bytes in
   * UTF-8, is accepted; then one byte more is refused, whether as a new entry or as a value
   * rewritten with the same number of characters (one of them two bytes instead of one); and a
   * rewrite of the same size still lands.
   */
  private void assertTheByteLimitHolds(
      TenantId tenant,
      String field,
      Function<PropertyUpdate, CompletableFuture<?>> update,
      Supplier<Map<String, String>> stored) {
    Map<String, String> first = new LinkedHashMap<>();
    Map<String, String> second = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      first.put("big-a-" + i, LONG_VALUE);
      second.put("big-b-" + i, LONG_VALUE);
    }
    assertThat(Inputs.utf8Length(first) + Inputs.utf8Length(second)).isGreaterThan(BYTES);
    await(update.apply(PropertyUpdate.setting(first)));
    assertThat(stored.get()).as("after the first half").isEqualTo(first);

    assertRefused(tenant, field, () -> update.apply(PropertyUpdate.setting(second)));

    Map<String, String> rest = fill("fill", BYTES - Inputs.utf8Length(first));
    await(update.apply(PropertyUpdate.setting(rest)));
    Map<String, String> full = new LinkedHashMap<>(first);
    full.putAll(rest);
    assertThat(Inputs.utf8Length(full)).isEqualTo(BYTES);
    assertThat(full.size()).isLessThan(LIMIT);
    assertThat(stored.get()).as("filled up to the byte limit exactly").isEqualTo(full);

    assertRefused(tenant, field, () -> update.apply(PropertyUpdate.setting("x", "")));
    assertRefused(
        tenant, field, () -> update.apply(PropertyUpdate.setting(oneByteMore(Map.copyOf(first)))));
    // As many bytes as before: lands.
    String key = first.keySet().iterator().next();
    String sameSize = "b" + LONG_VALUE.substring(1);
    await(update.apply(PropertyUpdate.setting(key, sameSize)));
    full.put(key, sameSize);
    assertThat(stored.get()).as("rewritten at the byte limit").isEqualTo(full);
  }

  /** {@code call} fails on {@code field} and the tenant reads the same before and after. */
  private void assertRefused(TenantId tenant, String field, Supplier<CompletableFuture<?>> call) {
    TenantSnapshot before = TenantSnapshot.read(store(), tenant);

    assertInvalid(field, call::get);

    assertThat(TenantSnapshot.read(store(), tenant))
        .as("a refused update changes nothing")
        .isEqualTo(before);
  }

  /** A fresh catalog {@code lake}, namespace {@code sales} and Iceberg table {@code name} in it. */
  private AssetRef newTable(TenantId tenant, String name) {
    if (await(store().catalogs().get(tenant, "lake")).isEmpty()) {
      newLocalCatalog(tenant, "lake");
    }
    NamespaceRef sales = newNamespaces(tenant, "lake", "sales");
    AssetRef ref = assetOnMain(sales, name);
    await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.builder(AssetKind.ICEBERG_TABLE)
                    .location("s3://lake/sales/" + name)
                    .metadataLocation("s3://lake/sales/" + name + "/metadata/v0.json")
                    .build()));
    return ref;
  }

  private Asset storedAsset(TenantId tenant, AssetRef asset) {
    return await(store().assets().get(tenant, asset)).orElseThrow();
  }

  /** A commit from {@code current}'s metadata location to a new one, moving its location too. */
  private static MetadataCommit nextCommit(Asset current) {
    String expected = current.metadataLocation().orElseThrow();
    return MetadataCommit.replacing(expected, expected + "+")
        .withLocation(current.location().orElseThrow() + "+");
  }

  /**
   * Entries {@code prefix-0}, {@code prefix-1}, ... whose keys and values take exactly {@code
   * bytes} bytes in UTF-8 together: each value an {@code a}, then 4-byte characters (outside the
   * BMP), then one of 1, 2 or 3 bytes to make up the rest.
   */
  private static Map<String, String> fill(String prefix, long bytes) {
    Map<String, String> entries = new LinkedHashMap<>();
    long left = bytes;
    for (int i = 0; left > 0; i++) {
      String key = prefix + "-" + i;
      long room = Math.min(left - key.length(), 200_000);
      assertThat(room).as("room for a value").isPositive();
      StringBuilder value = new StringBuilder("a");
      value.append("\uD83D\uDE00".repeat((int) ((room - 1) / 4)));
      value.append(new String[] {"", "a", "\u00E9", "\u20AC"}[(int) ((room - 1) % 4)]);
      entries.put(key, value.toString());
      left -= key.length() + room;
    }
    assertThat(Inputs.utf8Length(entries)).isEqualTo(bytes);
    return entries;
  }

  /**
   * {@code properties} with the first value that starts with {@code a} starting with {@code é}
   * instead, which takes two bytes in UTF-8: as many entries and characters, one byte more.
   */
  private static Map<String, String> oneByteMore(Map<String, String> properties) {
    Map<String, String> more = new LinkedHashMap<>(properties);
    Map.Entry<String, String> entry =
        properties.entrySet().stream()
            .filter(e -> e.getValue().startsWith("a"))
            .findFirst()
            .orElseThrow();
    more.put(entry.getKey(), "\u00E9" + entry.getValue().substring(1));
    assertThat(Inputs.utf8Length(more)).isEqualTo(Inputs.utf8Length(properties) + 1);
    return more;
  }

  private static Map<String, String> entries(String prefix, int count) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      entries.put(prefix + "-" + i, "value-" + i);
    }
    return Map.copyOf(entries);
  }
}
