package dev.catalogstore.bench;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.tenant.TenantId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A supplement to {@link MemoryStoreBenchmark} for a loaded machine: the thread CPU time per call
 * of {@code assets().get} and of the floor's {@code ConcurrentHashMap.get}, on one thread, over the
 * same data. Wall-clock throughput also counts the time a thread waits for a core, which on a
 * 2-core machine shared by a dozen busy processes swamps the call itself (JMH's error bars reach
 * several times the score); CPU time counts only the time the thread ran, so the ratio stays close
 * to what an idle machine shows. It says nothing about scaling across threads, which only the JMH
 * runs measure.
 */
final class MemoryStoreCpuTime {
  private static final int CALLS = 1_000_000;
  private static final int ROUNDS = 15;
  private static final int WARMUP_ROUNDS = 5;

  private MemoryStoreCpuTime() {}

  /** Prints the two figures and their ratio; {@link MemoryStoreReport} prints them too. */
  public static void main(String[] args) {
    double[] cpu = measure();
    System.out.printf(
        java.util.Locale.ROOT,
        "CPU ns per call: assets().get %.1f, ConcurrentHashMap.get %.1f, ratio %.2fx%n",
        cpu[0],
        cpu[1],
        cpu[1] / cpu[0]);
  }

  /**
   * One of the two figures as a {@link Figure} of the results: benchmark {@code
   * MemoryStoreCpuTime}, mode {@code cpu}, in nanoseconds per call on one thread, without an error
   * bar (a median of rounds).
   */
  static Figure figure(String method, double nanosPerCall) {
    return new Figure(
        "MemoryStoreCpuTime", method, Map.of(), 1, "cpu", nanosPerCall, Double.NaN, "ns/op");
  }

  /** Nanoseconds of CPU time per call: {@code [store, floor]}, each the median of its rounds. */
  static double[] measure() {
    MemoryStoreData data = MemoryStoreData.filled(1);
    TenantId tenant = data.tenant();
    AssetRef[] refs = data.refs(0);
    Map<MemoryStoreData.Key, Asset> floor = new ConcurrentHashMap<>();
    for (AssetRef ref : refs) {
      floor.put(
          new MemoryStoreData.Key(tenant, ref),
          data.store().assets().get(tenant, ref).join().orElseThrow());
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] store = new double[ROUNDS - WARMUP_ROUNDS];
    double[] map = new double[ROUNDS - WARMUP_ROUNDS];
    long found = 0;
    // Rounds alternate, so both sides see the same compiler state and the same machine.
    for (int round = 0; round < ROUNDS; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < CALLS; i++) {
        if (data.store().assets().get(tenant, refs[i % refs.length]).join().isPresent()) {
          found++;
        }
      }
      long middle = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < CALLS; i++) {
        if (floor.get(new MemoryStoreData.Key(tenant, refs[i % refs.length])) != null) {
          found++;
        }
      }
      long end = threads.getCurrentThreadCpuTime();
      if (round >= WARMUP_ROUNDS) {
        store[round - WARMUP_ROUNDS] = (middle - start) / (double) CALLS;
        map[round - WARMUP_ROUNDS] = (end - middle) / (double) CALLS;
      }
    }
    data.store().close();
    if (found != 2L * ROUNDS * CALLS) {
      throw new IllegalStateException("a look-up missed: " + found);
    }
    return new double[] {median(store), median(map)};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
