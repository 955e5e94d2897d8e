package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.ConcurrentCalls;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What a successful sync does ({@code federation().sync}): it makes the federated catalog's {@code
 * main} hold exactly the remote's namespaces (with their implied ancestors) and one Iceberg table
 * per remote table at the remote's metadata location; a later sync adds, moves (the table's history
 * grows), removes and updates what changed, counting each exactly in {@link SyncStats}, which
 * {@code stats} returns until the next sync or the catalog's deletion. Each sync that changes an
 * asset writes one commit on {@code main}; each sync records one audit event.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public abstract class FederationSyncContract extends FederationSuite {
  private static final NamespacePath A = NamespacePath.of("a");
  private static final NamespacePath AB = NamespacePath.of("a", "b");
  private static final NamespacePath ABC = NamespacePath.of("a", "b", "c");
  private static final NamespacePath X = NamespacePath.of("x");

  private TenantId tenant;
  private TckRemoteCatalog remote;
  private Catalog fed;

  @BeforeEach
  void createTheFederatedCatalog() {
    tenant = newTenant();
    remote = newRemote();
    fed = newFederatedCatalog(tenant, FED, remote);
  }

  /** Runs first, so that a backend without the fake remote reads why before anything else. */
  @Test
  @Order(1)
  void theTckRemoteConnectorIsRegistered() {
    CompletableFuture<SyncStats> first = store().federation().sync(tenant, FED, OPERATOR);
    ConcurrentCalls.Outcome<SyncStats> outcome = ConcurrentCalls.Outcome.of(() -> first);
    Optional<CatalogStoreException> failure = outcome.failure();
    if (failure.isPresent() && failure.get() instanceof PreconditionFailedException) {
      fail(
          "syncing a catalog of connector type '%s' failed with %s. The federation suites need "
              + "the TCK's fake remote: build the store under test with "
              + "FederatedConnectors.of(TckRemoteCatalog.CONNECTOR) (or add it with "
              + "FederatedConnectors.with) and give it to the backend's TCK test store.",
          TckRemoteCatalog.TYPE, failure.get());
    }
    assertThat(failure).as("the first sync of an empty remote").isEmpty();
    assertCounts(outcome.value().orElseThrow(), 0, 0, 0, 0, 0, 0);
  }

  @Test
  void aFirstSyncMirrorsNamespacesWithTheirAncestorsAndTablesAtTheirLocations() {
    remote
        .namespace(AB, Map.of("owner", "remote", "comment", "b"))
        .namespace(X, Map.of())
        .table(AB, "orders", loc("orders", 1))
        .table(A, "customers", loc("customers", 1))
        .table(X, "events", loc("events", 1));

    SyncStats stats = sync(tenant, FED);

    assertCounts(stats, 3, 0, 0, 3, 0, 0);
    assertThat(stats.catalog()).isEqualTo(FED);
    assertThat(stats.finishedAt()).isAfterOrEqualTo(stats.startedAt());
    Mirror mirror = mirror(tenant, FED);
    assertThat(mirror.namespaces())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(A, Map.of(), AB, Map.of("owner", "remote", "comment", "b"), X, Map.of()));
    assertThat(mirror.tables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                key(AB, "orders"), loc("orders", 1),
                key(A, "customers"), loc("customers", 1),
                key(X, "events"), loc("events", 1)));
    assertThat(mirror.kinds().values()).containsOnly(AssetKind.ICEBERG_TABLE);
    List<MetadataLocation> history =
        PagedReads.all(page -> store().assets().history(tenant, table(FED, AB, "orders"), page));
    assertThat(history).extracting(MetadataLocation::location).containsExactly(loc("orders", 1));
  }

  @Test
  void aLaterSyncMovesAddsAndRemovesTablesAndNamespacesWithExactCounts() {
    remote
        .namespace(AB, Map.of("v", "1"))
        .namespace(X, Map.of("v", "1"))
        .namespace(NamespacePath.of("gone", "deep"), Map.of())
        .table(AB, "moved", loc("moved", 1))
        .table(AB, "kept", loc("kept", 1))
        .table(AB, "dropped", loc("dropped", 1))
        .table(NamespacePath.of("gone", "deep"), "t", loc("t", 1));
    assertCounts(sync(tenant, FED), 5, 0, 0, 4, 0, 0);

    remote
        .table(AB, "moved", loc("moved", 2))
        .dropTable(AB, "dropped")
        .table(AB, "added", loc("added", 1))
        .namespace(X, Map.of("v", "2", "new", "yes"))
        .dropNamespace(NamespacePath.of("gone", "deep"))
        .namespace(ABC, Map.of());
    SyncStats second = sync(tenant, FED);

    // updated: x; removed: gone.deep and gone (no longer implied); added: a.b.c
    assertCounts(second, 1, 1, 2, 1, 1, 2);
    Mirror mirror = mirror(tenant, FED);
    assertThat(mirror.namespaces())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                A, Map.of(),
                AB, Map.of("v", "1"),
                ABC, Map.of(),
                X, Map.of("v", "2", "new", "yes")));
    assertThat(mirror.tables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                key(AB, "moved"), loc("moved", 2),
                key(AB, "kept"), loc("kept", 1),
                key(AB, "added"), loc("added", 1)));
    List<MetadataLocation> history =
        PagedReads.all(page -> store().assets().history(tenant, table(FED, AB, "moved"), page));
    assertThat(history)
        .as("a moved table's history grows")
        .extracting(MetadataLocation::location)
        .containsExactly(loc("moved", 2), loc("moved", 1));
  }

  @Test
  void anAssetOfAnotherKindWhereTheRemoteListsATableIsReplacedByTheTable() {
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));
    sync(tenant, FED);
    await(store().assets().delete(tenant, table(FED, A, "t")));
    await(store().assets().create(tenant, table(FED, A, "t"), NewAsset.of(AssetKind.ICEBERG_VIEW)));
    await(
        store()
            .assets()
            .create(tenant, table(FED, A, "local-only"), NewAsset.of(AssetKind.ICEBERG_TABLE)));

    SyncStats stats = sync(tenant, FED);

    assertCounts(stats, 0, 0, 0, 1, 0, 2);
    Mirror mirror = mirror(tenant, FED);
    assertThat(mirror.tables()).containsExactly(Map.entry(key(A, "t"), loc("t", 1)));
    assertThat(mirror.kinds()).containsExactly(Map.entry(key(A, "t"), AssetKind.ICEBERG_TABLE));
  }

  @Test
  void aSyncOfAnUnchangedRemoteChangesNothingAndWritesNoCommit() {
    remote.namespace(AB, Map.of("k", "v")).table(AB, "t", loc("t", 1));
    sync(tenant, FED);
    Mirror before = mirror(tenant, FED);
    List<Commit> commitsBefore = mainCommits(tenant, FED);

    SyncStats again = sync(tenant, FED);

    assertCounts(again, 0, 0, 0, 0, 0, 0);
    assertThat(mirror(tenant, FED)).isEqualTo(before);
    assertThat(mainCommits(tenant, FED)).isEqualTo(commitsBefore);
  }

  @Test
  void eachSyncThatChangesAnAssetWritesOneCommitOnMain() {
    int root = mainCommits(tenant, FED).size();
    remote.namespace(A, Map.of());
    for (int i = 0; i < 5; i++) {
      remote.table(A, "t" + i, loc("t" + i, 1));
    }

    sync(tenant, FED);
    assertThat(mainCommits(tenant, FED)).as("commits after adding 5 tables").hasSize(root + 1);

    remote.table(A, "t0", loc("t0", 2)).dropTable(A, "t1").table(A, "t9", loc("t9", 1));
    sync(tenant, FED);
    List<Commit> commits = mainCommits(tenant, FED);
    assertThat(commits).as("commits after a move, a drop and an add").hasSize(root + 2);
    assertThat(commits.get(0).meta().author()).contains("catalogstore");
    assertThat(commits.get(0).meta().message()).contains("federation sync");

    remote.namespace(A, Map.of("only", "properties"));
    sync(tenant, FED);
    assertThat(mainCommits(tenant, FED))
        .as("commits after a sync that changed only a namespace's properties")
        .hasSize(root + 2);
  }

  @Test
  void statsAreStampedByTheStoresClockCutToMicroseconds() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    TckClock clock = fixture().clock().get();
    Instant t0 = Instant.parse("2012-03-04T05:06:07.123456789Z");
    clock.freezeAt(t0);
    try {
      remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));

      SyncStats stats = sync(tenant, FED);

      Instant micros = Instant.parse("2012-03-04T05:06:07.123456Z");
      assertThat(stats.startedAt()).isEqualTo(micros);
      assertThat(stats.finishedAt()).isEqualTo(micros);
      assertThat(stats(tenant, FED)).contains(stats);
      assertThat(
              PagedReads.all(page -> store().audit().list(tenant, AuditFilter.ALL, page))
                  .get(0)
                  .occurredAt())
          .isEqualTo(micros);
    } finally {
      clock.resume();
    }
  }

  @Test
  void aTableMovedByASyncUnderAClockSetBackIsNeverStampedBeforeItsPreviousEntry() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    TckClock clock = fixture().clock().get();
    Instant later = Instant.parse("2012-03-04T06:00:00Z");
    clock.freezeAt(later);
    try {
      remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));
      sync(tenant, FED);
      clock.freezeAt(later.minusSeconds(3600));
      remote.table(A, "t", loc("t", 2));

      sync(tenant, FED);

      List<MetadataLocation> history =
          PagedReads.all(page -> store().assets().history(tenant, table(FED, A, "t"), page));
      assertThat(history)
          .extracting(MetadataLocation::location)
          .containsExactly(loc("t", 2), loc("t", 1));
      assertThat(history.get(0).committedAt()).isAfterOrEqualTo(history.get(1).committedAt());
      var asset = await(store().assets().get(tenant, table(FED, A, "t"))).orElseThrow();
      assertThat(asset.updatedAt()).isAfterOrEqualTo(asset.createdAt());
    } finally {
      clock.resume();
    }
  }

  @Test
  void statsReturnsTheLastSync() {
    assertThat(stats(tenant, FED)).as("stats before any sync").isEmpty();
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));

    SyncStats first = sync(tenant, FED);
    assertThat(stats(tenant, FED)).contains(first);

    remote.table(A, "t", loc("t", 2));
    SyncStats second = sync(tenant, FED);
    assertThat(stats(tenant, FED)).contains(second);
    assertCounts(second, 0, 0, 0, 0, 1, 0);
  }

  @Test
  void statsAreForgottenWhenTheCatalogIsDeleted() {
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));
    sync(tenant, FED);
    await(store().assets().delete(tenant, table(FED, A, "t")));
    await(store().namespaces().delete(tenant, NamespaceRef.of(FED, "a")));

    await(store().catalogs().delete(tenant, FED));
    newFederatedCatalog(tenant, FED, remote);

    assertThat(stats(tenant, FED)).as("stats of a new catalog of the same name").isEmpty();
  }

  @Test
  void eachSyncRecordsAnAuditEventOfItsActorNamingTheCatalog() {
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));

    SyncStats stats = sync(tenant, FED);

    List<AuditEvent> events =
        PagedReads.all(
            page ->
                store().audit().list(tenant, AuditFilter.ALL.withAction("federation.sync"), page));
    assertThat(events).hasSize(1);
    AuditEvent event = events.get(0);
    assertThat(event.actor()).isEqualTo(OPERATOR);
    assertThat(event.resourceType()).isEqualTo("catalog");
    assertThat(event.resourceId()).contains(fed.id().toString());
    assertThat(event.resourceName()).contains(FED);
    assertThat(event.result()).isEqualTo(AuditResult.SUCCESS);
    assertThat(event.details())
        .containsEntry("status", "SUCCEEDED")
        .containsEntry("namespacesAdded", "1")
        .containsEntry("tablesAdded", "1")
        .containsEntry("tablesRemoved", "0");
    assertThat(stats.tablesAdded()).isEqualTo(1);
  }

  @Test
  void aSyncWithoutAnActorIsRecordedAsTheSystem() {
    remote.namespace(A, Map.of());

    await(store().federation().sync(tenant, FED));

    List<AuditEvent> events =
        PagedReads.all(page -> store().audit().list(tenant, AuditFilter.ALL, page));
    assertThat(events).extracting(AuditEvent::actor).containsExactly(AuditActor.SYSTEM);
    assertThat(events).extracting(AuditEvent::action).containsExactly("federation.sync");
  }

  /**
   * A connector may block for as long as its remote takes: the store calls it on a thread of its
   * own, so that a sync never ties up the caller's thread (a request thread of the service, or an
   * event loop) for that long.
   */
  @Test
  void theConnectorIsNeverCalledOnTheCallersThread() {
    remote.namespace(A, Map.of()).table(A, "t", loc("t", 1));
    Set<Thread> readOn = ConcurrentHashMap.newKeySet();
    remote.onListTables(namespace -> readOn.add(Thread.currentThread()));

    SyncStats stats = await(store().federation().sync(tenant, FED, OPERATOR));

    assertThat(stats.tablesAdded()).isEqualTo(1);
    assertThat(readOn)
        .as("the threads the remote was read on")
        .isNotEmpty()
        .doesNotContain(Thread.currentThread());
  }

  @Test
  void concurrentSyncsLeaveAConsistentMirror() {
    remote.namespace(AB, Map.of("k", "v"));
    for (int i = 0; i < 20; i++) {
      remote.table(AB, "t" + i, loc("t" + i, 1));
    }
    int root = mainCommits(tenant, FED).size();

    List<CompletableFuture<SyncStats>> syncs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      syncs.add(storeOf(i).federation().sync(tenant, FED, OPERATOR));
    }
    List<SyncStats> done = syncs.stream().map(f -> await(f)).toList();

    assertThat(done).allMatch(SyncStats::succeeded);
    assertThat(done.stream().mapToInt(SyncStats::tablesAdded).sum())
        .as("tables added over all syncs: each table by exactly one")
        .isEqualTo(20);
    Mirror mirror = mirror(tenant, FED);
    assertThat(mirror.tables()).hasSize(20);
    assertThat(mirror.namespaces()).containsEntry(AB, Map.of("k", "v"));
    assertThat(mainCommits(tenant, FED)).hasSize(root + 1);
  }

  @Test
  void syncsRacingARemoteThatChangesEachLeaveTheMirrorAsSomeListingSawIt() {
    remote.namespace(A, Map.of());
    for (int i = 0; i < 10; i++) {
      remote.table(A, "t" + i, loc("t" + i, 1));
    }
    AtomicInteger version = new AtomicInteger(1);
    // Every listing moves every table on: no two syncs see the same remote.
    // The remote's methods hold its monitor, as its listing does: holding it across the whole
    // move makes each move atomic, so that every listing sees one version, never a mix.
    remote.onListTables(
        namespace -> {
          synchronized (remote) {
            int v = version.incrementAndGet();
            for (int i = 0; i < 10; i++) {
              remote.table(A, "t" + i, loc("t" + i, v));
            }
          }
        });

    List<CompletableFuture<SyncStats>> syncs = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      syncs.add(storeOf(i).federation().sync(tenant, FED, OPERATOR));
    }
    syncs.forEach(f -> assertThat(await(f).succeeded()).isTrue());
    remote.heal();

    Map<AssetKey, String> tables = mirror(tenant, FED).tables();
    assertThat(tables).hasSize(10);
    assertThat(
            tables.values().stream()
                .map(l -> l.replaceAll(".*/v(\\d+)\\.metadata\\.json", "$1"))
                .distinct())
        .as("the versions of the mirrored tables: all from one listing, never a mix")
        .hasSize(1);
  }
}
