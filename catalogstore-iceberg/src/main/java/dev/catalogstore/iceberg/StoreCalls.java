package dev.catalogstore.iceberg;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.UnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.apache.iceberg.exceptions.ServiceUnavailableException;

/**
 * Waits for store calls on the caller's thread, as Iceberg's synchronous API requires, and turns
 * the store's failures that no call site handles into Iceberg's: bad input into {@link
 * IllegalArgumentException}, an unreachable store into {@link ServiceUnavailableException}.
 */
final class StoreCalls {
  private StoreCalls() {}

  /**
   * The result of {@code call}, waited for. A failure is rethrown as the store's own {@link
   * CatalogStoreException}, so that call sites can catch the cases they give a meaning to; anything
   * else is wrapped in an unchecked exception.
   */
  static <T> T await(Supplier<CompletableFuture<T>> call) {
    try {
      return call.get().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // The call may still land; for a write this is an outcome the caller must treat as unknown.
      throw new UnavailableException("interrupted while waiting for the catalog store", e);
    } catch (ExecutionException | CompletionException e) {
      throw unwrap(e.getCause());
    }
  }

  /** Like {@link #await}, mapping store failures no call site handled into Iceberg's exceptions. */
  static <T> T call(Supplier<CompletableFuture<T>> call) {
    try {
      return await(call);
    } catch (CatalogStoreException e) {
      throw toIceberg(e);
    }
  }

  /** The Iceberg exception for a store failure that has no more specific meaning at its site. */
  static RuntimeException toIceberg(CatalogStoreException e) {
    if (e instanceof InvalidArgumentException) {
      return new IllegalArgumentException(e.getMessage(), e);
    }
    if (e instanceof UnavailableException) {
      return new ServiceUnavailableException(e, "Catalog store unavailable: %s", e.getMessage());
    }
    return e;
  }

  private static RuntimeException unwrap(Throwable cause) {
    Throwable t = cause;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof RuntimeException runtime) {
      return runtime;
    }
    if (t instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("catalog store call failed", t);
  }
}
