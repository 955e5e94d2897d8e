package dev.catalogstore.memory.tckproof;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.memory.tckproof.TckLauncher.Report;
import org.junit.jupiter.api.Test;

/**
 * The TCK proves it can fail (DESIGN §4): each deliberately broken store below runs the suite
 * that covers its break, and the test named after the broken rule must fail. Each of those tests
 * is also run against {@link HonestStore}, a decorator that changes nothing, where it must pass,
 * so the failure is the break's doing and not the test's or the decorator's.
 */
class TckCatchesBrokenStoresTest {

  @Test
  void aStoreLeakingAssetsAcrossTenantsByIdFailsTheIsolationCaseOfGetAssetById() {
    Report report = ran(TckLauncher.run(AssetIdLeakingStore.TckRun.class, "Isolation"));

    assertThat(report.failedIsolationCases()).as("%s", report).contains("getAssetById");
    assertPassesAgainstTheHonestStore("Isolation", "getAssetByIdOfAnotherTenantsAssetIsEmpty");
  }

  @Test
  void aStoreWhoseCreateOverwritesFailsTheNoOverwriteRule() {
    Report report = ran(TckLauncher.run(OverwritingStore.TckRun.class, "Assets"));

    assertThat(report.failedTests()).as("%s", report)
        .contains("createOnATakenNameFailsAndKeepsTheOriginal");
    assertPassesAgainstTheHonestStore("Assets", "createOnATakenNameFailsAndKeepsTheOriginal");
  }

  @Test
  void aStoreThatIgnoresTheExpectedLocationFailsTheCompareAndSetRule() {
    Report report = ran(TckLauncher.run(LostCasStore.TckRun.class, "MetadataPointer"));

    assertThat(report.failedTests()).as("%s", report).contains(
        "aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing",
        "expectingNoLocationWhereOneIsStoredIsAConflict",
        "aWriterWhoseExpectedLocationWasReplacedConflictsAndLandsOnRetry");
    assertPassesAgainstTheHonestStore("MetadataPointer",
        "aStaleExpectedLocationIsAConflictCarryingTheStoredLocationAndChangesNothing");
    assertPassesAgainstTheHonestStore("MetadataPointer",
        "ofConcurrentCommitsWithTheSameExpectedLocationExactlyOneWins");
  }

  @Test
  void aStoreAcceptingAControlCharacterInANameFailsTheInputRules() {
    Report report = ran(TckLauncher.run(ControlCharacterAcceptingStore.TckRun.class, "Assets"));

    assertThat(report.failedTests()).as("%s", report)
        .contains("createRejectsBadInputNamingTheFieldAndChangesNothing");
    assertPassesAgainstTheHonestStore(
        "Assets", "createRejectsBadInputNamingTheFieldAndChangesNothing");
  }

  @Test
  void aListIgnoringItsPageTokenFailsThePagingAndTokenRules() {
    Report assets = ran(TckLauncher.run(PageTokenIgnoringStore.TckRun.class, "Assets"));
    Report isolation = ran(TckLauncher.run(PageTokenIgnoringStore.TckRun.class, "Isolation"));

    assertThat(assets.failedTests()).as("%s", assets).contains(
        "listAssetsPagesByLimitAndTokenWithoutRepeatsOrGaps",
        "listAssetsRefusesAPageTokenOfAnotherNamespace",
        "listAssetsRefusesAPageTokenOfAnotherTenant");
    assertThat(isolation.failedIsolationCases()).as("%s", isolation).contains("listAssets");
    assertPassesAgainstTheHonestStore(
        "Assets", "listAssetsPagesByLimitAndTokenWithoutRepeatsOrGaps");
    assertPassesAgainstTheHonestStore(
        "Isolation", "listAssetsShowsOnlyTheCallersAndRefusesAnotherTenantsToken");
  }

  @Test
  void aCascadeLeavingOrphanedAssetsFailsTheCatalogDeletionRule() {
    Report report = ran(TckLauncher.run(OrphaningCascadeStore.TckRun.class, "Cascades"));

    assertThat(report.failedTests()).as("%s", report).contains(
        "deletingACatalogRemovesItsNamespacesAssetsAndHistory",
        "aCatalogRecreatedUnderItsNameStartsEmpty");
    assertPassesAgainstTheHonestStore(
        "Cascades", "deletingACatalogRemovesItsNamespacesAssetsAndHistory");
  }

  /** Asserts that the run ran its tests (no suite failed as a whole) and returns it. */
  private static Report ran(Report report) {
    assertThat(report.brokenContainers()).as("suites that could not run: %s", report).isEmpty();
    assertThat(report.succeeded()).as("tests that passed: %s", report).isNotEmpty();
    return report;
  }

  /** The control: {@code test} of {@code suite} passes against a decorator that changes nothing. */
  private static void assertPassesAgainstTheHonestStore(String suite, String test) {
    Report control = TckLauncher.run(HonestStore.TckRun.class, suite, test);
    assertThat(control.succeeded()).as("the control run of %s: %s", test, control)
        .containsExactly(test);
    assertThat(control.failed()).as("the control run of %s", test).isEmpty();
    assertThat(control.brokenContainers()).as("the control run of %s", test).isEmpty();
  }
}
