package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.ForwardingCatalogStore;

/**
 * The control: a decorator that changes nothing. Every test a broken store is expected to fail
 * passes against it, so a failure is caused by the break and not by the test or the decorator.
 */
final class HonestStore extends ForwardingCatalogStore {
  HonestStore() {
    super(new InMemoryCatalogStore());
  }

  /** The TCK against this store; run only by {@link TckCatchesBrokenStoresTest}. */
  static final class TckRun extends CatalogStoreTck {
    private final CatalogStore store = new HonestStore();

    @Override
    protected CatalogStore store() {
      return store;
    }
  }
}
