package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import java.time.Clock;
import java.util.Optional;

/**
 * The TCK against the store {@link TckLauncher} is running it for. The launcher runs the TCK on its
 * own thread, synchronously, one run at a time, so the store to test is handed over in a static
 * field; each run gets a fresh store and clock.
 */
public final class BrokenStoreTck extends CatalogStoreTck {
  private static volatile CatalogStore current;
  private static volatile TckClock currentClock;

  /** Makes {@code store}, running on {@code clock}, the store the next runs test. */
  static void use(CatalogStore store, TckClock clock) {
    current = store;
    currentClock = clock;
  }

  /**
   * The clock of the run in progress, for a broken store whose defect is about time (an expiry
   * compared one way too far): it reads "now" as the honest store does.
   */
  static Clock runningClock() {
    return currentClock;
  }

  @Override
  protected CatalogStore store() {
    return current;
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(currentClock);
  }
}
