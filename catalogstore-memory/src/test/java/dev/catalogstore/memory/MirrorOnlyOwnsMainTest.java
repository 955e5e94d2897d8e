package dev.catalogstore.memory;

import static dev.catalogstore.memory.Outcomes.awaitFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync owns only the mirror's {@code main} branch. When the remote drops a namespace that still
 * holds assets on another branch of the catalog (a branch made from the mirror), the plan cannot be
 * applied without orphaning them: the sync changes nothing, records its failure, and fails with
 * {@code PreconditionFailedException}.
 */
class MirrorOnlyOwnsMainTest {
  private static final NamespacePath SALES = NamespacePath.of("sales");

  private final InMemoryCatalogStore store =
      new InMemoryCatalogStore(
          Clock.systemUTC(), FederatedConnectors.of(TckRemoteCatalog.CONNECTOR));
  private final TckRemoteCatalog remote = TckRemoteCatalog.create();
  private TenantId tenant;

  @BeforeEach
  void mirrorWithABranch() {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    remote.namespace("sales").table(SALES, "orders", "s3://remote/orders/v1.json");
    store.catalogs().create(tenant, NewCatalog.federated("mirror", remote.config())).join();
    store.federation().sync(tenant, "mirror").join();
    store
        .branches()
        .create(
            tenant,
            new BranchRef("mirror", "dev"),
            NewBranch.from(CommitRef.head(BranchRef.main("mirror"))))
        .join();
  }

  @AfterEach
  void forgetTheRemote() {
    remote.close();
    store.close();
  }

  @Test
  void droppingANamespaceAnotherBranchStillUsesChangesNothingAndIsRecorded() {
    remote.dropNamespace(SALES);

    Throwable failure = awaitFailure(store.federation().sync(tenant, "mirror"));

    assertThat(failure).isInstanceOf(PreconditionFailedException.class);
    assertThat(store.namespaces().get(tenant, NamespaceRef.of("mirror", "sales")).join())
        .isPresent();
    AssetRef orders = new AssetRef(BranchRef.main("mirror"), SALES, "orders");
    assertThat(store.assets().get(tenant, orders).join()).isPresent();
    SyncStats stats = store.federation().stats(tenant, "mirror").join().orElseThrow();
    assertThat(stats.status()).isEqualTo(SyncStatus.FAILED);
    assertThat(stats.tablesRemoved()).isZero();
    List<AuditEvent> syncs =
        store
            .audit()
            .list(tenant, AuditFilter.ALL.withAction(OperationsAudit.SYNC), PageRequest.firstPage())
            .join()
            .items();
    assertThat(syncs).extracting(AuditEvent::result).contains(AuditResult.FAILURE);
    assertThat(syncs).hasSize(2);
  }
}
