package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Reads the outcome of the already completed futures this store returns. */
final class Outcomes {
  private Outcomes() {}

  /** The failure of {@code future}, which must have completed exceptionally. */
  static Throwable failureOf(CompletableFuture<?> future) {
    assertThat(future).isCompletedExceptionally();
    try {
      future.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("unreachable: the future completed exceptionally");
  }

  /** The failure of {@code future}, once it completes; fails the test if it succeeds. */
  static Throwable awaitFailure(CompletableFuture<?> future) {
    try {
      Object value = future.join();
      throw new AssertionError("expected a failure, but the future completed with " + value);
    } catch (CompletionException e) {
      return e.getCause();
    }
  }
}
