package dev.catalogstore.api.asset;

import java.util.Objects;
import java.util.Optional;

/**
 * A compare-and-set of an asset's metadata location: replace {@code expected} (none, for an asset
 * that has never had one) with {@code next}.
 */
public final class MetadataCommit {
  private final String expected;
  private final String next;

  private MetadataCommit(String expected, String next) {
    this.expected = expected;
    this.next = next;
  }

  /** Sets the first metadata location of an asset that has none yet. */
  public static MetadataCommit first(String next) {
    return new MetadataCommit(null, next);
  }

  /** Replaces the current location {@code expected} with {@code next}. */
  public static MetadataCommit replacing(String expected, String next) {
    return new MetadataCommit(Objects.requireNonNull(expected, "expected"), next);
  }

  /** The location the caller believes is current; empty if it believes there is none. */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /** The location to install. */
  public String next() {
    return next;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetadataCommit other
        && Objects.equals(expected, other.expected)
        && Objects.equals(next, other.next);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expected, next);
  }

  @Override
  public String toString() {
    return "MetadataCommit[" + expected + " -> " + next + "]";
  }
}
