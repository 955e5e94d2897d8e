package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TimeSuite;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time of the {@code assets()} facet: its timestamps come from the store's clock, cut to
 * microseconds (see {@link TimeSuite}; skipped without a controllable clock). Every mutating method
 * ({@code create}, {@code rename}, {@code updateProperties}, {@code commitMetadataLocation}) is
 * checked under a clock frozen at an instant with nanoseconds: a create sets {@code createdAt ==
 * updatedAt == now}; every later success sets {@code updatedAt} to now and keeps {@code createdAt},
 * as every read path shows; a metadata commit stamps its history entry with now; a failed call
 * changes no timestamp.
 */
public abstract class AssetTimeContract extends TimeSuite {
  private static final Instant LATER_MICROS = T0_MICROS.plus(LATER);

  private TenantId tenant;
  private NamespaceRef db;
  private AssetRef table;

  @BeforeEach
  void createTenantWithCatalogAndNamespace() {
    tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    db = newNamespaces(tenant, "cat", "db");
    table = assetOnMain(db, "t");
  }

  @Test
  void anAssetIsStampedByTheStoresClockOnCreateAndUpdate() {
    Asset created =
        await(store().assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset updated =
        await(store().assets().updateProperties(tenant, table, PropertyUpdate.setting("k", "v")));

    assertStamped(
        created.createdAt(), created.updatedAt(), updated.createdAt(), updated.updatedAt());
    assertEveryReadPathShows(updated);
  }

  @Test
  void aCreateIsStampedOnceAndEveryReadPathAgrees() {
    Asset created =
        await(
            store()
                .assets()
                .create(tenant, table, NewAsset.icebergTable("s3://t", "s3://t/1.json")));
    clock.advance(LATER);

    assertThat(created.createdAt()).as("createdAt").isEqualTo(T0_MICROS);
    assertThat(created.updatedAt()).as("updatedAt").isEqualTo(T0_MICROS);
    assertEveryReadPathShows(created);
    assertThat(history(table))
        .singleElement()
        .extracting(MetadataLocation::committedAt)
        .as("committedAt of the initial metadata location")
        .isEqualTo(T0_MICROS);
  }

  @Test
  void aRenameMovesUpdatedAtAndKeepsCreatedAt() {
    await(store().assets().create(tenant, table, NewAsset.of(AssetKind.DELTA_TABLE)));
    clock.advance(LATER);
    NamespaceRef archive = newNamespaces(tenant, "cat", "archive");

    Asset renamed = await(store().assets().rename(tenant, table, table.withName("t2")));
    clock.advance(LATER);
    Asset moved = await(store().assets().rename(tenant, renamed.ref(), assetOnMain(archive, "t2")));

    assertStamped(T0_MICROS, T0_MICROS, renamed.createdAt(), renamed.updatedAt());
    assertThat(moved.createdAt()).as("createdAt after a move").isEqualTo(T0_MICROS);
    assertThat(moved.updatedAt()).as("updatedAt after a move").isEqualTo(LATER_MICROS.plus(LATER));
    assertEveryReadPathShows(moved);
  }

  @Test
  void aMetadataCommitIsStampedByTheStoresClock() {
    await(store().assets().create(tenant, table, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    clock.advance(LATER);
    Asset committed =
        await(
            store()
                .assets()
                .commitMetadataLocation(tenant, table, MetadataCommit.first("s3://b/v1.json")));

    assertThat(committed.updatedAt())
        .as("updatedAt of the committed asset")
        .isEqualTo(LATER_MICROS);
    assertThat(committed.createdAt()).as("createdAt of the committed asset").isEqualTo(T0_MICROS);
    assertThat(
            await(store().assets().history(tenant, table, PageRequest.firstPage()))
                .items()
                .get(0)
                .committedAt())
        .as("committedAt of the history entry")
        .isEqualTo(LATER_MICROS);
    assertEveryReadPathShows(committed);
  }

  @Test
  void eachHistoryEntryKeepsTheTimeItWasCommitted() {
    await(store().assets().create(tenant, table, NewAsset.icebergTable("s3://t", "s3://t/1.json")));
    clock.advance(LATER);
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, table, MetadataCommit.replacing("s3://t/1.json", "s3://t/2.json")));
    clock.advance(LATER);
    await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, table, MetadataCommit.replacing("s3://t/2.json", "s3://t/3.json")));
    clock.advance(LATER);
    await(store().assets().rename(tenant, table, table.withName("t2")));

    assertThat(history(table.withName("t2")))
        .extracting(MetadataLocation::committedAt)
        .containsExactly(T0_MICROS.plus(LATER).plus(LATER), T0_MICROS.plus(LATER), T0_MICROS);
  }

  @Test
  void anEmptyPropertyUpdateStillMovesUpdatedAt() {
    await(store().assets().create(tenant, table, NewAsset.of(AssetKind.FILE)));
    clock.advance(LATER);

    Asset updated = await(store().assets().updateProperties(tenant, table, PropertyUpdate.NONE));

    assertStamped(T0_MICROS, T0_MICROS, updated.createdAt(), updated.updatedAt());
    assertEveryReadPathShows(updated);
  }

  @Test
  void aFailedCallChangesNoTimestamp() {
    Asset created =
        await(
            store()
                .assets()
                .create(tenant, table, NewAsset.icebergTable("s3://t", "s3://t/1.json")));
    await(store().assets().create(tenant, table.withName("taken"), NewAsset.of(AssetKind.FILE)));
    clock.advance(LATER);

    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    tenant, table, MetadataCommit.replacing("s3://t/0.json", "s3://t/2.json")));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().rename(tenant, table, table.withName("taken")));
    assertFails(
        NotFoundException.class,
        () ->
            store()
                .assets()
                .rename(tenant, table, AssetRef.onMain("cat", path("no-such-namespace"), "t")));
    assertInvalid(
        "update.remove",
        () ->
            store().assets().updateProperties(tenant, table, PropertyUpdate.removing(Set.of(""))));
    assertFails(
        AlreadyExistsException.class,
        () -> store().assets().create(tenant, table, NewAsset.of(AssetKind.FILE)));

    assertEveryReadPathShows(created);
    assertThat(history(table))
        .singleElement()
        .extracting(MetadataLocation::committedAt)
        .isEqualTo(T0_MICROS);
  }

  /** Asserts that get, getById and list all return exactly {@code expected}. */
  private void assertEveryReadPathShows(Asset expected) {
    assertThat(await(store().assets().get(tenant, expected.ref()))).as("get").contains(expected);
    assertThat(await(store().assets().getById(tenant, expected.id())))
        .as("getById")
        .contains(expected);
    assertThat(
            PagedReads.all(
                page ->
                    store()
                        .assets()
                        .list(
                            tenant,
                            BranchRef.main(expected.ref().catalog()),
                            expected.ref().namespace(),
                            page)))
        .as("list")
        .filteredOn(a -> a.id().equals(expected.id()))
        .containsExactly(expected);
  }

  private List<MetadataLocation> history(AssetRef ref) {
    return PagedReads.all(page -> store().assets().history(tenant, ref, page));
  }
}
