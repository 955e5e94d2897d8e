package dev.catalogstore.tck;

import static dev.catalogstore.tck.TckSuite.await;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.Credentials;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.Map;

/**
 * The sample content the isolation and cascade suites put into a tenant, under names every test can
 * refer to:
 *
 * <pre>
 * warehouse "wh"
 * catalog   "lake" (LOCAL, on "wh")
 *   namespace "sales"        asset "orders"     history: ORDERS_V1, ORDERS_V2
 *   namespace "sales"."eu"   asset "customers"  history: CUSTOMERS_V1
 * </pre>
 *
 * <p>Two tenants filled with it hold identical names and identical metadata locations. Every object
 * also carries the property {@code owner}, and the warehouse a secret, that differ per tenant, so
 * that an object served to the wrong tenant is told apart even where it has no id.
 *
 * <p>Support for the TCK's own suites (public so that the per-area packages can use it); a backend
 * does not need it.
 */
public final class SampleTenant {
  public static final String WAREHOUSE = "wh";
  public static final String CATALOG = "lake";
  public static final NamespaceRef SALES = NamespaceRef.of(CATALOG, "sales");
  public static final NamespaceRef SALES_EU = SALES.child("eu");
  public static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  public static final AssetRef CUSTOMERS = AssetRef.onMain(SALES_EU, "customers");
  public static final String ORDERS_V1 = "s3://lake/sales/orders/metadata/00001.metadata.json";
  public static final String ORDERS_V2 = "s3://lake/sales/orders/metadata/00002.metadata.json";
  public static final String CUSTOMERS_V1 =
      "s3://lake/sales/eu/customers/metadata/00001.metadata.json";

  private SampleTenant() {}

  /** Fills {@code tenant} with the sample content, marking each object with {@code owner}. */
  public static void fill(CatalogStore store, TenantId tenant, String owner) {
    Map<String, String> properties = Map.of("owner", owner);
    await(
        store
            .warehouses()
            .create(
                tenant,
                new NewWarehouse(
                    WAREHOUSE,
                    StorageConfig.of(StorageType.FILE, "file:///warehouses/" + WAREHOUSE),
                    Credentials.of(Map.of("secret", "secret-of-" + owner)),
                    properties)));
    await(
        store
            .catalogs()
            .create(tenant, NewCatalog.local(CATALOG, WAREHOUSE).withProperties(properties)));
    await(store.namespaces().create(tenant, SALES, properties));
    await(store.namespaces().create(tenant, SALES_EU, properties));
    await(
        store
            .assets()
            .create(
                tenant,
                ORDERS,
                NewAsset.builder(AssetKind.ICEBERG_TABLE)
                    .location("s3://lake/sales/orders")
                    .metadataLocation(ORDERS_V1)
                    .properties(properties)
                    .build()));
    await(
        store
            .assets()
            .commitMetadataLocation(
                tenant, ORDERS, MetadataCommit.replacing(ORDERS_V1, ORDERS_V2)));
    await(
        store
            .assets()
            .create(
                tenant,
                CUSTOMERS,
                NewAsset.builder(AssetKind.DELTA_TABLE)
                    .location("s3://lake/sales/eu/customers")
                    .metadataLocation(CUSTOMERS_V1)
                    .properties(properties)
                    .build()));
  }
}
