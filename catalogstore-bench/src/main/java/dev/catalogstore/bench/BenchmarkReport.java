package dev.catalogstore.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints each figure with the ratio that gives it meaning.
 *
 * <p>Arguments: {@code memory}, {@code jdbc}, {@code floor} (of {@code jdbc}, only the simple calls
 * beside their floors, at 1 and 8 callers), {@code merge} (only the merge-cost benchmark, on every
 * backend available), {@code auth} (the authentication look-ups at 10 and 1,000 tenants, on every
 * backend available), {@code audit} (filtered audit pages and counts at 1,000 and 1,000,000 events,
 * on every backend available), {@code iceberg} (the Iceberg adapter beside Iceberg's JdbcCatalog),
 * or none for {@code memory} and {@code jdbc} ({@code jdbc} and {@code iceberg} need {@code
 * CATALOGSTORE_BENCH_JDBC_URL} or {@code CATALOGSTORE_TEST_JDBC_URL}; {@code auth}, {@code merge}
 * and {@code audit} run on PostgreSQL too when it is set).
 */
public final class BenchmarkReport {
  /** The numbers of concurrent callers the PostgreSQL store's simple calls are measured at. */
  private static final int[] JDBC_CALLERS = {1, 8};

  /**
   * Each of the PostgreSQL store's simple calls, its plain-JDBC floor, and the least fraction of
   * the floor's throughput it should reach (issue 11).
   */
  private static final String[][] JDBC_GOALS = {
    {"getAsset", "floorSelectById", "0.77"},
    {"getNamespace", "floorSelectById", "0.77"},
    {"listAssetsPage", "floorPage", "0.60"},
    {"createNamespace", "floorInsert", "0.67"},
    {"commitMetadataLocation", "floorChangeWithCommit", "0.67"},
    {"floorSelectByIdHandedOff", "floorSelectById", "-"},
    {"floorSelectOne", "floorSelectById", "-"},
  };

  private BenchmarkReport() {}

  public static void main(String[] args) throws RunnerException {
    List<String> which = args.length == 0 ? List.of("memory", "jdbc") : List.of(args);
    boolean database = JdbcRoundTripBenchmark.jdbcUrl().isPresent();
    if (which.contains("memory")) {
      reportMemory(run(InMemoryPagingBenchmark.class));
      reportMerge("in-memory store", run(MergeCostBenchmark.class, "memory"));
    }
    if (which.contains("jdbc") || which.contains("floor")) {
      if (!database) {
        System.out.println("jdbc: skipped, set CATALOGSTORE_BENCH_JDBC_URL to a PostgreSQL URL");
      } else {
        reportJdbc(runAtCallers(JdbcRoundTripBenchmark.class));
        if (which.contains("jdbc")) {
          reportMerge("PostgreSQL store", run(MergeCostBenchmark.class, "jdbc"));
        }
      }
    }
    if (which.contains("iceberg")) {
      if (!database) {
        System.out.println("iceberg: skipped, set CATALOGSTORE_BENCH_JDBC_URL to a PostgreSQL URL");
      } else {
        String server = JdbcRoundTripBenchmark.jdbcUrl().orElseThrow();
        // Each run fills its databases afresh; the benchmark's forks then share the fill.
        for (BenchDatabases db : BenchDatabases.values()) {
          db.drop(server);
        }
        reportIceberg(server, run(IcebergCatalogBenchmark.class));
      }
    }
    if (which.contains("auth")) {
      reportAuth("in-memory store", run(AuthLookupBenchmark.class, "memory"));
      if (database) {
        reportAuth("PostgreSQL store", run(AuthLookupBenchmark.class, "jdbc"));
      }
    }
    if (which.contains("audit")) {
      reportAudit("in-memory store", run(AuditLogBenchmark.class, "memory"));
      if (database) {
        // Each run fills its schemas afresh; the benchmark's forks then share the fill.
        AuditLogBenchmark.dropSchemas(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
        reportAudit("PostgreSQL store", run(AuditLogBenchmark.class, "jdbc"));
      }
    }
    if (which.contains("merge")) {
      reportMerge("in-memory store", run(MergeCostBenchmark.class, "memory"));
      if (database) {
        reportMerge("PostgreSQL store", run(MergeCostBenchmark.class, "jdbc"));
      }
    }
  }

  /**
   * Runs {@code benchmark} at each of {@link #JDBC_CALLERS}; scores keyed {@code method@threads}.
   */
  private static Map<String, Double> runAtCallers(Class<?> benchmark) throws RunnerException {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int threads : JDBC_CALLERS) {
      run(new OptionsBuilder()
              .include(benchmark.getName() + "\\.")
              .threads(threads)
              .addProfiler(CpuCostProfiler.class)
              .build())
          .forEach(
              (name, score) -> {
                // method@threads, or method@threads:figure for a profiler's figure.
                int figure = name.indexOf(':');
                String key =
                    figure < 0
                        ? name + "@" + threads
                        : name.substring(0, figure) + "@" + threads + name.substring(figure);
                scores.put(key, score);
              });
    }
    return scores;
  }

  private static Map<String, Double> run(Class<?> benchmark) throws RunnerException {
    return run(new OptionsBuilder().include(benchmark.getName() + "\\.").build());
  }

  /** Runs {@link MergeCostBenchmark}-like benchmarks on one backend. */
  private static Map<String, Double> run(Class<?> benchmark, String backend)
      throws RunnerException {
    return run(
        new OptionsBuilder()
            .include(benchmark.getName() + "\\.")
            .param("backend", backend)
            .build());
  }

  private static Map<String, Double> run(Options options) throws RunnerException {
    Collection<RunResult> results = new Runner(options).run();
    Map<String, Double> scores = new LinkedHashMap<>();
    for (RunResult result : results) {
      String method = result.getParams().getBenchmark();
      method = method.substring(method.lastIndexOf('.') + 1);
      List<String> params = new ArrayList<>();
      for (String key : result.getParams().getParamsKeys()) {
        params.add(key + "=" + result.getParams().getParam(key));
      }
      params.removeIf(param -> param.startsWith("backend="));
      String name = params.isEmpty() ? method : method + "[" + String.join(",", params) + "]";
      scores.put(name, result.getPrimaryResult().getScore());
      // A profiler's figures too, as method:figure (CpuCostProfiler's cpu.client, cpu.server and
      // cpu.total).
      result
          .getSecondaryResults()
          .forEach((figure, value) -> scores.put(name + ":" + figure, value.getScore()));
    }
    return scores;
  }

  private static void reportMemory(Map<String, Double> us) {
    System.out.println();
    System.out.println("In-memory store: one page of 100 assets (microseconds per page)");
    System.out.printf(Locale.ROOT, "%-32s %12s %12s %10s%n", "", "1,000", "100,000", "growth");
    for (String method : List.of("storeFirstPage", "storeMiddlePage", "naiveMiddlePage")) {
      double small = us.get(method + "[assets=1000]");
      double large = us.get(method + "[assets=100000]");
      System.out.printf(
          Locale.ROOT, "%-32s %12.2f %12.2f %9.1fx%n", method, small, large, large / small);
    }
    double ratio =
        us.get("naiveMiddlePage[assets=100000]") / us.get("storeMiddlePage[assets=100000]");
    System.out.printf(
        Locale.ROOT, "store is %.0fx faster than the naive scan at 100,000 assets%n", ratio);
  }

  /**
   * Prints each call beside its floor at each number of callers, as ratios against the issue's
   * goals; {@code us} holds microseconds per call keyed {@code method@threads}, and the CPU time
   * per call ({@link CpuCostProfiler}) keyed {@code method@threads:cpu.total}. Both ratios are the
   * call's throughput over the floor's: by wall-clock time (floor time / call time), and as bounded
   * by CPU (floor CPU / call CPU), which is what limits throughput on a saturated machine and does
   * not depend on what else the machine runs. 1.0 is the floor; more is better.
   */
  private static void reportJdbc(Map<String, Double> us) {
    System.out.println();
    System.out.println(
        "PostgreSQL store: each call beside its plain-JDBC floor; ratio = the call's throughput /"
            + " the floor's, by wall-clock time and by CPU time (JVM + PostgreSQL backends)");
    System.out.printf(
        Locale.ROOT,
        "%-24s %-21s %7s %9s %9s %6s %8s %8s %6s  %s%n",
        "call",
        "floor",
        "callers",
        "call us",
        "floor us",
        "ratio",
        "call cpu",
        "flr cpu",
        "ratio",
        "goal");
    for (String[] goal : JDBC_GOALS) {
      for (int threads : JDBC_CALLERS) {
        String call = goal[0] + "@" + threads;
        String floor = goal[1] + "@" + threads;
        double wallRatio = us.get(floor) / us.get(call);
        double cpuCall = us.get(call + ":cpu.total");
        double cpuFloor = us.get(floor + ":cpu.total");
        double cpuRatio = cpuFloor / cpuCall;
        String verdict =
            goal[2].equals("-")
                ? "(reference)"
                : goal[2]
                    + (wallRatio >= Double.parseDouble(goal[2]) ? " met" : " missed")
                    + " by wall clock, "
                    + (cpuRatio >= Double.parseDouble(goal[2]) ? "met" : "missed")
                    + " by CPU";
        System.out.printf(
            Locale.ROOT,
            "%-24s %-21s %7d %9.1f %9.1f %6.2f %8.1f %8.1f %6.2f  %s%n",
            goal[0],
            goal[1],
            threads,
            us.get(call),
            us.get(floor),
            wallRatio,
            cpuCall,
            cpuFloor,
            cpuRatio,
            verdict);
      }
    }
  }

  private static void reportMerge(String store, Map<String, Double> us) {
    System.out.println();
    System.out.println(
        store + ": one three-way merge of 10 changed tables (microseconds per merge)");
    System.out.printf(Locale.ROOT, "%-32s %12s %12s %10s%n", "", "1,000", "100,000", "growth");
    double small = us.get("merge[assets=1000]");
    double large = us.get("merge[assets=100000]");
    System.out.printf(
        Locale.ROOT, "%-32s %12.1f %12.1f %9.2fx%n", "merge", small, large, large / small);
  }

  private static void reportAuth(String store, Map<String, Double> us) {
    System.out.println();
    System.out.println(
        store
            + ": authentication look-ups by digest, 100 service users and 100 tokens per tenant"
            + " (microseconds per call)");
    System.out.printf(Locale.ROOT, "%-32s %12s %12s %10s%n", "", "10 tenants", "1,000", "growth");
    for (String method : List.of("findByApiKeyHash", "findByApiKeyHashMiss", "validate")) {
      double small = us.get(method + "[tenants=10]");
      double large = us.get(method + "[tenants=1000]");
      System.out.printf(
          Locale.ROOT, "%-32s %12.1f %12.1f %9.2fx%n", method, small, large, large / small);
    }
  }

  private static void reportAudit(String store, Map<String, Double> us) {
    System.out.println();
    System.out.println(
        store
            + ": reads of one tenant's audit log, the same answer at both sizes (microseconds per"
            + " call)");
    System.out.printf(Locale.ROOT, "%-44s %12s %12s %10s%n", "", "1,000", "1,000,000", "1M / 1k");
    String[][] reads = {
      {"pageSelective", "page of one resource id (100 of 100)"},
      {"pageBroad", "page of result = SUCCESS (newest 100)"},
      {"countSelective", "count of one resource id (100)"},
      {"countWindow", "count of a 10-minute window (600)"}
    };
    for (String[] read : reads) {
      double small = us.get(read[0] + "[events=1000]");
      double large = us.get(read[0] + "[events=1000000]");
      System.out.printf(
          Locale.ROOT, "%-44s %12.1f %12.1f %9.2fx%n", read[1], small, large, large / small);
    }
  }

  private static void reportIceberg(String server, Map<String, Double> opsPerSecond) {
    for (BenchDatabases db : BenchDatabases.values()) {
      String collation = db.name().toLowerCase(Locale.ROOT);
      System.out.println();
      System.out.println(
          "Iceberg catalog calls, ops/s (1 thread), database collation "
              + db.collation(server)
              + " ("
              + collation
              + "); ratio = adapter / JdbcCatalog");
      System.out.printf(
          Locale.ROOT, "%-24s %14s %14s %8s%n", "call", "adapter", "JdbcCatalog", "ratio");
      for (String call :
          List.of(
              "createNamespace",
              "loadNamespaceMetadata",
              "namespaceExists",
              "listNamespaces",
              "loadTable",
              "commitTableProperty")) {
        double adapter = opsPerSecond.get(call + "[catalog=adapter,collation=" + collation + "]");
        double jdbc = opsPerSecond.get(call + "[catalog=jdbc,collation=" + collation + "]");
        System.out.printf(
            Locale.ROOT, "%-24s %14.0f %14.0f %7.2fx%n", call, adapter, jdbc, adapter / jdbc);
      }
    }
  }
}
