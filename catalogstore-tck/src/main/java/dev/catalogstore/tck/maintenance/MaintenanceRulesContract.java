package dev.catalogstore.tck.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.settings.SettingsUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.TckNames;
import dev.catalogstore.tck.TenantSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules every maintenance call keeps whatever the clock: bad arguments are refused with {@code
 * InvalidArgumentException} naming them ({@code retention}, {@code olderThan}, {@code actor.id},
 * the asset's address) before anything is looked up, a missing tenant, catalog, branch, namespace
 * or asset is a {@code NotFoundException} naming the outermost missing thing, and a failed call
 * changes nothing, records no audit event included. Runs on a tenant filled with the {@link
 * SampleTenant} content.
 */
public abstract class MaintenanceRulesContract extends MaintenanceSuite {
  private static final Instant TOO_EARLY = Instant.parse("-0001-12-31T00:00:00Z");
  private static final Instant TOO_LATE = Instant.parse("+10000-01-01T00:00:00.000001Z");
  private static final Instant SOON = Instant.now().plus(Duration.ofDays(1));

  private TenantSnapshot before;

  @BeforeEach
  void fillTheTenant() {
    tenant = sampleTenant("maintenance");
    before = snapshot(tenant);
  }

  /** The four maintenance calls on {@code asset} under {@code owner}: expect each to fail. */
  private Map<String, Function<TenantId, CompletableFuture<?>>> everyCallOn(AssetRef asset) {
    Map<String, Function<TenantId, CompletableFuture<?>>> calls = new LinkedHashMap<>();
    calls.put(
        "expireSnapshots/3", t -> store().maintenance().expireSnapshots(t, asset, Duration.ZERO));
    calls.put(
        "expireSnapshots/4",
        t -> store().maintenance().expireSnapshots(t, asset, Duration.ZERO, OPERATOR));
    calls.put("removeOrphanFiles/3", t -> store().maintenance().removeOrphanFiles(t, asset, SOON));
    calls.put(
        "removeOrphanFiles/4",
        t -> store().maintenance().removeOrphanFiles(t, asset, SOON, OPERATOR));
    return calls;
  }

  private void assertEveryCallMissing(TenantId owner, AssetRef asset, ObjectType missing) {
    List<String> wrong = new ArrayList<>();
    everyCallOn(asset)
        .forEach(
            (name, call) -> {
              try {
                NotFoundException e = assertFails(NotFoundException.class, () -> call.apply(owner));
                if (e.missing() != missing) {
                  wrong.add(name + " said " + e.missing() + " is missing: " + e.getMessage());
                }
              } catch (AssertionError e) {
                wrong.add(name + ": " + e.getMessage());
              }
            });
    assertThat(wrong).as("maintenance calls on %s not NotFound(%s)", asset, missing).isEmpty();
  }

  private void assertNothingChanged() {
    assertUnchanged(tenant, before);
  }

  @Test
  void everyCallUnderATenantThatDoesNotExistIsNotFoundNamingTheTenant() {
    TenantId deleted = newTenant();
    await(store().tenants().delete(deleted));

    assertEveryCallMissing(TenantId.random(), SampleTenant.ORDERS, ObjectType.TENANT);
    assertEveryCallMissing(deleted, SampleTenant.ORDERS, ObjectType.TENANT);
    assertNothingChanged();
  }

  @Test
  void everyCallInACatalogThatDoesNotExistIsNotFoundNamingTheCatalog() {
    assertEveryCallMissing(
        tenant, AssetRef.onMain("gone", SampleTenant.SALES.path(), "orders"), ObjectType.CATALOG);
    assertNothingChanged();
  }

  @Test
  void everyCallOnABranchThatDoesNotExistIsNotFoundNamingTheBranch() {
    assertEveryCallMissing(
        tenant,
        new AssetRef(
            new BranchRef(SampleTenant.CATALOG, "gone"), SampleTenant.SALES.path(), "orders"),
        ObjectType.BRANCH);
    assertNothingChanged();
  }

  @Test
  void everyCallInANamespaceThatDoesNotExistIsNotFoundNamingTheNamespace() {
    assertEveryCallMissing(
        tenant, AssetRef.onMain(SampleTenant.SALES.child("gone"), "orders"), ObjectType.NAMESPACE);
    assertNothingChanged();
  }

  @Test
  void everyCallOnAnAssetThatDoesNotExistIsNotFoundNamingTheAsset() {
    assertEveryCallMissing(tenant, AssetRef.onMain(SampleTenant.SALES, "gone"), ObjectType.ASSET);
    await(store().assets().delete(tenant, SampleTenant.CUSTOMERS));
    before = snapshot(tenant);
    assertEveryCallMissing(tenant, SampleTenant.CUSTOMERS, ObjectType.ASSET);
    assertNothingChanged();
  }

  /** Asserts {@code call} is refused on {@code field} under the tenant and a missing one. */
  private void refused(String field, Function<TenantId, CompletableFuture<?>> call) {
    for (TenantId under : List.of(tenant, TenantId.random())) {
      assertInvalid(field, () -> call.apply(under));
    }
  }

  @Test
  void aRetentionMustBeWholeMicrosecondsFromZeroToAHundredYears() {
    for (Duration bad :
        List.of(
            Duration.ofNanos(-1_000),
            Duration.ofDays(-1),
            SettingsUpdate.MAX_RETENTION.plusNanos(1_000),
            Duration.ofNanos(1))) {
      refused(
          "retention",
          t -> store().maintenance().expireSnapshots(t, SampleTenant.ORDERS, bad, OPERATOR));
      refused("retention", t -> store().maintenance().expireSnapshots(t, SampleTenant.ORDERS, bad));
    }
    refused(
        "retention",
        t -> store().maintenance().expireSnapshots(t, SampleTenant.ORDERS, null, OPERATOR));
    assertNothingChanged();
  }

  @Test
  void olderThanMustLieInTheStoresRange() {
    for (Instant bad : Arrays.asList(null, TOO_EARLY, TOO_LATE)) {
      refused(
          "olderThan",
          t -> store().maintenance().removeOrphanFiles(t, SampleTenant.ORDERS, bad, OPERATOR));
      refused(
          "olderThan", t -> store().maintenance().removeOrphanFiles(t, SampleTenant.ORDERS, bad));
    }
    assertNothingChanged();
  }

  @Test
  void theActorMustBePresentWithAValidId() {
    refused(
        "actor",
        t -> store().maintenance().expireSnapshots(t, SampleTenant.ORDERS, Duration.ZERO, null));
    refused(
        "actor", t -> store().maintenance().removeOrphanFiles(t, SampleTenant.ORDERS, SOON, null));
    List<String> invalid = new ArrayList<>();
    TckNames.invalid().forEach(arguments -> invalid.add((String) arguments.get()[1]));
    invalid.removeIf(Objects::isNull);
    for (String bad : invalid) {
      AuditActor actor = AuditActor.user(bad);
      refused(
          "actor.id",
          t -> store().maintenance().expireSnapshots(t, SampleTenant.ORDERS, Duration.ZERO, actor));
      refused(
          "actor.id",
          t -> store().maintenance().removeOrphanFiles(t, SampleTenant.ORDERS, SOON, actor));
    }
    assertNothingChanged();
  }

  @Test
  void theAssetsAddressFollowsTheInputRules() {
    refused(
        "tenant",
        t -> store().maintenance().expireSnapshots(null, SampleTenant.ORDERS, Duration.ZERO));
    refused("asset", t -> store().maintenance().expireSnapshots(t, null, Duration.ZERO, OPERATOR));
    refused("asset", t -> store().maintenance().removeOrphanFiles(t, null, SOON, OPERATOR));
    AssetRef badName = SampleTenant.ORDERS.withName("a\u0000b");
    refused(
        "asset.name",
        t -> store().maintenance().expireSnapshots(t, badName, Duration.ZERO, OPERATOR));
    refused("asset.name", t -> store().maintenance().removeOrphanFiles(t, badName, SOON, OPERATOR));
    assertNothingChanged();
  }

  @Test
  void withoutAControlledClockARunStillPrunesTheUnreferencedPast() {
    // The sample's orders committed ORDERS_V1 then ORDERS_V2, both before now.
    var expired =
        await(
            store()
                .maintenance()
                .expireSnapshots(tenant, SampleTenant.ORDERS, Duration.ZERO, OPERATOR));

    assertThat(expired.locations()).containsExactly(SampleTenant.ORDERS_V1);
    assertThat(await(store().audit().get(tenant, expired.auditEvent()))).isPresent();
  }
}
