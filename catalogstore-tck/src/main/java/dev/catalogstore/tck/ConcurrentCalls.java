package dev.catalogstore.tck;

import dev.catalogstore.api.error.CatalogStoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Bounded thread races of whole workloads, for the concurrency rules where each thread does more
 * than one call (writers that retry until their commits land, writers racing a cascade): a fixed
 * number of threads released together, each running a fixed amount of work. ({@link Race} covers
 * the simpler races where each racer makes one call.) Nothing here measures time; the timeout only
 * turns a hung store into a failure instead of a hung build.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class ConcurrentCalls {
  /** How long a whole race may take before the TCK reports the store as hung. */
  public static final Duration HANG_GUARD = Duration.ofMinutes(2);

  private ConcurrentCalls() {}

  /**
   * Runs {@code body} once on each of {@code threads} threads, all released at the same moment, and
   * returns the results in thread order. A failure of any body fails the race.
   */
  public static <T> List<T> race(int threads, IntFunction<T> body) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        running.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  start.await();
                  return body.apply(thread);
                }));
      }
      if (!ready.await(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new AssertionError("the racing threads did not start within " + HANG_GUARD);
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> thread : running) {
        results.add(thread.get(HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS));
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new AssertionError("a racing thread failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the race did not end within " + HANG_GUARD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The outcome of one store call: its value, or the {@link CatalogStoreException} its future
   * failed with. Anything else (a throw, another exception type, a hang) fails the test.
   */
  public record Outcome<T>(Optional<T> value, Optional<CatalogStoreException> failure) {
    public static <T> Outcome<T> of(TckSuite.ThrowingCall<CompletableFuture<T>> call) {
      CompletableFuture<T> future;
      try {
        future = call.call();
      } catch (Throwable thrown) {
        throw new AssertionError(
            "the store method threw " + thrown + " instead of returning a future", thrown);
      }
      try {
        return new Outcome<>(
            Optional.ofNullable(
                future.get(TckSuite.CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)),
            Optional.empty());
      } catch (ExecutionException | CompletionException e) {
        Throwable cause = e.getCause();
        while (cause instanceof CompletionException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        if (cause instanceof CatalogStoreException failure) {
          return new Outcome<>(Optional.empty(), Optional.of(failure));
        }
        throw new AssertionError(
            "the store call failed with a non-contract error: " + cause, cause);
      } catch (TimeoutException e) {
        throw new AssertionError("store call did not complete within " + TckSuite.CALL_TIMEOUT, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }

    /** Whether the call returned a value. */
    public boolean succeeded() {
      return failure.isEmpty();
    }

    /** The failure if it is a {@code type}; fails the test on any other failure. */
    public <E extends CatalogStoreException> Optional<E> failure(Class<E> type) {
      if (failure.isEmpty()) {
        return Optional.empty();
      }
      if (!type.isInstance(failure.get())) {
        throw new AssertionError(
            "expected success or " + type.getSimpleName() + ", got " + failure.get(),
            failure.get());
      }
      return Optional.of(type.cast(failure.get()));
    }
  }
}
