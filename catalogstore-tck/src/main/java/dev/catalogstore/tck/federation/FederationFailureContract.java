package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.RemoteNamespace;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenant;
import dev.catalogstore.tck.TenantSnapshot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a sync fails: never half-mirrored. A {@code LOCAL} catalog is refused with {@code
 * PreconditionFailedException} and nothing recorded; an unknown connector type ({@code
 * PreconditionFailedException}), a failing connector ({@code UnavailableException}, also half-way
 * through the listing), a remote listing what the store cannot hold ({@code
 * InvalidArgumentException} on a field under {@code remote}) and a plan that cannot be applied
 * whole (a dropped namespace another branch still uses: {@code PreconditionFailedException}) each
 * leave the mirror exactly as it was, record failed {@link SyncStats} (which {@code stats} then
 * returns) and an audit event whose result is {@code FAILURE}.
 *
 * <p>Each test starts with a federated catalog synced once from a remote holding {@code a.b} with
 * tables {@code orders} and {@code customers}, then changes the remote so that a sync that went
 * through would change the mirror.
 */
public abstract class FederationFailureContract extends FederationSuite {
  private static final NamespacePath AB = NamespacePath.of("a", "b");
  private static final NamespacePath Z = NamespacePath.of("z");

  private TenantId tenant;
  private TckRemoteCatalog remote;
  private Mirror mirrorBefore;
  private List<Commit> commitsBefore;

  @BeforeEach
  void syncOnceThenChangeTheRemote() {
    tenant = newTenant();
    remote = newRemote();
    newFederatedCatalog(tenant, FED, remote);
    remote
        .namespace(AB, Map.of("k", "v"))
        .table(AB, "orders", loc("orders", 1))
        .table(AB, "customers", loc("customers", 1));
    sync(tenant, FED);
    mirrorBefore = mirror(tenant, FED);
    commitsBefore = mainCommits(tenant, FED);
    remote
        .table(AB, "orders", loc("orders", 2))
        .dropTable(AB, "customers")
        .namespace(Z, Map.of())
        .table(Z, "new", loc("new", 1))
        .namespace(AB, Map.of("k", "changed"));
  }

  private void assertMirrorUnchanged() {
    assertThat(mirror(tenant, FED)).as("the mirror after a failed sync").isEqualTo(mirrorBefore);
    assertThat(mainCommits(tenant, FED)).as("the commits on main").isEqualTo(commitsBefore);
  }

  /** Asserts the last stats and the last audit event record the failure; returns the stats. */
  private SyncStats assertFailureRecorded() {
    SyncStats stats = stats(tenant, FED).orElseThrow();
    assertFailed(stats);
    assertThat(stats.catalog()).isEqualTo(FED);
    List<AuditEvent> syncs =
        PagedReads.all(
            page ->
                store().audit().list(tenant, AuditFilter.ALL.withAction("federation.sync"), page));
    assertThat(syncs).hasSize(2);
    AuditEvent failed = syncs.get(0);
    assertThat(failed.result()).isEqualTo(AuditResult.FAILURE);
    assertThat(failed.actor()).isEqualTo(OPERATOR);
    assertThat(failed.details()).containsEntry("status", "FAILED").containsKey("error");
    return stats;
  }

  private <E extends CatalogStoreException> E syncFails(Class<E> type) {
    return assertFails(type, () -> store().federation().sync(tenant, FED, OPERATOR));
  }

  @Test
  void aLocalCatalogIsRefusedAndNothingIsRecorded() {
    TenantId sample = sampleTenant("federation");
    TenantSnapshot before = snapshot(sample);

    assertFails(
        PreconditionFailedException.class,
        () -> store().federation().sync(sample, SampleTenant.CATALOG, OPERATOR));
    assertFails(
        PreconditionFailedException.class,
        () -> store().federation().sync(sample, SampleTenant.CATALOG));

    assertUnchanged(sample, before);
    assertThat(await(store().federation().stats(sample, SampleTenant.CATALOG))).isEmpty();
    assertThat(await(store().audit().count(sample, AuditFilter.ALL))).isZero();
  }

  @Test
  void anUnknownConnectorTypeIsRefusedAfterRecordingTheFailure() {
    String unknown = "unknown-connector";
    String catalogId =
        newFederatedCatalog(tenant, unknown, new ConnectorConfig("no-such-connector", Map.of()))
            .id()
            .toString();

    assertFails(
        PreconditionFailedException.class,
        () -> store().federation().sync(tenant, unknown, OPERATOR));

    SyncStats stats = await(store().federation().stats(tenant, unknown)).orElseThrow();
    assertFailed(stats);
    assertThat(stats.catalog()).isEqualTo(unknown);
    List<AuditEvent> events =
        PagedReads.all(
            page -> store().audit().list(tenant, AuditFilter.ALL.withResourceId(catalogId), page));
    assertThat(events).hasSize(1);
    assertThat(events.get(0).action()).isEqualTo("federation.sync");
    assertThat(events.get(0).result()).isEqualTo(AuditResult.FAILURE);
    assertMirrorUnchanged();
  }

  @Test
  void aFailingConnectorIsUnavailableLeavesTheMirrorAndRecordsTheFailure() {
    remote.failWith(new IllegalStateException("the remote is down"));

    UnavailableException e = syncFails(UnavailableException.class);

    assertThat(causes(e)).anyMatch(c -> "the remote is down".equals(c.getMessage()));
    assertMirrorUnchanged();
    SyncStats stats = assertFailureRecorded();
    assertThat(stats.error().orElseThrow()).contains("the remote is down");
  }

