package dev.catalogstore.memory.tckproof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.memory.InMemoryCatalogStore;
import dev.catalogstore.memory.tckproof.BrokenStore.TckTest;
import dev.catalogstore.memory.tckproof.TckLauncher.Report;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The TCK proves it can fail (DESIGN §4): each deliberately broken store runs the TCK tests named
 * for its defect, and each of them must fail. Each of those tests is also run against the honest
 * in-memory store, where it must pass, so the failure is the defect's doing and not the test's. The
 * run ends with one line: {@code TCK self-test: caught N of M broken stores}.
 */
class TckCatchesBrokenStoresTest {
  /** The broken stores, gathered per facet where their defect lives. */
  static final List<BrokenStore> BROKEN_STORES =
      Stream.of(
              TenantBrokenStores.all(),
              WarehouseBrokenStores.all(),
              CatalogBrokenStores.all(),
              NamespaceListBrokenStores.all(),
              NamespaceLookupBrokenStores.all(),
              NamespacePropertyBrokenStores.all(),
              NamespaceDeleteBrokenStores.all(),
              NamespaceIsolationBrokenStores.all(),
              AssetNameBrokenStores.all(),
              AssetWriteBrokenStores.all(),
              AssetRenameBrokenStores.all(),
              AssetTimeBrokenStores.all(),
              AssetHistoryBrokenStores.all(),
              AssetPagingBrokenStores.all(),
              AssetValidationOrderBrokenStores.all(),
              AssetIsolationBrokenStores.all(),
              MetadataCommitBrokenStores.all(),
              MultiAssetCommitBrokenStores.all(),
              GuardedChangeBrokenStores.all(),
              MissingThingBrokenStores.all(),
              VersionBrokenStores.all(),
              AccessBrokenStores.all(),
              ServiceUserBrokenStores.all(),
              TokenBrokenStores.all(),
              CrossCuttingBrokenStores.all(),
              GovernanceBrokenStores.all(),
              AuditBrokenStores.all(),
              AuditTenantBrokenStores.all(),
              AuditAppendBrokenStores.all(),
              AuditPagingBrokenStores.all(),
              SettingsBrokenStores.all(),
              SettingsWarehouseBrokenStores.all(),
              MaintenanceBrokenStores.all(),
              MaintenanceRunBrokenStores.all(),
              FederationBrokenStores.all(),
              FederationScopeBrokenStores.all(),
              SecretBrokenStores.all(),
              CarrierBrokenStores.all())
          .flatMap(List::stream)
          .toList();

  private static final AtomicInteger CAUGHT = new AtomicInteger();

  @TestFactory
  Stream<DynamicTest> everyBrokenStoreFailsEveryTestNamedForItsDefect() {
    return BROKEN_STORES.stream()
        .map(
            broken ->
                dynamicTest(
                    broken.name(),
                    () -> {
                      for (TckTest test : broken.caughtBy()) {
                        assertFails(broken, test);
                      }
                      CAUGHT.incrementAndGet();
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyTestNamedForADefectPassesAgainstTheHonestStore() {
    return BROKEN_STORES.stream()
        .flatMap(broken -> broken.caughtBy().stream())
        .distinct()
        .map(test -> dynamicTest(test.toString(), () -> assertPassesHonestly(test)));
  }

  @Test
  void theSelfTestHasAtLeastThirtyDistinctBrokenStores() {
    Set<String> names = new HashSet<>();
    for (BrokenStore broken : BROKEN_STORES) {
      assertThat(names.add(broken.name())).as("duplicate name %s", broken.name()).isTrue();
      assertThat(broken.caughtBy()).as("tests named for %s", broken.name()).isNotEmpty();
    }
    assertThat(BROKEN_STORES).hasSizeGreaterThanOrEqualTo(30);
  }

  @AfterAll
  static void printTheScore() {
    System.out.println(
        "TCK self-test: caught " + CAUGHT.get() + " of " + BROKEN_STORES.size() + " broken stores");
  }

  private static void assertFails(BrokenStore broken, TckTest test) {
    TckClock clock = new TckClock();
    try (CatalogStore store = broken.open(clock)) {
      Report report = run(store, clock, test);
      assertThat(report.failedTests())
          .as("%s must fail against %s: %s", test, broken, report)
          .containsExactly(test.method());
    }
  }

  private static void assertPassesHonestly(TckTest test) {
    TckClock clock = new TckClock();
    try (CatalogStore store =
        new InMemoryCatalogStore(clock, FederatedConnectors.of(TckRemoteCatalog.CONNECTOR))) {
      Report report = run(store, clock, test);
      assertThat(report.succeeded())
          .as("%s must pass against the honest store: %s", test, report)
          .containsExactly(test.method());
    }
  }

  private static Report run(CatalogStore store, TckClock clock, TckTest test) {
    BrokenStoreTck.use(store, clock);
    Report report = TckLauncher.run(BrokenStoreTck.class, test.suite(), test.method());
    assertThat(report.brokenContainers()).as("suites that could not run: %s", report).isEmpty();
    return report;
  }
}
