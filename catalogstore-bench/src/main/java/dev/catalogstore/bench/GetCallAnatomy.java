package dev.catalogstore.bench;

import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.JdbcCatalogStore;
import dev.catalogstore.jdbc.JdbcStoreConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What one single-object read of the PostgreSQL store costs the JVM, call by call (issue 11's
 * profile): runs one call in a loop on one thread named {@value #CALLER} for a warm-up and then a
 * measured time, and prints per call the JVM's CPU time by thread group (the caller, the store's
 * threads, the JIT compilers, GC and VM threads; user and kernel apart), its allocation, its
 * context switches, its socket writes and reads (a round trip is one write and at least one read),
 * and the CPU time and transactions of the database's backends. Meant to run alone, or under {@code
 * perf}, {@code strace -c} or JFR for the stacks.
 *
 * <p>{@code java -cp <bench class path> dev.catalogstore.bench.GetCallAnatomy CALL [warm-up s]
 * [measured s]}, CALL one of {@code getAsset}, {@code getNamespace}, {@code floor} (the plain-JDBC
 * primary-key {@code SELECT} on the caller's thread) or {@code floorHandedOff} (the same on another
 * thread the caller waits for). {@code -Danatomy.poolSize=N} sets the store's pool (default 10, as
 * the benchmark's); {@code -Danatomy.callerRuns=true} gives the store {@code Runnable::run} as its
 * call executor; {@code -Danatomy.floorSocketTimeout=S} gives the floor's pool the driver's {@code
 * socketTimeout} the store's own pool sets (a timed read is a non-blocking read, a {@code poll} and
 * a second read). Reads the database from {@code CATALOGSTORE_BENCH_JDBC_URL} like the benchmarks;
 * works in schema {@value #SCHEMA}, which it drops at start and end.
 */
public final class GetCallAnatomy {
  private static final String SCHEMA = "catalogstore_anatomy";
  private static final String CALLER = "anatomy-caller";
  private static final int ASSETS = 1000;

  private GetCallAnatomy() {}

  public static void main(String[] args) throws Exception {
    String call = args.length > 0 ? args[0] : "getAsset";
    int warmupSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int poolSize = Integer.getInteger("anatomy.poolSize", JdbcRoundTripBenchmark.CONNECTIONS);
    boolean callerRuns = Boolean.getBoolean("anatomy.callerRuns");
    String url =
        JdbcRoundTripBenchmark.jdbcUrl()
            .orElseThrow(() -> new IllegalStateException("set CATALOGSTORE_BENCH_JDBC_URL"));

    HikariDataSource floorPool = new HikariDataSource();
    floorPool.setJdbcUrl(url);
    floorPool.setMaximumPoolSize(JdbcRoundTripBenchmark.CONNECTIONS);
    String floorSocketTimeout = System.getProperty("anatomy.floorSocketTimeout");
    if (floorSocketTimeout != null) {
      // As the store's own pool sets it: reads wait in poll() for at most this many seconds.
      floorPool.addDataSourceProperty("socketTimeout", floorSocketTimeout);
    }
    JdbcFloors floors;
    try (Connection c = floorPool.getConnection();
        Statement ddl = c.createStatement()) {
      ddl.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      floors = JdbcFloors.create(c, ASSETS);
    }
    AtomicInteger handOffThreads = new AtomicInteger();
    ExecutorService handOff =
        Executors.newFixedThreadPool(
            JdbcRoundTripBenchmark.CONNECTIONS,
            body -> new Thread(body, "floor-handoff-" + handOffThreads.incrementAndGet()));
    JdbcStoreConfig.Builder config =
        JdbcStoreConfig.builder().jdbcUrl(url).schema(SCHEMA).maximumPoolSize(poolSize);
    if (callerRuns) {
      config.callExecutor(Runnable::run);
    }
    JdbcCatalogStore store = JdbcCatalogStore.open(config.build());
    TenantId tenant =
        store.tenants().create(NewTenant.named("anatomy-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef namespace = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, namespace, Map.of()).join();
    List<CompletableFuture<?>> fill = new ArrayList<>();
    for (int i = 0; i < ASSETS; i++) {
      fill.add(
          store
              .assets()
              .create(
                  tenant,
                  AssetRef.onMain(namespace, String.format("t%04d", i)),
                  NewAsset.of(AssetKind.ICEBERG_TABLE)));
    }
    fill.forEach(CompletableFuture::join);
    JdbcRoundTripBenchmark.analyze(floorPool, SCHEMA);
    AssetRef table = AssetRef.onMain(namespace, "t0500");

    Runnable once =
        switch (call) {
          case "getAsset" -> () -> store.assets().get(tenant, table).join().orElseThrow();
          case "getNamespace" ->
              () -> store.namespaces().get(tenant, namespace).join().orElseThrow();
          case "floor" -> () -> floorRead(floorPool, floors);
          case "floorHandedOff" ->
              () -> CompletableFuture.runAsync(() -> floorRead(floorPool, floors), handOff).join();
          default -> throw new IllegalArgumentException("unknown call " + call);
        };

    long[] calls = new long[1];
    Thread caller =
        new Thread(
            () -> {
              loop(once, warmupSeconds * 1_000_000_000L);
              try (Connection lister = DriverManager.getConnection(url)) {
                Reading before = Reading.take(lister);
                long start = System.nanoTime();
                calls[0] = loop(once, seconds * 1_000_000_000L);
                long elapsed = System.nanoTime() - start;
                Reading after = Reading.take(lister);
                // The backends report their transactions when idle, at most once a second.
                Thread.sleep(1_500);
                long transactions = transactions(lister) - before.transactions;
                print(call, poolSize, callerRuns, calls[0], elapsed, before, after, transactions);
              } catch (SQLException | IOException e) {
                throw new IllegalStateException(e);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            CALLER);
    caller.start();
    caller.join();

    store.close();
    handOff.shutdown();
    try (Connection c = floorPool.getConnection();
        Statement ddl = c.createStatement()) {
      JdbcFloors.drop(c);
      ddl.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
    floorPool.close();
  }

  private static void floorRead(HikariDataSource pool, JdbcFloors floors) {
    try (Connection c = pool.getConnection()) {
      floors.selectById(c);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long loop(Runnable once, long nanos) {
    long end = System.nanoTime() + nanos;
    long n = 0;
    while (System.nanoTime() < end) {
      for (int i = 0; i < 100; i++) {
        once.run();
      }
      n += 100;
    }
    return n;
  }

  private static void print(
      String call,
      int poolSize,
      boolean callerRuns,
      long calls,
      long elapsedNanos,
      Reading before,
      Reading after,
      long transactions) {
    double perCall = 1.0 / calls;
    System.out.printf(
        "%s: %d calls in %.1f s, %.1f µs each by wall clock (pool %d, %s)%n",
        call,
        calls,
        elapsedNanos / 1e9,
        elapsedNanos / 1e3 * perCall,
        poolSize,
        callerRuns ? "callExecutor Runnable::run" : "the store's own threads");
    System.out.printf("per call, CPU µs (user + kernel):%n");
    // Threads that started or ended in between (idle store threads time out) count from or to 0.
    Map<String, long[]> deltas = new LinkedHashMap<>();
    for (String group : GROUPS) {
      deltas.put(group, new long[2]);
    }
    for (Map.Entry<String, ThreadTicks> thread : after.threads.entrySet()) {
      ThreadTicks b = before.threads.get(thread.getKey());
      long[] delta = deltas.get(thread.getValue().group);
      delta[0] += thread.getValue().user - (b == null ? 0 : b.user);
      delta[1] += thread.getValue().kernel - (b == null ? 0 : b.kernel);
    }
    double total = 0;
    for (String group : deltas.keySet()) {
      long[] d = deltas.get(group);
      double user = d[0] * 10_000.0 * perCall;
      double kernel = d[1] * 10_000.0 * perCall;
      total += user + kernel;
      System.out.printf("  %-14s %7.1f = %6.1f + %6.1f%n", group, user + kernel, user, kernel);
    }
    System.out.printf("  %-14s %7.1f%n", "JVM total", total);
    System.out.printf(
        "  %-14s %7.1f%n",
        "PostgreSQL", (after.serverTicks - before.serverTicks) * 10_000.0 * perCall);
    System.out.printf(
        "per call: %.0f bytes allocated, %.2f voluntary + %.2f involuntary context switches,"
            + " %.2f socket writes, %.2f reads, %.2f transactions%n",
        (after.allocated - before.allocated) * perCall,
        (after.voluntarySwitches - before.voluntarySwitches) * perCall,
        (after.involuntarySwitches - before.involuntarySwitches) * perCall,
        (after.writes - before.writes) * perCall,
        (after.reads - before.reads) * perCall,
        transactions * perCall);
  }

  private static long transactions(Connection lister) throws SQLException {
    try (Statement query = lister.createStatement();
        ResultSet row =
            query.executeQuery(
                "SELECT xact_commit + xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** The counters at one moment. */
  private static final List<String> GROUPS =
      List.of("caller", "store threads", "JIT", "GC and VM", "other");

  /** One thread's CPU ticks so far. */
  private record ThreadTicks(String group, long user, long kernel) {}

  private record Reading(
      Map<String, ThreadTicks> threads,
      long allocated,
      long voluntarySwitches,
      long involuntarySwitches,
      long writes,
      long reads,
      long serverTicks,
      long transactions) {

    static Reading take(Connection lister) throws IOException, SQLException {
      Map<String, ThreadTicks> ticks = new LinkedHashMap<>();
      long voluntary = 0;
      long involuntary = 0;
      try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
        for (Path task : tasks.toList()) {
          String stat;
          List<String> status;
          try {
            stat = Files.readString(task.resolve("stat"));
            status = Files.readAllLines(task.resolve("status"));
          } catch (IOException e) {
            continue; // a thread that ended in between
          }
          String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks.put(
              task.getFileName().toString(),
              new ThreadTicks(group(comm), Long.parseLong(fields[11]), Long.parseLong(fields[12])));
          for (String line : status) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              voluntary += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              involuntary += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
          }
        }
      }
      long writes = 0;
      long reads = 0;
      for (String line : Files.readAllLines(Path.of("/proc/self/io"))) {
        if (line.startsWith("syscw:")) {
          writes = Long.parseLong(line.substring(6).trim());
        } else if (line.startsWith("syscr:")) {
          reads = Long.parseLong(line.substring(6).trim());
        }
      }
      com.sun.management.ThreadMXBean threads =
          (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long allocated = 0;
      for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
        allocated += Math.max(0, bytes);
      }
      return new Reading(
          ticks,
          allocated,
          voluntary,
          involuntary,
          writes,
          reads,
          serverTicks(lister),
          GetCallAnatomy.transactions(lister));
    }

    private static String group(String comm) {
      if (comm.equals(CALLER)) {
        return "caller";
      }
      if (comm.startsWith("catalogstore-") || comm.startsWith("floor-handoff")) {
        return "store threads";
      }
      if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
        return "JIT";
      }
      if (comm.startsWith("GC Thread")
          || comm.startsWith("G1 ")
          || comm.startsWith("VM ")
          || comm.equals("Service Thread")) {
        return "GC and VM";
      }
      return "other";
    }

    private static long serverTicks(Connection lister) throws SQLException {
      List<Long> pids = new ArrayList<>();
      try (Statement query = lister.createStatement();
          ResultSet rows =
              query.executeQuery(
                  "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                      + " AND pid <> pg_backend_pid()")) {
        while (rows.next()) {
          pids.add(rows.getLong(1));
        }
      }
      long ticks = 0;
      for (long pid : pids) {
        try {
          String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
          // a backend that ended in between
        }
      }
      return ticks;
    }
  }
}
