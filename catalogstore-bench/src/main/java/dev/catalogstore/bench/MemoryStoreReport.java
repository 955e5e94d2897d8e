package dev.catalogstore.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link MemoryStoreBenchmark} at 1, 2 and 8 threads and {@link MemoryStoreHeap}, and prints
 * each figure with its ratio: a get against {@code ConcurrentHashMap.get} (aim: at least 0.33x),
 * each path's scaling from 1 thread to more (on this 2-core machine, 2 threads is the most that can
 * run at once; 8 shows what oversubscription costs), the same get ratio in thread CPU time (see
 * {@link MemoryStoreCpuTime}), and heap bytes per asset against a plain map.
 */
final class MemoryStoreReport {
  private static final int[] THREADS = {1, 2, 8};

  private MemoryStoreReport() {}

  /**
   * Runs and prints it all, adding the JMH runs to {@code results}, and the CPU times as figures of
   * {@code MemoryStoreCpuTime.storeGet} and {@code .mapGet} (nanoseconds per call), so that the
   * summary ({@link Summary}) compares them too.
   */
  static void run(BenchResults results) throws RunnerException {
    Map<Integer, Map<String, Double>> byThreads = new LinkedHashMap<>();
    for (int threads : THREADS) {
      Map<String, Double> scores = new LinkedHashMap<>();
      Collection<RunResult> runs =
          new Runner(
                  BenchSettings.iterations(
                          new OptionsBuilder()
                              .include(MemoryStoreBenchmark.class.getName() + "\\."))
                      .threads(threads)
                      .build())
              .run();
      results.add(runs);
      for (RunResult result : runs) {
        String method = result.getParams().getBenchmark();
        scores.put(
            method.substring(method.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
      }
      byThreads.put(threads, scores);
    }
    double[] heap = MemoryStoreHeap.measure(3);
    double[] cpu = MemoryStoreCpuTime.measure();
    results.measured(MemoryStoreCpuTime.figure("storeGet", cpu[0]));
    results.measured(MemoryStoreCpuTime.figure("mapGet", cpu[1]));

    System.out.println();
    System.out.println("In-memory store: calls per microsecond (all threads together)");
    System.out.printf(
        Locale.ROOT,
        "%-20s %10s %10s %10s %12s %12s%n",
        "",
        "1 thread",
        "2",
        "8",
        "2 vs 1",
        "8 vs 1");
    for (String method :
        new String[] {"storeGet", "mapGet", "commitSameBranch", "commitOwnBranch"}) {
      double one = byThreads.get(1).get(method);
      double two = byThreads.get(2).get(method);
      double eight = byThreads.get(8).get(method);
      System.out.printf(
          Locale.ROOT,
          "%-20s %10.3f %10.3f %10.3f %11.2fx %11.2fx%n",
          method,
          one,
          two,
          eight,
          two / one,
          eight / one);
    }
    for (int threads : THREADS) {
      Map<String, Double> scores = byThreads.get(threads);
      System.out.printf(
          Locale.ROOT,
          "assets().get at %d thread(s): %.2fx the throughput of ConcurrentHashMap.get (aim: at"
              + " least 0.33x)%n",
          threads,
          scores.get("storeGet") / scores.get("mapGet"));
    }
    System.out.printf(
        Locale.ROOT,
        "CPU time per call on 1 thread (less sensitive to load): assets().get %.0f ns, ConcurrentHashMap.get"
            + " %.0f ns: %.2fx its throughput%n",
        cpu[0],
        cpu[1],
        cpu[1] / cpu[0]);
    System.out.printf(
        Locale.ROOT,
        "heap per asset (%,d Iceberg tables): store %.0f bytes, plain HashMap %.0f bytes, %.2fx%n",
        MemoryStoreHeap.ASSETS,
        heap[0],
        heap[1],
        heap[0] / heap[1]);
  }
}
