package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.tck.TckNames;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies the guarded rename. A guarded change ({@link AssetExpectation}) happens only if the
 * asset at the given coordinates is still the one the caller read. Each attribute an expectation
 * names (id, kind, metadata location, or "no metadata location") is checked atomically with the
 * change; a mismatch fails with {@code ConflictException} whose {@code currentValue()} is the
 * stored value of the first attribute that differs, and changes nothing. {@link
 * AssetExpectation#ANY} behaves exactly like the unguarded call; an absent asset is {@code
 * NotFoundException}, never a conflict.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class GuardedRenameContract extends GuardedChangeSuite {
  @Test
  void aGuardedRenameKeepsTrickyNamesExactly() {
    AssetRef from = table("x'; drop table t; --");
    Asset read = read(from);

    for (String name : TckNames.TRICKY) {
      AssetRef to = from.withName(name);
      Asset renamed =
          await(store().assets().rename(tenant, from, to, AssetExpectation.ANY.withId(read.id())));
      assertThat(renamed.ref().name()).as("renamed to %s", TckNames.label(name)).isEqualTo(name);
      assertThat(get(to)).as("read back as %s", TckNames.label(name)).contains(renamed);
      from = to;
    }
  }

  @Test
  void aGuardedRenameMovesUpdatedAtAndAGuardedConflictKeepsIt() {
    withFrozenClock(
        clock -> {
          AssetRef orders = table("orders");
          Asset read = read(orders);
          clock.advance(LATER);

          assertFails(
              ConflictException.class,
              () ->
                  store()
                      .assets()
                      .rename(
                          tenant,
                          orders,
                          orders.withName("renamed"),
                          AssetExpectation.ANY.withKind(AssetKind.SQL_VIEW)));
          assertFails(
              ConflictException.class,
              () ->
                  store()
                      .assets()
                      .delete(tenant, orders, AssetExpectation.ANY.withKind(AssetKind.SQL_VIEW)));
          assertThat(read(orders).updatedAt())
              .as("updatedAt after refused changes")
              .isEqualTo(T0_MICROS);

          Asset renamed =
              await(
                  store()
                      .assets()
                      .rename(
                          tenant, orders, orders.withName("renamed"), AssetExpectation.of(read)));
          assertThat(renamed.createdAt()).isEqualTo(T0_MICROS);
          assertThat(renamed.updatedAt()).isEqualTo(T0_MICROS.plus(LATER));
        });
  }

  @Test
  void aRenameGuardedByTheRightIdKindAndMetadataLocationRenames() {
    AssetRef orders = table("orders", Map.of("owner", "ops"));
    Asset read = read(orders);
    AssetRef archived = assetOnMain(newNamespaces(tenant, CATALOG, "archive"), "orders-2023");

    Asset renamed =
        await(store().assets().rename(tenant, orders, archived, AssetExpectation.of(read)));

    assertThat(renamed.ref()).isEqualTo(archived);
    assertThat(renamed.id()).isEqualTo(read.id());
    assertThat(renamed.kind()).isEqualTo(read.kind());
    assertThat(renamed.location()).isEqualTo(read.location());
    assertThat(renamed.metadataLocation()).isEqualTo(read.metadataLocation());
    assertThat(renamed.properties()).isEqualTo(read.properties());
    assertThat(get(archived)).contains(renamed);
    assertThat(get(orders)).isEmpty();
    assertThat(historyLocations(archived)).containsExactly(v("orders", 1));
  }

  @Test
  void aRenameGuardedByAnotherIdIsAConflictCarryingTheCurrentIdAndRenamesNothing() {
    AssetRef orders = table("orders");
    Asset before = read(orders);
    AssetId otherId = read(table("other")).id();

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(
                        tenant,
                        orders,
                        orders.withName("renamed"),
                        AssetExpectation.ANY.withId(otherId)));

    assertThat(conflict.currentValue()).contains(before.id().toString());
    assertNotRenamed(orders, before, orders.withName("renamed"));
  }

  @Test
  void aRenameGuardedByAnotherKindIsAConflictCarryingTheCurrentKindAndRenamesNothing() {
    AssetRef orders = table("orders");
    Asset before = read(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(
                        tenant,
                        orders,
                        orders.withName("renamed"),
                        AssetExpectation.ANY.withKind(AssetKind.DELTA_TABLE)));

    assertThat(conflict.currentValue()).contains("ICEBERG_TABLE");
    assertNotRenamed(orders, before, orders.withName("renamed"));
  }

  @Test
  void aRenameGuardedByAnotherMetadataLocationIsAConflictCarryingTheCurrentOne() {
    AssetRef orders = table("orders");
    Asset before = read(orders);

    ConflictException stale =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(
                        tenant,
                        orders,
                        orders.withName("renamed"),
                        AssetExpectation.ANY.withMetadataLocation(v("orders", 0))));
    ConflictException none =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(
                        tenant,
                        orders,
                        orders.withName("renamed"),
                        AssetExpectation.ANY.withoutMetadataLocation()));

    assertThat(stale.currentValue()).contains(v("orders", 1));
    assertThat(none.currentValue()).contains(v("orders", 1));
    assertNotRenamed(orders, before, orders.withName("renamed"));
  }

  @Test
  void aRenameGuardedByNoMetadataLocationRenamesAnAssetWithoutOne() {
    AssetRef notes = bare("notes", AssetKind.DIRECTORY);

    Asset renamed =
        await(
            store()
                .assets()
                .rename(
                    tenant,
                    notes,
                    notes.withName("notes-old"),
                    AssetExpectation.ANY.withoutMetadataLocation().withKind(AssetKind.DIRECTORY)));

    assertThat(get(notes.withName("notes-old"))).contains(renamed);
    assertThat(get(notes)).isEmpty();
  }

  @Test
  void aRenameGuardedByAnyBehavesLikeTheUnguardedRename() {
    AssetRef orders = table("orders");
    Asset read = read(orders);

    Asset renamed =
        await(
            store()
                .assets()
                .rename(tenant, orders, orders.withName("renamed"), AssetExpectation.ANY));

    assertThat(renamed.id()).isEqualTo(read.id());
    assertThat(get(orders.withName("renamed"))).contains(renamed);
    assertThat(get(orders)).isEmpty();
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(tenant, orders, orders.withName("again"), AssetExpectation.ANY));
  }

  @Test
  void aRenameGuardFromAReadRefusesAnAssetDroppedAndRecreatedUnderTheSameName() {
    AssetRef orders = table("orders");
    Asset read = read(orders);
    await(store().assets().delete(tenant, orders));
    Asset recreated = read(table("orders"));

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .rename(tenant, orders, orders.withName("renamed"), AssetExpectation.of(read)));

    assertThat(conflict.currentValue()).contains(recreated.id().toString());
    assertNotRenamed(orders, recreated, orders.withName("renamed"));
  }

  @Test
  void aGuardedRenameOfAMissingAssetIsNotFoundNeverAConflict() {
    AssetRef orders = table("orders");
    Asset read = read(orders);
    await(store().assets().delete(tenant, orders));

    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(tenant, orders, orders.withName("renamed"), AssetExpectation.of(read)));
    assertThat(get(orders.withName("renamed"))).isEmpty();
  }
}
