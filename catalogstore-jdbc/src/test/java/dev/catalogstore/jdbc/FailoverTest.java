package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Failover without loss, on two real PostgreSQL servers of this test's own ({@link
 * ReplicatedPostgres}): a primary and its synchronous streaming standby, the store configured with
 * both hosts and {@code targetServerType=primary}.
 *
 * <p>{@value #CHAINS} writers keep a call each in flight on a pool of {@value #POOL} (creates of
 * namespaces and tables, metadata commits, property updates). Mid-load the standby is promoted and
 * the old primary stopped as by a crash ({@code immediate}). Then: every write the store
 * acknowledged is on the new primary, read through the store and straight from its tables; no call
 * failed before the promotion, and every call that failed did so with {@code UnavailableException};
 * the same store instance serves on the new primary within {@link #RECOVERY_BOUND} of the start of
 * the old primary's stop, and every call made later succeeds; and each table's metadata history is
 * one unbroken chain. The numbers it measures are printed.
 */
class FailoverTest {
  private static final int POOL = 4;
  private static final int CHAINS = 40;

  /** The store's connectionTimeout. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How soon after the start of the old primary's stop the store must serve on the new one
   * (documented in the README's "Failover" section).
   */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(3);

  private static final Duration LOAD_BEFORE = Duration.ofMillis(1500);

  /**
   * How long the load goes on after the start of the old primary's stop: past the bound long enough
   * that every chain makes calls after it, which must all succeed.
   */
  private static final Duration LOAD_AFTER = RECOVERY_BOUND.plusSeconds(3);

  private static final String SCHEMA = "failover";

  private static ReplicatedPostgres servers;

  @BeforeAll
  static void startServers() throws Exception {
    servers = ReplicatedPostgres.start();
  }

  @AfterAll
  static void stopServers() {
    if (servers != null) {
      servers.close();
    }
  }

  @Test
  void afterPromotingTheSynchronousStandbyTheSameStoreServesWithEveryAcknowledgedWrite()
      throws Exception {
    JdbcStoreConfig config =
        JdbcStoreConfig.builder()
            .jdbcUrl(servers.primaryUrl())
            .schema(SCHEMA)
            .maximumPoolSize(POOL)
            .maximumQueuedCalls(100_000)
            .connectionTimeout(CONNECTION_TIMEOUT)
            .queryTimeout(Duration.ofSeconds(5))
            .build();
    FailoverLoad load;
    long promoting;
    long promoted;
    long stopping;
    long stopped;
    int inFlightAtPromotion;
    int acknowledgedBefore;
    try (JdbcCatalogStore store = JdbcCatalogStore.open(config)) {
      load = new FailoverLoad(store, CHAINS, POOL * 4);
      load.setUp();
      load.start();
      Thread.sleep(LOAD_BEFORE.toMillis());

      acknowledgedBefore = load.acknowledgedWrites();
      inFlightAtPromotion = load.inFlight();
      promoting = System.nanoTime();
      servers.promoteStandby();
      promoted = System.nanoTime();
      stopping = System.nanoTime();
      servers.stopPrimaryImmediately();
      stopped = System.nanoTime();
      Thread.sleep(Math.max(0, millis(stopping + LOAD_AFTER.toNanos() - System.nanoTime())));
      load.stop();

      Stats stats = Stats.of(load.outcomes(), promoting, stopping);
      FailoverLoad.Check throughStore = load.checkThroughStore();
      FailoverLoad.Check direct;
      boolean standbyInRecovery;
      try (Connection connection = ReplicatedPostgres.connect(servers.standby())) {
        standbyInRecovery = inRecovery(connection);
        direct = load.checkDirectly(connection, SCHEMA);
      }

      System.out.printf(
          "FailoverTest (%s): %d writers, pool %d; %d writes acknowledged before the promotion,"
              + " %d calls in flight at it, %d calls completed before it of which %d failed;"
              + " promotion took %d ms, the old primary's stop %d ms; %d calls succeeded, %d"
              + " failed, all with UnavailableException: %s; first write acknowledged by the new"
              + " primary %d ms after the start of the old primary's stop (bound %d ms); %d calls made later than the bound, %d of them failed;"
              + " %d writes acknowledged in all, %d after the stop began; acknowledged writes"
              + " checked through the store %d, missing %d; straight from the new primary's"
              + " tables %d, missing %d; broken history chains %d%n",
          servers.describe(),
          CHAINS,
          POOL,
          acknowledgedBefore,
          inFlightAtPromotion,
          stats.completedBeforePromotion,
          stats.failedBeforePromotion,
          millis(promoted - promoting),
          millis(stopped - stopping),
          stats.succeeded,
          stats.failed,
          load.unexpected().isEmpty(),
          millis(stats.firstWriteAfterStopping - stopping),
          RECOVERY_BOUND.toMillis(),
          stats.callsMadeAfterBound,
          stats.failuresMadeAfterBound,
          load.acknowledgedWrites(),
          stats.writesAcknowledgedAfterStopping,
          throughStore.checked(),
          throughStore.missing().size(),
          direct.checked(),
          direct.missing().size(),
          throughStore.brokenChains().size() + direct.brokenChains().size());

      assertThat(load.unexpected()).as("failures other than UnavailableException").isEmpty();
      assertThat(acknowledgedBefore).as("writes acknowledged before the promotion").isPositive();
      assertThat(stats.completedBeforePromotion)
          .as("calls completed before the promotion")
          .isGreaterThanOrEqualTo(acknowledgedBefore);
      assertThat(stats.failedBeforePromotion)
          .as("calls completed before the promotion that failed, with both servers up")
          .isZero();
      assertThat(inFlightAtPromotion).as("calls in flight at the promotion").isPositive();
      assertThat(standbyInRecovery).as("the promoted standby still in recovery").isFalse();
      assertThat(servers.isRunning(servers.primary())).as("the old primary running").isFalse();
      assertThat(stats.firstWriteAfterStopping)
          .as("a write acknowledged after the old primary's stop began")
          .isNotEqualTo(Long.MAX_VALUE);
      assertThat(millis(stats.firstWriteAfterStopping - stopping))
          .as("from the start of the old primary's stop to the first write the new primary acked")
          .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
      assertThat(stats.callsMadeAfterBound)
          .as("calls made later than the bound after the stop began (at least one per writer)")
          .isGreaterThanOrEqualTo(CHAINS);
      assertThat(stats.failuresMadeAfterBound)
          .as("calls made later than the bound after the stop began that failed")
          .isZero();
      assertThat(stats.writesAcknowledgedAfterStopping)
          .as("writes acknowledged by the new primary")
          .isPositive();
      assertThat(throughStore.missing())
          .as("acknowledged writes missing, through the store")
          .isEmpty();
      assertThat(direct.missing()).as("acknowledged writes missing from the new primary").isEmpty();
      assertThat(throughStore.checked()).isEqualTo(load.acknowledgedWrites());
      assertThat(direct.checked()).isEqualTo(load.acknowledgedWrites());
      assertThat(throughStore.brokenChains()).as("histories with a gap or a fork").isEmpty();
      assertThat(direct.brokenChains())
          .as("histories with a gap or a fork, in the tables")
          .isEmpty();
    }
    assertThat(load.inFlight()).isZero();
  }

  private static boolean inRecovery(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT pg_is_in_recovery()")) {
      rows.next();
      return rows.getBoolean(1);
    }
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /** The calls' outcomes around the promotion and the old primary's stop. */
  private record Stats(
      long succeeded,
      long failed,
      long completedBeforePromotion,
      long failedBeforePromotion,
      long firstWriteAfterStopping,
      long callsMadeAfterBound,
      long failuresMadeAfterBound,
      long writesAcknowledgedAfterStopping) {

    static Stats of(List<FailoverLoad.Outcome> outcomes, long promoting, long stopping) {
      long succeeded = 0;
      long failed = 0;
      long completedBefore = 0;
      long failedBefore = 0;
      long firstWrite = Long.MAX_VALUE;
      long callsAfterBound = 0;
      long failuresAfterBound = 0;
      long writesAfterStopping = 0;
      for (FailoverLoad.Outcome outcome : outcomes) {
        boolean beforePromotion = outcome.completed() - promoting < 0;
        boolean afterBound = outcome.submitted() - stopping > RECOVERY_BOUND.toNanos();
        if (beforePromotion) {
          completedBefore++;
        }
        if (afterBound) {
          callsAfterBound++;
        }
        if (outcome.ok()) {
          succeeded++;
          // Once the standby is promoted the old primary acknowledges no write (it waits for a
          // standby that no longer follows it), so a write made after the promotion began and
          // acknowledged after the stop began was committed on the new primary; one made before
          // could be the old primary's, its reply merely late on a loaded machine.
          if (outcome.write()
              && outcome.submitted() - promoting > 0
              && outcome.completed() - stopping > 0) {
            firstWrite = Math.min(firstWrite, outcome.completed());
            writesAfterStopping++;
          }
        } else {
          failed++;
          if (beforePromotion) {
            failedBefore++;
          }
          if (afterBound) {
            failuresAfterBound++;
          }
        }
      }
      return new Stats(
          succeeded,
          failed,
          completedBefore,
          failedBefore,
          firstWrite,
          callsAfterBound,
          failuresAfterBound,
          writesAfterStopping);
    }
  }
}
