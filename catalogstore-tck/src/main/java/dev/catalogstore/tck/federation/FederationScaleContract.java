package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A sync of a large remote: 10 000 tables in 10 namespaces are mirrored, listed and moved
 * correctly. The test states no time limit: a sync may take up to {@link #SYNC_HANG_GUARD} (far
 * more than a store needs even on a loaded machine) before it is reported as hung; the lists and
 * gets have the usual {@link #CALL_TIMEOUT}.
 */
public abstract class FederationScaleContract extends FederationSuite {
  private static final int NAMESPACES = 10;
  private static final int TABLES_PER_NAMESPACE = 1_000;

  /** How long one sync of the large remote may take before the TCK reports it as hung. */
  protected static final Duration SYNC_HANG_GUARD = Duration.ofMinutes(5);

  private SyncStats syncLarge(TenantId tenant) {
    CompletableFuture<SyncStats> sync = store().federation().sync(tenant, FED, OPERATOR);
    try {
      return sync.get(SYNC_HANG_GUARD.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the sync failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the sync did not complete within " + SYNC_HANG_GUARD, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  void tenThousandRemoteTablesSyncAndListCorrectly() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = newRemote();
    for (int n = 0; n < NAMESPACES; n++) {
      NamespacePath namespace = NamespacePath.of("ns" + n);
      remote.namespace(namespace, Map.of("n", Integer.toString(n)));
      for (int t = 0; t < TABLES_PER_NAMESPACE; t++) {
        remote.table(namespace, String.format("t%04d", t), loc("ns" + n + "/t" + t, 1));
      }
    }
    newFederatedCatalog(tenant, FED, remote);

    SyncStats first = syncLarge(tenant);

    assertCounts(first, NAMESPACES, 0, 0, NAMESPACES * TABLES_PER_NAMESPACE, 0, 0);
    for (int n = 0; n < NAMESPACES; n++) {
      NamespacePath namespace = NamespacePath.of("ns" + n);
      List<Asset> listed =
          PagedReads.all(
              page -> store().assets().list(tenant, BranchRef.main(FED), namespace, page));
      assertThat(listed).as("the tables of %s", namespace).hasSize(TABLES_PER_NAMESPACE);
      assertThat(listed.get(0).ref().name()).isEqualTo("t0000");
      assertThat(listed.get(TABLES_PER_NAMESPACE - 1).ref().name()).isEqualTo("t0999");
      assertThat(listed.get(7).metadataLocation()).contains(loc("ns" + n + "/t7", 1));
    }

    NamespacePath ns0 = NamespacePath.of("ns0");
    for (int t = 0; t < TABLES_PER_NAMESPACE; t += 2) {
      remote.table(ns0, String.format("t%04d", t), loc("ns0/t" + t, 2));
    }
    remote.dropNamespace(NamespacePath.of("ns9"));
    SyncStats second = syncLarge(tenant);

    assertCounts(second, 0, 0, 1, 0, TABLES_PER_NAMESPACE / 2, TABLES_PER_NAMESPACE);
    assertThat(
            await(store().assets().get(tenant, table(FED, ns0, "t0998")))
                .orElseThrow()
                .metadataLocation())
        .contains(loc("ns0/t998", 2));
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of(FED, "ns9")))).isEmpty();
  }
}
