package dev.catalogstore.api.error;

/**
 * The backend could not be reached or did not answer in time, or it is overloaded or closed;
 * retryable.
 *
 * <p><b>How soon.</b> A call to a backend that cannot reach its storage fails within a bound that
 * does not grow with the number of calls waiting: on PostgreSQL ({@code JdbcStoreConfig}) at once
 * once the store has found the database down, otherwise at most {@code connectionTimeout} after the
 * call's turn came, or {@code queryTimeout} plus 5 s for a statement already running when the
 * network went silent. The store serves again, without being reopened, about half a second after
 * the database accepts connections again.
 *
 * <p><b>A lost reply.</b> A read, or a call refused before it was sent, changed nothing. But
 * <em>any</em> write whose reply was lost may have landed: a create, an update, a rename, a delete
 * or a commit. Before retrying a write, or in place of retrying it, read the state back:
 *
 * <ul>
 *   <li>a retried create that fails with {@link AlreadyExistsException} may be the first attempt's
 *       own object: compare what {@code get} returns with what was sent;
 *   <li>a retried delete that fails with {@link NotFoundException} means the first attempt deleted
 *       it (or someone else did);
 *   <li>a retried metadata commit that fails with a {@link ConflictException} whose {@code
 *       currentValue()} is the very location the first attempt tried to install means that first
 *       attempt landed. A caller that deletes the files of a failed commit must not delete that
 *       one: it is the table's current metadata. A multi-asset commit landed if every asset's
 *       current location is its {@code next}.
 * </ul>
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
