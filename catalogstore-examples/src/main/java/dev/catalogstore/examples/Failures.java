package dev.catalogstore.examples;

import dev.catalogstore.api.error.CatalogStoreException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a call that should fail into a future of its typed error. */
final class Failures {
  private Failures() {}

  /**
   * Completes with the error {@code call} failed with, if it is a {@code type}; fails the
   * walkthrough if the call succeeded or failed otherwise, since then the store broke its contract.
   */
  static <E extends CatalogStoreException> CompletableFuture<E> expect(
      Class<E> type, CompletableFuture<?> call) {
    return call.handle(
        (result, error) -> {
          if (error == null) {
            throw new IllegalStateException(
                "expected " + type.getSimpleName() + ", but the call succeeded: " + result);
          }
          Throwable cause = unwrap(error);
          if (!type.isInstance(cause)) {
            throw new IllegalStateException(
                "expected " + type.getSimpleName() + ", but got " + cause, cause);
          }
          return type.cast(cause);
        });
  }

  /** The error inside the wrappers that {@code CompletableFuture} adds. */
  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }
}
