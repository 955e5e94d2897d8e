package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.CatalogUpdate;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a sync reaches: the {@code main} branch of its own catalog only, through the connector the
 * catalog names at the time of the sync. Another branch of the catalog, another catalog of the
 * tenant with the same namespace and table names, and another federated catalog are untouched.
 */
public abstract class FederationScopeContract extends FederationSuite {
  private static final NamespacePath A = NamespacePath.of("a");

  private TenantId tenant;
  private TckRemoteCatalog remote;

  @BeforeEach
  void createAndSyncTheFederatedCatalog() {
    tenant = newTenant();
    remote = newRemote();
    newFederatedCatalog(tenant, FED, remote);
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1)).table(A, "u", loc("u", 1));
    sync(tenant, FED);
  }

  @Test
  void aSyncLeavesTheOtherBranchesOfItsCatalogAlone() {
    BranchRef dev = new BranchRef(FED, "dev");
    await(
        store()
            .branches()
            .create(tenant, dev, NewBranch.from(CommitRef.head(BranchRef.main(FED)))));
    List<Asset> devBefore = PagedReads.all(page -> store().assets().list(tenant, dev, A, page));
    remote.table(A, "t", loc("t", 2)).dropTable(A, "u").table(A, "v", loc("v", 1));

    assertCounts(sync(tenant, FED), 0, 0, 0, 1, 1, 1);

    assertThat(PagedReads.all(page -> store().assets().list(tenant, dev, A, page)))
        .as("the assets of branch dev after a sync of main")
        .isEqualTo(devBefore);
    assertThat(mirror(tenant, FED).tables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(key(A, "t"), loc("t", 2), key(A, "v"), loc("v", 1)));
  }

  @Test
  void aSyncLeavesTheTenantsOtherCatalogsAlone() {
    newLocalCatalog(tenant, "local");
    await(store().namespaces().create(tenant, NamespaceRef.of("local", "a"), Map.of("k", "v")));
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(NamespaceRef.of("local", "a"), "u"),
                NewAsset.icebergTable("s3://local/u", "s3://local/u/1.json")));
    TckRemoteCatalog otherRemote = newRemote();
    otherRemote.namespace(A, Map.of()).table(A, "u", loc("other-u", 1));
    newFederatedCatalog(tenant, "other-fed", otherRemote);
    sync(tenant, "other-fed");
    TenantSnapshot before = snapshot(tenant);
    remote.dropTable(A, "u").dropNamespace(A).namespace(NamespacePath.of("b"), Map.of());

    sync(tenant, FED);

    TenantSnapshot after = snapshot(tenant);
    assertThat(after.catalog("local")).isEqualTo(before.catalog("local"));
    assertThat(after.catalog("other-fed")).isEqualTo(before.catalog("other-fed"));
    assertThat(mirror(tenant, FED).namespaces()).containsOnlyKeys(NamespacePath.of("b"));
  }

  @Test
  void aSyncReadsTheConnectorTheCatalogNamesAtTheTimeOfTheSync() {
    TckRemoteCatalog moved = newRemote();
    moved.namespace(A, Map.of("moved", "yes")).table(A, "t", loc("t", 9));
    await(
        store()
            .catalogs()
            .update(tenant, FED, CatalogUpdate.builder().connector(moved.config()).build()));

    assertCounts(sync(tenant, FED), 0, 1, 0, 0, 1, 1);
    assertThat(mirror(tenant, FED).tables()).containsExactly(Map.entry(key(A, "t"), loc("t", 9)));

    await(
        store()
            .catalogs()
            .update(
                tenant,
                FED,
                CatalogUpdate.builder()
                    .connector(new ConnectorConfig("no-such-connector", Map.of()))
                    .build()));
    assertFails(
        PreconditionFailedException.class, () -> store().federation().sync(tenant, FED, OPERATOR));
    assertFailed(stats(tenant, FED).orElseThrow());
    assertThat(mirror(tenant, FED).tables()).containsExactly(Map.entry(key(A, "t"), loc("t", 9)));
  }
}
