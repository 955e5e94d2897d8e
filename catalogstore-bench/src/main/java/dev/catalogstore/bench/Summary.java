package dev.catalogstore.bench;

import static dev.catalogstore.bench.Comparison.against;
import static dev.catalogstore.bench.Comparison.figure;
import static dev.catalogstore.bench.Comparison.growth;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of the Markdown summary: every comparison the suite makes, figure against floor,
 * baseline or smaller size. A line whose figures the run did not measure (a benchmark not selected,
 * or one that failed) says so instead of a ratio. A benchmark that gains a method or a floor adds
 * its line here; every figure is in the full table below the summary anyway.
 */
final class Summary {
  static final String PG = "PostgreSQL store against its plain-JDBC floor (throughput ÷ floor's)";
  static final String MEMORY = "In-memory store against its baseline";
  static final String SCALE =
      "One namespace of growing size (get and page of 100; AssetScaleBenchmark)";
  static final String VERSIONING = "Versioning, identity and audit against their floors";
  static final String DELETE = "Deleting a tenant (TenantDeletionBenchmark, PostgreSQL)";
  static final String ICEBERG =
      "Iceberg calls: the adapter on the PostgreSQL store against Iceberg's JdbcCatalog on the same"
          + " server (throughput ÷ JdbcCatalog's)";

  private Summary() {}

  static List<Comparison> comparisons() {
    List<Comparison> lines = new ArrayList<>();
    lines.add(
        against(
            PG,
            "getAsset, against a bare SELECT 1 round trip",
            "JdbcRoundTripBenchmark.getAsset",
            "JdbcRoundTripBenchmark.floorSelectOne",
            ""));
    lines.add(
        against(
            PG,
            "page of 100 assets, against a bare SELECT 1 round trip",
            "JdbcRoundTripBenchmark.listAssetsPage",
            "JdbcRoundTripBenchmark.floorSelectOne",
            ""));
    lines.add(
        against(
            PG,
            "commitMetadataLocation, against a committed one-row UPDATE",
            "JdbcRoundTripBenchmark.commitMetadataLocation",
            "JdbcRoundTripBenchmark.floorUpdateOneRow",
            ""));

    lines.add(
        against(
            MEMORY,
            "page of 100 after a mid-listing token, against a naive sort-and-scan",
            "InMemoryPagingBenchmark.storeMiddlePage[assets=max]",
            "InMemoryPagingBenchmark.naiveMiddlePage[assets=max]",
            "faster than the scan"));
    lines.add(
        growth(
            MEMORY,
            "page of 100 after a mid-listing token, as the namespace grows",
            "InMemoryPagingBenchmark.storeMiddlePage[assets=*]",
            "assets"));

    for (String backend : List.of("memory", "jdbc")) {
      String store = backend.equals("memory") ? "in-memory" : "PostgreSQL";
      for (String[] call :
          new String[][] {
            {"getAsset", "getAsset"},
            {"firstPage", "first page of 100"},
            {"deepPage", "page of 100 after a token 90 % into the listing"}
          }) {
        lines.add(
            growth(
                SCALE,
                store + ": " + call[1] + ", as the namespace grows",
                "AssetScaleBenchmark." + call[0] + "[backend=" + backend + ",assets=*]",
                "assets"));
      }
      lines.add(
          against(
              SCALE,
              store + ": deep page against the first page, at the largest size",
              "AssetScaleBenchmark.deepPage[backend=" + backend + ",assets=max]",
              "AssetScaleBenchmark.firstPage[backend=" + backend + ",assets=max]",
              "1.00×"));
    }
    lines.add(
        against(
            SCALE,
            "PostgreSQL: getAsset against a SELECT of its row by unique key, at the largest size",
            "AssetScaleBenchmark.getAsset[backend=jdbc,assets=max]",
            "AssetScaleBenchmark.floorGetAsset[backend=jdbc,assets=max]",
            "≥ 0.77×"));
    lines.add(
        against(
            SCALE,
            "PostgreSQL: deep page against SELECT … WHERE name > ? ORDER BY name LIMIT 101, at the"
                + " largest size",
            "AssetScaleBenchmark.deepPage[backend=jdbc,assets=max]",
            "AssetScaleBenchmark.floorDeepPage[backend=jdbc,assets=max]",
            "≥ 0.6×"));

    lines.add(
        against(
            VERSIONING,
            "a metadata commit with its version commit, against the same rows written by plain"
                + " JDBC in one transaction (ChangeWithCommitFloor)",
            "JdbcRoundTripBenchmark.commitMetadataLocation",
            "JdbcRoundTripBenchmark.floorChangeWithCommit",
            "≥ 0.67×"));
    for (String backend : List.of("memory", "jdbc")) {
      String store = backend.equals("memory") ? "in-memory" : "PostgreSQL";
      lines.add(
          growth(
              VERSIONING,
              store + ": a three-way merge of 10 changed tables, as the catalog grows",
              "MergeCostBenchmark.merge[backend=" + backend + ",assets=*]",
              "assets"));
      if (backend.equals("jdbc")) {
        lines.add(
            against(
                VERSIONING,
                "PostgreSQL: that merge, against its reads and writes by plain JDBC in one"
                    + " transaction (MergeFloor), in the smallest catalog",
                "MergeCostBenchmark.merge[backend=jdbc,assets=min]",
                "MergeFloorBenchmark.floorMerge",
                ""));
      }
      lines.add(
          against(
              VERSIONING,
              store
                  + ": an API-key look-up, against "
                  + (backend.equals("memory")
                      ? "a ConcurrentHashMap.get of the digest"
                      : "a one-row SELECT by the digest's unique index")
                  + ", at the most tenants",
              "AuthLookupBenchmark.findByApiKeyHash[backend=" + backend + ",tenants=max]",
              "AuthLookupBenchmark.floorFindByDigest[backend=" + backend + ",tenants=max]",
              backend.equals("memory") ? "" : "≥ 0.77×"));
      lines.add(
          growth(
              VERSIONING,
              store + ": an audit page of one resource id (100 events), as the log grows",
              "AuditLogBenchmark.pageSelective[backend=" + backend + ",events=*]",
              "events"));
    }
    lines.add(
        against(
            VERSIONING,
            "PostgreSQL: that audit page, against SELECT … ORDER BY occurred_at DESC LIMIT 101 on"
                + " the same table, at the largest log",
            "AuditLogBenchmark.pageSelective[backend=jdbc,events=max]",
            "AuditLogBenchmark.floorPageSelective[backend=jdbc,events=max]",
            "≥ 0.6×"));

    lines.add(
        figure(
            DELETE,
            "tenants().delete of a tenant of the most assets: the call the user waits for",
            "TenantDeletionBenchmark.deleteTenant[rows=max]"));
    lines.add(
        figure(
            DELETE,
            "the same call, then until no row of the tenant is left in any table",
            "TenantDeletionBenchmark.deleteTenantUntilPurged[rows=max]"));

    for (String collation : List.of("default", "c")) {
      for (String call :
          List.of(
              "createNamespace",
              "loadNamespaceMetadata",
              "namespaceExists",
              "listNamespaces",
              "loadTable",
              "commitTableProperty")) {
        lines.add(
            against(
                ICEBERG,
                call + ", " + (collation.equals("c") ? "C collation" : "default collation"),
                "IcebergCatalogBenchmark." + call + "[catalog=adapter,collation=" + collation + "]",
                "IcebergCatalogBenchmark." + call + "[catalog=jdbc,collation=" + collation + "]",
                ""));
      }
    }
    return lines;
  }
}
