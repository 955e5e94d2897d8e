package dev.catalogstore.memory;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import java.util.concurrent.CompletableFuture;
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
    try {
      return CompletableFuture.completedFuture(operation.get());
    } catch (CatalogStoreException e) {
      return CompletableFuture.failedFuture(e);
    } catch (RuntimeException | Error e) {
      // Even a VM error (a stack overflow on a deep input, say) fails the future: the contract
      // promises that store methods never throw, and the JDBC store keeps the same promise.
      return CompletableFuture.failedFuture(
          new InternalStoreException("internal error in the in-memory catalog store: " + e, e));
    }
  }
}
