package dev.catalogstore.api.catalog;

/** Whether a catalog's contents live in this store or are mirrored from a remote catalog. */
public enum CatalogType {
  /** Contents are kept by this store; files live in a warehouse of the tenant. */
  LOCAL,
  /** Contents are mirrored from a remote catalog through a connector. */
  FEDERATED
}
