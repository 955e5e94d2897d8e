package dev.catalogstore.tck.version;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS;
import static dev.catalogstore.tck.SampleTenant.CUSTOMERS_V1;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS_V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the asset changes that record a {@link CommitMeta}: one {@link IsolationCase}
 * per overload, each proving that the change and its commit land in the caller's tenant only (the
 * other twin's assets, branches and histories read exactly as before), and that a call under tenant
 * B naming what only A has fails as missing and writes no commit in either tenant (see {@link
 * IsolationSuite} for the twin tenants and {@link HistorySuite#versionedTwins} for their branches).
 */
public abstract class CommitMetaIsolationContract extends HistorySuite {
  private static final BranchRef MAIN = BranchRef.main(CATALOG);
  private static final CommitMeta BY_A = CommitMeta.of("alice", "a change of tenant A");
  private static final CommitMeta BY_B = CommitMeta.of("bob", "a change of tenant B");

  @Test
  @IsolationCase("assets.create/4")
  void createWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    Commit aCommit =
        appendedBy(
            twins.a(),
            MAIN,
            () ->
                await(
                    store()
                        .assets()
                        .create(twins.a(), A_ONLY_ASSET, NewAsset.of(AssetKind.FILE), BY_A)));
    assertThat(aCommit.meta()).isEqualTo(BY_A);
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .create(
                    twins.b(),
                    onBranch(A_ONLY_BRANCH, A_ONLY_ASSET),
                    NewAsset.of(AssetKind.FILE),
                    BY_B));
    assertUnchanged(twins.b(), bBefore);
    Commit bCommit =
        appendedBy(
            twins.b(),
            MAIN,
            () ->
                await(
                    store()
                        .assets()
                        .create(twins.b(), A_ONLY_ASSET, NewAsset.of(AssetKind.FILE), BY_B)));
    assertThat(bCommit.meta()).isEqualTo(BY_B);
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("assets.rename/5")
  void renameWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    Asset aOrders = asset(twins.a(), ORDERS_ON_DEV);
    TenantSnapshot bBefore = snapshot(twins.b());

    appendedBy(
        twins.a(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .rename(
                        twins.a(),
                        ORDERS_ON_DEV,
                        ORDERS_ON_DEV.withName("renamed"),
                        AssetExpectation.of(aOrders),
                        BY_A)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    // B's orders on dev is not the asset A read under that name: its id tells them apart.
    assertFails(
        ConflictException.class,
        () ->
            store()
                .assets()
                .rename(
                    twins.b(),
                    ORDERS_ON_DEV,
                    ORDERS_ON_DEV.withName("stolen"),
                    AssetExpectation.of(aOrders),
                    BY_B));
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .rename(
                    twins.b(),
                    onBranch(A_ONLY_BRANCH, CUSTOMERS),
                    onBranch(A_ONLY_BRANCH, CUSTOMERS).withName("stolen"),
                    AssetExpectation.ANY,
                    BY_B));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.updateProperties/4")
  void updatePropertiesWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());

    appendedBy(
        twins.a(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .updateProperties(
                        twins.a(), ORDERS_ON_DEV, PropertyUpdate.setting("k", "A"), BY_A)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .updateProperties(
                    twins.b(),
                    onBranch(A_ONLY_BRANCH, CUSTOMERS),
                    PropertyUpdate.setting("k", "B"),
                    BY_B));
    assertUnchanged(twins.b(), bBefore);
    appendedBy(
        twins.b(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .updateProperties(
                        twins.b(), ORDERS_ON_DEV, PropertyUpdate.setting("k", "B"), BY_B)));
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("assets.delete/4")
  void deleteWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    Asset aOrders = asset(twins.a(), ORDERS_ON_DEV);
    TenantSnapshot bBefore = snapshot(twins.b());

    appendedBy(
        twins.a(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .delete(twins.a(), ORDERS_ON_DEV, AssetExpectation.of(aOrders), BY_A)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertFails(
        ConflictException.class,
        () ->
            store().assets().delete(twins.b(), ORDERS_ON_DEV, AssetExpectation.of(aOrders), BY_B));
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .delete(twins.b(), onBranch(A_ONLY_BRANCH, CUSTOMERS), AssetExpectation.ANY, BY_B));
    assertUnchanged(twins.a(), aBefore);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("assets.commitMetadataLocation/4")
  void commitMetadataLocationWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());
    String aNext = ORDERS_V2 + ".a";
    String bNext = ORDERS_V2 + ".b";

    appendedBy(
        twins.a(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .commitMetadataLocation(
                        twins.a(),
                        ORDERS_ON_DEV,
                        MetadataCommit.replacing(ORDERS_V2, aNext),
                        BY_A)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    // B's pointer still holds the location both started from, whatever A committed.
    appendedBy(
        twins.b(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .commitMetadataLocation(
                        twins.b(),
                        ORDERS_ON_DEV,
                        MetadataCommit.replacing(ORDERS_V2, bNext),
                        BY_B)));
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .commitMetadataLocation(
                    twins.b(),
                    onBranch(A_ONLY_BRANCH, ORDERS),
                    MetadataCommit.replacing(ORDERS_V2, bNext + ".2"),
                    BY_B));
    assertUnchanged(twins.a(), aBefore);
  }

  @Test
  @IsolationCase("assets.commitMetadataLocations/3")
  void commitMetadataLocationsWithMetaCommitsInTheCallersBranchOnly() {
    Twins twins = versionedTwins();
    TenantSnapshot bBefore = snapshot(twins.b());
    AssetRef customersOnDev = onBranch(DEV, CUSTOMERS);

    appendedBy(
        twins.a(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .commitMetadataLocations(twins.a(), bothCommits(customersOnDev, ".a"), BY_A)));
    assertUnchanged(twins.b(), bBefore);

    TenantSnapshot aBefore = snapshot(twins.a());
    assertMissing(
        ObjectType.BRANCH,
        () ->
            store()
                .assets()
                .commitMetadataLocations(
                    twins.b(),
                    List.of(
                        new AssetCommit(
                            onBranch(A_ONLY_BRANCH, ORDERS),
                            MetadataCommit.replacing(ORDERS_V2, ORDERS_V2 + ".b")),
                        new AssetCommit(
                            onBranch(A_ONLY_BRANCH, CUSTOMERS),
                            MetadataCommit.replacing(CUSTOMERS_V1, CUSTOMERS_V1 + ".b"))),
                    BY_B));
    assertUnchanged(twins.b(), bBefore);
    appendedBy(
        twins.b(),
        DEV,
        () ->
            await(
                store()
                    .assets()
                    .commitMetadataLocations(twins.b(), bothCommits(customersOnDev, ".b"), BY_B)));
    assertUnchanged(twins.a(), aBefore);
  }

  private static List<AssetCommit> bothCommits(AssetRef customersOnDev, String suffix) {
    return List.of(
        new AssetCommit(ORDERS_ON_DEV, MetadataCommit.replacing(ORDERS_V2, ORDERS_V2 + suffix)),
        new AssetCommit(
            customersOnDev, MetadataCommit.replacing(CUSTOMERS_V1, CUSTOMERS_V1 + suffix)));
  }
}
