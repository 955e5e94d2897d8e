package dev.catalogstore.bench;

import java.nio.file.Path;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How the report runs, read from system properties of the report's JVM (the Maven command passes
 * them through {@code exec:exec}):
 *
 * <ul>
 *   <li>{@code bench.quick=true}: a trial of the harness, not a measurement: every benchmark at
 *       reduced sizes (at most 10,000 assets, events or rows, 10 tenants) with one warm-up and two
 *       measured iterations of one second. Its figures prove the command works end to end; they are
 *       not the reference figures, and the Markdown summary says so in its first lines.
 *   <li>{@code bench.results}: the directory the JSON and Markdown results are written to ({@code
 *       catalogstore-bench/results} by the Maven command).
 * </ul>
 *
 * <p>Without {@code bench.quick} each benchmark runs at its full sizes with {@link #WARMUP} warm-up
 * and {@link #MEASUREMENT} measured iterations of one second in one fork: short on purpose, so that
 * the whole suite stays near an hour on a 2-core machine (69 minutes in the committed run, most of
 * it filling the 1,000,000-row tables). The error bars printed beside each figure say how far that
 * can be trusted.
 */
final class BenchSettings {
  /** Warm-up iterations of one second each, in a full run. */
  static final int WARMUP = 2;

  /** Measured iterations of one second each, in a full run. */
  static final int MEASUREMENT = 3;

  private BenchSettings() {}

  /** Whether this is a quick trial at reduced sizes ({@code -Dbench.quick=true}). */
  static boolean quick() {
    return Boolean.getBoolean("bench.quick");
  }

  /** Where the results go. */
  static Path resultsDirectory() {
    return Path.of(System.getProperty("bench.results", "results"));
  }

  /** The size for a run: {@code full} normally, {@code reduced} in a quick trial. */
  static String[] sizes(String[] full, String[] reduced) {
    return quick() ? reduced : full;
  }

  /** Applies the iteration settings of this run to a benchmark's options. */
  static ChainedOptionsBuilder iterations(ChainedOptionsBuilder options) {
    TimeValue second = TimeValue.seconds(1);
    return options
        .warmupIterations(quick() ? 1 : WARMUP)
        .warmupTime(second)
        .measurementIterations(quick() ? 2 : MEASUREMENT)
        .measurementTime(second)
        .forks(1);
  }

  /** How the iterations were set, for the printed and written results. */
  static String describe() {
    return quick()
        ? "QUICK TRIAL (-Dbench.quick=true): reduced sizes, 1 warm-up and 2 measured iterations of"
            + " 1 s, 1 fork; proves the harness, not a reference measurement"
        : "full sizes; JMH "
            + WARMUP
            + " warm-up and "
            + MEASUREMENT
            + " measured iterations of 1 s, 1 fork per benchmark and parameter set"
            + " (short on purpose: read the error bars)";
  }
}
