package dev.catalogstore.api.error;

/** A create (or rename) targeted a key that is taken. Creates never overwrite. */
public class AlreadyExistsException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message) {
    super(message);
  }
}
