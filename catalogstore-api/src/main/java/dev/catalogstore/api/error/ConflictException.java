package dev.catalogstore.api.error;

import java.util.Optional;

/**
 * A compare-and-set lost: the stored value was not the one the caller expected (a stale metadata
 * location, a moved branch head, a guarded change that found another asset). Carries the value the
 * store holds now, where known, so the caller can refresh and retry. Nothing was changed.
 *
 * <p>A store whose check and change are separate steps (a conditional statement, then a read that
 * explains why it matched nothing) may also give up when the value keeps changing between them, a
 * bounded number of times: the conflict then carries the value its last read found, which may even
 * be the one expected. The caller's remedy is the same: read again, and retry.
 */
public class ConflictException extends CatalogStoreException {
  private static final long serialVersionUID = 1L;

  private final String currentValue;

  /** A conflict whose current value is unknown or absent. */
  public ConflictException(String message) {
    this(message, null);
  }

  /** A conflict; {@code currentValue} is the value stored now, or {@code null} if there is none. */
  public ConflictException(String message, String currentValue) {
    super(message);
    this.currentValue = currentValue;
  }

  /** The value the store holds now; empty when there is none or it is unknown. */
  public Optional<String> currentValue() {
    return Optional.ofNullable(currentValue);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }
}
