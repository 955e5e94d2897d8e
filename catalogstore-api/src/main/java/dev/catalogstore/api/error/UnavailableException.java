package dev.catalogstore.api.error;

/**
 * The backend could not be reached or did not answer in time. A read or a refused call changed
 * nothing; a write whose reply was lost may or may not have taken effect.
 *
 * <p>Retrying a metadata commit is safe, but read its outcome with care: if the retry fails with
 * a {@link ConflictException} whose {@code currentValue()} is the very location the first attempt
 * tried to install, that first attempt landed. A caller that deletes the files of a failed commit
 * must not delete that one: it is the table's current metadata.
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
