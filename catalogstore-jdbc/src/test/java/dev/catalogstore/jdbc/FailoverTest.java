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
 * acknowledged is on the new primary, read through the store and straight from its tables; every
 * call that failed did so with {@code UnavailableException}; the same store instance serves on the
 * new primary within {@link #RECOVERY_BOUND} of the old primary's stop; and each table's metadata
 * history is one unbroken chain. The numbers it measures are printed.
 */
class FailoverTest {
  private static final int POOL = 4;
  private static final int CHAINS = 40;

  /** The store's connectionTimeout. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(3);

  /**
   * How soon after the old primary's stop the store must serve on the new one (documented in the
   * README's "Failover" section).
   */
  private static final Duration RECOVERY_BOUND = Duration.ofSeconds(3);

  private static final Duration LOAD_BEFORE = Duration.ofMillis(1500);
  private static final Duration LOAD_AFTER = Duration.ofSeconds(3);
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
      servers.stopPrimaryImmediately();
      stopped = System.nanoTime();
      Thread.sleep(LOAD_AFTER.toMillis());
      load.stop();

      Stats stats = Stats.of(load.outcomes(), stopped);
      FailoverLoad.Check throughStore = load.checkThroughStore();
      FailoverLoad.Check direct;
      boolean standbyInRecovery;
      try (Connection connection = ReplicatedPostgres.connect(servers.standby())) {
        standbyInRecovery = inRecovery(connection);
        direct = load.checkDirectly(connection, SCHEMA);
      }

      System.out.printf(
          "FailoverTest (%s): %d writers, pool %d; %d writes acknowledged before the promotion,"
              + " %d calls in flight at it; promotion took %d ms, the old primary's stop %d ms;"
              + " %d calls succeeded, %d failed, all with UnavailableException: %s; first write"
              + " acknowledged by the new primary %d ms after the promotion, %d ms after the old"
              + " primary's stop"
              + " (bound %d ms); %d writes acknowledged in all, %d after the stop; acknowledged"
              + " writes checked through the store %d, missing %d; straight from the new"
              + " primary's tables %d, missing %d; broken history chains %d%n",
          servers.describe(),
          CHAINS,
          POOL,
          acknowledgedBefore,
          inFlightAtPromotion,
          millis(promoted - promoting),
          millis(stopped - promoted),
          stats.succeeded,
          stats.failed,
          load.unexpected().isEmpty(),
          millis(stats.firstWriteAfterStop - promoted),
          millis(stats.firstWriteAfterStop - stopped),
          RECOVERY_BOUND.toMillis(),
          load.acknowledgedWrites(),
          stats.writesAcknowledgedAfterStop,
          throughStore.checked(),
          throughStore.missing().size(),
          direct.checked(),
          direct.missing().size(),
          throughStore.brokenChains().size() + direct.brokenChains().size());

      assertThat(load.unexpected()).as("failures other than UnavailableException").isEmpty();
      assertThat(acknowledgedBefore).as("writes acknowledged before the promotion").isPositive();
      assertThat(inFlightAtPromotion).as("calls in flight at the promotion").isPositive();
      assertThat(standbyInRecovery).as("the promoted standby still in recovery").isFalse();
      assertThat(servers.isRunning(servers.primary())).as("the old primary running").isFalse();
      assertThat(stats.firstWriteAfterStop)
          .as("a write acknowledged after the old primary's stop")
          .isNotEqualTo(Long.MAX_VALUE);
      assertThat(millis(stats.firstWriteAfterStop - stopped))
          .as("from the old primary's stop to the first write the new primary acknowledged")
          .isLessThanOrEqualTo(RECOVERY_BOUND.toMillis());
      assertThat(stats.failuresMadeAfterBound)
          .as("calls made later than the bound after the stop that failed")
          .isZero();
      assertThat(stats.writesAcknowledgedAfterStop)
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

  /** The calls' outcomes around the old primary's stop. */
  private record Stats(
      long succeeded,
      long failed,
      long firstWriteAfterStop,
      long failuresMadeAfterBound,
      long writesAcknowledgedAfterStop) {

    static Stats of(List<FailoverLoad.Outcome> outcomes, long stopped) {
      long succeeded = 0;
      long failed = 0;
      long firstWrite = Long.MAX_VALUE;
      long failuresAfterBound = 0;
      long writesAfterStop = 0;
      for (FailoverLoad.Outcome outcome : outcomes) {
        if (outcome.ok()) {
          succeeded++;
          // Once the standby is promoted the old primary acknowledges no write (it waits for a
          // standby that no longer follows it), so a write acknowledged after its stop was
          // committed on the new primary.
          if (outcome.write() && outcome.completed() - stopped > 0) {
            firstWrite = Math.min(firstWrite, outcome.completed());
            writesAfterStop++;
          }
        } else {
          failed++;
          if (outcome.submitted() - stopped > RECOVERY_BOUND.toNanos()) {
            failuresAfterBound++;
          }
        }
      }
      return new Stats(succeeded, failed, firstWrite, failuresAfterBound, writesAfterStop);
    }
  }
}
