package dev.catalogstore.bench;

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
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, of the benchmark's JVM ({@code cpu.client}) and of the PostgreSQL
 * backends serving the benchmark's database ({@code cpu.server}), in microseconds. On a machine
 * whose cores are shared with other work, a call's wall-clock time mostly measures the queue for a
 * core; the CPU a call consumes does not depend on that queue, and on a saturated machine it is
 * what bounds throughput. The server's share is read from {@code /proc/<pid>/stat} of every backend
 * of the database (so PostgreSQL must run on the same host, as in this project's runs), at the
 * kernel's tick resolution (10 ms), which iterations of thousands of calls make fine enough.
 *
 * <p>Use: {@code -prof dev.catalogstore.bench.CpuCostProfiler}; reads the database from {@code
 * CATALOGSTORE_BENCH_JDBC_URL} like the benchmarks.
 */
public final class CpuCostProfiler implements InternalProfiler {
  private static final double MICROS_PER_TICK = 1_000_000.0 / 100;

  /** Whether an iteration is being profiled, so that {@link #mark} reads only then. */
  private static volatile boolean profiling;

  /** The readings {@link #mark} took at the end of the iteration's measurement, or -1. */
  private static volatile long markedClientNanos = -1;

  private static volatile long markedServerTicks = -1;

  /**
   * The connection that lists the backends, opened once per JVM: opening one per reading would
   * charge the JVM's CPU with a login per iteration.
   */
  private static Connection lister;

  private long clientNanos;
  private long serverTicks;

  /**
   * Takes the end-of-iteration readings now. A benchmark calls it from its iteration-level tear
   * down, which runs before its trial-level tear down: JMH reports the last iteration to the
   * profiler only after that, when the benchmark's pools, and with them the backends measured, may
   * be gone, and the JVM has spent CPU on closing them.
   */
  static void mark() {
    if (profiling) {
      markedClientNanos = processCpuNanos();
      markedServerTicks = serverTicks();
    }
  }

  @Override
  public String getDescription() {
    return "CPU time per operation of the JVM and of the database's PostgreSQL backends";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmark, IterationParams iteration) {
    markedClientNanos = -1;
    markedServerTicks = -1;
    clientNanos = processCpuNanos();
    serverTicks = serverTicks();
    profiling = true;
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmark, IterationParams iteration, IterationResult result) {
    profiling = false;
    long endClient = markedClientNanos >= 0 ? markedClientNanos : processCpuNanos();
    long endServer = markedServerTicks >= 0 ? markedServerTicks : serverTicks();
    double client = (endClient - clientNanos) / 1_000.0;
    double server = (endServer - serverTicks) * MICROS_PER_TICK;
    long ops = Math.max(1, result.getMetadata().getMeasuredOps());
    return List.of(
        new ScalarResult("cpu.client", client / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.server", server / ops, "us/op", AggregationPolicy.AVG),
        new ScalarResult("cpu.total", (client + server) / ops, "us/op", AggregationPolicy.AVG));
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** User and system ticks of the backends connected to the benchmark's database now. */
  private static synchronized long serverTicks() {
    List<Long> pids = new ArrayList<>();
    try {
      if (lister == null || lister.isClosed()) {
        lister = DriverManager.getConnection(JdbcRoundTripBenchmark.jdbcUrl().orElseThrow());
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot connect to list the database's backends", e);
    }
    try (Statement query = lister.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid()")) {
      while (rows.next()) {
        pids.add(rows.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot list the database's backends", e);
    }
    long ticks = 0;
    for (long pid : pids) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // Fields after the command name, which is in parentheses and may hold spaces.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      } catch (IOException | RuntimeException e) {
        // A backend that ended in between: its time is lost to both readings alike.
      }
    }
    return ticks;
  }
}
