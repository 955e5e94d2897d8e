package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.error.CatalogStoreException;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A bounded thread race for the rules about concurrent writers: {@value #RACERS} threads released
 * together by {@link ConcurrentCalls#race}, each making one call, alternately on the store and on
 * its peer (a second node over the same data).
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class Race {
  /** How many threads race. */
  public static final int RACERS = 8;

  /** One racer's call, given the store it must use and its number (0 to {@value #RACERS} - 1). */
  @FunctionalInterface
  public interface Call<T> {
    CompletableFuture<T> make(CatalogStore store, int racer);
  }

  /**
   * How a racer's call ended: with a value or with a failure.
   *
   * @param racer the racer's number
   * @param value the value, if the call succeeded
   * @param failure the failure, if it failed
   */
  public record Outcome<T>(int racer, T value, Throwable failure) {
    public boolean succeeded() {
      return failure == null;
    }
  }

  private Race() {}

  /** Releases all racers at once and returns how each call ended, by racer number. */
  public static <T> List<Outcome<T>> run(CatalogStore store, CatalogStore peer, Call<T> call) {
    return ConcurrentCalls.race(
        RACERS,
        racer -> {
          CatalogStore own = racer % 2 == 0 ? store : peer;
          ConcurrentCalls.Outcome<T> outcome =
              ConcurrentCalls.Outcome.of(() -> call.make(own, racer));
          return new Outcome<>(racer, outcome.value().orElse(null), outcome.failure().orElse(null));
        });
  }

  /**
   * Asserts that exactly one racer succeeded and every other failed with {@code losers}; returns
   * the winner.
   */
  public static <T> Outcome<T> assertOneWinner(
      List<Outcome<T>> outcomes, Class<? extends CatalogStoreException> losers) {
    List<Outcome<T>> winners = outcomes.stream().filter(Outcome::succeeded).toList();
    assertThat(winners).as("the racers that succeeded, of %s", outcomes).hasSize(1);
    assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure))
        .as("the failures of the racers that lost")
        .hasSize(RACERS - 1)
        .allSatisfy(failure -> assertThat(failure).isInstanceOf(losers));
    return winners.get(0);
  }
}
