package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Specifies the guarded delete. A guarded change ({@link AssetExpectation}) happens only if the
 * asset at the given coordinates is still the one the caller read. Each attribute an expectation
 * names (id, kind, metadata location, or "no metadata location") is checked atomically with the
 * change; a mismatch fails with {@code ConflictException} whose {@code currentValue()} is the
 * stored value of the first attribute that differs, and changes nothing. {@link
 * AssetExpectation#ANY} behaves exactly like the unguarded call; an absent asset is {@code
 * NotFoundException}, never a conflict. A guarded delete racing a replacement never drops the
 * replacement.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class GuardedDeleteContract extends GuardedChangeSuite {
  private static final AssetKind VIEW = AssetKind.SQL_VIEW;

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
}
