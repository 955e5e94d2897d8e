package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Guarded delete and rename ({@link AssetExpectation}): the change happens only if the asset at the
 * given coordinates is still the one the caller read. Each attribute an expectation names (id,
 * kind, metadata location, or "no metadata location") is checked atomically with the change; a
 * mismatch fails with {@code ConflictException} whose {@code currentValue()} is the stored value of
 * the first attribute that differs, in the order of {@link AssetExpectation#mismatch} (id, kind,
 * metadata location; {@code AssetId.toString()}, {@code AssetKind.name()}, the location or none),
 * and changes nothing. {@link AssetExpectation#ANY} behaves exactly like the unguarded call; an
 * absent asset is {@code NotFoundException}, never a conflict.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class GuardedChangesContract extends LakeTenantSuite {

  // ---------------------------------------------------------------------------------------------
  // Delete

  @Test
  void aDeleteGuardedByTheRightIdKindAndMetadataLocationDeletes() {
    AssetRef orders = table("orders");
    Asset read = read(orders);

    await(store().assets().delete(tenant, orders, AssetExpectation.of(read)));

    assertThat(get(orders)).isEmpty();
    assertThat(await(store().assets().getById(tenant, read.id()))).isEmpty();
  }

  @Test
  void aDeleteGuardedByAnotherIdIsAConflictCarryingTheCurrentIdAndDeletesNothing() {
    AssetRef orders = table("orders");
    AssetRef returns = table("returns");
    Asset before = read(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(tenant, orders, AssetExpectation.ANY.withId(read(returns).id())));

    assertThat(conflict.currentValue()).contains(before.id().toString());
    assertUnchanged(orders, before);
  }

  @Test
  void aDeleteGuardedByAnotherKindIsAConflictCarryingTheCurrentKindAndDeletesNothing() {
    AssetRef orders = table("orders");
    Asset before = read(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(tenant, orders, AssetExpectation.ANY.withKind(AssetKind.ICEBERG_VIEW)));

    assertThat(conflict.currentValue()).contains("ICEBERG_TABLE");
    assertUnchanged(orders, before);
  }

  @Test
  void aDeleteGuardedByAnotherMetadataLocationIsAConflictCarryingTheCurrentOne() {
    AssetRef orders = table("orders");
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, orders, MetadataCommit.replacing(v("orders", 1), v("orders", 2))));
    Asset before = read(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant, orders, AssetExpectation.ANY.withMetadataLocation(v("orders", 1))));

    assertThat(conflict.currentValue()).contains(v("orders", 2));
    assertUnchanged(orders, before);
    await(
        store()
            .assets()
            .delete(tenant, orders, AssetExpectation.ANY.withMetadataLocation(v("orders", 2))));
    assertThat(get(orders)).isEmpty();
  }

  @Test
  void aDeleteGuardedByAMetadataLocationOfAnAssetWithoutOneIsAConflictWithoutACurrentValue() {
    AssetRef notes = bare("notes", AssetKind.ICEBERG_TABLE);
    Asset before = read(notes);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant, notes, AssetExpectation.ANY.withMetadataLocation(v("notes", 1))));

    assertThat(conflict.currentValue()).isEmpty();
    assertUnchanged(notes, before);
  }

  @Test
  void aDeleteGuardedByNoMetadataLocationRefusesAnAssetThatHasOne() {
    AssetRef orders = table("orders");
    AssetRef notes = bare("notes", AssetKind.ICEBERG_TABLE);
    Asset before = read(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(tenant, orders, AssetExpectation.ANY.withoutMetadataLocation()));

    assertThat(conflict.currentValue()).contains(v("orders", 1));
    assertUnchanged(orders, before);
    await(store().assets().delete(tenant, notes, AssetExpectation.ANY.withoutMetadataLocation()));
    assertThat(get(notes)).isEmpty();
  }

  @Test
  void aMismatchReportsTheFirstAttributeThatDiffersInIdKindLocationOrder() {
    AssetRef orders = table("orders");
    Asset before = read(orders);
    AssetId otherId = read(table("other")).id();

    ConflictException idFirst =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant,
                        orders,
                        AssetExpectation.ANY
                            .withId(otherId)
                            .withKind(AssetKind.SQL_VIEW)
                            .withMetadataLocation("s3://x")));
    ConflictException kindNext =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant,
                        orders,
                        AssetExpectation.ANY
                            .withId(before.id())
                            .withKind(AssetKind.SQL_VIEW)
                            .withMetadataLocation("s3://x")));
    ConflictException locationLast =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant,
                        orders,
                        AssetExpectation.ANY
                            .withId(before.id())
                            .withKind(AssetKind.ICEBERG_TABLE)
                            .withMetadataLocation("s3://x")));

    assertThat(idFirst.currentValue()).contains(before.id().toString());
    assertThat(kindNext.currentValue()).contains("ICEBERG_TABLE");
    assertThat(locationLast.currentValue()).contains(v("orders", 1));
    assertUnchanged(orders, before);
  }

  @Test
  void aDeleteGuardedByAnyBehavesLikeTheUnguardedDelete() {
    AssetRef orders = table("orders");
    AssetRef notes = bare("notes", AssetKind.FILE);
    Asset read = read(orders);

    await(store().assets().delete(tenant, orders, AssetExpectation.ANY));
    await(store().assets().delete(tenant, notes, AssetExpectation.ANY));

    assertThat(get(orders)).isEmpty();
    assertThat(get(notes)).isEmpty();
    assertThat(await(store().assets().getById(tenant, read.id()))).isEmpty();
    assertFails(
        NotFoundException.class,
        () -> store().assets().delete(tenant, orders, AssetExpectation.ANY));
  }

  @Test
  void aGuardedDeleteOfAMissingAssetIsNotFoundNeverAConflict() {
    AssetRef orders = table("orders");
    Asset read = read(orders);
    await(store().assets().delete(tenant, orders));

    for (AssetExpectation expected :
        List.of(
            AssetExpectation.of(read),
            AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE),
            AssetExpectation.ANY.withoutMetadataLocation())) {
      assertFails(NotFoundException.class, () -> store().assets().delete(tenant, orders, expected));
    }
  }

  @Test
  void aGuardFromAReadRefusesAnAssetDroppedAndRecreatedUnderTheSameName() {
    AssetRef orders = table("orders");
    Asset read = read(orders);
    await(store().assets().delete(tenant, orders));
    Asset recreated = read(table("orders"));
    assertThat(recreated.id()).isNotEqualTo(read.id());

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () -> store().assets().delete(tenant, orders, AssetExpectation.of(read)));

    assertThat(conflict.currentValue()).contains(recreated.id().toString());
    assertUnchanged(orders, recreated);
  }

  @Test
  void aDeleteGuardedAsATableDoesNotDropAViewThatReplacedIt() {
    AssetRef orders = table("orders");
    Asset table = read(orders);
    await(store().assets().delete(tenant, orders));
    await(
        store()
            .assets()
            .create(
                tenant,
                orders,
                NewAsset.builder(AssetKind.ICEBERG_VIEW).metadataLocation(v("orders", 1)).build()));
    Asset view = read(orders);

    ConflictException byKind =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .delete(
                        tenant, orders, AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE)));
    ConflictException byRead =
        assertFails(
            ConflictException.class,
            () -> store().assets().delete(tenant, orders, AssetExpectation.of(table)));

    assertThat(byKind.currentValue()).contains("ICEBERG_VIEW");
    assertThat(byRead.currentValue()).contains(view.id().toString());
    assertUnchanged(orders, view);
  }

  @Test
  void aGuardedDeleteRemovesExactlyTheAssetItNames() {
    NamespaceRef salesEu = newNamespaces(tenant, CATALOG, "sales", "eu");
    newLocalCatalog(tenant, "pond");
    NamespaceRef pondSales = newNamespaces(tenant, "pond", "sales");
    AssetRef target = table("a_b");
    List<AssetRef> others = new ArrayList<>();
    for (String sibling : List.of("axb", "a_b-2", "A_B", "a_", "a%b", "_")) {
      others.add(table(sibling));
    }
    for (NamespaceRef elsewhere : List.of(salesEu, pondSales)) {
      AssetRef same = assetOnMain(elsewhere, "a_b");
      await(store().assets().create(tenant, same, NewAsset.of(AssetKind.ICEBERG_TABLE)));
      others.add(same);
    }
    Map<AssetRef, Asset> before = new HashMap<>();
    others.forEach(ref -> before.put(ref, read(ref)));

    await(store().assets().delete(tenant, target, AssetExpectation.of(read(target))));

    assertThat(get(target)).isEmpty();
    for (AssetRef other : others) {
      assertThat(get(other)).as("%s, not named by the delete", other).contains(before.get(other));
    }
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .delete(tenant, target, AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE)));
  }

  @Test
  void aGuardedChangeOfADifferentlyWrittenNameIsNotFoundAndChangesNothing() {
    AssetRef mixed = table("MiXeD");
    AssetRef composed = table("\u00e9t\u00e9");
    Asset mixedBefore = read(mixed);
    Asset composedBefore = read(composed);

    for (String written :
        List.of(
            "mixed",
            "MIXED",
            "MiXeD ",
            " MiXeD",
            "MiXe",
            "MiXe_",
            "MiXe%",
            "e\u0301te\u0301",
            "\u00e9t\u00e9.",
            "\u00c9T\u00c9")) {
      AssetRef other = assetOnMain(sales, written);
      assertFails(
          NotFoundException.class,
          () -> store().assets().delete(tenant, other, AssetExpectation.ANY));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .delete(tenant, other, AssetExpectation.ANY.withKind(AssetKind.ICEBERG_TABLE)));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .rename(tenant, other, other.withName("renamed"), AssetExpectation.ANY));
    }

    assertThat(get(mixed)).contains(mixedBefore);
    assertThat(get(composed)).contains(composedBefore);
    assertThat(get(mixed.withName("renamed"))).isEmpty();
  }

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

  // ---------------------------------------------------------------------------------------------
  // Rename

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

  // ---------------------------------------------------------------------------------------------
  // Validation

  @Test
  void guardedChangesRejectABadExpectationNamingTheFieldAndChangeNothing() {
    AssetRef orders = table("orders");
    Asset before = read(orders);
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "renamed");

    assertInvalid("expected", () -> store().assets().delete(tenant, orders, null));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .delete(tenant, orders, AssetExpectation.ANY.withMetadataLocation(" ")));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .delete(tenant, orders, AssetExpectation.ANY.withMetadataLocation("s3://x\u0000")));
    assertInvalid(
        "expected",
        () -> store().assets().rename(tenant, orders, orders.withName("renamed"), null));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders,
                    orders.withName("renamed"),
                    AssetExpectation.ANY.withMetadataLocation("")));
    assertInvalid("to.branch", () -> store().assets().rename(tenant, orders, onDev, null));
    assertInvalid(
        "to.name",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders,
                    orders.withName(" "),
                    AssetExpectation.ANY.withMetadataLocation("")));

    assertNotRenamed(orders, before, orders.withName("renamed"));
  }

  @Test
  void aBadExpectationIsReportedBeforeAMissingTenantOrAsset() {
    AssetRef missing = assetOnMain(sales, "missing");
    AssetExpectation bad = AssetExpectation.ANY.withMetadataLocation(" ");

    assertInvalid(
        "expected.metadataLocation",
        () -> store().assets().delete(TenantId.random(), missing, bad));
    assertInvalid("expected.metadataLocation", () -> store().assets().delete(tenant, missing, bad));
    assertInvalid(
        "expected.metadataLocation",
        () -> store().assets().rename(tenant, missing, missing.withName("x"), bad));
  }

  // ---------------------------------------------------------------------------------------------
  // Races

  /**
   * The guard is checked atomically with the delete, not in a read before it: while another node
   * replaces table {@code t} with a view, a delete guarded by the table that was read either
   * deletes that table (before it is replaced), or finds nothing, or conflicts, but never deletes
   * the view. Bounded: a fixed number of rounds, each with its own asset.
   */
  @Test
  void aGuardedDeleteRacingAReplacementNeverDropsTheReplacement() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 40; round++) {
        AssetRef t = table("t" + round);
        Asset table = read(t);
        CountDownLatch start = new CountDownLatch(1);
        Future<Throwable> replacer =
            threads.submit(
                () -> {
                  start.await();
                  // Whoever deleted the table, the view goes in: the name is free either way.
                  outcome(peerStore().assets().delete(tenant, t));
                  return outcome(peerStore().assets().create(tenant, t, NewAsset.of(VIEW)));
                });
        Future<Throwable> guarded =
            threads.submit(
                () -> {
                  start.await();
                  return outcome(store().assets().delete(tenant, t, AssetExpectation.of(table)));
                });
        start.countDown();

        assertThat(replacer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            .as("round %d: creating the view", round)
            .isNull();
        assertThat(guarded.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
            .as("round %d: the guarded delete succeeds, finds nothing or conflicts", round)
            .satisfiesAnyOf(
                failure -> assertThat(failure).isNull(),
                failure -> assertThat(failure).isInstanceOf(NotFoundException.class),
                failure -> assertThat(failure).isInstanceOf(ConflictException.class));
        assertThat(get(t).map(Asset::kind))
            .as("round %d: the view that replaced the table", round)
            .contains(VIEW);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static final AssetKind VIEW = AssetKind.SQL_VIEW;

  /** Waits for {@code call}; its failure (unwrapped), or null when it succeeded. */
  private static Throwable outcome(CompletableFuture<?> call) {
    try {
      call.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      return e;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Asserts that the asset at {@code ref} is exactly {@code before}, history included. */
  private void assertUnchanged(AssetRef ref, Asset before) {
    assertThat(get(ref)).as("the asset at %s", ref).contains(before);
    assertThat(await(store().assets().getById(tenant, before.id()))).contains(before);
    List<MetadataLocation> history = history(ref);
    assertThat(history.stream().map(MetadataLocation::location).findFirst())
        .as("the newest history entry of %s", ref)
        .isEqualTo(before.metadataLocation());
  }

  private void assertNotRenamed(AssetRef from, Asset before, AssetRef to) {
    assertUnchanged(from, before);
    assertThat(get(to)).as("the rename's target %s", to).isEmpty();
    assertThat(Optional.of(before.ref())).contains(from);
  }
}
