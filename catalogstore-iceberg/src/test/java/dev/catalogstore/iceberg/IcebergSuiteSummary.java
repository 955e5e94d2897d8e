package dev.catalogstore.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.catalog.CatalogTests;
import org.apache.iceberg.view.ViewCatalogTests;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, after a test run, how Iceberg's own suites fared against the adapter: per suite class,
 * the tests run, passed, failed and skipped, and for each skipped test the capability flags it
 * found unsupported with the adapter's reason. Registered through {@code META-INF/services}.
 */
public final class IcebergSuiteSummary implements TestExecutionListener {
  private final Map<String, Tally> tallies = new TreeMap<>();

  @Override
  public void executionStarted(TestIdentifier test) {
    if (suiteClass(test) != null) {
      SuiteCapabilities.startTest();
    }
  }

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    String suite = suiteClass(test);
    if (suite != null) {
      tally(suite).skipped.add(name(test) + ": disabled (" + reason + ")");
    }
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    String suite = suiteClass(test);
    if (suite == null) {
      return;
    }
    Tally tally = tally(suite);
    switch (result.getStatus()) {
      case SUCCESSFUL -> tally.passed++;
      case FAILED -> tally.failed.add(name(test));
      case ABORTED -> {
        List<String> flags = SuiteCapabilities.unsupportedAsked();
        tally.skipped.add(
            name(test)
                + ": "
                + (flags.isEmpty()
                    ? result.getThrowable().map(Throwable::getMessage).orElse("assumption")
                    : String.join("; ", flags)));
      }
    }
  }

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (tallies.isEmpty()) {
      return;
    }
    StringBuilder out = new StringBuilder();
    out.append("\nApache Iceberg ")
        .append(org.apache.iceberg.IcebergBuild.version())
        .append(" catalog suites against catalogstore-iceberg:\n");
    tallies.forEach(
        (suite, tally) -> {
          int run = tally.passed + tally.failed.size() + tally.skipped.size();
          out.append(
              String.format(
                  "  %-40s %3d tests: %3d passed, %d failed, %2d skipped%n",
                  suite, run, tally.passed, tally.failed.size(), tally.skipped.size()));
          tally.failed.forEach(name -> out.append("      FAILED ").append(name).append('\n'));
          tally.skipped.forEach(why -> out.append("      skipped ").append(why).append('\n'));
        });
    System.out.print(out);
  }

  private Tally tally(String suite) {
    return tallies.computeIfAbsent(suite, key -> new Tally());
  }

  /** The simple name of the test's class if it runs one of Iceberg's suites, else null. */
  private static String suiteClass(TestIdentifier test) {
    if (!test.isTest() || !(test.getSource().orElse(null) instanceof MethodSource source)) {
      return null;
    }
    try {
      Class<?> type =
          Class.forName(source.getClassName(), false, source.getClass().getClassLoader());
      boolean iceberg =
          CatalogTests.class.isAssignableFrom(type)
              || ViewCatalogTests.class.isAssignableFrom(type);
      return iceberg ? type.getSimpleName() : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static String name(TestIdentifier test) {
    return test.getSource().orElse(null) instanceof MethodSource source
        ? source.getMethodName()
        : test.getDisplayName();
  }

  private static final class Tally {
    int passed;
    final List<String> failed = new ArrayList<>();
    final List<String> skipped = new ArrayList<>();
  }
}
