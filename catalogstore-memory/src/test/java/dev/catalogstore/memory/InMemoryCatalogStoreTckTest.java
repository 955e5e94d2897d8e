package dev.catalogstore.memory;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.Optional;

/**
 * Runs the whole TCK against one shared in-memory store, as an application would hold it: every
 * test works in fresh tenants of its own, so the shared store also proves that many tenants live
 * side by side without seeing each other. The store takes its time from a clock the TCK can stop,
 * so the rules about timestamps run too. It syncs federated catalogs with the TCK's fake remote.
 */
class InMemoryCatalogStoreTckTest extends CatalogStoreTck {
  private static final TckClock CLOCK = new TckClock();
  private static final InMemoryCatalogStore STORE =
      new InMemoryCatalogStore(CLOCK, FederatedConnectors.of(TckRemoteCatalog.CONNECTOR));

  @Override
  protected CatalogStore store() {
    return STORE;
  }

  @Override
  protected Optional<TckClock> clock() {
    return Optional.of(CLOCK);
  }
}
