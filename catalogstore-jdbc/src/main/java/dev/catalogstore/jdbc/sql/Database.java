package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.spi.Timestamps;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every store call runs: a bounded pool of store threads, each borrowing a connection for the
 * statements of one call. Internal to the JDBC store.
 *
 * <p>A call's future is completed on a store thread, after its connection is back in the pool, so a
 * caller chaining further store calls from a callback never waits for a connection its own callback
 * holds. Nothing here blocks on another future. When all threads are busy, calls wait in a bounded
 * queue; beyond it they fail at once with {@link UnavailableException}, as they do once the store
 * is closed.
 *
 * <p>Two ways to reach the database, both only from a store thread (inside {@link #submit}):
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

  private static final Logger LOG = LoggerFactory.getLogger(Database.class);

  /** The pause before the second attempt is up to this; it doubles for each further attempt. */
  private static final long FIRST_BACKOFF_MILLIS = 10;

  private final DataSource dataSource;
  private final Clock clock;
  private final ThreadPoolExecutor executor;

  /**
   * @param dataSource where connections come from
   * @param clock the store's clock
   * @param threads how many calls run at once (the connection pool's size)
   * @param maxQueuedCalls how many calls may wait for a thread
   * @param threadNamePrefix names the store threads, {@code <prefix>-<n>}
   */
  public Database(
      DataSource dataSource,
      Clock clock,
      int threads,
      int maxQueuedCalls,
      String threadNamePrefix) {
    this.dataSource = dataSource;
    this.clock = clock;
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(maxQueuedCalls),
            daemonThreads(threadNamePrefix),
            new ThreadPoolExecutor.AbortPolicy());
    // Idle store threads go away, so an idle store holds no threads.
    executor.allowCoreThreadTimeOut(true);
  }

  /** Now, by the store's clock, at the precision PostgreSQL keeps. */
  public Instant now() {
    return Timestamps.now(clock);
  }

  /**
   * Runs {@code task} on a store thread and completes the returned future there with its result or
   * its failure. A failure that is not a {@code CatalogStoreException} is a bug; it is logged and
   * reported as {@link InternalStoreException}, so callers still see only the contract's types and
   * do not retry it.
   */
  public <T> CompletableFuture<T> submit(String operation, StoreTask<T> task) {
    StoreCall<T> call = new StoreCall<>(operation, task);
    try {
      executor.execute(call);
    } catch (RejectedExecutionException e) {
      call.reject(
          executor.isShutdown()
              ? "the store is closed"
              : "the store is overloaded (all "
                  + executor.getMaximumPoolSize()
                  + " threads busy and "
                  + executor.getQueue().size()
                  + " calls queued)",
          e);
    }
    return call.future;
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
   * Runs {@code work} on a pooled connection in autocommit mode, on the calling store thread, and
   * translates its SQL failures with {@code violations}.
   *
   * @throws IllegalStateException if not called on one of this store's threads
   */
  public <T> T run(String operation, Violations violations, SqlWork<T> work) {
    return withRetries(operation, violations, work, this::autocommit);
  }

  /**
   * Runs {@code work} as one transaction on one pooled connection, on the calling store thread:
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
   * @throws IllegalStateException if not called on one of this store's threads
   */
  public <T> T transaction(String operation, Violations violations, SqlWork<T> work) {
    return withRetries(operation, violations, work, this::inTransaction);
  }

  private <T> T withRetries(String operation, Violations violations, SqlWork<T> work, Mode mode) {
    requireStoreThread(operation);
    for (int attempt = 1; ; attempt++) {
      SQLException failure;
      try {
        return mode.run(work);
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

  private <T> T autocommit(SqlWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
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

  private <T> T inTransaction(SqlWork<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
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

  /** Database work never runs on a caller's thread: it would block it. */
  private void requireStoreThread(String operation) {
    if (!(Thread.currentThread() instanceof StoreThread thread && thread.database == this)) {
      throw new IllegalStateException(
          operation + " reached the database outside a store thread; use submit");
    }
  }

  /** How work meets a connection: autocommit or one transaction. */
  @FunctionalInterface
  private interface Mode {
    <T> T run(SqlWork<T> work) throws SQLException;
  }

  /**
   * Stops accepting calls and waits up to {@code grace} for running and queued calls to finish,
   * then interrupts the rest.
   */
  public void close(Duration grace) {
    executor.shutdown();
    if (Thread.currentThread() instanceof StoreThread thread && thread.database == this) {
      // Closed from a callback on one of its own threads: waiting would wait for itself.
      return;
    }
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Calls still running after {} ms; interrupting them", grace.toMillis());
        stopNow();
      }
    } catch (InterruptedException e) {
      stopNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Interrupts the running calls and fails the queued ones, whose futures would never end. */
  private void stopNow() {
    for (Runnable unstarted : executor.shutdownNow()) {
      ((StoreCall<?>) unstarted)
          .reject("the store was closed before the call ran", new IllegalStateException("closed"));
    }
  }

  /** One call: its task, and the future that reports the task's outcome. */
  private static final class StoreCall<T> implements Runnable {
    private final String operation;
    private final StoreTask<T> task;
    private final CompletableFuture<T> future = new CompletableFuture<>();

    StoreCall(String operation, StoreTask<T> task) {
      this.operation = operation;
      this.task = task;
    }

    @Override
    public void run() {
      T result;
      try {
        result = task.call();
      } catch (CatalogStoreException e) {
        future.completeExceptionally(e);
        return;
      } catch (RuntimeException | Error e) {
        LOG.error("{} failed unexpectedly", operation, e);
        future.completeExceptionally(
            new InternalStoreException(operation + " failed unexpectedly: " + e, e));
        return;
      }
      future.complete(result);
    }

    void reject(String reason, Throwable cause) {
      future.completeExceptionally(
          new UnavailableException(operation + " failed: " + reason, cause));
    }
  }

  private ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> new StoreThread(this, runnable, prefix + "-" + count.incrementAndGet());
  }

  /** A thread of one store's pool, so the store can tell when it is called from its own. */
  private static final class StoreThread extends Thread {
    private final Database database;

    StoreThread(Database database, Runnable body, String name) {
      super(body, name);
      this.database = database;
      // A store the application forgot to close must not keep the JVM alive.
      setDaemon(true);
    }
  }
}
