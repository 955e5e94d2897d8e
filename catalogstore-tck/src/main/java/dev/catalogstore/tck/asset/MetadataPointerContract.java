package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of the metadata pointer (DESIGN §2.6): {@code assets().commitMetadataLocation} is an
 * atomic compare-and-set on an asset's current metadata location, that tells a missing asset
 * ({@code NotFoundException}) apart from a lost race ({@code ConflictException} carrying the stored
 * location). Its history is specified by {@link MetadataHistoryContract}, concurrent writers by
 * {@link MetadataPointerRacesContract}.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MetadataPointerContract extends MetadataPointerSuite {
  @Test
  void theFirstCommitExpectsNoLocation() {
    AssetRef orders = tableWithoutMetadata("orders");

    Asset committed =
        await(store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(v(1))));

    assertThat(committed.metadataLocation()).contains(v(1));
    assertThat(get(orders)).contains(committed);
    assertThat(history(orders))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.sequence()).isEqualTo(1);
              assertThat(entry.location()).isEqualTo(v(1));
              assertThat(entry.previousLocation()).isEmpty();
            });
  }

  @Test
  void eachCommitReplacesTheLocationItExpects() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset created = get(orders).orElseThrow();

    Asset second =
        await(
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    Asset third =
        await(
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(2), v(3))));

    assertThat(second.metadataLocation()).contains(v(2));
    assertThat(third.metadataLocation()).contains(v(3));
    for (Asset committed : List.of(second, third)) {
      assertThat(committed.id()).isEqualTo(created.id());
      assertThat(committed.ref()).isEqualTo(orders);
      assertThat(committed.kind()).isEqualTo(created.kind());
      assertThat(committed.location()).isEqualTo(created.location());
      assertThat(committed.properties()).isEqualTo(created.properties());
      assertThat(committed.createdAt()).isEqualTo(created.createdAt());
    }
    assertThat(second.updatedAt()).isAfterOrEqualTo(created.updatedAt());
    assertThat(third.updatedAt()).isAfterOrEqualTo(second.updatedAt());
    assertThat(get(orders)).contains(third);
  }

  @Test
  void aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    await(
        store()
            .assets()
            .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));
    Asset before = get(orders).orElseThrow();
    List<MetadataLocation> historyBefore = history(orders);

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(3))));

    assertThat(conflict.currentValue()).contains(v(2));
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).isEqualTo(historyBefore);
  }

  @Test
  void expectingALocationWhereNoneIsStoredIsAConflictWithoutACurrentValue() {
    AssetRef orders = tableWithoutMetadata("orders");
    Asset before = get(orders).orElseThrow();

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(2))));

    assertThat(conflict.currentValue()).isEmpty();
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).isEmpty();
  }

  @Test
  void expectingNoLocationWhereOneIsStoredIsAConflict() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();

    ConflictException conflict =
        assertFails(
            ConflictException.class,
            () ->
                store()
                    .assets()
                    .commitMetadataLocation(tenant, orders, MetadataCommit.first(v(2))));

    assertThat(conflict.currentValue()).contains(v(1));
    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }

  @Test
  void aCommitToAMissingAssetIsNotFoundNeverAConflict() {
    AssetRef deleted = tableWithMetadata("deleted", v(1));
    await(store().assets().delete(tenant, deleted));
    List<AssetRef> missing =
        List.of(
            assetOnMain(sales, "never-existed"),
            deleted,
            AssetRef.onMain(CATALOG, path("no-such-namespace"), "orders"),
            AssetRef.onMain("no-such-catalog", sales.path(), "orders"),
            new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "orders"));

    for (AssetRef ref : missing) {
      assertFails(
          NotFoundException.class,
          () -> store().assets().commitMetadataLocation(tenant, ref, MetadataCommit.first(v(2))));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .assets()
                  .commitMetadataLocation(tenant, ref, MetadataCommit.replacing(v(1), v(2))));
    }

    assertThat(get(deleted)).as("a failed commit does not create the asset").isEmpty();
  }

  @Test
  void aCommitRejectsBadInputNamingTheFieldAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();
    MetadataCommit good = MetadataCommit.replacing(v(1), v(2));

    assertInvalid("tenant", () -> store().assets().commitMetadataLocation(null, orders, good));
    assertInvalid("asset", () -> store().assets().commitMetadataLocation(tenant, null, good));
    assertInvalid(
        "asset.namespace",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders.inNamespace(NamespacePath.ROOT), good));
    assertInvalid(
        "asset.name",
        () ->
            store().assets().commitMetadataLocation(tenant, orders.withName("or\u0000ders"), good));
    assertInvalid("commit", () -> store().assets().commitMetadataLocation(tenant, orders, null));
    assertInvalid(
        "commit.next",
        () -> store().assets().commitMetadataLocation(tenant, orders, MetadataCommit.first(null)));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), " ")));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1), v(2) + "\u0007")));
    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1), "s3://" + "x".repeat(4096))));
    assertInvalid(
        "commit.expected",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing("", v(2))));
    assertInvalid(
        "commit.expected",
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, orders, MetadataCommit.replacing(v(1) + "\u0000", v(2))));

    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }

  /**
   * Swapping a location for itself would let every concurrent writer holding it "win", each
   * appending a history entry, so the exactly-one-winner rule requires {@code next} to differ.
   */
  @Test
  void aCommitWhoseNextIsItsExpectedLocationIsInvalidAndChangesNothing() {
    AssetRef orders = tableWithMetadata("orders", v(1));
    Asset before = get(orders).orElseThrow();

    assertInvalid(
        "commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocation(tenant, orders, MetadataCommit.replacing(v(1), v(1))));

    assertThat(get(orders)).contains(before);
    assertThat(history(orders)).hasSize(1);
  }
}
