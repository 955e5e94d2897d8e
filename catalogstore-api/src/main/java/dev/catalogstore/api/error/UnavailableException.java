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
 * <h2>A lost reply</h2>
 *
 * A read, or a call the store refused before running it (a closed store, a full queue), changed
 * nothing. But <em>any</em> write whose reply was lost may have landed: a create, an update, a
 * rename, a delete, a commit, a merge, an append, a grant or a revocation. That is the case when a
 * write fails with this exception, and also when the caller stops waiting for its future (a
 * timeout, {@code cancel}: cancelling a future does not stop a write the store already sent). The
 * store itself never runs a write again when it cannot know whether it landed: PostgreSQL's store
 * runs a write again only when it knows nothing landed (PostgreSQL rolled the transaction back
 * after a serialization failure or a deadlock). The in-memory store reports this exception only for
 * a call it refused before running it (it was closed), so there nothing landed; a persistent
 * backend can lose a reply after its database committed.
 *
 * <p>Before retrying a write, or in place of retrying it, read the state back. By kind of write:
 *
 * <ul>
 *   <li><b>A create</b> (of a tenant, warehouse, catalog, namespace, asset, branch, tag, user,
 *       role, service user or token): a retry that fails with {@link AlreadyExistsException} may
 *       have met the first attempt's own object, or one another caller made meanwhile: {@code get}
 *       it and compare it with what was sent (a token's id is the caller's own, so it tells them
 *       apart; for the others compare the fields given).
 *   <li><b>An update</b> that sets values (properties set or removed by key, a replacement map, new
 *       storage, credentials, connector, grants, a display name, an API key, settings): applying it
 *       again leaves the same values, so a retry is safe; only {@code updatedAt} moves, and a
 *       change another caller made in between is overwritten, as it would be by any later update.
 *   <li><b>A rename</b> (of a tenant or an asset): a retry fails with {@link NotFoundException}
 *       (the old name is gone) or {@link AlreadyExistsException} (the new name is taken) if the
 *       first attempt landed: read the new name back.
 *   <li><b>A delete</b> (also a guarded one): a retry that fails with {@link NotFoundException}
 *       means the first attempt deleted it, or someone else did.
 *   <li><b>A metadata commit</b>: a retry that fails with a {@link ConflictException} whose {@code
 *       currentValue()} is the very location the first attempt tried to install means that first
 *       attempt landed. A caller that deletes the files of a failed commit must not delete that
 *       one: it is the table's current metadata. A multi-asset commit landed if every asset's
 *       current location is its {@code next} ({@link AssetsConflictException} lists them).
 *   <li><b>Idempotent by contract</b>: a role's {@code assign} and {@code revoke}, a permission's
 *       {@code grant} and {@code revoke}, a token's {@code revoke}, {@code cleanupExpired}, {@code
 *       recordUse}: a retry lands the same state (its returned flag then says "nothing to do").
 *   <li><b>A merge</b>: a retry after a landed merge has nothing left to bring ({@code UP_TO_DATE})
 *       unless the source moved meanwhile; read the target's head and its commits to tell.
 *   <li><b>A sync or a maintenance run</b>: a retry converges on the same state (a sync mirrors the
 *       remote as it is then; an expiry or a sweep finds nothing more to remove), but each run that
 *       landed records its own stats and audit event.
 *   <li><b>An audit append</b> is not idempotent: a retry after a landed append records the event
 *       twice, with two ids. To append at most once, list the log first (filtered by actor, action
 *       and resource) and look for the event.
 * </ul>
 *
 * A facet's Javadoc notes where its writes differ from this list.
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
