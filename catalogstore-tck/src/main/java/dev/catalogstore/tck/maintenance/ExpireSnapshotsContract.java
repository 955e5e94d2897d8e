package dev.catalogstore.tck.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maintenance().expireSnapshots}: under a frozen clock, each history entry is committed a
 * day after the previous. A run prunes exactly the entries committed strictly before now minus the
 * retention whose location nothing references: never the current location, never one a tagged
 * commit or another branch's head (of this asset or any other) holds, never one an entry it keeps
 * holds. It returns the pruned entries oldest first, leaves the kept ones with their sequence
 * numbers (a history with gaps, which still pages), and records one audit event per run.
 */
public abstract class ExpireSnapshotsContract extends MaintenanceSuite {

  @BeforeEach
  void freezeTheClockAndCreateTheLake() {
    freezeClock();
    createLake();
  }

  private ExpiredSnapshots expire(AssetRef asset, Duration retention) {
    return await(store().maintenance().expireSnapshots(tenant, asset, retention, OPERATOR));
  }

  /** Builds {@code orders} with versions {@code names}, one a day from {@link #T0}. */
  private void versions(String... names) {
    createTable(ORDERS, loc(names[0]));
    for (int i = 1; i < names.length; i++) {
      commit(ORDERS, loc(names[i - 1]), loc(names[i]));
    }
  }

  @Test
  void onlyEntriesCommittedStrictlyBeforeNowMinusTheRetentionArePruned() {
    versions("v1", "v2", "v3", "v4");
    List<MetadataLocation> before = history(ORDERS);

    ExpiredSnapshots expired = expire(ORDERS, Duration.ofDays(2));

    // now is T0+4d: the cutoff T0+2d is v3's commit time, which is not before it.
    assertThat(expired.cutoff()).isEqualTo(T0.plus(Duration.ofDays(2)));
    assertThat(expired.pruned()).containsExactly(before.get(0), before.get(1));
    assertThat(locations(ORDERS)).containsExactly(loc("v3"), loc("v4"));
  }

