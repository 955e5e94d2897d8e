package dev.catalogstore.bench;

import static dev.catalogstore.bench.Comparison.against;
import static dev.catalogstore.bench.Comparison.figure;
import static dev.catalogstore.bench.Comparison.growth;
import static dev.catalogstore.bench.Comparison.scaling;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  /** What each of JdbcRoundTripBenchmark's floors is, for the summary's lines. */
  private static final Map<String, String> JDBC_FLOORS =
      Map.of(
          "floorSelectById",
          "a one-row SELECT by primary key (floorSelectById)",
          "floorPage",
          "SELECT … ORDER BY name LIMIT 100 on one table (floorPage)",
          "floorInsert",
          "a one-row INSERT (floorInsert)",
          "floorChangeWithCommit",
          "the same rows written by the fewest plain statements in one transaction"
              + " (floorChangeWithCommit)");

  private Summary() {}

  static List<Comparison> comparisons() {
    List<Comparison> lines = new ArrayList<>();
    for (String[] goal : BenchmarkReport.JDBC_GOALS) {
      boolean reference = goal[2].equals("-");
      for (int callers : BenchmarkReport.JDBC_CALLERS) {
        String at = callers == 1 ? "" : "@" + callers;
        String against = "against " + JDBC_FLOORS.get(goal[1]) + ", " + callers + " caller(s)";
        lines.add(
            against(
                PG,
                (reference ? goal[0] + " (reference), " : goal[0] + ", ") + against,
                "JdbcRoundTripBenchmark." + goal[0] + at,
                "JdbcRoundTripBenchmark." + goal[1] + at,
                reference ? "" : "≥ " + goal[2] + "×"));
        lines.add(
            against(
                PG,
                "the same in CPU time per call (JVM + PostgreSQL backends, CpuCostProfiler), "
                    + callers
                    + " caller(s)",
                "JdbcRoundTripBenchmark." + goal[0] + ":cpu.total" + at,
                "JdbcRoundTripBenchmark." + goal[1] + ":cpu.total" + at,
                reference ? "" : "≥ " + goal[2] + "×"));
      }
    }

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
    lines.add(
        against(
            MEMORY,
            "assets().get, against ConcurrentHashMap.get of the same values under a key of the same"
                + " shape, 1 thread",
            "MemoryStoreBenchmark.storeGet",
            "MemoryStoreBenchmark.mapGet",
            "≥ 0.33×"));
    lines.add(
        against(
            MEMORY,
            "the same in thread CPU time, 1 thread (MemoryStoreCpuTime; load disturbs it far less)",
            "MemoryStoreCpuTime.storeGet",
            "MemoryStoreCpuTime.mapGet",
            "≥ 0.33×"));
    lines.add(
        against(
            MEMORY,
            "assets().get against ConcurrentHashMap.get, 8 threads",
            "MemoryStoreBenchmark.storeGet@8",
            "MemoryStoreBenchmark.mapGet@8",
            "≥ 0.33×"));
    for (String[] path :
        new String[][] {
          {"storeGet", "assets().get"},
          {"mapGet", "ConcurrentHashMap.get (the floor's scaling)"},
          {"commitSameBranch", "commitMetadataLocation, every thread on one branch"},
          {"commitOwnBranch", "commitMetadataLocation, each thread on its own branch"}
        }) {
      for (int threads : new int[] {2, 8}) {
        lines.add(
            scaling(
                MEMORY,
                path[1] + ": all threads' throughput at " + threads + " threads ÷ 1 thread's",
                "MemoryStoreBenchmark." + path[0] + "@" + threads,
                path[0].equals("commitSameBranch")
                    ? "serialised by design: 1.00×"
                    : "up to 2.00× on 2 cores"));
      }
    }

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
