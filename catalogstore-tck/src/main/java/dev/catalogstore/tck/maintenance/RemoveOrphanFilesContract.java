package dev.catalogstore.tck.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.maintenance.OrphanFiles;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code maintenance().removeOrphanFiles}: under a frozen clock, it sweeps the history entries of
 * the asset's address (namespace and name) on every branch of the catalog, forgetting those
 * committed before {@code olderThan} whose location nothing references (a branch head, a tagged
 * commit, an entry kept), and returns their distinct locations in code-point order with the number
 * of entries removed; it records one audit event per run.
 *
 * <p>Each test builds {@code orders} on main: v1 at T0, v2 at T0+1d, v3 at T0+2d; branch dev from
 * there, where {@code orders} moves to d1 at T0+3d and d2 at T0+4d; now is T0+5d.
 */
public abstract class RemoveOrphanFilesContract extends MaintenanceSuite {

  @BeforeEach
  void buildTwoBranchesOfOrders() {
    freezeClock();
    createLake();
    createTable(ORDERS, loc("v1"));
    commit(ORDERS, loc("v1"), loc("v2"));
    commit(ORDERS, loc("v2"), loc("v3"));
    branchDev();
    commit(ORDERS_ON_DEV, loc("v3"), loc("d1"));
    commit(ORDERS_ON_DEV, loc("d1"), loc("d2"));
  }

  private OrphanFiles sweep(AssetRef asset, Instant olderThan) {
    return await(store().maintenance().removeOrphanFiles(tenant, asset, olderThan, OPERATOR));
  }

  /** How many entries of both branches hold one of {@code locations} and predate the cutoff. */
  private long entriesOf(Set<String> locations, Instant olderThan) {
    return Stream.concat(history(ORDERS).stream(), history(ORDERS_ON_DEV).stream())
        .filter(e -> locations.contains(e.location()) && e.committedAt().isBefore(olderThan))
        .count();
  }

  private List<String> everyLocationOfBothBranches() {
    return Stream.concat(locations(ORDERS).stream(), locations(ORDERS_ON_DEV).stream()).toList();
  }

  @Test
  void itSweepsTheAddressOnEveryBranchKeepingWhatTheHeadsHold() {
    Instant now = T0.plus(Duration.ofDays(5));
    long expectedEntries = entriesOf(Set.of(loc("v1"), loc("v2"), loc("d1")), now);

    OrphanFiles orphans = sweep(ORDERS, now);

    assertThat(orphans.olderThan()).isEqualTo(now);
    assertThat(orphans.locations())
        .as("in code-point order")
        .containsExactly(loc("d1"), loc("v1"), loc("v2"));
    assertThat(orphans.entriesRemoved()).isEqualTo(expectedEntries).isGreaterThanOrEqualTo(3);
    assertThat(everyLocationOfBothBranches())
        .doesNotContain(loc("v1"), loc("v2"), loc("d1"))
        .contains(loc("v3"), loc("d2"));
    assertThat(await(store().assets().get(tenant, ORDERS)).orElseThrow().metadataLocation())
        .contains(loc("v3"));
    assertThat(await(store().assets().get(tenant, ORDERS_ON_DEV)).orElseThrow().metadataLocation())
        .contains(loc("d2"));
  }

  @Test
  void itSweepsTheSameWhicheverBranchTheAssetIsNamedOn() {
    OrphanFiles orphans = sweep(ORDERS_ON_DEV, T0.plus(Duration.ofDays(5)));

    assertThat(orphans.locations()).containsExactly(loc("d1"), loc("v1"), loc("v2"));
    assertThat(everyLocationOfBothBranches()).doesNotContain(loc("v1"), loc("v2"), loc("d1"));
  }

  @Test
  void onlyEntriesCommittedStrictlyBeforeOlderThanAreSwept() {
    // v2 was committed at T0+1d exactly: not before it.
    OrphanFiles orphans = sweep(ORDERS, T0.plus(Duration.ofDays(1)));

    assertThat(orphans.locations()).containsExactly(loc("v1"));
    assertThat(everyLocationOfBothBranches())
        .doesNotContain(loc("v1"))
        .contains(loc("v2"), loc("d1"));
  }

  @Test
  void aLocationATagReachesIsNeverSwept() {
    tagMain("release");
    commit(ORDERS, loc("v3"), loc("v4"));

    OrphanFiles orphans = sweep(ORDERS, T0.plus(Duration.ofDays(30)));

    assertThat(orphans.locations()).containsExactly(loc("d1"), loc("v1"), loc("v2"));
    assertThat(locations(ORDERS)).contains(loc("v3"), loc("v4"));
  }

  @Test
  void aSecondSweepFindsNoOrphan() {
    sweep(ORDERS, T0.plus(Duration.ofDays(5)));

    OrphanFiles again = sweep(ORDERS, T0.plus(Duration.ofDays(5)));

    assertThat(again.locations()).isEmpty();
    assertThat(again.entriesRemoved()).isZero();
  }

  @Test
  void theLocationsComeInCodePointOrderWhateverTheirCaseOrPunctuation() {
    commit(ORDERS, loc("v3"), loc("Zeta"));
    commit(ORDERS, loc("Zeta"), loc("_mid"));
    commit(ORDERS, loc("_mid"), loc("alpha"));
    commit(ORDERS, loc("alpha"), loc("v9"));

    OrphanFiles orphans = sweep(ORDERS, T0.plus(Duration.ofDays(9)));

    // 'Z' (90) < '_' (95) < 'a' (97) < 'd' < 'v': a collation that folds case or skips
    // punctuation orders these otherwise, and so do the branches and histories they were found in.
    assertThat(orphans.locations())
        .containsExactly(
            loc("Zeta"), loc("_mid"), loc("alpha"), loc("d1"), loc("v1"), loc("v2"), loc("v3"));
  }

  @Test
  void anOlderThanBeforeEverythingSweepsNothing() {
    List<MetadataLocation> mainBefore = history(ORDERS);

    OrphanFiles orphans = sweep(ORDERS, T0);

    assertThat(orphans.locations()).isEmpty();
    assertThat(orphans.entriesRemoved()).isZero();
    assertThat(history(ORDERS)).isEqualTo(mainBefore);
  }

  @Test
  void eachSweepRecordsAnAuditEventOfTheActorNamingTheAsset() {
    OrphanFiles orphans = sweep(ORDERS, T0.plus(Duration.ofDays(5)));

    AuditEvent event =
        assertRunRecorded(orphans.auditEvent(), "maintenance.removeOrphanFiles", OPERATOR, ORDERS);
    assertThat(event.details()).containsEntry("locations", "3");
    assertThat(event.details()).containsEntry("entries", Long.toString(orphans.entriesRemoved()));
  }

  @Test
  void aSweepThatFindsNothingIsRecordedToo() {
    OrphanFiles orphans = sweep(ORDERS, T0);

    AuditEvent event =
        assertRunRecorded(orphans.auditEvent(), "maintenance.removeOrphanFiles", OPERATOR, ORDERS);
    assertThat(event.details()).containsEntry("locations", "0").containsEntry("entries", "0");
  }

  @Test
  void aSweepWithoutAnActorIsRecordedAsTheSystem() {
    OrphanFiles orphans =
        await(store().maintenance().removeOrphanFiles(tenant, ORDERS, T0.plus(Duration.ofDays(5))));

    assertThat(orphans.locations()).containsExactly(loc("d1"), loc("v1"), loc("v2"));
    assertRunRecorded(
        orphans.auditEvent(), "maintenance.removeOrphanFiles", AuditActor.SYSTEM, ORDERS);
  }
}
