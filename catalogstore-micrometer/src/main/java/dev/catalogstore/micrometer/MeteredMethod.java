package dev.catalogstore.micrometer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Calls one facet method on the decorated facet and records the call with its {@link MethodMeters}:
 * for a method that returns a future, when the future completes; otherwise when the method returns
 * or throws.
 */
final class MeteredMethod {
  private final Method method;
  private final boolean returnsFuture;
  private final MethodMeters meters;

  MeteredMethod(Method method, MethodMeters meters) {
    this.method = method;
    this.meters = meters;
    Class<?> type = method.getReturnType();
    this.returnsFuture = type == CompletableFuture.class || type == CompletionStage.class;
  }

  /**
   * The facet's result, or what it threw, unchanged; a future is returned as a copy that completes
   * with the same value or the same failure once the call is recorded, so a caller that waited for
   * it finds it recorded.
   */
  Object call(Object facet, Object[] args) throws Throwable {
    long start;
    try {
      start = meters.start();
    } catch (RuntimeException | LinkageError e) {
      // A clock that throws must not fail the call: it goes on, unmeasured.
      MeterFailures.report(e);
      return unrecorded(facet, args);
    }
    Object result;
    try {
      result = method.invoke(facet, args);
    } catch (InvocationTargetException e) {
      // The facet threw (which the contract forbids, but a broken backend does): measured, and
      // passed on as it was thrown.
      meters.recordFailure(args, start, e.getCause());
      throw e.getCause();
    }
    if (!returnsFuture) {
      meters.recordSuccess(args, start);
      return result;
    }
    if (result == null) {
      meters.recordNullFuture(args, start);
      return null;
    }
    CompletableFuture<Object> copy = new CompletableFuture<>();
    ((CompletionStage<?>) result)
        .whenComplete(
            (value, failure) -> {
              try {
                if (failure == null) {
                  meters.recordSuccess(args, start);
                } else {
                  meters.recordFailure(args, start, failure);
                }
              } finally {
                // The failure exactly as the facet's future holds it (whenComplete does not wrap
                // it), so handle() and exceptionally() see what they would have seen.
                if (failure == null) {
                  copy.complete(value);
                } else {
                  copy.completeExceptionally(failure);
                }
              }
            });
    return copy;
  }

  /** The facet's result, or what it threw, unchanged, without recording the call. */
  private Object unrecorded(Object facet, Object[] args) throws Throwable {
    try {
      return method.invoke(facet, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
