package dev.catalogstore.api.error;

/**
 * The named object, or one of its parents, does not exist in the caller's tenant. An object that
 * exists only in another tenant is reported exactly like one that does not exist at all.
 */
public class NotFoundException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
