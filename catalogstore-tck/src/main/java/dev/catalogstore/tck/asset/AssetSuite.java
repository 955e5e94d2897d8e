package dev.catalogstore.tck.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.tck.PagedReads;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The base of the suites for the rules of {@link dev.catalogstore.api.asset.Assets} other than the
 * metadata compare-and-set: the {@link LakeTenantSuite} fixture plus requests that set every field,
 * tables whose metadata files are named after their coordinates, and whole lists of a namespace.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class AssetSuite extends LakeTenantSuite {
  /** A request for an asset of {@code kind} that sets every field, with values of its own. */
  protected static NewAsset everyField(AssetKind kind, AssetRef ref) {
    String base =
        "s3://"
            + ref.catalog()
            + "/"
            + String.join("/", ref.namespace().segments())
            + "/"
            + ref.name();
    return NewAsset.builder(kind)
        .location(base + "/data-" + kind.name().toLowerCase())
        .metadataLocation(base + "/metadata/00001-" + kind.name().toLowerCase() + ".json")
        .properties(Map.of("kind", kind.name(), "owner", "ops-" + kind.ordinal(), "empty", ""))
        .build();
  }

  /** An Iceberg table at {@code ref} whose first metadata location is {@code metadata(ref, 1)}. */
  protected Asset createTable(AssetRef ref) {
    return await(
        store()
            .assets()
            .create(
                tenant,
                ref,
                NewAsset.icebergTable(
                    "s3://"
                        + ref.catalog()
                        + "/"
                        + String.join("/", ref.namespace().segments())
                        + "/"
                        + ref.name(),
                    metadata(ref, 1))));
  }

  /** The {@code n}th metadata file of the table at {@code ref}. */
  protected static String metadata(AssetRef ref, int n) {
    return "s3://"
        + ref.catalog()
        + "/"
        + String.join("/", ref.namespace().segments())
        + "/"
        + ref.name()
        + "/metadata/"
        + n
        + ".metadata.json";
  }

  protected Page<Asset> list(NamespaceRef namespace, PageRequest page) {
    return await(
        store().assets().list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page));
  }

  protected List<Asset> listAll(NamespaceRef namespace) {
    return PagedReads.all(
        page ->
            store()
                .assets()
                .list(tenant, BranchRef.main(namespace.catalog()), namespace.path(), page));
  }

  protected static List<String> names(List<Asset> assets) {
    return assets.stream().map(a -> a.ref().name()).toList();
  }

  /** A map that may hold a null value, to carry bad input to the store. */
  protected static Map<String, String> mapOf(String key, String value) {
    Map<String, String> map = new HashMap<>();
    map.put(key, value);
    return map;
  }
}
