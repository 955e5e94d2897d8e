package dev.catalogstore.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The PostgreSQL server of a report: the one at {@code CATALOGSTORE_BENCH_JDBC_URL} (or {@code
 * CATALOGSTORE_TEST_JDBC_URL}) when set, otherwise an embedded one (zonky's PostgreSQL binaries)
 * that the report starts and stops itself, so that the suite needs no setup.
 *
 * <p>The benchmarks, and the JVMs JMH forks for them, read the server from the environment. A JVM
 * cannot change its own environment, so with no URL set the report starts the embedded server and
 * runs itself again as a child process whose environment names it ({@link #runWithEmbedded}); the
 * forks inherit that environment.
 *
 * <p>The embedded server differs from zonky's test defaults in two settings: {@code fsync} and
 * {@code synchronous_commit} are {@code on}, as on any server that keeps what it acknowledges, so
 * that a commit pays its WAL flush as it would in production. Its database cluster is initialised
 * with locale {@value #LOCALE} (present on every glibc system), which is not the byte-wise {@code
 * C} collation, so that the Iceberg benchmark's "default collation" database differs from its
 * {@code C} one as it does on most servers.
 */
final class BenchServer {
  static final String BENCH_URL = "CATALOGSTORE_BENCH_JDBC_URL";
  static final String TEST_URL = "CATALOGSTORE_TEST_JDBC_URL";

  /** Set in the child's environment: the server is the embedded one its parent started. */
  static final String EMBEDDED_MARK = "CATALOGSTORE_BENCH_EMBEDDED";

  static final String LOCALE = "C.UTF-8";

  private BenchServer() {}

  /** The configured server's URL, if any: the same rule as the benchmarks'. */
  static Optional<String> configuredUrl() {
    return Optional.ofNullable(System.getenv(BENCH_URL))
        .filter(url -> !url.isBlank())
        .or(() -> Optional.ofNullable(System.getenv(TEST_URL)).filter(url -> !url.isBlank()));
  }

  /** Whether the configured server is the embedded one a parent report started. */
  static boolean embedded() {
    return System.getenv(EMBEDDED_MARK) != null;
  }

  /**
   * Starts an embedded PostgreSQL, runs this report again with {@code args} in a child JVM (same
   * Java, class path and JVM options) whose environment names the server, waits for it and stops
   * the server. Returns the child's exit code.
   */
  static int runWithEmbedded(Class<?> main, String[] args)
      throws IOException, InterruptedException {
    System.out.println("No " + BENCH_URL + " set: starting an embedded PostgreSQL for the report");
    try (EmbeddedPostgres server =
        EmbeddedPostgres.builder()
            .setServerConfig("synchronous_commit", "on")
            // zonky starts the server with -F (no fsync); a commit must reach the disk here.
            .setServerConfig("fsync", "on")
            .setLocaleConfig("locale", LOCALE)
            .setLocaleConfig("encoding", "UTF8")
            .start()) {
      String url = server.getJdbcUrl("postgres", "postgres");
      System.out.println("Embedded PostgreSQL at " + url);
      List<String> command = new ArrayList<>();
      command.add(ProcessHandle.current().info().command().orElse("java"));
      command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(main.getName());
      command.addAll(List.of(args));
      ProcessBuilder child = new ProcessBuilder(command).inheritIO();
      child.environment().put(BENCH_URL, url);
      child.environment().put(EMBEDDED_MARK, "true");
      Process process = child.start();
      try {
        return process.waitFor();
      } finally {
        // Should this wait be interrupted, the child must not go on against a stopped server.
        process.destroy();
      }
    }
  }
}
