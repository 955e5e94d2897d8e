package dev.catalogstore.api.error;

/**
 * The root of every failure a {@code CatalogStore} reports. Store futures fail only with subclasses
 * of this type, never with a raw {@code SQLException} or a bare runtime exception, so a caller can
 * branch on the type instead of parsing messages.
 *
 * <p>Messages name only what the caller supplied: they never reveal data of another tenant.
 */
public abstract class CatalogStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected CatalogStoreException(String message) {
    super(message);
  }

  protected CatalogStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Whether repeating the same call later may succeed without changing it. */
  public boolean isRetryable() {
    return false;
  }
}
