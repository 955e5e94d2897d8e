package dev.catalogstore.api.error;

import java.util.Objects;

/**
 * The named object, or one of its parents, does not exist in the caller's tenant. {@link
 * #missing()} says which: for an asset write under a missing namespace it is {@link
 * ObjectType#NAMESPACE}, for a missing asset {@link ObjectType#ASSET}. The outermost missing thing
 * is reported: under a missing tenant, {@code TENANT}; under a missing catalog, {@code CATALOG}.
 *
 * <p>An object that exists only in another tenant is reported exactly like one that does not exist
 * at all.
 */
public class NotFoundException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  private final ObjectType missing;

  public NotFoundException(ObjectType missing, String message) {
    super(message);
    this.missing = Objects.requireNonNull(missing, "missing");
  }

  /** What does not exist: the object named by the call, or the parent that is missing. */
  public ObjectType missing() {
    return missing;
  }
}
