package dev.catalogstore.tck.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The base of the multi-asset commit suites: the {@link LakeTenantSuite} fixture and snapshots of
 * some assets with their histories, to assert that a refused commit changed nothing.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class MultiAssetCommitSuite extends LakeTenantSuite {
  /** Some assets with their histories, by coordinates. */
  protected record Snapshot(
      Map<AssetRef, Optional<Asset>> assets, Map<AssetRef, List<MetadataLocation>> histories) {}

  protected Snapshot snapshot(AssetRef... refs) {
    Map<AssetRef, Optional<Asset>> assets = new LinkedHashMap<>();
    Map<AssetRef, List<MetadataLocation>> histories = new LinkedHashMap<>();
    for (AssetRef ref : refs) {
      assets.put(ref, get(ref));
      histories.put(ref, new ArrayList<>(history(ref)));
    }
    return new Snapshot(assets, histories);
  }
}
