package dev.catalogstore.memory.tckproof;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.spi.ComposedCatalogStore;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A deliberately broken store: the in-memory store with one realistic defect, and the TCK tests
 * that must catch it. Each test named in {@link #caughtBy()} must fail against this store and pass
 * against the honest store, so the failure is the defect's doing.
 *
 * @param name a short name for the report
 * @param defect what is broken, as a backend would get it wrong
 * @param breakage replaces the facets the defect lives in; called once per store built, so state
 *     captured inside it belongs to one store
 * @param caughtBy the TCK tests that must fail, each as nested suite and test method name
 * @param remote wraps the connector the store reads the TCK's fake remote with, for a defect in how
 *     a store reads a remote catalog; called once per store built, so state captured inside it
 *     belongs to one store ({@link UnaryOperator#identity()} for every other defect)
 */
record BrokenStore(
    String name,
    String defect,
    UnaryOperator<StoreFacets> breakage,
    List<TckTest> caughtBy,
    UnaryOperator<FederatedCatalogConnector> remote) {

  /** A broken store whose defect lies in its facets alone. */
  BrokenStore(
      String name, String defect, UnaryOperator<StoreFacets> breakage, List<TckTest> caughtBy) {
    this(name, defect, breakage, caughtBy, UnaryOperator.identity());
  }

  /** A TCK test, by the simple name of its nested suite in the TCK and its method name. */
  record TckTest(String suite, String method) {
    @Override
    public String toString() {
      return suite + "." + method;
    }
  }

  static TckTest test(String suite, String method) {
    return new TckTest(suite, method);
  }

  /**
   * A fresh store with this defect, taking its time from {@code clock}, syncing with the TCK's fake
   * remote.
   */
  CatalogStore open(TckClock clock) {
    return ComposedCatalogStore.decorate(
        new InMemoryCatalogStore(
            clock, FederatedConnectors.of(remote.apply(TckRemoteCatalog.CONNECTOR))),
        breakage);
  }

  @Override
  public String toString() {
    return name + " (" + defect + ")";
  }
}
