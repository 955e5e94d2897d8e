package dev.catalogstore.tck.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The multi-asset commit ({@code assets().commitMetadataLocations}, Iceberg REST's multi-table
 * transaction) commits several assets of one catalog and branch as one all-or-nothing step; every
 * part is a compare-and-set. Bad input is refused naming the field, changes nothing, and is
 * reported before a missing tenant or asset.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class MultiAssetCommitInputRulesContract extends MultiAssetCommitSuite {
  @Test
  void aMultiAssetCommitRejectsBadInputNamingTheFieldAndChangesNothing() {
    newLocalCatalog(tenant, "pond");
    newNamespaces(tenant, "pond", "sales");
    AssetRef a = table("a");
    AssetRef b = table("b");
    AssetRef inPond = AssetRef.onMain("pond", sales.path(), "b");
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "b");
    Snapshot before = snapshot(a, b);
    AssetCommit goodA = new AssetCommit(a, MetadataCommit.replacing(v("a", 1), v("a", 2)));
    AssetCommit goodB = new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 2)));

    assertInvalid("tenant", () -> store().assets().commitMetadataLocations(null, List.of(goodA)));
    assertInvalid("commits", () -> store().assets().commitMetadataLocations(tenant, null));
    assertInvalid("commits", () -> store().assets().commitMetadataLocations(tenant, List.of()));
    assertInvalid(
        "commits[1]",
        () -> store().assets().commitMetadataLocations(tenant, Arrays.asList(goodA, null)));
    assertInvalid(
        "commits[1].asset",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(null, goodB.commit()))));
    assertInvalid(
        "commits[1].asset.name",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(b.withName(" "), goodB.commit()))));
    assertInvalid(
        "commits[1].commit",
        () ->
            store()
                .assets()
                .commitMetadataLocations(tenant, List.of(goodA, new AssetCommit(b, null))));
    assertInvalid(
        "commits[1].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(goodA, new AssetCommit(b, MetadataCommit.replacing(v("b", 1), " ")))));
    assertInvalid(
        "commits[1].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        goodA,
                        new AssetCommit(b, MetadataCommit.replacing(v("b", 1), v("b", 1))))));
    assertInvalid(
        "commits[1].commit.location",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(b, goodB.commit().withLocation("")))));
    assertInvalid(
        "commits[1].commit.properties.remove",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(
                        goodA,
                        new AssetCommit(
                            b,
                            goodB
                                .commit()
                                .withProperties(
                                    new PropertyUpdate(Map.of("k", "v"), Set.of("k")))))));
    assertInvalid(
        "commits[2].asset",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant,
                    List.of(goodA, goodB, new AssetCommit(a, MetadataCommit.first(v("a", 9))))));
    assertInvalid(
        "commits[1].asset.branch",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(onDev, goodB.commit()))));
    assertInvalid(
        "commits[1].asset.branch",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(goodA, new AssetCommit(inPond, goodB.commit()))));

    assertThat(snapshot(a, b)).isEqualTo(before);
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrAsset() {
    AssetRef missing = assetOnMain(sales, "missing");
    AssetCommit good = new AssetCommit(missing, MetadataCommit.first(v("missing", 1)));

    assertInvalid(
        "commits[1].asset",
        () -> store().assets().commitMetadataLocations(TenantId.random(), List.of(good, good)));
    assertInvalid(
        "commits[0].commit.next",
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    tenant, List.of(new AssetCommit(missing, MetadataCommit.first("")))));
  }
}
