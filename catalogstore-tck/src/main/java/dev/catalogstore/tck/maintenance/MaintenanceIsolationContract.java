package dev.catalogstore.tck.maintenance;

import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static dev.catalogstore.tck.SampleTenant.ORDERS_V1;
import static dev.catalogstore.tck.SampleTenant.ORDERS_V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the maintenance facet: twin tenants A and B hold {@code orders} with the same
 * history of the same metadata locations. A run on A's prunes A's history and records A's event;
 * B's history, audit log and all else are unchanged, and an asset only A has is missing under B.
 */
public abstract class MaintenanceIsolationContract extends IsolationSuite {
  private static final AuditActor OPERATOR = AuditActor.user("operator");

  private static Instant inAnHour() {
    return Instant.now().plus(Duration.ofHours(1));
  }

  private List<String> historyOf(TenantId tenant) {
    return PagedReads.all(page -> store().assets().history(tenant, ORDERS, page)).stream()
        .map(MetadataLocation::location)
        .toList();
  }

  private void assertPrunedOnlyInA(Twins twins, TenantSnapshot bBefore) {
    assertThat(historyOf(twins.a())).containsExactly(ORDERS_V2);
    assertThat(await(store().audit().count(twins.a(), AuditFilter.ALL))).isEqualTo(1);
    assertUnchanged(twins.b(), bBefore);
    assertThat(historyOf(twins.b())).containsExactly(ORDERS_V2, ORDERS_V1);
  }

  private void assertAOnlyAssetMissingUnderB(
      Twins twins, java.util.function.Function<TenantId, CompletableFuture<?>> call) {
    createAOnlyAsset(twins);
    TenantSnapshot bBefore = snapshot(twins.b());
    NotFoundException e = assertFails(NotFoundException.class, () -> call.apply(twins.b()));
    assertThat(e.missing()).isEqualTo(ObjectType.ASSET);
    assertUnchanged(twins.b(), bBefore);
  }

  @Test
  @IsolationCase("maintenance.expireSnapshots/4")
  void expiringOneTenantsSnapshotsChangesNothingOfItsTwin() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    ExpiredSnapshots expired =
        await(store().maintenance().expireSnapshots(twins.a(), ORDERS, Duration.ZERO, OPERATOR));

    assertThat(expired.locations()).containsExactly(ORDERS_V1);
    assertPrunedOnlyInA(twins, bBefore);
    assertThat(await(store().audit().get(twins.b(), expired.auditEvent()))).isEmpty();
  }

  @Test
  @IsolationCase("maintenance.expireSnapshots/4")
  void expiringAnAssetOnlyTheTwinHasIsNotFound() {
    Twins twins = twins();
    assertAOnlyAssetMissingUnderB(
        twins,
        b -> store().maintenance().expireSnapshots(b, A_ONLY_ASSET, Duration.ZERO, OPERATOR));
  }

  @Test
  @IsolationCase("maintenance.expireSnapshots/3")
  void expiringWithoutAnActorChangesNothingOfTheTwin() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().maintenance().expireSnapshots(twins.a(), ORDERS, Duration.ZERO));

    assertPrunedOnlyInA(twins, bBefore);
    assertAOnlyAssetMissingUnderB(
        twins, b -> store().maintenance().expireSnapshots(b, A_ONLY_ASSET, Duration.ZERO));
  }

  @Test
  @IsolationCase("maintenance.removeOrphanFiles/4")
  void sweepingOneTenantsOrphansChangesNothingOfItsTwin() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    OrphanFiles orphans =
        await(store().maintenance().removeOrphanFiles(twins.a(), ORDERS, inAnHour(), OPERATOR));

    assertThat(orphans.locations()).containsExactly(ORDERS_V1);
    assertPrunedOnlyInA(twins, bBefore);
    assertThat(await(store().audit().get(twins.b(), orphans.auditEvent()))).isEmpty();
  }

  @Test
  @IsolationCase("maintenance.removeOrphanFiles/4")
  void sweepingAnAssetOnlyTheTwinHasIsNotFound() {
    Twins twins = twins();
    assertAOnlyAssetMissingUnderB(
        twins, b -> store().maintenance().removeOrphanFiles(b, A_ONLY_ASSET, inAnHour(), OPERATOR));
  }

  @Test
  @IsolationCase("maintenance.removeOrphanFiles/3")
  void sweepingWithoutAnActorChangesNothingOfTheTwin() {
    Twins twins = twins();
    TenantSnapshot bBefore = snapshot(twins.b());

    await(store().maintenance().removeOrphanFiles(twins.a(), ORDERS, inAnHour()));

    assertPrunedOnlyInA(twins, bBefore);
    assertAOnlyAssetMissingUnderB(
        twins, b -> store().maintenance().removeOrphanFiles(b, A_ONLY_ASSET, inAnHour()));
  }
}
