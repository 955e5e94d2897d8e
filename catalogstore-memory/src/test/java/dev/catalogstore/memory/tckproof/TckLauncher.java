package dev.catalogstore.memory.tckproof;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.catalogstore.tck.CatalogStoreTck;
import dev.catalogstore.tck.IsolationCase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs one nested suite of the TCK (or one test of it) against the store of a {@link
 * CatalogStoreTck} subclass, through the JUnit Platform Launcher, and reports what failed.
 */
final class TckLauncher {
  /** The nested suites are non-public classes of the TCK, so they are selected by name. */
  private static final String SUITE_PREFIX = CatalogStoreTck.class.getName() + "$";

  private TckLauncher() {}

  /** Runs the nested suite {@code suite} (for example {@code "AssetIsolation"}) of {@code tck}. */
  static Report run(Class<? extends CatalogStoreTck> tck, String suite) {
    return run(selectNestedClass(List.of(tck.getName()), SUITE_PREFIX + suite));
  }

  /** Runs the single test {@code test} of the nested suite {@code suite} of {@code tck}. */
  static Report run(Class<? extends CatalogStoreTck> tck, String suite, String test) {
    return run(selectNestedMethod(List.of(tck.getName()), SUITE_PREFIX + suite, test));
  }

  private static Report run(DiscoverySelector selector) {
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(selector)
            .filters(EngineFilter.includeEngines("junit-jupiter"))
            .build();
    Recorder recorder = new Recorder();
    LauncherFactory.create().execute(request, recorder);
    return new Report(recorder.succeeded, recorder.failed, recorder.brokenContainers);
  }

  /**
   * What a run did.
   *
   * @param succeeded the tests that passed, by method name
   * @param failed the tests that failed
   * @param brokenContainers suites or classes that failed as a whole (for example could not be
   *     instantiated); a run with any of these proves nothing
   */
  record Report(List<String> succeeded, List<FailedTest> failed, List<String> brokenContainers) {
    /** The method names of the failed tests. */
    List<String> failedTests() {
      return failed.stream().map(FailedTest::test).toList();
    }

    /** The {@link IsolationCase} values of the failed tests that carry one. */
    List<String> failedIsolationCases() {
      return failed.stream().flatMap(f -> f.isolationCase().stream()).toList();
    }

    @Override
    public String toString() {
      return "passed "
          + succeeded.size()
          + ", failed "
          + failed.size()
          + failed.stream().map(f -> "\n  " + f).collect(Collectors.joining())
          + (brokenContainers.isEmpty() ? "" : "\n  broken: " + brokenContainers);
    }
  }

  /**
   * One failed test.
   *
   * @param test the test method's name
   * @param isolationCase the store method it is the isolation case of, if it is one
   * @param failure why it failed
   */
  record FailedTest(String test, Optional<String> isolationCase, Throwable failure) {
    @Override
    public String toString() {
      String message =
          String.valueOf(failure.getMessage())
              .lines()
              .filter(line -> !line.isBlank())
              .findFirst()
              .orElse("")
              .strip();
      return test
          + isolationCase.map(c -> " [isolation case " + c + "]").orElse("")
          + ": "
          + failure.getClass().getSimpleName()
          + ": "
          + message;
    }
  }

  private static final class Recorder implements TestExecutionListener {
    final List<String> succeeded = new ArrayList<>();
    final List<FailedTest> failed = new ArrayList<>();
    final List<String> brokenContainers = new ArrayList<>();

    @Override
    public synchronized void executionFinished(
        TestIdentifier identifier, TestExecutionResult result) {
      boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
      if (!identifier.isTest()) {
        if (!passed) {
          brokenContainers.add(identifier.getDisplayName() + ": " + result.getThrowable());
        }
        return;
      }
      Optional<MethodSource> source =
          identifier
              .getSource()
              .filter(MethodSource.class::isInstance)
              .map(MethodSource.class::cast);
      String test = source.map(MethodSource::getMethodName).orElse(identifier.getDisplayName());
      if (passed) {
        succeeded.add(test);
        return;
      }
      Optional<String> isolationCase =
          source
              .map(MethodSource::getJavaMethod)
              .map(method -> method.getAnnotation(IsolationCase.class))
              .map(IsolationCase::value);
      failed.add(
          new FailedTest(
              test,
              isolationCase,
              result.getThrowable().orElseGet(() -> new AssertionError(result.getStatus()))));
    }
  }
}
