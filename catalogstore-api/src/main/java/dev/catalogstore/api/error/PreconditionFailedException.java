package dev.catalogstore.api.error;

/**
 * The current state forbids the change: a namespace that is not empty, a warehouse still used by a
 * catalog, the reserved system tenant, and similar.
 */
public class PreconditionFailedException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  public PreconditionFailedException(String message) {
    super(message);
  }
}
