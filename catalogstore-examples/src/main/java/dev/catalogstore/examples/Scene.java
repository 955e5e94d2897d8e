package dev.catalogstore.examples;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;

/**
 * What every step of the walkthrough works on: the store, the tenant, and the names of the things
 * the walkthrough creates.
 */
record Scene(CatalogStore store, TenantId tenant, Narrator narrator) {
  static final String WAREHOUSE = "lakehouse";
  static final String WAREHOUSE_ROOT = "s3://acme-lake/wh";
  static final String CATALOG = "prod";

  /** A dot inside a segment is an ordinary character: "2024.q1" is one segment. */
  static final NamespaceRef SALES = NamespaceRef.of(CATALOG, "sales");

  static final NamespaceRef Q1 = SALES.child("2024.q1");
  static final NamespaceRef Q2 = SALES.child("2024.q2");

  static final List<String> TABLES =
      List.of("orders", "customers", "payments", "refunds", "shipments");
  static final AssetRef ORDERS = AssetRef.onMain(Q1, "orders");

  /** Where a table's metadata file of {@code version} lives, e.g. {@code .../v2.metadata.json}. */
  static String metadataFile(String table, String version) {
    return WAREHOUSE_ROOT + "/sales/2024.q1/" + table + "/metadata/" + version + ".metadata.json";
  }

  static String tableLocation(String table) {
    return WAREHOUSE_ROOT + "/sales/2024.q1/" + table;
  }

  void say(String line) {
    narrator.say(line);
  }

  void step(String title) {
    narrator.step(title);
  }
}
