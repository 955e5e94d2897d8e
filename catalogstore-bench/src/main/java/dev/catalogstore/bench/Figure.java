package dev.catalogstore.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * One measured figure of a JMH run: a benchmark method with its parameters and thread count, its
 * score and error as JMH reports them, and the same score as microseconds per operation, so that
 * figures of any mode and unit compare.
 *
 * @param benchmark the benchmark class's simple name
 * @param method the benchmark method
 * @param params the JMH parameters, in declaration order
 * @param threads the threads that called the method at once
 * @param mode JMH's mode label ({@code avgt}, {@code thrpt}, {@code ss}, ...)
 * @param score the score in {@code unit}
 * @param error the half-width of JMH's 99.9 % confidence interval, in {@code unit} ({@code NaN}
 *     with too few iterations)
 * @param unit JMH's unit, for example {@code us/op} or {@code ops/s}
 */
record Figure(
    String benchmark,
    String method,
    Map<String, String> params,
    int threads,
    String mode,
    double score,
    double error,
    String unit) {

  static Figure of(RunResult run) {
    BenchmarkParams params = run.getParams();
    String full = params.getBenchmark();
    String[] parts = full.split("\\.");
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : params.getParamsKeys()) {
      values.put(key, params.getParam(key));
    }
    Result<?> result = run.getPrimaryResult();
    return new Figure(
        parts[parts.length - 2],
        parts[parts.length - 1],
        values,
        params.getThreads(),
        params.getMode().shortLabel(),
        result.getScore(),
        result.getScoreError(),
        result.getScoreUnit());
  }

  /**
   * The secondary results of a run given as time per operation (such as {@link CpuCostProfiler}'s
   * {@code cpu.total} in {@code us/op}), each as a figure whose method is {@code method:result};
   * per operation already, they are not divided by the threads.
   */
  static List<Figure> secondaries(RunResult run) {
    Figure primary = of(run);
    List<Figure> figures = new ArrayList<>();
    run.getSecondaryResults()
        .forEach(
            (name, result) -> {
              String unit = result.getScoreUnit();
              if (unit.matches("(ns|us|ms|s|min)/op")) {
                figures.add(
                    new Figure(
                        primary.benchmark(),
                        primary.method() + ":" + name,
                        primary.params(),
                        primary.threads(),
                        primary.mode(),
                        result.getScore(),
                        result.getScoreError(),
                        unit));
              }
            });
    return figures;
  }

  /**
   * The score as microseconds per operation (per call of the method, on one thread). A throughput
   * score is inverted; with several threads a throughput is the sum over threads, so one call took
   * {@code threads / throughput}.
   */
  double microsPerOp() {
    String[] split = unit.split("/");
    if (unit.startsWith("ops/")) {
      return threads / score * micros(split[1]);
    }
    return score * micros(split[0]);
  }

  private static double micros(String unit) {
    return switch (unit) {
      case "ns" -> 1e-3;
      case "us" -> 1;
      case "ms" -> 1e3;
      case "s" -> 1e6;
      case "min" -> 60e6;
      default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
    };
  }

  /** {@code Class.method[k=v,...]}, with {@code @n} for more than one thread. */
  String label() {
    String args =
        params.isEmpty()
            ? ""
            : params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(",", "[", "]"));
    return benchmark + "." + method + args + (threads == 1 ? "" : "@" + threads);
  }

  /** Score ± error and unit, as printed. */
  String printed() {
    return Double.isNaN(error)
        ? String.format(Locale.ROOT, "%s %s", number(score), unit)
        : String.format(Locale.ROOT, "%s ± %s %s", number(score), number(error), unit);
  }

  /** A number with three significant digits or more, without exponent. */
  static String number(double value) {
    double abs = Math.abs(value);
    if (abs >= 100) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (abs >= 10) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (abs >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }
}
