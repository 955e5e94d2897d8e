package dev.catalogstore.api.asset;

import java.util.Objects;
import java.util.Optional;

/**
 * What a guarded {@code delete} or {@code rename} expects of the asset it acts on: its id, its kind
 * and/or its current metadata location, as the caller read them. Attributes not named are not
 * checked; {@link #ANY} checks nothing.
 *
 * <pre>{@code
 * Asset read = store.assets().get(tenant, ref).join().orElseThrow();
 * store.assets().delete(tenant, ref, AssetExpectation.of(read));  // never drops a replacement
 * }</pre>
 */
public final class AssetExpectation {
  /** Checks nothing: the unguarded call. */
  public static final AssetExpectation ANY = new AssetExpectation(null, null, null, false);

  private final AssetId id;
  private final AssetKind kind;
  private final String metadataLocation;
  private final boolean checksMetadataLocation;

  private AssetExpectation(
      AssetId id, AssetKind kind, String metadataLocation, boolean checksMetadataLocation) {
    this.id = id;
    this.kind = kind;
    this.metadataLocation = metadataLocation;
    this.checksMetadataLocation = checksMetadataLocation;
  }

  /** Expects exactly the asset that was read: its id, kind and current metadata location. */
  public static AssetExpectation of(Asset read) {
    Objects.requireNonNull(read, "read");
    return new AssetExpectation(read.id(), read.kind(), read.metadataLocation().orElse(null), true);
  }

  /** This expectation, also requiring the asset's id to be {@code expectedId}. */
  public AssetExpectation withId(AssetId expectedId) {
    // A null would silently drop the guard; a caller meaning "no check" uses ANY.
    Objects.requireNonNull(expectedId, "expectedId");
    return new AssetExpectation(expectedId, kind, metadataLocation, checksMetadataLocation);
  }

  /** This expectation, also requiring the asset's kind to be {@code expectedKind}. */
  public AssetExpectation withKind(AssetKind expectedKind) {
    Objects.requireNonNull(expectedKind, "expectedKind");
    return new AssetExpectation(id, expectedKind, metadataLocation, checksMetadataLocation);
  }

  /**
   * This expectation, also requiring the asset's current metadata location to be {@code
   * expectedLocation}.
   */
  public AssetExpectation withMetadataLocation(String expectedLocation) {
    // A null would silently mean "has none"; withoutMetadataLocation() says so explicitly.
    Objects.requireNonNull(expectedLocation, "expectedLocation");
    return new AssetExpectation(id, kind, expectedLocation, true);
  }

  /** This expectation, also requiring that the asset has no metadata location. */
  public AssetExpectation withoutMetadataLocation() {
    return new AssetExpectation(id, kind, null, true);
  }

  /** The id required, if any. */
  public Optional<AssetId> id() {
    return Optional.ofNullable(id);
  }

  /** The kind required, if any. */
  public Optional<AssetKind> kind() {
    return Optional.ofNullable(kind);
  }

  /**
   * Whether the metadata location is checked; if so, {@link #metadataLocation()} is the value
   * required (empty: the asset must have none).
   */
  public boolean checksMetadataLocation() {
    return checksMetadataLocation;
  }

  /** The metadata location required when {@link #checksMetadataLocation()}; empty means none. */
  public Optional<String> metadataLocation() {
    return Optional.ofNullable(metadataLocation);
  }

  /**
   * The first attribute of {@code actual} that breaks this expectation, described for an error
   * message and with the value stored now; empty if {@code actual} meets it. Backends use this so
   * that every backend reports a mismatch the same way.
   */
  public Optional<Mismatch> mismatch(
      AssetId actualId, AssetKind actualKind, Optional<String> actualMetadataLocation) {
    if (id != null && !id.equals(actualId)) {
      return Optional.of(new Mismatch("id", actualId.toString()));
    }
    if (kind != null && kind != actualKind) {
      return Optional.of(new Mismatch("kind", actualKind.name()));
    }
    if (checksMetadataLocation
        && !Objects.equals(metadataLocation, actualMetadataLocation.orElse(null))) {
      return Optional.of(new Mismatch("metadataLocation", actualMetadataLocation.orElse(null)));
    }
    return Optional.empty();
  }

  /**
   * An attribute that did not hold.
   *
   * @param attribute {@code id}, {@code kind} or {@code metadataLocation}
   * @param currentValue the value stored now; {@code null} for an absent metadata location
   */
  public record Mismatch(String attribute, String currentValue) {}

  @Override
  public boolean equals(Object o) {
    return o instanceof AssetExpectation other
        && Objects.equals(id, other.id)
        && kind == other.kind
        && Objects.equals(metadataLocation, other.metadataLocation)
        && checksMetadataLocation == other.checksMetadataLocation;
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, kind, metadataLocation, checksMetadataLocation);
  }

  @Override
  public String toString() {
    return "AssetExpectation[id="
        + id
        + ", kind="
        + kind
        + (checksMetadataLocation ? ", metadataLocation=" + metadataLocation : "")
        + "]";
  }
}
