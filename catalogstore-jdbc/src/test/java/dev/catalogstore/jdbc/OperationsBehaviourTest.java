package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.error.UnavailableException;
import dev.catalogstore.api.federation.FederatedConnectors;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.AuditFilters;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.federation.TckRemoteCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Maintenance and federation on PostgreSQL, end to end with a controlled clock: what the statements
 * of a prune and of a sync leave in the tables, read back through the store (history with gaps, the
 * one commit of a sync, stats and audit events of failed syncs).
 */
class OperationsBehaviourTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("opsb");
  private static final TckClock CLOCK = new TckClock();
  private static final NamespacePath DB = NamespacePath.of("db");
  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store =
        JdbcCatalogStore.open(
            TestPostgres.config(SCHEMA)
                .clock(CLOCK)
                .connectors(FederatedConnectors.of(TckRemoteCatalog.CONNECTOR))
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void expiryPrunesOldUnreferencedEntriesAndTheHistoryPagesOverItsGaps() {
    TenantId tenant = localCatalog();
    AssetRef table = AssetRef.onMain("cat", DB, "t");
    Instant start = Instant.parse("2030-01-01T00:00:00Z");
    CLOCK.freezeAt(start);
    try {
      store.assets().create(tenant, table, NewAsset.icebergTable("file:///t", "m1")).join();
      commit(tenant, table, "m1", "m2", Duration.ofDays(1));
      // A tag holds m2.
      store
          .tags()
          .create(tenant, new TagRef("cat", "v2"), CommitRef.head(BranchRef.main("cat")))
          .join();
      commit(tenant, table, "m2", "m3", Duration.ofDays(1));
      commit(tenant, table, "m3", "m1", Duration.ofDays(1));
      commit(tenant, table, "m1", "m4", Duration.ofDays(1));
      commit(tenant, table, "m4", "m5", Duration.ofDays(10));
      // History: 1 m1 (day 0), 2 m2 (1), 3 m3 (2), 4 m1 (3), 5 m4 (4), 6 m5 (14).

      ExpiredSnapshots expired =
          store.maintenance().expireSnapshots(tenant, table, Duration.ofDays(5)).join();

      // The cutoff is day 9: entries 1 to 5 are candidates. m2 is tagged and m5 is the head's;
      // m1 (twice), m3 and m4 are referenced by nothing.
      assertThat(expired.cutoff()).isEqualTo(start.plus(Duration.ofDays(9)));
      assertThat(expired.pruned())
          .extracting(MetadataLocation::sequence)
          .containsExactly(1L, 3L, 4L, 5L);
      assertThat(expired.locations()).containsExactly("m1", "m3", "m4");
      List<MetadataLocation> left = history(tenant, table, 1);
      assertThat(left).extracting(MetadataLocation::sequence).containsExactly(6L, 2L);
      assertThat(left).extracting(MetadataLocation::location).containsExactly("m5", "m2");
      assertThat(
              store
                  .audit()
                  .list(
                      tenant,
                      AuditFilter.ALL.withAction("maintenance.expireSnapshots"),
                      PageRequest.firstPage())
                  .join()
                  .items())
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.id()).isEqualTo(expired.auditEvent());
                assertThat(event.details()).containsEntry("pruned", "4");
              });

      // A later commit continues the numbering.
      commit(tenant, table, "m5", "m6", Duration.ofDays(1));
      assertThat(history(tenant, table, 10).get(0).sequence()).isEqualTo(7L);
      // Nothing more to prune: still one event per run.
      assertThat(store.maintenance().expireSnapshots(tenant, table, Duration.ZERO).join().pruned())
          .extracting(MetadataLocation::location)
          .containsExactly("m5");
      assertThat(
              store
                  .audit()
                  .count(tenant, AuditFilter.ALL.withAction("maintenance.expireSnapshots"))
                  .join())
          .isEqualTo(2);
    } finally {
      CLOCK.resume();
    }
  }

  @Test
  void orphanSweepsCoverEveryBranchAndSpareWhatAHeadHolds() {
    TenantId tenant = localCatalog();
    AssetRef onMain = AssetRef.onMain("cat", DB, "t");
    CLOCK.freezeAt(Instant.parse("2030-01-01T00:00:00Z"));
    try {
      store.assets().create(tenant, onMain, NewAsset.icebergTable("file:///t", "a1")).join();
      commit(tenant, onMain, "a1", "a2", Duration.ofHours(1));
      BranchRef dev = new BranchRef("cat", "dev");
      store
          .branches()
          .create(tenant, dev, NewBranch.from(CommitRef.head(BranchRef.main("cat"))))
          .join();
      AssetRef onDev = new AssetRef(dev, DB, "t");
      commit(tenant, onDev, "a2", "d1", Duration.ofHours(1));
      commit(tenant, onDev, "d1", "d2", Duration.ofHours(1));
      commit(tenant, onMain, "a2", "a3", Duration.ofHours(1));
      CLOCK.advance(Duration.ofHours(1));

      OrphanFiles orphans =
          store.maintenance().removeOrphanFiles(tenant, onMain, CLOCK.instant()).join();

      // a3 (main's head) and d2 (dev's head) stay; a2 is recorded on both branches.
      assertThat(orphans.locations()).containsExactly("a1", "a2", "d1");
      assertThat(orphans.entriesRemoved()).isEqualTo(4);
      assertThat(history(tenant, onMain, 10))
          .extracting(MetadataLocation::location)
          .containsExactly("a3");
      assertThat(history(tenant, onDev, 10))
          .extracting(MetadataLocation::location)
          .containsExactly("d2");
    } finally {
      CLOCK.resume();
    }
  }

  @Test
  void aSyncMirrorsAddsMovesAndRemovalsInOneCommitOnMain() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = TckRemoteCatalog.create();
    try {
      remote.namespace(NamespacePath.of("a", "b"), Map.of("owner", "x"));
      remote.table(NamespacePath.of("a", "b"), "t1", "s3://r/t1/v1.json");
      remote.table(NamespacePath.of("a", "b"), "t2", "s3://r/t2/v1.json");
      remote.table(NamespacePath.of("a"), "t0", "s3://r/t0/v1.json");
      store.catalogs().create(tenant, NewCatalog.federated("fed", remote.config())).join();

      SyncStats first = store.federation().sync(tenant, "fed").join();

      assertThat(first.status()).isEqualTo(SyncStatus.SUCCEEDED);
      assertThat(first.namespacesAdded()).isEqualTo(2);
      assertThat(first.tablesAdded()).isEqualTo(3);
      assertThat(store.federation().stats(tenant, "fed").join()).contains(first);
      assertThat(
              store
                  .namespaces()
                  .get(tenant, NamespaceRef.of("fed", "a", "b"))
                  .join()
                  .orElseThrow()
                  .properties())
          .containsEntry("owner", "x");
      AssetRef t1 = AssetRef.onMain("fed", NamespacePath.of("a", "b"), "t1");
      assertThat(store.assets().get(tenant, t1).join().orElseThrow().metadataLocation())
          .contains("s3://r/t1/v1.json");

      remote.table(NamespacePath.of("a", "b"), "t1", "s3://r/t1/v2.json");
      remote.dropTable(NamespacePath.of("a", "b"), "t2");
      remote.dropNamespace(NamespacePath.of("a"));
      remote.namespace(NamespacePath.of("a", "b"), Map.of("owner", "y"));
      SyncStats second = store.federation().sync(tenant, "fed").join();

      assertThat(second)
          .extracting(
              SyncStats::namespacesAdded,
              SyncStats::namespacesUpdated,
              SyncStats::namespacesRemoved,
              SyncStats::tablesAdded,
              SyncStats::tablesUpdated,
              SyncStats::tablesRemoved)
          .containsExactly(0, 1, 0, 0, 1, 2);
      assertThat(history(tenant, t1, 10))
          .extracting(MetadataLocation::location)
          .containsExactly("s3://r/t1/v2.json", "s3://r/t1/v1.json");
      Page<Commit> ancestry =
          store
              .commits()
              .ancestry(tenant, CommitRef.head(BranchRef.main("fed")), PageRequest.firstPage())
              .join();
      // Two syncs, two commits, on the root.
      assertThat(ancestry.items()).hasSize(3);
      assertThat(ancestry.items().get(0).meta().message()).contains("federation sync");
      assertThat(ancestry.items().get(0).meta().author()).contains("catalogstore");

      // Nothing changed: no commit, but stats and an event.
      store.federation().sync(tenant, "fed").join();
      assertThat(
              store
                  .commits()
                  .ancestry(tenant, CommitRef.head(BranchRef.main("fed")), PageRequest.firstPage())
                  .join()
                  .items())
          .hasSize(3);
      assertThat(store.audit().count(tenant, AuditFilter.ALL.withAction("federation.sync")).join())
          .isEqualTo(3);
    } finally {
      remote.close();
    }
  }

  @Test
  void aFailedSyncChangesNothingAndIsRecorded() {
    TenantId tenant = newTenant();
    TckRemoteCatalog remote = TckRemoteCatalog.create();
    try {
      remote.namespace("db");
      remote.table(DB, "t", "s3://r/t/v1.json");
      store.catalogs().create(tenant, NewCatalog.federated("fed", remote.config())).join();
      store.federation().sync(tenant, "fed").join();

      remote.table(DB, "u", "s3://r/u/v1.json");
      remote.failWith(new IllegalStateException("remote down"));
      assertThatThrownBy(() -> store.federation().sync(tenant, "fed").join())
          .hasCauseInstanceOf(UnavailableException.class);
      remote.heal();
      remote.table(DB, "bad name\u0001", "s3://r/x.json");
      assertThatThrownBy(() -> store.federation().sync(tenant, "fed").join())
          .hasCauseInstanceOf(InvalidArgumentException.class);

      assertThat(store.assets().get(tenant, AssetRef.onMain("fed", DB, "u")).join()).isEmpty();
      Optional<SyncStats> last = store.federation().stats(tenant, "fed").join();
      assertThat(last).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SyncStatus.FAILED));
      assertThat(
              store
                  .audit()
                  .count(
                      tenant,
                      AuditFilter.ALL.withAction("federation.sync").withResult(AuditResult.FAILURE))
                  .join())
          .isEqualTo(2);

      // An unknown connector type fails as unconfigured, and is recorded; a LOCAL catalog is not.
      store
          .catalogs()
          .create(
              tenant,
              NewCatalog.federated(
                  "nowhere",
                  new dev.catalogstore.api.catalog.ConnectorConfig("no-such-type", Map.of())))
          .join();
      assertThatThrownBy(() -> store.federation().sync(tenant, "nowhere").join())
          .hasCauseInstanceOf(PreconditionFailedException.class);
      assertThat(store.federation().stats(tenant, "nowhere").join())
          .hasValueSatisfying(s -> assertThat(s.error()).isPresent());
    } finally {
      remote.close();
    }
  }

  @Test
  void theWidestTimeRangeTheFilterAllowsSelectsEveryEvent() {
    TenantId tenant = newTenant();
    for (int i = 0; i < 3; i++) {
      store
          .audit()
          .append(
              tenant,
              NewAuditEvent.builder(AuditActor.user("u"), "a", "t", AuditResult.SUCCESS).build())
          .join();
    }
    AuditFilter widest =
        AuditFilter.ALL.withFrom(AuditFilters.EARLIEST).withTo(AuditFilters.LATEST);

    assertThat(store.audit().count(tenant, widest).join()).isEqualTo(3);
    Page<AuditEvent> first = store.audit().list(tenant, widest, PageRequest.firstPage(2)).join();
    assertThat(first.items()).hasSize(2);
    Page<AuditEvent> second =
        store
            .audit()
            .list(tenant, widest, PageRequest.nextPage(first.nextPageToken().orElseThrow(), 2))
            .join();
    assertThat(second.items()).hasSize(1);
    assertThat(second.nextPageToken()).isEmpty();
  }

  private static void commit(
      TenantId tenant, AssetRef asset, String from, String to, Duration after) {
    CLOCK.advance(after);
    store.assets().commitMetadataLocation(tenant, asset, MetadataCommit.replacing(from, to)).join();
  }

  /** The whole history, newest first, read in pages of {@code pageSize}. */
  private static List<MetadataLocation> history(TenantId tenant, AssetRef asset, int pageSize) {
    List<MetadataLocation> all = new ArrayList<>();
    Page<MetadataLocation> page =
        store.assets().history(tenant, asset, PageRequest.firstPage(pageSize)).join();
    all.addAll(page.items());
    while (page.nextPageToken().isPresent()) {
      page =
          store
              .assets()
              .history(tenant, asset, PageRequest.nextPage(page.nextPageToken().get(), pageSize))
              .join();
      all.addAll(page.items());
    }
    return all;
  }

  private static TenantId localCatalog() {
    TenantId tenant = newTenant();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    store.namespaces().create(tenant, NamespaceRef.of("cat", "db"), Map.of()).join();
    return tenant;
  }

  private static TenantId newTenant() {
    return store.tenants().create(NewTenant.named("opsb-" + UUID.randomUUID())).join().id();
  }
}
