package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.spi.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every store call runs: on the store's own bounded pool of threads, or on an executor the
 * application chose, each call borrowing a connection for the statements of one call. Internal to
 * the JDBC store.
 *
 * <p>A call's future is completed after its connection is back in the pool (on the thread that ran
 * it), so a caller chaining further store calls from a callback never waits for a connection its
 * own callback holds. Nothing here blocks on another future. At most {@code maximumConcurrentCalls}
 * calls run at once; the others wait, at most {@code maximumQueuedCalls} of them; beyond that calls
 * fail at once with {@link UnavailableException}, as they do once the store is closed.
 *
 * <p><b>Outages.</b> A call waits at most {@code callTimeout} for a connection once its turn has
 * come. When acquiring a connection fails, the database is taken for down ({@link Availability}):
 * from then on calls fail at once, when they are made or when their turn comes, instead of each
 * waiting out its own timeout behind the others, while one call at a time, every {@value
 * Availability#PROBE_INTERVAL_MILLIS} ms, tries again and reopens the gate when it gets a
 * connection. So with the database unreachable no call waits longer than the calls ahead of it
 * (which end at once, or within their own bound) plus {@code callTimeout}, however many are queued
 * (about {@value #ACQUIRE_SLICE_MILLIS} ms once a connection attempt has been refused), and the
 * store serves again on the first probe after it is back. A call whose statement was already
 * running ends when its connection does.
 *
 * <p>Two ways to reach the database, both only from inside a call (in the task given to {@link
 * #submit}, whatever thread runs it):
 *
 * <ul>
 *   <li>{@link #run}: exactly one writing statement in autocommit mode (reads may precede it). Most
 *       of the store's operations are one statement (data-modifying CTEs and foreign-key cascades
 *       make multi-row changes atomic), so each takes effect whole or not at all, in one round
 *       trip. Work that writes twice must use {@link #transaction}: a retry would repeat a first
 *       write that had already committed.
 *   <li>{@link #transaction}: several statements as one transaction on one connection, committed
 *       together or rolled back together, for changes that must read (and lock) before they write.
 * </ul>
 *
 * <p>Either way, work that lost a serialization or deadlock race (SQLState 40001, 40P01) was rolled
 * back by PostgreSQL and is run again from the start, after a short random pause, at most {@value
 * #MAX_ATTEMPTS} times in all; no other failure is ever retried.
 */
public final class Database {
  /** How many times work that keeps losing serialization or deadlock races runs at most. */
  public static final int MAX_ATTEMPTS = 5;

  /**
   * The longest one wait for a connection from a source that honours timeouts, before the call
   * checks whether the database has been found down meanwhile, and whether the source saw its
   * attempt to connect fail.
   */
  static final long ACQUIRE_SLICE_MILLIS = 250;

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** The pause before the second attempt is up to this; it doubles for each further attempt. */
  private static final long FIRST_BACKOFF_MILLIS = 10;

  private final ConnectionSource connections;
  private final Clock clock;
  private final Availability availability;
  private final StoreCalls calls;

  /**
   * @param connections where connections come from
   * @param clock the store's clock
   * @param maximumConcurrentCalls how many calls run at once (the connection pool's size)
   * @param maximumQueuedCalls how many calls may wait for their turn
   * @param callTimeout how long a call may wait for a connection once its turn has come
   * @param callExecutor runs the calls; null for the store's own threads
   * @param name names the store's threads, {@code <name>-<n>}, and its log lines
   */
  public Database(
      ConnectionSource connections,
      Clock clock,
      int maximumConcurrentCalls,
      int maximumQueuedCalls,
      Duration callTimeout,
      Executor callExecutor,
      String name) {
    this.connections = connections;
    this.clock = clock;
    this.availability = new Availability(name);
    this.calls =
        new StoreCalls(
            availability,
            callTimeout,
            maximumConcurrentCalls,
            maximumQueuedCalls,
            callExecutor,
            name);
  }

  /** Now, by the store's clock, at the precision PostgreSQL keeps. */
  public Instant now() {
    return Timestamps.now(clock);
  }

  /**
   * Runs {@code task} as a call (on a store thread, or the application's executor) and completes
   * the returned future there with its result or its failure. A failure that is not a {@code
   * CatalogStoreException} is a bug; it is logged and reported as {@link InternalStoreException},
   * so callers still see only the contract's types and do not retry it. While the database is known
   * to be down, and no probe is due, the call fails at once.
   */
  public <T> CompletableFuture<T> submit(String operation, StoreTask<T> task) {
    UnavailableException refusal = availability.refusal(operation);
    if (refusal != null) {
      return CompletableFuture.failedFuture(refusal);
    }
    return calls.submit(operation, task);
  }

  /**
   * Like {@link #submit(String, StoreTask)}, for a call with an argument the caller may change or
   * reuse once the call has returned (a map, a list, a set): {@code capture} copies it now, on the
   * caller's thread, and {@code task} gets the copy on a store thread. An argument that fails while
   * it is copied (it throws when read) fails the returned future, as {@link InternalStoreException}
   * with that failure as its cause, as every other unexpected failure does: this method never
   * throws either.
   */
  public <A, T> CompletableFuture<T> submit(
      String operation, Supplier<A> capture, Function<A, StoreTask<T>> task) {
    A captured;
    try {
      captured = capture.get();
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(
          new InternalStoreException(
              operation + " failed: an argument could not be read: " + e, e));
    }
    return submit(operation, task.apply(captured));
  }

  /**
   * Runs {@code work} on a pooled connection in autocommit mode, inside the current call, and
   * translates its SQL failures with {@code violations}.
   *
   * @throws IllegalStateException if not called inside one of this store's calls
   */
  public <T> T run(String operation, Violations violations, SqlWork<T> work) {
    return withRetries(operation, violations, work, this::autocommit);
  }

  /**
   * Runs {@code work} as one transaction on one pooled connection, inside the current call:
   * committed if {@code work} returns, rolled back if it throws, whatever it throws. A {@code
   * CatalogStoreException} thrown by {@code work} (a conflict it found, say) reaches the caller as
   * it is, after the rollback; SQL failures are translated with {@code violations}, after the
   * serialization and deadlock retries described on the class.
   *
   * <p>Because it may run more than once, {@code work} must only talk to the database through the
   * connection it is given, and compute its result from what it reads there. It runs at the
   * connection's isolation level (READ COMMITTED, PostgreSQL's default, in the store's own pool),
   * so it locks what its decision rests on ({@code SELECT ... FOR UPDATE}), always in the same
   * order.
   *
   * @throws IllegalStateException if not called inside one of this store's calls
   */
  public <T> T transaction(String operation, Violations violations, SqlWork<T> work) {
    return withRetries(operation, violations, work, this::inTransaction);
  }

  private <T> T withRetries(String operation, Violations violations, SqlWork<T> work, Mode mode) {
    requireStoreThread(operation);
    for (int attempt = 1; ; attempt++) {
      SQLException failure;
      try {
        return mode.run(operation, work);
      } catch (SQLException e) {
        failure = e;
      }
      if (attempt >= MAX_ATTEMPTS || !SqlErrors.isTransactionRollback(failure)) {
        throw SqlErrors.translate(operation, failure, violations);
      }
      LOG.debug(
          "{} lost a concurrency race (attempt {} of {}), running it again",
          operation,
          attempt,
          MAX_ATTEMPTS);
      if (!pauseBeforeAttempt(attempt + 1)) {
        throw SqlErrors.translate(operation, failure, violations);
      }
    }
  }

  private <T> T autocommit(String operation, SqlWork<T> work) throws SQLException {
    try (Connection connection = acquire(operation)) {
      boolean original = connection.getAutoCommit();
      if (!original) {
        // A DataSource supplied by the application may hand out connections in manual-commit
        // mode; these statements are each meant to commit on their own.
        connection.setAutoCommit(true);
      }
      try {
        return work.run(connection);
      } finally {
        // An application's pool need not reset what a borrower changed.
        restoreAutoCommitQuietly(connection, original);
      }
    }
  }

  private <T> T inTransaction(String operation, SqlWork<T> work) throws SQLException {
    try (Connection connection = acquire(operation)) {
      boolean original = connection.getAutoCommit();
      connection.setAutoCommit(false);
      boolean committed = false;
      try {
        T result = work.run(connection);
        connection.commit();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollbackQuietly(connection);
        }
        // The pool hands the connection on as it gave it, whatever the next borrower expects.
        restoreAutoCommitQuietly(connection, original);
      }
    }
  }

  /**
   * A connection for the current call, within its deadline: at once a failure while the database is
   * known to be down (unless this call is the probe); otherwise the source is asked in slices of at
   * most {@value #ACQUIRE_SLICE_MILLIS} ms, so the wait ends soon after the database is found down
   * by any call, or after the source saw an attempt to connect fail (a failure with a SQLState).
   * Any failure to get a connection takes the database for down, except the end of the call's own
   * deadline.
   */
  private Connection acquire(String operation) {
    StoreCalls.Call<?> call = calls.current();
    long deadline = call.acquireDeadline();
    boolean probe = false;
    if (!availability.isUp()) {
      probe = availability.tryProbe();
      if (!probe) {
        throw availability.unavailable(operation);
      }
    }
    try {
      while (true) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          // Not taken for an outage by itself: the wait may have been short because the call
          // waited long for its turn. A source that failed to connect says so in a SQLState.
          throw new UnavailableException(
              operation
                  + " failed: no connection to the database within the call's timeout"
                  + " (the store is overloaded, or the database slow to accept connections)",
              new SQLTransientConnectionException("no connection in time", "08001"));
        }
        SQLException failure;
        try {
          Connection connection =
              connections.acquire(
                  Math.max(
                      1, Math.min(ACQUIRE_SLICE_MILLIS, TimeUnit.NANOSECONDS.toMillis(remaining))));
          availability.up();
          return connection;
        } catch (SQLException e) {
          failure = e;
        }
        if (connections.honoursTimeout() && failure.getSQLState() == null) {
          // The slice ended before a connection was ready, and no attempt to open one has failed:
          // keep waiting, unless another call found the database down meanwhile.
          if (!probe && !availability.isUp()) {
            throw availability.unavailable(operation);
          }
          continue;
        }
        if (!connections.honoursTimeout() && !meansDatabaseDown(failure)) {
          // An application's pool that is only busy (shared with others, say) says so without a
          // connection-class SQLState: this call fails, the store does not take the database for
          // down.
          throw new UnavailableException(
              operation + " failed: no connection from the DataSource: " + failure.getMessage(),
              failure);
        }
        availability.down(failure);
        throw new UnavailableException(
            operation + " failed: no connection to the database: " + failure.getMessage(), failure);
      }
    } finally {
      if (probe) {
        availability.probeEnded();
      }
    }
  }

  /**
   * Sleeps a random time below a bound that doubles with each attempt, so that transactions that
   * collided do not collide again in lockstep. Returns false if the thread was interrupted (the
   * store is closing), keeping its interrupt status.
   */
  private static boolean pauseBeforeAttempt(int attempt) {
    long bound = FIRST_BACKOFF_MILLIS << (attempt - 2);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      // The connection is broken; the pool discards it, and the server ends the transaction.
      LOG.debug("Rollback failed", e);
    }
  }

  private static void restoreAutoCommitQuietly(Connection connection, boolean autoCommit) {
    try {
      if (connection.getAutoCommit() != autoCommit) {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.debug("Restoring autocommit failed", e);
    }
  }

  /**
   * Database work runs only inside a call: on a caller's thread it would block it, and outside a
   * call it would escape the bound on concurrent calls and the call's deadline.
   */
  private void requireStoreThread(String operation) {
    if (!calls.inCall()) {
      throw new IllegalStateException(
          operation + " reached the database outside a store call (a store thread); use submit");
    }
  }

  /**
   * Whether a failure to get a connection says the database cannot be reached (SQLState class 08,
   * connection exceptions; 57P0x, the server shutting down or unavailable; class 28, the login
   * refused), rather than that a pool had none free in time.
   */
  private static boolean meansDatabaseDown(SQLException failure) {
    String state = failure.getSQLState();
    return state != null
        && (state.startsWith("08") || state.startsWith("57P0") || state.startsWith("28"));
  }

  /** How work meets a connection: autocommit or one transaction. */
  @FunctionalInterface
  private interface Mode {
    <T> T run(String operation, SqlWork<T> work) throws SQLException;
  }

  /** How many calls run now, with or without their connection yet; approximate. */
  public int runningCalls() {
    return calls.running();
  }

  /** How many accepted calls wait for their turn; approximate. */
  public int queuedCalls() {
    return calls.queued();
  }

  /** The most calls that run at once ({@code maximumConcurrentCalls}). */
  public int maximumRunningCalls() {
    return calls.maximumRunning();
  }

  /** The most calls that wait for their turn ({@code maximumQueuedCalls}). */
  public int maximumQueuedCalls() {
    return calls.maximumQueued();
  }

  /**
   * Whether the database is taken for reachable: false from a failed attempt to get a connection
   * until a probe gets one again (see {@link Availability}).
   */
  public boolean databaseReachable() {
    return availability.isUp();
  }

  /**
   * Stops accepting calls and waits up to {@code grace} for running and queued calls to finish;
   * then interrupts the rest on the store's own threads and fails the queued ones (an application's
   * executor cannot be interrupted: its calls that start later fail at once).
   */
  public void close(Duration grace) {
    calls.close(grace);
  }
}
