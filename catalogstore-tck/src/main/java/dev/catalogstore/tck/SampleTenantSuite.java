package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.tenant.TenantId;

/**
 * The base of the suites that work on tenants filled with the {@link SampleTenant} content (the
 * isolation and cascade suites of every area): fresh sample tenants, complete snapshots of a
 * tenant, and the assertion that a tenant is unchanged.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class SampleTenantSuite extends TckSuite {
  /** A fresh tenant filled with the sample content, each object marked with {@code owner}. */
  protected TenantId sampleTenant(String owner) {
    TenantId tenant = newTenant();
    SampleTenant.fill(store(), tenant, owner);
    return tenant;
  }

  /** The id of the asset at {@code ref}, which must exist. */
  protected AssetId assetId(TenantId tenant, AssetRef ref) {
    return await(store().assets().get(tenant, ref)).orElseThrow().id();
  }

  /** Everything {@code tenant} holds now. */
  protected TenantSnapshot snapshot(TenantId tenant) {
    return TenantSnapshot.read(store(), tenant);
  }

  /** Asserts that {@code tenant} holds exactly what it held in {@code before}. */
  protected void assertUnchanged(TenantId tenant, TenantSnapshot before) {
    assertThat(snapshot(tenant)).as("everything tenant %s holds", tenant).isEqualTo(before);
  }

  /** Racers alternate between the store and its peer, as writers on two nodes would. */
  protected CatalogStore storeOf(int racer) {
    return racer % 2 == 0 ? store() : peerStore();
  }
}
