package dev.catalogstore.api.asset;

import dev.catalogstore.api.common.PropertyUpdate;
import java.util.Objects;
import java.util.Optional;

/**
 * A compare-and-set of an asset's metadata location: replace {@code expected} (none, for an asset
 * that has never had one) with {@code next}, and, in the same atomic step, optionally move the
 * asset's storage {@code location} (Iceberg's {@code SET LOCATION}) and change its properties.
 *
 * <pre>{@code
 * MetadataCommit.replacing("s3://t/v1.json", "s3://t/v2.json")
 *     .withLocation("s3://new/t")
 *     .withProperties(PropertyUpdate.setting("owner", "ana"));
 * }</pre>
 */
public final class MetadataCommit {
  private final String expected;
  private final String next;
  private final String location;
  private final PropertyUpdate properties;

  private MetadataCommit(String expected, String next, String location, PropertyUpdate properties) {
    this.expected = expected;
    this.next = next;
    this.location = location;
    this.properties = properties;
  }

  /** Sets the first metadata location of an asset that has none yet. */
  public static MetadataCommit first(String next) {
    return new MetadataCommit(null, next, null, PropertyUpdate.NONE);
  }

  /** Replaces the current location {@code expected} with {@code next}. */
  public static MetadataCommit replacing(String expected, String next) {
    return new MetadataCommit(
        Objects.requireNonNull(expected, "expected"), next, null, PropertyUpdate.NONE);
  }

  /** This commit, also setting the asset's storage location to {@code newLocation}. */
  public MetadataCommit withLocation(String newLocation) {
    return new MetadataCommit(expected, next, newLocation, properties);
  }

  /** This commit, also applying {@code update} to the asset's properties. */
  public MetadataCommit withProperties(PropertyUpdate update) {
    return new MetadataCommit(expected, next, location, update);
  }

  /** The location the caller believes is current; empty if it believes there is none. */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /** The location to install. */
  public String next() {
    return next;
  }

  /** The asset's new storage location; empty to keep the current one. */
  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  /** The property changes applied with the commit; {@link PropertyUpdate#NONE} by default. */
  public PropertyUpdate properties() {
    return properties;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetadataCommit other
        && Objects.equals(expected, other.expected)
        && Objects.equals(next, other.next)
        && Objects.equals(location, other.location)
        && Objects.equals(properties, other.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(expected, next, location, properties);
  }

  @Override
  public String toString() {
    return "MetadataCommit["
        + expected
        + " -> "
        + next
        + (location != null ? ", location=" + location : "")
        + (properties != null && !properties.isEmpty() ? ", properties=" + properties : "")
        + "]";
  }
}
