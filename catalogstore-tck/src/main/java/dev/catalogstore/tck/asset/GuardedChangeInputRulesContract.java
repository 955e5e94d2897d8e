package dev.catalogstore.tck.asset;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.tenant.TenantId;
import org.junit.jupiter.api.Test;

/**
 * Specifies the input rules of guarded changes: a bad expectation is refused naming the field,
 * changes nothing, and is reported before a missing tenant or asset.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class GuardedChangeInputRulesContract extends GuardedChangeSuite {
  @Test
  void guardedChangesRejectABadExpectationNamingTheFieldAndChangeNothing() {
    AssetRef orders = table("orders");
    Asset before = read(orders);
    AssetRef onDev = new AssetRef(new BranchRef(CATALOG, "dev"), sales.path(), "renamed");

    assertInvalid("expected", () -> store().assets().delete(tenant, orders, null));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .delete(tenant, orders, AssetExpectation.ANY.withMetadataLocation(" ")));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .delete(tenant, orders, AssetExpectation.ANY.withMetadataLocation("s3://x\u0000")));
    assertInvalid(
        "expected",
        () -> store().assets().rename(tenant, orders, orders.withName("renamed"), null));
    assertInvalid(
        "expected.metadataLocation",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders,
                    orders.withName("renamed"),
                    AssetExpectation.ANY.withMetadataLocation("")));
    assertInvalid("to.branch", () -> store().assets().rename(tenant, orders, onDev, null));
    assertInvalid(
        "to.name",
        () ->
            store()
                .assets()
                .rename(
                    tenant,
                    orders,
                    orders.withName(" "),
                    AssetExpectation.ANY.withMetadataLocation("")));

    assertNotRenamed(orders, before, orders.withName("renamed"));
  }

  @Test
  void aBadExpectationIsReportedBeforeAMissingTenantOrAsset() {
    AssetRef missing = assetOnMain(sales, "missing");
    AssetExpectation bad = AssetExpectation.ANY.withMetadataLocation(" ");

    assertInvalid(
        "expected.metadataLocation",
        () -> store().assets().delete(TenantId.random(), missing, bad));
    assertInvalid("expected.metadataLocation", () -> store().assets().delete(tenant, missing, bad));
    assertInvalid(
        "expected.metadataLocation",
        () -> store().assets().rename(tenant, missing, missing.withName("x"), bad));
  }
}
