package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.Race;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A metadata commit that also moves the asset's storage {@code location} (Iceberg's {@code SET
 * LOCATION}) and changes its properties ({@link MetadataCommit#withLocation}, {@link
 * MetadataCommit#withProperties}): both are applied in the same atomic step as the pointer swap, or
 * not at all. A lost compare-and-set changes neither the location nor the properties nor the
 * history; the property changes follow the partial-update rule of {@link PropertyUpdate} (keys not
 * named are kept); the new location is validated like any location ({@code commit.location}); the
 * commit moves {@code updatedAt} and appends one history entry.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class CommitWithLocationContract extends LakeTenantSuite {

  // ---------------------------------------------------------------------------------------------
  // Applied with the pointer

  @Test
  void aCommitWithALocationMovesTheLocationTogetherWithThePointer() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));
    Asset before = read(orders);

    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                        .withLocation("s3://moved/orders")));

    assertThat(committed.location()).contains("s3://moved/orders");
    assertThat(committed.metadataLocation()).contains(v("orders", 2));
    assertThat(committed.properties()).as("properties not named").isEqualTo(before.properties());
    assertThat(committed.id()).isEqualTo(before.id());
    assertThat(committed.kind()).isEqualTo(before.kind());
    assertThat(committed.createdAt()).isEqualTo(before.createdAt());
    assertThat(get(orders)).contains(committed);
    assertThat(await(store().assets().getById(tenant, committed.id()))).contains(committed);
    assertThat(
            PagedReads.all(
                page -> store().assets().list(tenant, orders.branch(), orders.namespace(), page)))
        .containsExactly(committed);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 2), v("orders", 1));
  }

  @Test
  void aFirstCommitCanSetTheLocationOfAnAssetThatHasNone() {
    AssetRef orders = bare("orders", AssetKind.ICEBERG_TABLE);

    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.first(v("orders", 1)).withLocation("s3://lake/sales/orders")));

    assertThat(committed.location()).contains("s3://lake/sales/orders");
    assertThat(committed.metadataLocation()).contains(v("orders", 1));
    assertThat(get(orders)).contains(committed);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 1));
  }

  @Test
  void aCommitWithPropertiesSetsAndRemovesThemTogetherWithThePointer() {
    AssetRef orders = table("orders", Map.of("owner", "ops", "stale", "yes", "kept", "1"));

    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                        .withProperties(
                            new PropertyUpdate(
                                Map.of("owner", "ana", "new", "x"), Set.of("stale")))));

    assertThat(committed.properties()).isEqualTo(Map.of("owner", "ana", "new", "x", "kept", "1"));
    assertThat(committed.location())
        .as("the location, not named")
        .contains("s3://lake/sales/orders");
    assertThat(committed.metadataLocation()).contains(v("orders", 2));
    assertThat(get(orders)).contains(committed);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 2), v("orders", 1));
  }

  @Test
  void aCommitWithLocationAndPropertiesAppliesBothAndAppendsOneHistoryEntry() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));

    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                        .withLocation("s3://moved/orders")
                        .withProperties(
                            PropertyUpdate.setting("write.location", "s3://moved/orders"))));

    assertThat(committed.location()).contains("s3://moved/orders");
    assertThat(committed.properties())
        .isEqualTo(Map.of("owner", "ops", "write.location", "s3://moved/orders"));
    assertThat(get(orders)).contains(committed);
    List<MetadataLocation> history = history(orders);
    assertThat(history)
        .extracting(MetadataLocation::location)
        .containsExactly(v("orders", 2), v("orders", 1));
    assertThat(history.get(0).previousLocation()).contains(v("orders", 1));
    assertOneChain(history);
  }

  @Test
  void aCommitWithoutLocationOrPropertiesKeepsBoth() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));

    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                        .withProperties(PropertyUpdate.NONE)));

    assertThat(committed.location()).contains("s3://lake/sales/orders");
    assertThat(committed.properties()).isEqualTo(Map.of("owner", "ops"));
    assertThat(get(orders)).contains(committed);
  }

  @Test
  void commitPropertiesFollowThePartialUpdateRule() {
    AssetRef orders = table("orders", Map.of("a", "1", "b", "2", "c", "3"));
    int[] version = {1};
    Map<PropertyUpdate, Map<String, String>> steps = new LinkedHashMap<>();
    steps.put(PropertyUpdate.setting("b", "20"), Map.of("a", "1", "b", "20", "c", "3"));
    steps.put(PropertyUpdate.removing(Set.of("a")), Map.of("b", "20", "c", "3"));
    steps.put(PropertyUpdate.removing(Set.of("never-there")), Map.of("b", "20", "c", "3"));
    steps.put(PropertyUpdate.NONE, Map.of("b", "20", "c", "3"));
    steps.put(PropertyUpdate.setting("d", ""), Map.of("b", "20", "c", "3", "d", ""));
    steps.put(new PropertyUpdate(Map.of("c", "30"), Set.of("d")), Map.of("b", "20", "c", "30"));

    steps.forEach(
        (update, expected) -> {
          Asset committed =
              await(
                  store()
                      .assets()
                      .commitMetadataLocation(
                          tenant,
                          orders,
                          MetadataCommit.replacing(
                                  v("orders", version[0]), v("orders", version[0] + 1))
                              .withProperties(update)));
          version[0]++;
          assertThat(committed.properties()).as("properties after %s", update).isEqualTo(expected);
          assertThat(get(orders)).as("a fresh read after %s", update).contains(committed);
        });
    assertThat(history(orders)).hasSize(version[0]);
  }

  // ---------------------------------------------------------------------------------------------
  // All or nothing

  @Test
  void aLostCompareAndSetChangesNeitherLocationNorPropertiesNorHistory() {
    AssetRef orders = table("orders", Map.of("owner", "ops", "keep", "me"));
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(v("orders", 1), v("orders", 2))));
    Asset before = read(orders);
    List<MetadataLocation> historyBefore = history(orders);
    PropertyUpdate change = new PropertyUpdate(Map.of("owner", "intruder"), Set.of("keep"));

    for (MetadataCommit stale :
        List.of(
            MetadataCommit.replacing(v("orders", 1), v("orders", 3)),
            MetadataCommit.first(v("orders", 3)))) {
      ConflictException lost =
          assertFails(
              ConflictException.class,
              () ->
                  store()
                      .assets()
                      .commitMetadataLocation(
                          tenant,
                          orders,
                          stale.withLocation("s3://intruder/orders").withProperties(change)));
      assertThat(lost.currentValue()).contains(v("orders", 2));
    }

    assertThat(get(orders))
        .as("the asset, location, properties and updatedAt included")
        .contains(before);
    assertThat(history(orders)).isEqualTo(historyBefore);
  }

  @Test
  void aLostFirstCommitChangesNeitherLocationNorProperties() {
    AssetRef notes = bare("notes", AssetKind.ICEBERG_TABLE);
    Asset before = read(notes);

    ConflictException lost =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(
                        tenant,
                        notes,
                        MetadataCommit.replacing(v("notes", 1), v("notes", 2))
                            .withLocation("s3://intruder/notes")
                            .withProperties(PropertyUpdate.setting("owner", "intruder"))));

    assertThat(lost.currentValue()).isEmpty();
    assertThat(get(notes)).contains(before);
    assertThat(history(notes)).isEmpty();
  }

  @Test
  void aCommitWhosePropertiesWouldExceedTheLimitChangesNothing() {
    Map<String, String> full = new HashMap<>();
    for (int i = 0; i < StoredProperties.MAX_ENTRIES; i++) {
      full.put("key-" + i, "v");
    }
    AssetRef orders = table("orders", full);
    Asset before = read(orders);

    assertInvalid(
        "commit.properties",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                        .withLocation("s3://moved/orders")
                        .withProperties(PropertyUpdate.setting("one-too-many", "v"))));

    assertThat(get(orders)).as("neither pointer nor location moved").contains(before);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 1));
  }

  @Test
  void ofConcurrentCommitsWithLocationsAndPropertiesTheWinnerIsAppliedWhole() {
    AssetRef orders = table("orders", Map.of("writer", "none", "kept", "yes"));

    List<Race.Outcome<Asset>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .assets()
                    .commitMetadataLocation(
                        tenant,
                        orders,
                        MetadataCommit.replacing(v("orders", 1), "s3://racer-" + racer + "/v2.json")
                            .withLocation("s3://racer-" + racer + "/orders")
                            .withProperties(PropertyUpdate.setting("writer", "racer-" + racer))));

    int won = Race.assertOneWinner(outcomes, ConflictException.class).racer();
    Asset stored = read(orders);
    assertThat(stored.metadataLocation()).contains("s3://racer-" + won + "/v2.json");
    assertThat(stored.location())
        .as("the winner's location, not a loser's")
        .contains("s3://racer-" + won + "/orders");
    assertThat(stored.properties())
        .as("the winner's properties, not a loser's")
        .isEqualTo(Map.of("writer", "racer-" + won, "kept", "yes"));
    assertThat(historyLocations(orders))
        .containsExactly("s3://racer-" + won + "/v2.json", v("orders", 1));
  }

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void aCommitRejectsABadLocationNamingCommitLocationAndChangesNothing() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));
    Asset before = read(orders);
    MetadataCommit good = MetadataCommit.replacing(v("orders", 1), v("orders", 2));

    for (String bad :
        List.of("", " ", "s3://x/\u0007", "s3://" + "x".repeat(4096), "s3://x/\uD800")) {
      assertInvalid(
          "commit.location",
          () -> store().assets().commitMetadataLocation(tenant, orders, good.withLocation(bad)));
    }

    assertThat(get(orders)).contains(before);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 1));
  }

  @Test
  void aCommitWithAGoodLocationAndBadPropertiesChangesNeither() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));
    Asset before = read(orders);
    MetadataCommit moving =
        MetadataCommit.replacing(v("orders", 1), v("orders", 2)).withLocation("s3://moved/orders");
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("owner", null);

    assertInvalid(
        "commit.properties.set[owner]",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, moving.withProperties(PropertyUpdate.setting(nullValue))));
    assertInvalid(
        "commit.properties.remove",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    orders,
                    moving.withProperties(
                        new PropertyUpdate(Map.of("owner", "x"), Set.of("owner")))));
    assertInvalid(
        "commit.properties",
        () -> store().assets().commitMetadataLocation(tenant, orders, moving.withProperties(null)));

    assertThat(get(orders)).contains(before);
    assertThat(historyLocations(orders)).containsExactly(v("orders", 1));
  }

  @Test
  void aBadLocationIsReportedBeforeAMissingAssetOrTenant() {
    MetadataCommit bad = MetadataCommit.replacing(v("orders", 1), v("orders", 2)).withLocation(" ");

    assertInvalid(
        "commit.location",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, assetOnMain(sales, "no-such-asset"), bad));
    assertInvalid(
        "commit.location",
        () ->
            store()
                .assets()
                .commitMetadataLocation(TenantId.random(), assetOnMain(sales, "orders"), bad));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant,
                    assetOnMain(sales, "no-such-asset"),
                    MetadataCommit.first(v("orders", 1)).withLocation("s3://fine")));
    assertThat(get(assetOnMain(sales, "no-such-asset"))).isEmpty();
  }

  // ---------------------------------------------------------------------------------------------
  // Time

  @Test
  void aCommitWithLocationAndPropertiesMovesUpdatedAtAndStampsItsHistoryEntry() {
    withFrozenClock(
        clock -> {
          AssetRef orders = table("orders", Map.of("owner", "ops"));
          Asset created = read(orders);
          clock.advance(LATER);

          Asset committed =
              await(
                  store()
                      .assets()
                      .commitMetadataLocation(
                          tenant,
                          orders,
                          MetadataCommit.replacing(v("orders", 1), v("orders", 2))
                              .withLocation("s3://moved/orders")
                              .withProperties(PropertyUpdate.setting("k", "v"))));

          assertThat(created.createdAt()).isEqualTo(T0_MICROS);
          assertThat(committed.createdAt()).as("createdAt after the commit").isEqualTo(T0_MICROS);
          assertThat(committed.updatedAt())
              .as("updatedAt after the commit")
              .isEqualTo(T0_MICROS.plus(LATER));
          assertThat(get(orders)).contains(committed);
          assertThat(
                  await(store().assets().history(tenant, orders, PageRequest.firstPage(1))).items())
              .singleElement()
              .satisfies(
                  entry -> {
                    assertThat(entry.location()).isEqualTo(v("orders", 2));
                    assertThat(entry.committedAt()).isEqualTo(T0_MICROS.plus(LATER));
                  });
        });
  }

  @Test
  void aLostCommitKeepsUpdatedAt() {
    withFrozenClock(
        clock -> {
          AssetRef orders = table("orders");
          clock.advance(LATER);

          assertFails(
              ConflictException.class,
              () ->
                  store()
                      .assets()
                      .commitMetadataLocation(
                          tenant,
                          orders,
                          MetadataCommit.first(v("orders", 2))
                              .withLocation("s3://moved/orders")
                              .withProperties(PropertyUpdate.setting("k", "v"))));

          assertThat(read(orders).updatedAt()).isEqualTo(T0_MICROS);
          assertThat(read(orders).location()).contains("s3://lake/sales/orders");
          assertThat(read(orders).metadataLocation()).isEqualTo(Optional.of(v("orders", 1)));
        });
  }
}
