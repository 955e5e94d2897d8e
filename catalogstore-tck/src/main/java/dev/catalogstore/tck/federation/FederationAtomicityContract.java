package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A sync is one atomic step as readers see it: a reader listing the mirrored namespace in one page
 * while syncs run sees the mirror before a sync or after it, never part-way (some tables added,
 * some moved). Each read is a single call, which a store answers from one consistent state.
 *
 * <p>The test's thread reads while the syncs run, without any timing: a store that applies a sync
 * piece by piece may get through unobserved, but a store that keeps the rule never fails this.
 */
public abstract class FederationAtomicityContract extends FederationSuite {
  private static final NamespacePath NS = NamespacePath.of("ns");
  private static final int TABLES = 500;

  private TenantId tenant;
  private TckRemoteCatalog remote;

  @BeforeEach
  void createTheFederatedCatalog() {
    tenant = newTenant();
    remote = newRemote();
    newFederatedCatalog(tenant, FED, remote);
    remote.namespace(NS, Map.of());
    // The namespace exists before the race, so that every read lists it.
    sync(tenant, FED);
  }

  /** What one single-page read of the namespace sees: the version of each table, as a set. */
  private Set<String> versionsSeen() {
    Page<Asset> page =
        await(
            peerStore()
                .assets()
                .list(
                    tenant, BranchRef.main(FED), NS, PageRequest.firstPage(PageRequest.MAX_LIMIT)));
    Set<String> versions = new TreeSet<>();
    versions.add("count=" + page.items().size());
    page.items()
        .forEach(
            asset ->
                versions.add(
                    asset
                        .metadataLocation()
                        .orElse("")
                        .replaceAll(".*/(v\\d+)\\.metadata\\.json", "$1")));
    return versions;
  }

  private void setRemoteTo(int version) {
    for (int t = 0; t < TABLES; t++) {
      remote.table(NS, String.format("t%03d", t), loc("t" + t, version));
    }
  }

  @Test
  void aReaderNeverSeesAMirrorPartWayThroughASync() {
    Set<Set<String>> seen = new java.util.LinkedHashSet<>();
    for (int version = 1; version <= 3; version++) {
      setRemoteTo(version);
      CompletableFuture<SyncStats> sync = store().federation().sync(tenant, FED, OPERATOR);
      while (!sync.isDone()) {
        seen.add(versionsSeen());
      }
      assertThat(await(sync).succeeded()).isTrue();
      seen.add(versionsSeen());
    }

    assertThat(seen)
        .as("what single reads of the mirrored namespace saw while syncs ran")
        .isSubsetOf(
            Set.of(
                Set.of("count=0"),
                Set.of("count=" + TABLES, "v1"),
                Set.of("count=" + TABLES, "v2"),
                Set.of("count=" + TABLES, "v3")));
    assertThat(seen).contains(Set.of("count=" + TABLES, "v3"));
  }
}
