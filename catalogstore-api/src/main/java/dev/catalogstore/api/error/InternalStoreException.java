package dev.catalogstore.api.error;

/**
 * The store hit a defect of its own: an exception it did not expect, carried as the cause for the
 * bug report. It is neither the caller's fault nor an outage, so it is not retryable: the same call
 * would fail the same way. Backends use it so that even their bugs reach callers as a {@link
 * CatalogStoreException}.
 */
public class InternalStoreException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  public InternalStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
