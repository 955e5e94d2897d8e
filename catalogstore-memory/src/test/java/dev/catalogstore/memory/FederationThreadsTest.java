package dev.catalogstore.memory;

import static dev.catalogstore.memory.Outcomes.awaitFailure;
import static dev.catalogstore.memory.Outcomes.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedCatalogConnector;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.RemoteTable;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Where a connector runs: on a thread of the store's own, never the caller's, and holding no lock,
 * so that other calls of the same tenant go on while a remote is slow; and that {@code close()}
 * stops those threads. The connector here blocks until the test lets it go, which fixes the
 * interleaving; the timeout only turns a deadlock (a connector called under the tenant's lock, or
 * on the caller's thread) into a failure.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FederationThreadsTest {
  private final BlockingConnector connector = new BlockingConnector();
  private final InMemoryCatalogStore store =
      new InMemoryCatalogStore(Clock.systemUTC(), FederatedConnectors.of(connector));
  private TenantId tenant;

  @BeforeEach
  void federatedCatalog() {
    tenant = store.tenants().create(NewTenant.named("t")).join().id();
    store.catalogs().create(tenant, NewCatalog.federated("mirror", connector.config())).join();
  }

  @AfterEach
  void closeStore() {
    connector.release.countDown();
    store.close();
  }

  @Test
  void theConnectorRunsOnAStoreThreadWhileTheTenantStaysWritable() throws Exception {
    CompletableFuture<SyncStats> sync = store.federation().sync(tenant, "mirror");
    connector.entered.await();

    // A write of the same tenant lands while the connector is still reading the remote.
    store.warehouses().create(tenant, warehouse("meanwhile")).join();
    assertThat(sync).isNotDone();
    connector.release.countDown();

    assertThat(sync.join().succeeded()).isTrue();
    assertThat(connector.thread).isNotSameAs(Thread.currentThread());
    assertThat(connector.thread.getName()).startsWith("catalogstore-memory-federation-");
    assertThat(connector.thread.isDaemon()).isTrue();
    assertThat(store.federation().stats(tenant, "mirror").join()).isPresent();
  }

  @Test
  void aCatalogReplacedWhileTheRemoteIsReadIsNotSyncedAndRecordsOnlyItsFailureEvent()
      throws Exception {
    String replacedId = store.catalogs().get(tenant, "mirror").join().orElseThrow().id().toString();
    CompletableFuture<SyncStats> sync = store.federation().sync(tenant, "mirror");
    connector.entered.await();
    store.catalogs().delete(tenant, "mirror").join();
    store.catalogs().create(tenant, NewCatalog.federated("mirror", connector.config())).join();
    connector.release.countDown();

    Throwable failure = awaitFailure(sync);

    assertThat(failure).isInstanceOf(NotFoundException.class);
    assertThat(((NotFoundException) failure).missing()).isEqualTo(ObjectType.CATALOG);
    assertThat(store.federation().stats(tenant, "mirror").join()).isEmpty();
    assertThat(store.namespaces().get(tenant, NamespaceRef.of("mirror", "remote")).join())
        .isEmpty();
    // The audit log outlives what it names: the failure is on record against the old catalog.
    List<AuditEvent> events =
        store
            .audit()
            .list(
                tenant, AuditFilter.ALL.withAction(OperationsAudit.SYNC), PageRequest.firstPage(10))
            .join()
            .items();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).result()).isEqualTo(AuditResult.FAILURE);
    assertThat(events.get(0).resourceId()).contains(replacedId);
  }

  @Test
  void closeInterruptsAConnectorStillReadingAndStopsTheThreads() throws Exception {
    CompletableFuture<SyncStats> sync = store.federation().sync(tenant, "mirror");
    connector.entered.await();

    store.close();

    assertThat(awaitFailure(sync)).isInstanceOf(UnavailableException.class);
    assertThat(connector.interrupted).isTrue();
    assertThat(store.federationExecutor().isShutdown()).isTrue();
    assertThat(store.federationExecutor().awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    // A sync after close fails at once, without reaching the connector.
    assertThat(failureOf(store.federation().sync(tenant, "mirror")))
        .isInstanceOf(UnavailableException.class);
    assertThat(connector.calls.get()).isEqualTo(1);
  }

  private static NewWarehouse warehouse(String name) {
    return NewWarehouse.of(name, StorageConfig.of(StorageType.FILE, "file:///w/" + name));
  }

  /** A remote with one namespace, whose listing waits for {@link #release}. */
  private static final class BlockingConnector implements FederatedCatalogConnector {
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    volatile Thread thread;
    volatile boolean interrupted;

    ConnectorConfig config() {
      return new ConnectorConfig("blocking", Map.of());
    }

    @Override
    public String type() {
      return "blocking";
    }

    @Override
    public List<RemoteNamespace> listNamespaces(ConnectorConfig config) throws Exception {
      calls.incrementAndGet();
      thread = Thread.currentThread();
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted = true;
        throw e;
      }
      return List.of(RemoteNamespace.of(NamespacePath.of("remote")));
    }

    @Override
    public List<RemoteTable> listTables(ConnectorConfig config, NamespacePath namespace) {
      return List.of(new RemoteTable("t", "s3://remote/t/metadata/v1.json"));
    }
  }
}
