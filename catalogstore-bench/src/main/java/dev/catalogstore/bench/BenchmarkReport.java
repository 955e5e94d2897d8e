package dev.catalogstore.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks, prints each figure with the ratio that gives it meaning, and writes them all
 * (JSON and Markdown, {@link BenchResults}) to the results directory.
 *
 * <p>Arguments, any of: {@code memory} (the in-memory store: paging, {@code assets().get} against
 * {@code ConcurrentHashMap.get} and commit scaling, {@link MemoryStoreReport}), {@code jdbc} (the
 * PostgreSQL store's simple calls against their plain-JDBC floors at 1 and 8 callers, {@link
 * JdbcRoundTripBenchmark}, and the merge cost), {@code scale} (get and page at 1,000 to 1,000,000
 * assets, {@link AssetScaleBenchmark}), {@code merge} (the merge cost), {@code auth} (the
 * authentication look-ups), {@code audit} (audit pages and counts), {@code delete} (deleting a
 * tenant of 1,000,000 assets, {@link TenantDeletionBenchmark}), {@code iceberg} (the Iceberg
 * adapter beside Iceberg's JdbcCatalog), or {@code all}, which is also what no argument runs: every
 * one of them, the suite. Two parts of a section run alone too: {@code floor} (of {@code jdbc},
 * only {@link JdbcRoundTripBenchmark}) and {@code memory-store} (of {@code memory}, only {@link
 * MemoryStoreReport}). Benchmarks that run on both backends run on each; those that need PostgreSQL
 * use the server of {@code CATALOGSTORE_BENCH_JDBC_URL} (or {@code CATALOGSTORE_TEST_JDBC_URL}) or,
 * when neither is set, an embedded one the report starts ({@link BenchServer}; {@code
 * -Dbench.embedded=false} runs the in-memory benchmarks only instead).
 *
 * <p>The suite writes {@code latest.json} and {@code latest.md}; a run of some sections writes them
 * as {@code <sections>.json} and {@code .md}, so a partial run never replaces the suite's results.
 * Sizes and iterations: {@link BenchSettings} ({@code -Dbench.quick=true} for a quick trial).
 */
public final class BenchmarkReport {
  static final List<String> SECTIONS =
      List.of("memory", "jdbc", "scale", "merge", "auth", "audit", "delete", "iceberg");

  /** Parts of a section that run alone, and the section that holds each. */
  static final Map<String, String> PARTS = Map.of("floor", "jdbc", "memory-store", "memory");

  /** The numbers of concurrent callers the PostgreSQL store's simple calls are measured at. */
  static final int[] JDBC_CALLERS = {1, 8};

  /**
   * Each of the PostgreSQL store's simple calls, its plain-JDBC floor, and the least fraction of
   * the floor's throughput it should reach (issue 11); {@code -} marks a reference, not a goal.
   */
  static final String[][] JDBC_GOALS = {
    {"getAsset", "floorSelectById", "0.77"},
    {"getNamespace", "floorSelectById", "0.77"},
    {"listAssetsPage", "floorPage", "0.60"},
    {"createNamespace", "floorInsert", "0.67"},
    {"commitMetadataLocation", "floorChangeWithCommit", "0.67"},
    {"floorSelectByIdHandedOff", "floorSelectById", "-"},
    {"floorSelectOne", "floorSelectById", "-"},
  };

  private static final BenchResults RESULTS = new BenchResults();

  private BenchmarkReport() {}

  public static void main(String[] args) throws Exception {
    if (BenchServer.configuredUrl().isEmpty()
        && Boolean.parseBoolean(System.getProperty("bench.embedded", "true"))) {
      System.exit(BenchServer.runWithEmbedded(BenchmarkReport.class, args));
    }
    Instant started = Instant.now();
    List<String> given =
        Arrays.stream(args)
            .flatMap(arg -> Arrays.stream(arg.split(",")))
            .filter(arg -> !arg.isBlank())
            .toList();
    List<String> requested = given.isEmpty() || given.contains("all") ? List.of("all") : given;
    List<String> which = requested.contains("all") ? SECTIONS : requested;
    for (String section : which) {
      if (!SECTIONS.contains(section) && !PARTS.containsKey(section)) {
        throw new IllegalArgumentException(
            "unknown benchmark section "
                + section
                + "; expected all or any of "
                + SECTIONS
                + " or "
                + PARTS.keySet());
      }
    }
    boolean database = JdbcRoundTripBenchmark.jdbcUrl().isPresent();
    // Gathered before the runs, so that the load average is the machine's, not the benchmarks'.
    Map<String, String> machine = MachineFacts.gather(started, JdbcRoundTripBenchmark.jdbcUrl());
    for (String section : which) {
      try {
        runSection(section, which, database);
      } catch (RuntimeException | RunnerException e) {
        // One section's failure (a benchmark whose figures are missing) must not lose the others.
        e.printStackTrace();
        RESULTS.failed(section + " (" + e + ")");
      }
    }
    String name = requested.contains("all") ? "latest" : String.join("-", which);
    Path written =
        RESULTS.write(BenchSettings.resultsDirectory(), name, machine, command(requested));
    System.out.println();
    System.out.println("Results written to " + written.toAbsolutePath() + " and its .json");
  }

  private static void runSection(String section, List<String> which, boolean database)
      throws RunnerException {
    if (PARTS.containsKey(section) && which.contains(PARTS.get(section))) {
      return; // its section runs it
    }
    if (!database
        && !List.of("memory", "memory-store", "merge", "auth", "audit").contains(section)) {
      System.out.println(section + ": skipped, no PostgreSQL (set CATALOGSTORE_BENCH_JDBC_URL)");
      RESULTS.failed(section + " (no PostgreSQL)");
      return;
    }
    String server = JdbcRoundTripBenchmark.jdbcUrl().orElse(null);
    switch (section) {
      case "memory" -> {
        reportMemory(
            run(
                InMemoryPagingBenchmark.class,
                Map.of(
                    "assets",
                    BenchSettings.sizes(
                        sizes(InMemoryPagingBenchmark.class, "assets"),
                        new String[] {"1000", "10000"}))));
        if (!which.contains("merge")) {
          reportMerge("in-memory store", run(MergeCostBenchmark.class, "memory"));
        }
        MemoryStoreReport.run(RESULTS);
      }
      case "memory-store" -> MemoryStoreReport.run(RESULTS);
      case "jdbc" -> {
        reportJdbc(runAtCallers(JdbcRoundTripBenchmark.class));
        if (!which.contains("merge")) {
          reportMerge("PostgreSQL store", run(MergeCostBenchmark.class, "jdbc"));
        }
      }
      case "floor" -> reportJdbc(runAtCallers(JdbcRoundTripBenchmark.class));
      case "scale" -> {
        String[] sizes = scaleSizes();
        // Each run fills its schemas afresh; the benchmark's forks then share the fill.
        AssetScaleBenchmark.dropSchemas(server, sizes);
        reportScale(
            "in-memory store",
            run(
                AssetScaleBenchmark.class,
                "memory",
                Map.of("assets", sizes),
                AssetScaleBenchmark.class.getName() + "\\.floor.*"));
        reportScale(
            "PostgreSQL store",
            run(AssetScaleBenchmark.class, "jdbc", Map.of("assets", sizes), null));
      }
      case "iceberg" -> {
        // Each run fills its databases afresh; the benchmark's forks then share the fill.
        for (BenchDatabases db : BenchDatabases.values()) {
          db.drop(server);
        }
        reportIceberg(server, run(IcebergCatalogBenchmark.class));
      }
      case "auth" -> {
        Map<String, String[]> tenants =
            Map.of(
                "tenants",
                BenchSettings.sizes(
                    sizes(AuthLookupBenchmark.class, "tenants"), new String[] {"5", "50"}));
        reportAuth("in-memory store", run(AuthLookupBenchmark.class, "memory", tenants, null));
        if (database) {
          reportAuth("PostgreSQL store", run(AuthLookupBenchmark.class, "jdbc", tenants, null));
        }
      }
      case "audit" -> {
        Map<String, String[]> events =
            Map.of(
                "events",
                BenchSettings.sizes(
                    sizes(AuditLogBenchmark.class, "events"), new String[] {"1000", "10000"}));
        reportAudit(
            "in-memory store",
            run(
                AuditLogBenchmark.class,
                "memory",
                events,
                AuditLogBenchmark.class.getName() + "\\.floor.*"));
        if (database) {
          // Each run fills its schemas afresh; the benchmark's forks then share the fill.
          AuditLogBenchmark.dropSchemas(server);
          reportAudit("PostgreSQL store", run(AuditLogBenchmark.class, "jdbc", events, null));
        }
      }
      case "merge" -> {
        reportMerge("in-memory store", run(MergeCostBenchmark.class, "memory"));
        if (database) {
          Map<String, Double> merge = run(MergeCostBenchmark.class, "jdbc");
          reportMerge("PostgreSQL store", merge);
          reportMergeFloor(merge, run(MergeFloorBenchmark.class));
        }
      }
      case "delete" -> {
        StoreRows.dropSchema(server, TenantDeletionBenchmark.SCHEMA);
        String[] rows =
            BenchSettings.sizes(
                sizes(TenantDeletionBenchmark.class, "rows"), new String[] {"10000"});
        ChainedOptionsBuilder options =
            BenchSettings.iterations(
                    new OptionsBuilder().include(TenantDeletionBenchmark.class.getName() + "\\."))
                // Single shots: each measured iteration is one deletion of a fresh fill.
                .warmupIterations(0)
                .measurementIterations(2)
                .param("rows", rows);
        reportDelete(run(options.build()));
      }
      default -> throw new IllegalArgumentException("unknown section " + section);
    }
  }

  /** The asset counts of the scale benchmark in this run. */
  private static String[] scaleSizes() {
    return BenchSettings.sizes(
        sizes(AssetScaleBenchmark.class, "assets"), new String[] {"1000", "10000"});
  }

  /** A benchmark's own values of {@code param}: the full sizes. */
  private static String[] sizes(Class<?> benchmark, String param) {
    try {
      return benchmark.getField(param).getAnnotation(Param.class).value();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(benchmark + " has no parameter " + param, e);
    }
  }

  /** The command that reproduces this run, for the written results. */
  private static String command(List<String> requested) {
    String url =
        BenchServer.embedded() || JdbcRoundTripBenchmark.jdbcUrl().isEmpty()
            ? ""
            : BenchServer.BENCH_URL + "='<url>' ";
    return url
        + "./mvnw -q -pl catalogstore-bench -am -DskipTests package exec:exec"
        + (requested.equals(List.of("all")) ? "" : " -Dbench.args=" + String.join(",", requested))
        + (BenchSettings.quick() ? " -Dbench.quick=true" : "");
  }

  /**
   * Runs {@code benchmark} at each of {@link #JDBC_CALLERS}; scores keyed {@code method@threads}.
   */
  private static Map<String, Double> runAtCallers(Class<?> benchmark) throws RunnerException {
    Map<String, Double> scores = new LinkedHashMap<>();
    for (int threads : JDBC_CALLERS) {
      run(BenchSettings.iterations(new OptionsBuilder().include(benchmark.getName() + "\\."))
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
    return run(
        BenchSettings.iterations(new OptionsBuilder().include(benchmark.getName() + "\\."))
            .build());
  }

  /** Runs {@link MergeCostBenchmark}-like benchmarks on one backend. */
  private static Map<String, Double> run(Class<?> benchmark, String backend)
      throws RunnerException {
    Map<String, String[]> params = new LinkedHashMap<>();
    if (benchmark == MergeCostBenchmark.class) {
      params.put(
          "assets",
          BenchSettings.sizes(
              sizes(MergeCostBenchmark.class, "assets"), new String[] {"1000", "10000"}));
    }
    return run(benchmark, backend, params, null);
  }

  /**
   * Runs a benchmark on one backend with the given parameter values, leaving out the methods that
   * match {@code exclude} (a regular expression, or {@code null}).
   */
  private static Map<String, Double> run(
      Class<?> benchmark, String backend, Map<String, String[]> params, String exclude)
      throws RunnerException {
    ChainedOptionsBuilder options =
        BenchSettings.iterations(new OptionsBuilder().include(benchmark.getName() + "\\."))
            .param("backend", backend);
    params.forEach(options::param);
    if (exclude != null) {
      options.exclude(exclude);
    }
    return run(options.build());
  }

  private static Map<String, Double> run(Class<?> benchmark, Map<String, String[]> params)
      throws RunnerException {
    ChainedOptionsBuilder options =
        BenchSettings.iterations(new OptionsBuilder().include(benchmark.getName() + "\\."));
    params.forEach(options::param);
    return run(options.build());
  }

  private static Map<String, Double> run(Options options) throws RunnerException {
    Collection<RunResult> results = new Runner(options).run();
    RESULTS.add(results);
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

  private static void reportScale(String store, Map<String, Double> us) {
    System.out.println();
    System.out.println(store + ": one namespace of growing size (microseconds per call)");
    String[] sizes = scaleSizes();
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-24s", ""));
    for (String size : sizes) {
      header.append(
          String.format(
              Locale.ROOT, " %12s", String.format(Locale.ROOT, "%,d", Long.parseLong(size))));
    }
    System.out.println(header.append(String.format(Locale.ROOT, " %10s", "growth")));
    for (String method :
        List.of("getAsset", "floorGetAsset", "firstPage", "deepPage", "floorDeepPage")) {
      if (!us.containsKey(method + "[assets=" + sizes[0] + "]")) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-24s", method));
      for (String size : sizes) {
        Double value = us.get(method + "[assets=" + size + "]");
        line.append(
            value == null
                ? String.format(Locale.ROOT, " %12s", "-")
                : String.format(Locale.ROOT, " %12.1f", value));
      }
      Double small = us.get(method + "[assets=" + sizes[0] + "]");
      Double large = us.get(method + "[assets=" + sizes[sizes.length - 1] + "]");
      line.append(large == null ? "" : String.format(Locale.ROOT, " %9.2fx", large / small));
      System.out.println(line);
    }
  }

  private static void reportMergeFloor(Map<String, Double> merge, Map<String, Double> floor) {
    String smallest = "merge[assets=" + smallest(merge, "merge", "assets") + "]";
    System.out.printf(
        Locale.ROOT,
        "plain-JDBC floor of a merge (its reads and writes, MergeFloor): %.1f us; %s runs at"
            + " %.2fx its throughput%n",
        floor.get("floorMerge"),
        smallest,
        floor.get("floorMerge") / merge.get(smallest));
  }

  private static void reportDelete(Map<String, Double> ms) {
    System.out.println();
    System.out.println("PostgreSQL store: deleting a tenant (milliseconds, each a single shot)");
    for (Map.Entry<String, Double> figure : ms.entrySet()) {
      System.out.printf(Locale.ROOT, "%-48s %12.0f%n", figure.getKey(), figure.getValue());
    }
    if (ms.size() < 2) {
      System.out.println("a deletion failed (see its exception above): it has no figure");
      RESULTS.failed("delete (a deletion failed, see the log: it has no figure)");
    }
  }

  private static void reportMemory(Map<String, Double> us) {
    printGrowth(
        "In-memory store: one page of 100 assets (microseconds per page)",
        us,
        "assets",
        new String[][] {
          {"storeFirstPage", "storeFirstPage"},
          {"storeMiddlePage", "storeMiddlePage"},
          {"naiveMiddlePage", "naiveMiddlePage"}
        });
    String largest = "[assets=" + largest(us, "storeMiddlePage", "assets") + "]";
    System.out.printf(
        Locale.ROOT,
        "store is %.0fx faster than the naive scan at %s%n",
        us.get("naiveMiddlePage" + largest) / us.get("storeMiddlePage" + largest),
        largest);
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
    printGrowth(
        store + ": one three-way merge of 10 changed tables (microseconds per merge)",
        us,
        "assets",
        new String[][] {{"merge", "merge"}});
  }

  private static void reportAuth(String store, Map<String, Double> us) {
    printGrowth(
        store
            + ": authentication look-ups by digest, 100 service users and 100 tokens per tenant"
            + " (microseconds per call)",
        us,
        "tenants",
        new String[][] {
          {"findByApiKeyHash", "findByApiKeyHash"},
          {"floorFindByDigest", "its floor"},
          {"findByApiKeyHashMiss", "findByApiKeyHashMiss"},
          {"validate", "validate"}
        });
  }

  private static void reportAudit(String store, Map<String, Double> us) {
    printGrowth(
        store
            + ": reads of one tenant's audit log, the same answer at every size (microseconds per"
            + " call)",
        us,
        "events",
        new String[][] {
          {"pageSelective", "page of one resource id (100 of 100)"},
          {"floorPageSelective", "its floor: SELECT … LIMIT 101"},
          {"pageBroad", "page of result = SUCCESS (newest 100)"},
          {"countSelective", "count of one resource id (100)"},
          {"countWindow", "count of a 10-minute window (600)"}
        });
  }

  /**
   * Prints each method's figure at the smallest and the largest value of {@code param} that were
   * measured, and the growth between them; skips a method that was not measured.
   */
  private static void printGrowth(
      String title, Map<String, Double> us, String param, String[][] methods) {
    System.out.println();
    System.out.println(title);
    String small = smallest(us, methods[0][0], param);
    String large = largest(us, methods[0][0], param);
    System.out.printf(
        Locale.ROOT,
        "%-44s %12s %12s %10s%n",
        "",
        String.format(Locale.ROOT, "%,d", Long.parseLong(small)),
        String.format(Locale.ROOT, "%,d", Long.parseLong(large)),
        "growth");
    for (String[] method : methods) {
      Double atSmall = us.get(method[0] + "[" + param + "=" + small + "]");
      Double atLarge = us.get(method[0] + "[" + param + "=" + large + "]");
      if (atSmall != null && atLarge != null) {
        System.out.printf(
            Locale.ROOT,
            "%-44s %12.2f %12.2f %9.2fx%n",
            method[1],
            atSmall,
            atLarge,
            atLarge / atSmall);
      }
    }
  }

  private static String smallest(Map<String, Double> us, String method, String param) {
    return sizesMeasured(us, method, param).get(0);
  }

  private static String largest(Map<String, Double> us, String method, String param) {
    List<String> sizes = sizesMeasured(us, method, param);
    return sizes.get(sizes.size() - 1);
  }

  /** The values of {@code param} at which {@code method} was measured, smallest first. */
  private static List<String> sizesMeasured(Map<String, Double> us, String method, String param) {
    String prefix = method + "[" + param + "=";
    List<String> sizes =
        us.keySet().stream()
            .filter(key -> key.startsWith(prefix))
            .map(key -> key.substring(prefix.length(), key.length() - 1))
            .sorted(Comparator.comparingLong(Long::parseLong))
            .toList();
    if (sizes.isEmpty()) {
      throw new IllegalStateException(method + " was not measured (see its exception above)");
    }
    return sizes;
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
