package dev.catalogstore.api.catalog;

/** Where a catalog's contents come from: a local warehouse, or a remote catalog. */
public sealed interface CatalogSource permits CatalogSource.Local, CatalogSource.Federated {
  /** The catalog's type. */
  CatalogType type();

  /**
   * A catalog kept by this store, whose files live in a warehouse of the same tenant.
   *
   * @param warehouse the warehouse's name; it must exist when the catalog is created
   */
  record Local(String warehouse) implements CatalogSource {
    @Override
    public CatalogType type() {
      return CatalogType.LOCAL;
    }
  }

  /**
   * A catalog mirrored from a remote catalog.
   *
   * @param connector how to reach the remote catalog
   */
  record Federated(ConnectorConfig connector) implements CatalogSource {
    @Override
    public CatalogType type() {
      return CatalogType.FEDERATED;
    }
  }
}
