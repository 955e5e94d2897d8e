package dev.catalogstore.iceberg;

import java.util.ArrayList;
import java.util.List;

/**
 * The capability flags the adapter answers Iceberg's suites with, and a record of the flags a test
 * found unsupported: a test that Iceberg's suite skips by an assumption on a flag is reported with
 * that flag and the reason the adapter gives ({@link IcebergSuiteSummary}).
 */
final class SuiteCapabilities {
  private static final ThreadLocal<List<String>> UNSUPPORTED =
      ThreadLocal.withInitial(ArrayList::new);

  private SuiteCapabilities() {}

  /**
   * Answers flag {@code name} with {@code value}; an unsupported one is recorded with {@code why}.
   */
  static boolean answer(String name, boolean value, String why) {
    if (!value) {
      String entry = name + "=false (" + why + ")";
      if (!UNSUPPORTED.get().contains(entry)) {
        UNSUPPORTED.get().add(entry);
      }
    }
    return value;
  }

  /** Starts a test's record; JUnit runs a test and its listener callbacks on one thread. */
  static void startTest() {
    UNSUPPORTED.get().clear();
  }

  /** The unsupported flags the current test asked for. */
  static List<String> unsupportedAsked() {
    return List.copyOf(UNSUPPORTED.get());
  }
}
