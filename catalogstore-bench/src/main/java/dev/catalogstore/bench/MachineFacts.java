package dev.catalogstore.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a reader needs to judge the figures: the machine, the JVM, the PostgreSQL server and how
 * busy the machine was when the run started. Gathered by the report's JVM, which runs on the same
 * machine as the forks it starts.
 */
final class MachineFacts {
  private MachineFacts() {}

  /** The facts, in the order they are printed; every value is a plain string. */
  static Map<String, String> gather(Instant started, Optional<String> serverUrl) {
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("date", started.truncatedTo(ChronoUnit.SECONDS).toString());
    facts.put("cpu", cpuModel());
    facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    facts.put(
        "memory",
        String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (1024.0 * 1024 * 1024)));
    facts.put(
        "os",
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    facts.put(
        "jdk",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vm.vendor")
            + ")");
    facts.put(
        "load average at start", String.format(Locale.ROOT, "%.2f", os.getSystemLoadAverage()));
    facts.put(
        "postgresql",
        serverUrl
            .map(
                url ->
                    serverVersion(url)
                        + (BenchServer.embedded()
                            ? " (embedded, started by the report on this machine)"
                            : " (at "
                                + BenchServer.BENCH_URL
                                + " or "
                                + BenchServer.TEST_URL
                                + ")"))
            .orElse("none"));
    facts.put("settings", BenchSettings.describe());
    return facts;
  }

  private static String cpuModel() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse(System.getProperty("os.arch"));
    } catch (IOException | RuntimeException e) {
      return System.getProperty("os.arch") + " (model not readable: " + e + ")";
    }
  }

  private static String serverVersion(String url) {
    try (Connection c = DriverManager.getConnection(url);
        Statement query = c.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT current_setting('server_version'), current_setting('shared_buffers'),"
                    + " current_setting('synchronous_commit'), current_setting('fsync')")) {
      rows.next();
      return "PostgreSQL "
          + rows.getString(1)
          + ", shared_buffers "
          + rows.getString(2)
          + ", synchronous_commit "
          + rows.getString(3)
          + ", fsync "
          + rows.getString(4);
    } catch (SQLException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
