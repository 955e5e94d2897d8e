/**
 * The embedded in-memory {@link dev.catalogstore.api.CatalogStore}. Only {@link
 * dev.catalogstore.memory.InMemoryCatalogStore} is exported; its per-area classes are internal.
 */
module dev.catalogstore.memory {
  requires transitive dev.catalogstore.api;

  exports dev.catalogstore.memory;
}