  @Test
  void theCurrentLocationIsNeverPruned() {
    versions("v1", "v2");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.locations()).containsExactly(loc("v1"));
    assertThat(locations(ORDERS)).containsExactly(loc("v2"));
    assertThat(await(store().assets().get(tenant, ORDERS)).orElseThrow().metadataLocation())
        .contains(loc("v2"));
  }

  @Test
  void anAssetWithOnlyItsCurrentLocationLosesNothing() {
    versions("v1");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.pruned()).isEmpty();
    assertThat(locations(ORDERS)).containsExactly(loc("v1"));
  }

  @Test
  void aLocationATagReachesIsNeverPruned() {
    createTable(ORDERS, loc("v1"));
    commit(ORDERS, loc("v1"), loc("v2"));
    tagMain("release");
    commit(ORDERS, loc("v2"), loc("v3"));

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.locations()).containsExactly(loc("v1"));
    assertThat(locations(ORDERS)).containsExactly(loc("v2"), loc("v3"));
  }

  @Test
  void aLocationATagOnAnOlderCommitReachesIsNeverPruned() {
    createTable(ORDERS, loc("v1"));
    tagMain("first");
    commit(ORDERS, loc("v1"), loc("v2"));
    commit(ORDERS, loc("v2"), loc("v3"));
    commit(ORDERS, loc("v3"), loc("v4"));

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.locations()).containsExactly(loc("v2"), loc("v3"));
    assertThat(locations(ORDERS)).containsExactly(loc("v1"), loc("v4"));
  }

  @Test
  void aLocationAnotherBranchsHeadHoldsIsNeverPruned() {
    createTable(ORDERS, loc("v1"));
    branchDev();
    commit(ORDERS, loc("v1"), loc("v2"));
    commit(ORDERS, loc("v2"), loc("v3"));

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.locations()).containsExactly(loc("v2"));
    assertThat(locations(ORDERS)).containsExactly(loc("v1"), loc("v3"));
  }

  @Test
  void aLocationAnotherAssetHoldsIsNeverPruned() {
    versions("v1", "v2", "v3");
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(SALES, "copy"),
                NewAsset.icebergTable("s3://c", loc("v1"))));

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.locations()).containsExactly(loc("v2"));
    assertThat(locations(ORDERS)).containsExactly(loc("v1"), loc("v3"));
  }

  @Test
  void aLocationAKeptEntryAlsoHoldsIsNeverPruned() {
    // v1 at T0, v2 at T0+1d, v1 again at T0+2d, v3 at T0+3d; now T0+4d.
    versions("v1", "v2", "v1", "v3");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ofHours(60));

    // cutoff T0+1.5d: v1 and v2 are candidates, but the v1 of T0+2d is kept, and so is its location
    assertThat(expired.locations()).containsExactly(loc("v2"));
    assertThat(locations(ORDERS)).containsExactly(loc("v1"), loc("v1"), loc("v3"));
  }

  @Test
  void thePrunedEntriesComeOldestFirstWithTheirDistinctLocations() {
    versions("v1", "v2", "v1", "v3");
    List<MetadataLocation> before = history(ORDERS);

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.pruned()).containsExactly(before.get(0), before.get(1), before.get(2));
    assertThat(expired.pruned()).extracting(MetadataLocation::sequence).isSorted();
    assertThat(expired.locations()).containsExactly(loc("v1"), loc("v2"));
    assertThat(history(ORDERS)).containsExactly(before.get(3));
  }

  @Test
  void theEntriesKeptKeepTheirSequencesAndTheHistoryWithGapsStillPages() {
    createTable(ORDERS, loc("v1"));
    commit(ORDERS, loc("v1"), loc("v2"));
    commit(ORDERS, loc("v2"), loc("v3"));
    tagMain("release");
    commit(ORDERS, loc("v3"), loc("v4"));
    commit(ORDERS, loc("v4"), loc("v5"));
    List<MetadataLocation> before = history(ORDERS);

    expire(ORDERS, Duration.ZERO);

    List<MetadataLocation> paged = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    for (int pages = 0; pages < 10; pages++) {
      Page<MetadataLocation> page = await(store().assets().history(tenant, ORDERS, request));
      paged.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 1);
    }
    assertThat(paged)
        .as("the history read a page of one at a time")
        .containsExactly(before.get(4), before.get(2));
    assertThat(paged)
        .extracting(MetadataLocation::sequence)
        .containsExactly(before.get(4).sequence(), before.get(2).sequence());
  }

  @Test
  void aZeroRetentionPrunesEverythingNotReferenced() {
    versions("v1", "v2", "v3", "v4", "v5");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    assertThat(expired.cutoff()).isEqualTo(T0.plus(Duration.ofDays(5)));
    assertThat(expired.locations()).containsExactly(loc("v1"), loc("v2"), loc("v3"), loc("v4"));
    assertThat(locations(ORDERS)).containsExactly(loc("v5"));
  }

  @Test
  void aRetentionLongerThanTheHistoryPrunesNothing() {
    versions("v1", "v2", "v3");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ofDays(30));

    assertThat(expired.pruned()).isEmpty();
    assertThat(locations(ORDERS)).containsExactly(loc("v1"), loc("v2"), loc("v3"));
  }

  @Test
  void aSecondRunFindsNothingMoreToPrune() {
    versions("v1", "v2", "v3");
    expire(ORDERS, Duration.ZERO);

    ExpiredSnapshots again = expire(ORDERS, Duration.ZERO);

    assertThat(again.pruned()).isEmpty();
    assertThat(locations(ORDERS)).containsExactly(loc("v3"));
  }

  @Test
  void aRunOnOneBranchLeavesTheHistoryOfTheOtherBranchesAlone() {
    versions("v1", "v2");
    branchDev();
    commit(ORDERS_ON_DEV, loc("v2"), loc("d1"));
    commit(ORDERS_ON_DEV, loc("d1"), loc("d2"));
    List<MetadataLocation> mainBefore = history(ORDERS);

    ExpiredSnapshots expired = expire(ORDERS_ON_DEV, Duration.ZERO);

    assertThat(expired.locations()).contains(loc("d1")).doesNotContain(loc("v2"), loc("d2"));
    assertThat(history(ORDERS)).isEqualTo(mainBefore);
    assertThat(locations(ORDERS_ON_DEV)).contains(loc("d2")).doesNotContain(loc("d1"));
  }

  @Test
  void eachRunRecordsAnAuditEventOfTheActorNamingTheAsset() {
    versions("v1", "v2", "v3");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    AuditEvent event =
        assertRunRecorded(expired.auditEvent(), "maintenance.expireSnapshots", OPERATOR, ORDERS);
    assertThat(event.details()).containsEntry("pruned", "2");
    assertThat(event.occurredAt()).isEqualTo(T0.plus(Duration.ofDays(3)));
    assertThat(
            await(
                store()
                    .audit()
                    .count(tenant, AuditFilter.ALL.withAction("maintenance.expireSnapshots"))))
        .isEqualTo(1);
  }

  @Test
  void aRunThatPrunesNothingIsRecordedToo() {
    versions("v1");

    ExpiredSnapshots expired = expire(ORDERS, Duration.ZERO);

    AuditEvent event =
        assertRunRecorded(expired.auditEvent(), "maintenance.expireSnapshots", OPERATOR, ORDERS);
    assertThat(event.details()).containsEntry("pruned", "0");
  }

  @Test
  void aRunWithoutAnActorIsRecordedAsTheSystem() {
    versions("v1", "v2");

    ExpiredSnapshots expired =
        await(store().maintenance().expireSnapshots(tenant, ORDERS, Duration.ZERO));

    assertThat(expired.locations()).containsExactly(loc("v1"));
    assertRunRecorded(
        expired.auditEvent(), "maintenance.expireSnapshots", AuditActor.SYSTEM, ORDERS);
  }
}
