package dev.catalogstore.iceberg;

import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.ViewCatalog;
import org.apache.iceberg.view.ViewCatalogTests;

/**
 * Iceberg's own {@link ViewCatalogTests}, unchanged, against the adapter; the flags are those of
 * {@link AdapterCatalogTests}, for the same reasons.
 */
abstract class AdapterViewCatalogTests<C extends ViewCatalog & SupportsNamespaces>
    extends ViewCatalogTests<C> {

  /** A view lives in a namespace that exists; the store never invents one. */
  @Override
  protected boolean requiresNamespaceCreate() {
    return true;
  }

  /** A location the caller asks for is kept as given. */
  @Override
  protected boolean overridesRequestedLocation() {
    return SuiteCapabilities.answer(
        "overridesRequestedLocation", false, "A location the caller asks for is kept as given.");
  }

  /** Commits are compare-and-sets retried by Iceberg's client, never rewritten by a server. */
  @Override
  protected boolean supportsServerSideRetry() {
    return SuiteCapabilities.answer(
        "supportsServerSideRetry",
        false,
        "Commits are compare-and-sets retried by Iceberg's client, never rewritten by a server.");
  }

  /** Nothing lives at a catalog's root in the store. */
  @Override
  protected boolean supportsEmptyNamespace() {
    return SuiteCapabilities.answer(
        "supportsEmptyNamespace", false, "Nothing lives at a catalog's root in the store.");
  }
}
