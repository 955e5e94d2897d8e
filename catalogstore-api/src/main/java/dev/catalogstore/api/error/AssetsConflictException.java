package dev.catalogstore.api.error;

import dev.catalogstore.api.asset.AssetRef;
import java.util.List;
import java.util.Optional;

/**
 * A multi-asset commit lost: at least one asset's metadata location was not the one expected, so
 * nothing was committed. {@link #conflicts()} lists every stale asset with the location stored now,
 * so the caller can refresh exactly those and retry.
 */
public class AssetsConflictException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final transient List<StaleAsset> conflicts;

  public AssetsConflictException(String message, List<StaleAsset> conflicts) {
    super(message);
    this.conflicts = List.copyOf(conflicts);
  }

  /**
   * Every asset whose expected metadata location did not hold, in the order of the request. Empty
   * after Java serialization, which does not carry the list (its values are not serializable).
   */
  public List<StaleAsset> conflicts() {
    return conflicts == null ? List.of() : conflicts;
  }

  /**
   * One stale part of a multi-asset commit.
   *
   * @param asset the asset's coordinates as given
   * @param expected the metadata location the caller expected; empty for "none yet"
   * @param current the metadata location stored now; empty if it has none
   */
  public record StaleAsset(AssetRef asset, Optional<String> expected, Optional<String> current) {}
}
