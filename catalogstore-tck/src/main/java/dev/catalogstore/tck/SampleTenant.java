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
 * The sample content the isolation and cascade suites put into a tenant, under names every test
 * can refer to:
 *
 * <pre>
 * warehouse "wh"
 * catalog   "lake" (LOCAL, on "wh")
 *   namespace "sales"        asset "orders"     history: ORDERS_V1, ORDERS_V2
 *   namespace "sales"."eu"   asset "customers"  history: CUSTOMERS_V1
 * </pre>
 *
 * <p>Two tenants filled with it hold identical names and identical metadata locations. Every
 * object also carries the property {@code owner}, and the warehouse a secret, that differ per
 * tenant, so that an object served to the wrong tenant is told apart even where it has no id.
 */
final class SampleTenant {
  static final String WAREHOUSE = "wh";
  static final String CATALOG = "lake";
  static final NamespaceRef SALES = NamespaceRef.of(CATALOG, "sales");
  static final NamespaceRef SALES_EU = SALES.child("eu");
  static final AssetRef ORDERS = AssetRef.onMain(SALES, "orders");
  static final AssetRef CUSTOMERS = AssetRef.onMain(SALES_EU, "customers");
  static final String ORDERS_V1 = "s3://lake/sales/orders/metadata/00001.metadata.json";
  static final String ORDERS_V2 = "s3://lake/sales/orders/metadata/00002.metadata.json";
  static final String CUSTOMERS_V1 =
      "s3://lake/sales/eu/customers/metadata/00001.metadata.json";

  private SampleTenant() {}

  /** Fills {@code tenant} with the sample content, marking each object with {@code owner}. */
  static void fill(CatalogStore store, TenantId tenant, String owner) {
    Map<String, String> properties = Map.of("owner", owner);
    await(store.createWarehouse(tenant, new NewWarehouse(
        WAREHOUSE,
        StorageConfig.of(StorageType.FILE, "file:///warehouses/" + WAREHOUSE),
        Credentials.of(Map.of("secret", "secret-of-" + owner)),
        properties)));
    await(store.createCatalog(
        tenant, NewCatalog.local(CATALOG, WAREHOUSE).withProperties(properties)));
    await(store.createNamespace(tenant, SALES, properties));
    await(store.createNamespace(tenant, SALES_EU, properties));
    await(store.createAsset(tenant, ORDERS, NewAsset.builder(AssetKind.ICEBERG_TABLE)
        .location("s3://lake/sales/orders")
        .metadataLocation(ORDERS_V1)
        .properties(properties)
        .build()));
    await(store.commitMetadataLocation(
        tenant, ORDERS, MetadataCommit.replacing(ORDERS_V1, ORDERS_V2)));
    await(store.createAsset(tenant, CUSTOMERS, NewAsset.builder(AssetKind.DELTA_TABLE)
        .location("s3://lake/sales/eu/customers")
        .metadataLocation(CUSTOMERS_V1)
        .properties(properties)
        .build()));
  }
}
