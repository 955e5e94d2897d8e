package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sync of a large remote: 10 000 tables in 10 namespaces are mirrored, listed and moved
 * correctly. The test states no time limit (a slow store still passes); a store that cannot do it
 * at all, or times out a single call after {@link #CALL_TIMEOUT}, fails.
 */
public abstract class FederationScaleContract extends FederationSuite {
  private static final int NAMESPACES = 10;
  private static final int TABLES_PER_NAMESPACE = 1_000;

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

    SyncStats first = sync(tenant, FED);

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
    SyncStats second = sync(tenant, FED);

    assertCounts(second, 0, 0, 1, 0, TABLES_PER_NAMESPACE / 2, TABLES_PER_NAMESPACE);
    assertThat(
            await(store().assets().get(tenant, table(FED, ns0, "t0998")))
                .orElseThrow()
                .metadataLocation())
        .contains(loc("ns0/t998", 2));
    assertThat(await(store().namespaces().get(tenant, NamespaceRef.of(FED, "ns9")))).isEmpty();
  }
}
