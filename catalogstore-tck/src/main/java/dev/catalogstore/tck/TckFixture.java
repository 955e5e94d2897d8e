package dev.catalogstore.tck;

import dev.catalogstore.api.CatalogStore;
import java.util.Optional;

/**
 * What a contract suite runs against.
 *
 * @param store the store under test
 * @param peerStore a second store over the same data, as a second application node would hold; the
 *     same instance as {@code store} for a backend whose data lives in one process
 * @param clock the clock both stores read, when the backend lets the TCK control it
 */
public record TckFixture(CatalogStore store, CatalogStore peerStore, Optional<TckClock> clock) {}
