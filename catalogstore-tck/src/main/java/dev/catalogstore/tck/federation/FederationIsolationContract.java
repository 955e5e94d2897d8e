package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.IsolationSuite;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the federation facet: twin tenants A and B each hold a federated catalog of
 * the same name, mirroring remotes of their own. A sync of A's changes nothing of B (its mirror,
 * stats and audit log included), each twin's stats are its own, and a federated catalog only A has
 * is missing under B.
 */
public abstract class FederationIsolationContract extends IsolationSuite {
  private static final String FED = "fed";
  private static final String A_ONLY_FED = "fed-a-only";
  private static final NamespacePath NS = NamespacePath.of("ns");
  private static final AuditActor OPERATOR = AuditActor.user("operator");

  private final List<TckRemoteCatalog> remotes = new ArrayList<>();

  @AfterEach
  void closeTheRemotes() {
    remotes.forEach(TckRemoteCatalog::close);
  }

  private TckRemoteCatalog federate(TenantId tenant, String catalog, String owner) {
    TckRemoteCatalog remote = TckRemoteCatalog.create();
    remotes.add(remote);
    remote
        .namespace(NS, Map.of("owner", owner))
        .table(NS, "orders", "s3://remote-" + owner + "/orders/v1.json");
    await(store().catalogs().create(tenant, NewCatalog.federated(catalog, remote.config())));
    return remote;
  }

  private void assertSyncChangesNothingOfB(Function<TenantId, CompletableFuture<SyncStats>> sync) {
    Twins twins = twins();
    federate(twins.a(), FED, "A");
    federate(twins.b(), FED, "B");
    TenantSnapshot bBefore = snapshot(twins.b());

    SyncStats stats = await(sync.apply(twins.a()));

    assertThat(stats.tablesAdded()).isEqualTo(1);
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().federation().stats(twins.b(), FED))).isEmpty();
    assertThat(
            await(store().assets().get(twins.a(), AssetRef.onMain(FED, NS, "orders")))
                .orElseThrow()
                .metadataLocation())
        .contains("s3://remote-A/orders/v1.json");
  }

  private void assertAOnlyCatalogMissingUnderB(Function<TenantId, CompletableFuture<?>> call) {
    Twins twins = twins();
    federate(twins.a(), A_ONLY_FED, "A");
    TenantSnapshot bBefore = snapshot(twins.b());

    NotFoundException e = assertFails(NotFoundException.class, () -> call.apply(twins.b()));

    assertThat(e.missing()).isEqualTo(ObjectType.CATALOG);
    assertUnchanged(twins.b(), bBefore);
    assertThat(await(store().federation().stats(twins.a(), A_ONLY_FED))).isEmpty();
  }

  @Test
  @IsolationCase("federation.sync/3")
  void aSyncOfOneTenantsCatalogChangesNothingOfItsTwin() {
    assertSyncChangesNothingOfB(a -> store().federation().sync(a, FED, OPERATOR));
  }

  @Test
  @IsolationCase("federation.sync/3")
  void aFederatedCatalogOnlyTheTwinHasIsMissing() {
    assertAOnlyCatalogMissingUnderB(b -> store().federation().sync(b, A_ONLY_FED, OPERATOR));
  }

  @Test
  @IsolationCase("federation.sync/2")
  void aSyncWithoutAnActorChangesNothingOfTheTwin() {
    assertSyncChangesNothingOfB(a -> store().federation().sync(a, FED));
  }

  @Test
  @IsolationCase("federation.sync/2")
  void aFederatedCatalogOnlyTheTwinHasIsMissingWithoutAnActorToo() {
    assertAOnlyCatalogMissingUnderB(b -> store().federation().sync(b, A_ONLY_FED));
  }

  @Test
  @IsolationCase("federation.stats")
  void eachTwinReadsTheStatsOfItsOwnSyncs() {
    Twins twins = twins();
    TckRemoteCatalog aRemote = federate(twins.a(), FED, "A");
    federate(twins.b(), FED, "B");
    aRemote.table(NS, "more", "s3://remote-A/more/v1.json");

    SyncStats aStats = await(store().federation().sync(twins.a(), FED, OPERATOR));
    assertThat(await(store().federation().stats(twins.b(), FED))).isEmpty();
    SyncStats bStats = await(store().federation().sync(twins.b(), FED, OPERATOR));

    assertThat(aStats.tablesAdded()).isEqualTo(2);
    assertThat(bStats.tablesAdded()).isEqualTo(1);
    assertThat(await(store().federation().stats(twins.a(), FED))).contains(aStats);
    assertThat(await(store().federation().stats(twins.b(), FED))).contains(bStats);
  }

  @Test
  @IsolationCase("federation.stats")
  void theStatsOfACatalogOnlyTheTwinHasAreMissing() {
    assertAOnlyCatalogMissingUnderB(b -> store().federation().stats(b, A_ONLY_FED));
  }
}
