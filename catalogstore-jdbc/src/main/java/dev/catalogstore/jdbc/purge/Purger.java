package dev.catalogstore.jdbc.purge;

import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the rows of deleted tenants and catalogs in the background, in bounded batches. Internal
 * to the JDBC store, which owns it: started when the store opens, stopped when it closes.
 *
 * <p>A delete ({@code tenants().delete}, {@code catalogs().delete}) only tombstones and records a
 * row in {@code purges} (migration V8), in one short transaction, and then {@link #wake wakes} the
 * purger. The purger's own thread runs one batch at a time, each as its own transaction in a store
 * call (never on a caller's thread, whatever executor runs the store's calls): it claims the oldest
 * purge no other store is running ({@code FOR UPDATE SKIP LOCKED}), removes at most {@code
 * purgeBatchSize} rows per statement from it, records the progress and commits; it goes on while
 * there is work, then waits. Besides being woken, it looks for work every {@code purgeInterval}:
 * deletes made through another store on the same database, and work a stopped store left, which it
 * resumes from what is left in the database (nothing else is kept). Two stores thus share the work
 * safely: each batch holds its purge's row, and every step is "delete the next rows, if any".
 *
 * <p>A batch that fails (the database is down, say) is logged and tried again at the next interval.
 */
public final class Purger implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Purger.class);

  private final String name;
  private final Database db;
  private final PurgeSql sql;
  private final int batchSize;
  private final Duration interval;
  private final ScheduledExecutorService timer;
  private final AtomicBoolean drainQueued = new AtomicBoolean();
  private final boolean paused;
  private volatile boolean closed;

  /**
   * @param name the store's name, for the timer thread and the log
   * @param batchSize rows per statement, at most
   * @param interval how often to look for work without being woken
   * @param paused tests only: never purge, so that deleted tenants and catalogs stay tombstones
   */
  public Purger(
      String name, Database db, SqlText sqlText, int batchSize, Duration interval, boolean paused) {
    this.name = name;
    this.paused = paused;
    this.db = db;
    this.sql = new PurgeSql(sqlText);
    this.batchSize = batchSize;
    this.interval = interval;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, name + "-purge-timer");
              // A store the application forgot to close must not keep the JVM alive.
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts looking for work now, and every interval from then on. */
  public void start() {
    if (paused) {
      LOG.warn("{} - The purge of deleted tenants and catalogs is PAUSED (tests only)", name);
      return;
    }
    timer.scheduleWithFixedDelay(this::wake, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * There may be work: the purger's own thread runs batches until there is none. Returns at once,
   * on any thread, and never runs a batch on the thread that calls it: a delete wakes the purger
   * from inside its own call, which with an application's executor such as {@code Runnable::run} is
   * the caller's thread, and holds one of the store's call slots meanwhile.
   */
  public void wake() {
    if (closed || paused) {
      return;
    }
    // One drain queued at a time; a wake during a drain queues the next, which finds what is new.
    if (drainQueued.compareAndSet(false, true)) {
      try {
        timer.execute(this::drain);
      } catch (RejectedExecutionException e) {
        // Closed meanwhile: nothing more to purge here.
        drainQueued.set(false);
      }
    }
  }

  /**
   * Runs batches one after the other on the purger's thread, waiting for each, while there is work.
   * A batch runs as a store call, so it takes a slot like any call and is bounded by the store's
   * timeouts; a failed one ends the drain until the next wake or interval.
   */
  private void drain() {
    drainQueued.set(false);
    while (!closed) {
      Optional<PurgeSql.Claimed> advanced;
      try {
        advanced = runBatch().get();
      } catch (InterruptedException e) {
        // The store is closing.
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException e) {
        logFailure(e.getCause());
        return;
      }
      if (advanced.isEmpty()) {
        return;
      }
    }
  }

  private void logFailure(Throwable failure) {
    if (closed) {
      return;
    }
    if (failure instanceof UnavailableException) {
      // During an outage every call fails; one line per interval, not a stack trace each time.
      LOG.info(
          "{} - Purge batch failed, trying again in {}: {}", name, interval, failure.getMessage());
    } else {
      LOG.warn("{} - Purge batch failed; trying again in {}", name, interval, failure);
    }
  }

  /** One batch, on a store thread: the purge it advanced, or empty if there was none. */
  private CompletableFuture<Optional<PurgeSql.Claimed>> runBatch() {
    return db.submit(
        "purge",
        () ->
            db.transaction(
                "purge",
                Violations.NONE,
                connection -> {
                  Optional<PurgeSql.Claimed> claimed = sql.claim(connection);
                  if (claimed.isEmpty()) {
                    return claimed;
                  }
                  PurgeSql.Claimed purge = claimed.get();
                  PurgeSql.Batch batch =
                      purge.isTenant()
                          ? sql.tenantBatch(connection, purge.tenant(), batchSize)
                          : sql.catalogBatch(
                              connection, purge.tenant(), purge.catalog().orElseThrow(), batchSize);
                  if (batch.finished()) {
                    LOG.info(
                        "{} - Purged deleted {} '{}' of tenant {}",
                        name,
                        purge.isTenant() ? "tenant" : "catalog",
                        purge.name(),
                        purge.tenant());
                  } else {
                    PurgeSql.Progress progress =
                        sql.progress(connection, purge, batch.rows(), db.now());
                    LOG.debug(
                        "{} - Purging {} '{}' of tenant {}: {} rows in {} batches so far",
                        name,
                        purge.kind(),
                        purge.name(),
                        purge.tenant(),
                        progress.rows(),
                        progress.batches());
                  }
                  return claimed;
                }));
  }

  /** Stops looking for work; a batch already running finishes or is stopped with the store. */
  @Override
  public void close() {
    closed = true;
    timer.shutdownNow();
  }
}