  @Test
  void aConnectorErrorOfAnyTextIsRecordedWithItsControlCharactersReplaced() {
    // A connector's words are not the store's to refuse: a NUL (which PostgreSQL cannot store), an
    // escape and an unpaired surrogate must not keep the failure off the record.
    remote.failWith(new IllegalStateException("down\u0000 at \u001b[1m\ud800 node\tone\nagain"));

    syncFails(UnavailableException.class);

    assertMirrorUnchanged();
    SyncStats stats = assertFailureRecorded();
    String expected = "down\ufffd at \ufffd[1m\ufffd node\tone\nagain";
    assertThat(stats.error().orElseThrow()).contains(expected).doesNotContain("\u0000");
    AuditEvent event =
        PagedReads.all(
                page ->
                    store()
                        .audit()
                        .list(tenant, AuditFilter.ALL.withAction("federation.sync"), page))
            .get(0);
    assertThat(event.details().get("error")).isEqualTo(stats.error().orElseThrow());
  }

  @Test
  void aRemoteFailingHalfWayThroughTheListingLeavesTheMirrorAsItWas() {
    // The namespaces list, and so do the tables of a and a.b; z's fail.
    remote.failTablesOf(Z);

    syncFails(UnavailableException.class);

    assertMirrorUnchanged();
    assertFailureRecorded();
  }

  @Test
  void aSyncThatCannotBeAppliedChangesNothingAndRecordsItsFailure() {
    // A mirror owns only main: branch dev still holds assets in a.b, which the remote drops, so
    // the plan cannot be applied whole; the table the remote added and the one it moved (which
    // could be) must not land either.
    BranchRef dev = new BranchRef(FED, "dev");
    await(
        store()
            .branches()
            .create(tenant, dev, NewBranch.from(CommitRef.head(BranchRef.main(FED)))));
    List<Asset> devBefore = PagedReads.all(page -> store().assets().list(tenant, dev, AB, page));
    remote.dropNamespace(AB);

    syncFails(PreconditionFailedException.class);

    assertMirrorUnchanged();
    assertFailureRecorded();
    assertThat(PagedReads.all(page -> store().assets().list(tenant, dev, AB, page)))
        .isEqualTo(devBefore);
  }

  @Test
  void aSyncAfterAFailureMirrorsTheRemote() {
    remote.failWith(new IllegalStateException("down"));
    syncFails(UnavailableException.class);
    remote.heal();

    SyncStats stats = sync(tenant, FED);

    assertCounts(stats, 1, 1, 0, 1, 1, 1);
    assertThat(stats(tenant, FED)).contains(stats);
    assertThat(mirror(tenant, FED).tables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(key(AB, "orders"), loc("orders", 2), key(Z, "new"), loc("new", 1)));
  }

  private void assertRefusedOn(String field) {
    InvalidArgumentException e = syncFails(InvalidArgumentException.class);
    assertThat(e.field()).as("the field named by %s", e).isEqualTo(field);
    assertMirrorUnchanged();
    assertFailureRecorded();
  }

  @Test
  void aNamespaceListedTwiceIsInvalid() {
    remote.listNamespacesAs(
        List.of(RemoteNamespace.of(AB), RemoteNamespace.of(Z), RemoteNamespace.of(AB)));

    assertRefusedOn("remote.namespaces[2].path");
  }

  @Test
  void aNullNamespaceIsInvalid() {
    remote.listNamespacesAs(Arrays.asList(RemoteNamespace.of(AB), null));

    assertRefusedOn("remote.namespaces[1]");
  }

  @Test
  void aNamespaceWithAnInvalidSegmentIsInvalid() {
    remote.listNamespacesAs(
        List.of(RemoteNamespace.of(AB), RemoteNamespace.of(NamespacePath.of("a", "x\u0000"))));

    assertRefusedOn("remote.namespaces[1].path[1]");
  }

  @Test
  void theRootListedAsANamespaceIsInvalid() {
    remote.listNamespacesAs(List.of(RemoteNamespace.of(NamespacePath.ROOT)));

    assertRefusedOn("remote.namespaces[0].path");
  }

  @Test
  void aNamespaceWithAnInvalidPropertyIsInvalid() {
    remote.listNamespacesAs(List.of(new RemoteNamespace(AB, Map.of("k", "a\u0000b"))));

    assertRefusedOn("remote.namespaces[0].properties[k]");
  }

  @Test
  void aTableWithAnInvalidMetadataLocationIsInvalid() {
    remote.table(Z, "new", "");

    assertRefusedOn("remote.tables[" + Z + "][0].metadataLocation");
  }

  @Test
  void aTableWithAnInvalidNameIsInvalid() {
    remote.table(Z, "bad\u0000name", loc("bad", 1));

    assertRefusedOn("remote.tables[" + Z + "][0].name");
  }

  @Test
  void aFailedSyncIsTheLastStatsUntilTheNextSync() {
    SyncStats succeeded = stats(tenant, FED).orElseThrow();
    remote.failWith(new IllegalStateException("down"));

    syncFails(UnavailableException.class);

    SyncStats failed = stats(tenant, FED).orElseThrow();
    assertThat(failed).isNotEqualTo(succeeded);
    assertThat(failed.startedAt()).isAfterOrEqualTo(succeeded.startedAt());
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable at = e; at != null && chain.size() < 10; at = at.getCause()) {
      chain.add(at);
    }
    return chain;
  }
}
