package dev.catalogstore.tck.asset;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;

/**
 * The base of the metadata pointer suites: the {@link LakeTenantSuite} fixture plus tables with or
 * without a first metadata location.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class MetadataPointerSuite extends LakeTenantSuite {
  /** The {@code n}th metadata file of the sample table. */
  protected static String v(int n) {
    return "s3://lake/sales/orders/metadata/" + n + ".metadata.json";
  }

  protected AssetRef tableWithoutMetadata(String name) {
    AssetRef ref = assetOnMain(sales, name);
    await(store().assets().create(tenant, ref, NewAsset.of(AssetKind.ICEBERG_TABLE)));
    return ref;
  }

  protected AssetRef tableWithMetadata(String name, String metadataLocation) {
    AssetRef ref = assetOnMain(sales, name);
    await(
        store()
            .assets()
            .create(
                tenant, ref, NewAsset.icebergTable("s3://lake/sales/" + name, metadataLocation)));
    return ref;
  }
}
