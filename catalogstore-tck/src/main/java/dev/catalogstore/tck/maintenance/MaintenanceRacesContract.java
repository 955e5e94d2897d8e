package dev.catalogstore.tck.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.Race;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Maintenance runs racing each other, on the store and its peer: each history entry is pruned by
 * exactly one run, every run records its own event, and the events' counts add up to what was
 * pruned, as they would if the prune and its event were one atomic step.
 */
public abstract class MaintenanceRacesContract extends MaintenanceSuite {

  @BeforeEach
  void buildSixVersions() {
    freezeClock();
    createLake();
    createTable(ORDERS, loc("v1"));
    for (int v = 2; v <= 6; v++) {
      commit(ORDERS, loc("v" + (v - 1)), loc("v" + v));
    }
  }

  @Test
  void racingExpiriesPruneEachEntryExactlyOnce() {
    List<MetadataLocation> before = history(ORDERS);

    List<Race.Outcome<ExpiredSnapshots>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store.maintenance().expireSnapshots(tenant, ORDERS, Duration.ZERO, OPERATOR));

    assertThat(outcomes).allMatch(Race.Outcome::succeeded);
    List<MetadataLocation> pruned = new ArrayList<>();
    outcomes.forEach(o -> pruned.addAll(o.value().pruned()));
    assertThat(pruned)
        .as("the entries pruned over all runs")
        .containsExactlyInAnyOrderElementsOf(before.subList(0, 5));
    assertThat(locations(ORDERS)).containsExactly(loc("v6"));
    List<AuditEvent> events =
        PagedReads.all(
            page ->
                store()
                    .audit()
                    .list(tenant, AuditFilter.ALL.withAction("maintenance.expireSnapshots"), page));
    assertThat(events).hasSize(Race.RACERS);
    assertThat(events.stream().mapToInt(e -> Integer.parseInt(e.details().get("pruned"))).sum())
        .as("the entries the runs' events say they pruned")
        .isEqualTo(5);
  }

  @Test
  void racingSweepsForgetEachEntryExactlyOnce() {
    Instant olderThan = T0.plus(Duration.ofDays(30));

    List<Race.Outcome<OrphanFiles>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                racer % 2 == 0
                    ? store.maintenance().removeOrphanFiles(tenant, ORDERS, olderThan, OPERATOR)
                    : store
                        .maintenance()
                        .expireSnapshots(tenant, ORDERS, Duration.ZERO, OPERATOR)
                        .thenApply(
                            e ->
                                new OrphanFiles(
                                    olderThan, e.locations(), e.pruned().size(), e.auditEvent())));

    assertThat(outcomes).allMatch(Race.Outcome::succeeded);
    assertThat(outcomes.stream().mapToLong(o -> o.value().entriesRemoved()).sum())
        .as("entries removed over all runs")
        .isEqualTo(5);
    assertThat(locations(ORDERS)).containsExactly(loc("v6"));
    assertThat(await(store().audit().count(tenant, AuditFilter.ALL))).isEqualTo(Race.RACERS);
  }
}
