package dev.catalogstore.bench;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-memory store's hot paths beside a plain {@link ConcurrentHashMap}, in throughput (calls
 * per microsecond, all threads together), so that a run at 1, 2 and 8 threads shows how each
 * scales. {@link MemoryStoreReport} runs it at each thread count and prints the ratios.
 *
 * <ul>
 *   <li>{@code storeGet}: {@code assets().get} of one of {@value MemoryStoreData#ASSETS} assets,
 *       each thread walking them from its own random start. {@code mapGet} is the floor: a {@code
 *       ConcurrentHashMap.get} of the same asset values under a key of the same shape (tenant,
 *       catalog, branch, namespace, name), built per call as a caller holding a tenant and an
 *       {@code AssetRef} would.
 *   <li>{@code commitSameBranch}: {@code commitMetadataLocation}, each thread committing to its own
 *       assets, all on branch {@code main} of one catalog, so every commit also appends to the one
 *       commit chain of that branch. {@code commitOwnBranch}: the same, each thread on its own
 *       branch of the one catalog. The store is built afresh for each iteration, so the commit
 *       history a run accumulates stays bounded.
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class MemoryStoreBenchmark {

  /** A store of {@value MemoryStoreData#ASSETS} assets and the floor map of the same assets. */
  @State(Scope.Benchmark)
  public static class Reads {
    MemoryStoreData data;
    Map<MemoryStoreData.Key, Asset> floor;

    @Setup(Level.Trial)
    public void fill() {
      data = MemoryStoreData.filled(1);
      floor = new ConcurrentHashMap<>();
      for (AssetRef ref : data.refs(0)) {
        floor.put(
            new MemoryStoreData.Key(data.tenant(), ref),
            data.store().assets().get(data.tenant(), ref).join().orElseThrow());
      }
    }

    @TearDown(Level.Trial)
    public void close() {
      data.store().close();
    }
  }

  /** Each thread's position in the asset list, from a random start so threads spread out. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    @Setup(Level.Trial)
    public void start() {
      next = (int) (Math.random() * MemoryStoreData.ASSETS);
    }

    int advance() {
      int current = next;
      next = current + 1 == MemoryStoreData.ASSETS ? 0 : current + 1;
      return current;
    }
  }

  /**
   * A fresh store per iteration with {@value MemoryStoreData#BRANCHES} branches of {@value
   * MemoryStoreData#ASSETS} assets; commits of each thread go to its own assets.
   */
  @State(Scope.Benchmark)
  public static class Writes {
    final AtomicInteger slots = new AtomicInteger();
    volatile MemoryStoreData data;

    @Setup(Level.Iteration)
    public void fill() {
      if (data != null) {
        data.store().close();
      }
      data = MemoryStoreData.filled(MemoryStoreData.BRANCHES);
    }

    @TearDown(Level.Trial)
    public void close() {
      data.store().close();
    }
  }

  /** One thread's own assets: slot k takes every assets whose index is k modulo the slot count. */
  @State(Scope.Thread)
  public static class Committer {
    int slot;
    int next;
    long version;
    MemoryStoreData seen;
    String[] current;

    @Setup(Level.Trial)
    public void claim(Writes writes) {
      slot = writes.slots.getAndIncrement() % MemoryStoreData.BRANCHES;
    }

    /** The next of this thread's assets on branch {@code branch}, and its commit. */
    MetadataCommit commit(Writes writes, int asset) {
      if (seen != writes.data) {
        seen = writes.data;
        current = new String[MemoryStoreData.ASSETS];
      }
      String previous = current[asset];
      String next = "s3://bench/meta/" + slot + "/" + asset + "/v" + (++version) + ".json";
      current[asset] = next;
      return previous == null
          ? MetadataCommit.replacing(MemoryStoreData.metadataLocation(asset), next)
          : MetadataCommit.replacing(previous, next);
    }

    int nextAsset() {
      // Threads on one branch take disjoint assets: this thread's are slot, slot + BRANCHES, ...
      int asset = slot + next * MemoryStoreData.BRANCHES;
      next = asset + MemoryStoreData.BRANCHES >= MemoryStoreData.ASSETS ? 0 : next + 1;
      return asset;
    }
  }

  @Benchmark
  public Optional<Asset> storeGet(Reads reads, Cursor cursor) {
    MemoryStoreData data = reads.data;
    return data.store().assets().get(data.tenant(), data.refs(0)[cursor.advance()]).join();
  }

  @Benchmark
  public Asset mapGet(Reads reads, Cursor cursor) {
    MemoryStoreData data = reads.data;
    return reads.floor.get(new MemoryStoreData.Key(data.tenant(), data.refs(0)[cursor.advance()]));
  }

  @Benchmark
  public Asset commitSameBranch(Writes writes, Committer committer) {
    MemoryStoreData data = writes.data;
    int asset = committer.nextAsset();
    TenantId tenant = data.tenant();
    return data.store()
        .assets()
        .commitMetadataLocation(tenant, data.refs(0)[asset], committer.commit(writes, asset))
        .join();
  }

  @Benchmark
  public Asset commitOwnBranch(Writes writes, Committer committer) {
    MemoryStoreData data = writes.data;
    int asset = committer.nextAsset();
    return data.store()
        .assets()
        .commitMetadataLocation(
            data.tenant(), data.refs(committer.slot)[asset], committer.commit(writes, asset))
        .join();
  }
}
