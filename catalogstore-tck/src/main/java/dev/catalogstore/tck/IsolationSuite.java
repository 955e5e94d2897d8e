package dev.catalogstore.tck;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.SALES;
import static dev.catalogstore.tck.SampleTenant.WAREHOUSE;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.Warehouse;
import java.util.Map;

/**
 * The base of every area's isolation suite (tenant isolation, the first rule, DESIGN §2.2): nothing
 * of one tenant is observable or changeable through another, not by name, not by an id, not through
 * a page token.
 *
 * <p>Each test builds {@link Twins twin tenants} A and B holding identical names and metadata
 * locations (the {@link SampleTenant} content; only the property {@code owner} tells their objects
 * apart), acts on A, or under B with A's names, ids or page tokens, and proves B unchanged (by a
 * complete {@link TenantSnapshot}) and A unreachable from B. There is one test per facet method,
 * marked with {@link IsolationCase}; {@link IsolationGuardContract} fails for a facet method that
 * has none.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class IsolationSuite extends SampleTenantSuite {
  /** A warehouse name that only tenant A gets, so that B reaching it is a leak. */
  protected static final String A_ONLY_WAREHOUSE = "wh-a-only";

  /** A catalog name that only tenant A gets. */
  protected static final String A_ONLY_CATALOG = "pond";

  /** A namespace that only tenant A gets. */
  protected static final NamespaceRef A_ONLY_NAMESPACE = NamespaceRef.of(CATALOG, "marketing");

  /** An asset that only tenant A gets, next to the sample's {@code orders}. */
  protected static final AssetRef A_ONLY_ASSET = AssetRef.onMain(SALES, "returns");

  /** The metadata location of {@link #A_ONLY_ASSET} as {@link #createAOnlyAsset} creates it. */
  protected static final String A_ONLY_ASSET_METADATA = "s3://lake/sales/returns/1.json";

  /**
   * Tenants A and B, each filled with the sample content.
   *
   * @param a tenant A's id
   * @param aName tenant A's name
   * @param b tenant B's id
   * @param bName tenant B's name
   */
  protected record Twins(TenantId a, String aName, TenantId b, String bName) {}

  /** Creates twin tenants A and B with the sample content, owners {@code "A"} and {@code "B"}. */
  protected Twins twins() {
    String prefix = uniqueName("twin");
    Tenant a = await(store().tenants().create(NewTenant.named(prefix + "-a")));
    Tenant b = await(store().tenants().create(NewTenant.named(prefix + "-b")));
    SampleTenant.fill(store(), a.id(), "A");
    SampleTenant.fill(store(), b.id(), "B");
    return new Twins(a.id(), a.name(), b.id(), b.name());
  }

  /** Gives A the warehouse {@link #A_ONLY_WAREHOUSE}. */
  protected Warehouse createAOnlyWarehouse(Twins twins) {
    return await(
        store()
            .warehouses()
            .create(twins.a(), NewWarehouse.of(A_ONLY_WAREHOUSE, fileStorage(A_ONLY_WAREHOUSE))));
  }

  /** Gives A the catalog {@link #A_ONLY_CATALOG} on the sample warehouse. */
  protected Catalog createAOnlyCatalog(Twins twins) {
    return await(store().catalogs().create(twins.a(), NewCatalog.local(A_ONLY_CATALOG, WAREHOUSE)));
  }

  /** Gives A the namespace {@link #A_ONLY_NAMESPACE}. */
  protected Namespace createAOnlyNamespace(Twins twins) {
    return await(store().namespaces().create(twins.a(), A_ONLY_NAMESPACE, Map.of("owner", "A")));
  }

  /** Gives A the Iceberg table {@link #A_ONLY_ASSET}, metadata {@link #A_ONLY_ASSET_METADATA}. */
  protected Asset createAOnlyAsset(Twins twins) {
    return await(
        store()
            .assets()
            .create(
                twins.a(),
                A_ONLY_ASSET,
                NewAsset.icebergTable("s3://lake/sales/returns", A_ONLY_ASSET_METADATA)));
  }
}
