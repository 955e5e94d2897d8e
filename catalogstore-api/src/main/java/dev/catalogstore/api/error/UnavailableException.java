package dev.catalogstore.api.error;

/**
 * The backend could not be reached or did not answer in time. The call may or may not have taken
 * effect if it was a write whose outcome is unknown; retrying a compare-and-set is always safe.
 */
public class UnavailableException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
