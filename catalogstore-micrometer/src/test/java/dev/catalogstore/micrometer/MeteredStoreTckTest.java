package dev.catalogstore.micrometer;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;

/**
 * The decorator is transparent: the whole TCK passes against the metered in-memory store, set up as
 * {@code InMemoryCatalogStoreTckTest} sets up the bare one. At the end the run prints how many
 * calls it recorded.
 */
class MeteredStoreTckTest extends CatalogStoreTck {
  private static final TckClock CLOCK = new TckClock();
  private static final SimpleMeterRegistry REGISTRY = new SimpleMeterRegistry();
  private static final CatalogStore STORE =
      CatalogStoreMetrics.decorate(
          new InMemoryCatalogStore(CLOCK, FederatedConnectors.of(TckRemoteCatalog.CONNECTOR)),
          REGISTRY);

  @Override
  protected CatalogStore store() {
    return STORE;
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(CLOCK);
  }

  @AfterAll
  static void printWhatWasRecorded() {
    long calls =
        REGISTRY.find(CatalogStoreMetrics.CALLS).timers().stream().mapToLong(Timer::count).sum();
    double failed =
        REGISTRY.find(CatalogStoreMetrics.ERRORS).counters().stream()
            .mapToDouble(Counter::count)
            .sum();
    long methods =
        REGISTRY.find(CatalogStoreMetrics.CALLS).timers().stream()
            .filter(timer -> timer.count() > 0)
            .map(timer -> timer.getId().getTag("facet") + "." + timer.getId().getTag("method"))
            .distinct()
            .count();
    System.out.printf(
        "Metered TCK run: %d calls recorded (%.0f failed) over %d facet methods%n",
        calls, failed, methods);
  }
}
