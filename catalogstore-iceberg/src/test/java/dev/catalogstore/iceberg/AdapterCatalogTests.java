package dev.catalogstore.iceberg;

import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Iceberg's own {@link CatalogTests}, unchanged, against the adapter. Each capability flag says
 * what the adapter does, and why.
 */
abstract class AdapterCatalogTests<C extends Catalog & SupportsNamespaces> extends CatalogTests<C> {

  /** Namespaces carry properties in the store, set, merged and removed atomically. */
  @Override
  protected boolean supportsNamespaceProperties() {
    return true;
  }

  /** The store's namespaces are hierarchical, at any depth. */
  @Override
  protected boolean supportsNestedNamespaces() {
    return true;
  }

  /**
   * A table or view lives in a namespace that exists: the store refuses an asset in a missing
   * namespace ({@code NoSuchNamespaceException}) rather than inventing the namespace.
   */
  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  /**
   * The adapter never rewrites a commit on the server side: a commit is a compare-and-set of the
   * metadata pointer, and a lost one is retried by Iceberg's client on fresh metadata.
   */
  @Override
  protected boolean supportsServerSideRetry() {
    return SuiteCapabilities.answer(
        "supportsServerSideRetry",
        false,
        "The adapter never rewrites a commit on the server side: a commit is a compare-and-set of the metadata pointer, and a lost one is retried by Iceberg's client on fresh metadata.");
  }

  /** A location the caller asks for is kept as given. */
  @Override
  protected boolean overridesRequestedLocation() {
    return SuiteCapabilities.answer(
        "overridesRequestedLocation", false, "A location the caller asks for is kept as given.");
  }

  /** Store names keep every printable character, slashes included. */
  @Override
  protected boolean supportsNamesWithSlashes() {
    return true;
  }

  /**
   * Store names keep dots, and a namespace level is one store segment: {@code ["a.b"]} and {@code
   * ["a", "b"]} are different namespaces.
   */
  @Override
  protected boolean supportsNamesWithDot() {
    return true;
  }

  /** The store keeps tables and views in namespaces, never at a catalog's root. */
  @Override
  protected boolean supportsEmptyNamespace() {
    return SuiteCapabilities.answer(
        "supportsEmptyNamespace",
        false,
        "The store keeps tables and views in namespaces, never at a catalog's root.");
  }

  /**
   * Locations the suite asks for lie in this run's temporary directory (see {@link SuiteCatalogs}).
   */
  @Override
  protected String baseTableLocation(TableIdentifier identifier) {
    return SuiteCatalogs.requestedTableLocation(identifier.namespace() + "/" + identifier.name());
  }
}
