package dev.catalogstore.memory;

import dev.catalogstore.api.error.CatalogStoreException;

/**
 * A failure that is not the caller's fault: a defect of the in-memory store surfaced as a runtime
 * exception. It keeps the contract that futures fail only with {@link CatalogStoreException}
 * subclasses, and carries the original exception as its cause for the bug report. Retrying the same
 * call will fail the same way.
 */
final class UnexpectedStoreFailure extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  UnexpectedStoreFailure(RuntimeException cause) {
    super("internal error in the in-memory catalog store: " + cause, cause);
  }
}
