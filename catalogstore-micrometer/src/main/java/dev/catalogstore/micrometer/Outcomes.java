package dev.catalogstore.micrometer;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The outcome tag of a failed call: the simple name of what it failed with. */
final class Outcomes {
  private Outcomes() {}

  /** The failure itself, out of the {@code CompletionException}s a future chain wraps it in. */
  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** {@code type}'s simple name; its full name when it has none (an anonymous class). */
  static String name(Class<?> type) {
    String simple = type.getSimpleName();
    return simple.isEmpty() ? type.getName() : simple;
  }
}
