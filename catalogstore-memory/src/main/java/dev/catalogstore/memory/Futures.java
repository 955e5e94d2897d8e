package dev.catalogstore.memory;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.error.UnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Turns a synchronous operation into an already completed future, so that no store method ever
 * throws: a {@link CatalogStoreException} becomes a failed future as it is, and any other runtime
 * exception or error, which can only be a defect of this store, becomes a failed future carrying an
 * {@link InternalStoreException} with the original as its cause.
 *
 * <p>Futures complete on the caller's thread before the store method returns, after every lock the
 * operation took has been released; callbacks the caller chains on them therefore never run while
 * the store holds a lock, and chaining further store calls inside {@code thenCompose} cannot
 * deadlock, whatever executor the caller uses.
 */
final class Futures {
  private Futures() {}

  /** Runs {@code operation} now and returns its outcome as a completed future. */
  static <T> CompletableFuture<T> supply(Supplier<T> operation) {
    CompletableFuture<T> future = new CompletableFuture<>();
    complete(future, operation);
    return future;
  }

  /**
   * Runs {@code operation} on {@code executor} and returns a future that it completes there, with
   * the same outcomes as {@link #supply}; for the work that must not run on the caller's thread (a
   * federation connector's calls). If the executor refuses the work (it was shut down, as the store
   * was closed), the future fails at once with {@code UnavailableException}.
   */
  static <T> CompletableFuture<T> supplyOn(Executor executor, Supplier<T> operation) {
    CompletableFuture<T> future = new CompletableFuture<>();
    try {
      executor.execute(() -> complete(future, operation));
    } catch (RejectedExecutionException e) {
      future.completeExceptionally(
          new UnavailableException("the in-memory catalog store is closed", e));
    }
    return future;
  }

  private static <T> void complete(CompletableFuture<T> future, Supplier<T> operation) {
    T result;
    try {
      result = operation.get();
    } catch (CatalogStoreException e) {
      future.completeExceptionally(e);
      return;
    } catch (RuntimeException | Error e) {
      // Even a VM error (a stack overflow on a deep input, say) fails the future: the contract
      // promises that store methods never throw, and the JDBC store keeps the same promise.
      future.completeExceptionally(
          new InternalStoreException("internal error in the in-memory catalog store: " + e, e));
      return;
    }
    future.complete(result);
  }
}
