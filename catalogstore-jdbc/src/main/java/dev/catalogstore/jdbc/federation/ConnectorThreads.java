package dev.catalogstore.jdbc.federation;

import dev.catalogstore.api.error.UnavailableException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's threads for federation connectors, apart from the database threads: a connector
 * blocks on a remote service for as long as it takes, and must not hold a store thread (nor its
 * connection) meanwhile, or slow syncs would starve every other call of the store. Bounded like the
 * store's own pool: at most {@code threads} connector calls run at once, {@code maxQueued} wait,
 * and beyond that (or once closed) a call fails at once with {@link UnavailableException}.
 */
public final class ConnectorThreads {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectorThreads.class);

  private final ThreadPoolExecutor executor;

  public ConnectorThreads(int threads, int maxQueued, String threadNamePrefix) {
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(maxQueued),
            runnable -> {
              Thread thread =
                  new Thread(runnable, threadNamePrefix + "-" + count.incrementAndGet());
              // A store the application forgot to close must not keep the JVM alive.
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    executor.allowCoreThreadTimeOut(true);
  }

  /**
   * Runs {@code work} on a connector thread; the future completes there with its result or with
   * whatever it threw.
   */
  public <T> CompletableFuture<T> call(String operation, Supplier<T> work) {
    Call<T> call = new Call<>(operation, work);
    try {
      executor.execute(call);
    } catch (RejectedExecutionException e) {
      call.reject(executor.isShutdown() ? "the store is closed" : "too many syncs are waiting", e);
    }
    return call.future;
  }

  /**
   * Stops accepting calls, waits up to {@code grace} for the running ones, then interrupts them and
   * fails those that never started.
   */
  public void close(Duration grace) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("Connector calls still running after {} ms; interrupting them", grace.toMillis());
        stopNow();
      }
    } catch (InterruptedException e) {
      stopNow();
      Thread.currentThread().interrupt();
    }
  }

  private void stopNow() {
    for (Runnable unstarted : executor.shutdownNow()) {
      ((Call<?>) unstarted)
          .reject("the store was closed before the sync ran", new IllegalStateException("closed"));
    }
  }

  private static final class Call<T> implements Runnable {
    private final String operation;
    private final Supplier<T> work;
    private final CompletableFuture<T> future = new CompletableFuture<>();

    Call(String operation, Supplier<T> work) {
      this.operation = operation;
      this.work = work;
    }

    @Override
    public void run() {
      T result;
      try {
        result = work.get();
      } catch (RuntimeException | Error e) {
        future.completeExceptionally(e);
        return;
      }
      future.complete(result);
    }

    void reject(String reason, Throwable cause) {
      future.completeExceptionally(
          new UnavailableException(operation + " failed: " + reason, cause));
    }
  }
}
