package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.MergeOutcome;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import dev.catalogstore.jdbc.secret.AesGcmSecretCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a merge costs does not grow with the catalog: merging ten changed assets sends the same
 * statements, in number, into a catalog of a hundred assets and into one of thousands with a
 * history as long, and the same for a branch creation from a head (one statement, whatever it
 * copies), and for an asset change with its commit (one statement). Counted at the DataSource, so
 * every round trip the store makes is seen.
 */
class MergeCostTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("mergecost");
  private static final int SMALL = 100;
  private static final int LARGE = 3_000;
  private static final int CHANGED = 10;

  private static HikariDataSource pool;
  private static CountingDataSource counting;
  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    TestPostgres.Server server = TestPostgres.server();
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(server.jdbcUrl());
    if (server.username() != null) {
      hikari.setUsername(server.username());
      hikari.setPassword(server.password());
    }
    hikari.setMaximumPoolSize(4);
    pool = new HikariDataSource(hikari);
    counting = new CountingDataSource(pool);
    store =
        JdbcCatalogStore.open(
            JdbcStoreConfig.builder()
                .dataSource(counting.dataSource())
                .schema(SCHEMA)
                .maximumPoolSize(4)
                .secretCodec(AesGcmSecretCodec.of(1, TestPostgres.TEST_KEY))
                // The purger's look for work would count among the calls' statements.
                .pausePurgeForTests()
                .build());
  }

  @AfterAll
  static void close() {
    store.close();
    pool.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void aMergeOfTenChangesCostsTheSameStatementsWhateverTheCatalogsSize() {
    Costs small = mergeTenChangesInto(SMALL);
    Costs large = mergeTenChangesInto(LARGE);

    assertThat(large).isEqualTo(small);
    // Lock and read both heads; the history since the base; its changes; the target's assets at
    // those keys; the apply with the merge commit and the head.
    assertThat(large.merge()).isEqualTo(5);
    assertThat(large.branchCreation()).isEqualTo(1);
    assertThat(large.change()).isEqualTo(1);
  }

  /**
   * In a catalog of {@code size} assets, each created by its own commit: branches dev from main,
   * changes {@value #CHANGED} assets on dev and one on main, and merges dev into main.
   */
  private Costs mergeTenChangesInto(int size) {
    TenantId tenant =
        store.tenants().create(NewTenant.named("cost-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    store.catalogs().create(tenant, NewCatalog.local("cat", "wh")).join();
    NamespaceRef ns = NamespaceRef.of("cat", "db");
    store.namespaces().create(tenant, ns, Map.of()).join();
    List<CompletableFuture<?>> creating = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      creating.add(
          store
              .assets()
              .create(
                  tenant, AssetRef.onMain(ns, "t" + i), NewAsset.icebergTable("l" + i, "m" + i)));
    }
    creating.forEach(CompletableFuture::join);
    BranchRef main = BranchRef.main("cat");
    BranchRef dev = new BranchRef("cat", "dev");

    counting.reset();
    store.branches().create(tenant, dev, NewBranch.from(CommitRef.head(main))).join();
    int branchCreation = counting.statements();

    for (int i = 0; i < CHANGED; i++) {
      AssetRef asset = new AssetRef(dev, ns.path(), "t" + i);
      store
          .assets()
          .commitMetadataLocation(tenant, asset, MetadataCommit.replacing("m" + i, "dev" + i))
          .join();
    }
    counting.reset();
    store
        .assets()
        .commitMetadataLocation(
            tenant,
            AssetRef.onMain(ns, "t" + (size - 1)),
            MetadataCommit.replacing("m" + (size - 1), "main"))
        .join();
    int change = counting.statements();

    counting.reset();
    MergeResult merged = store.branches().merge(tenant, dev, main).join();
    int merge = counting.statements();

    assertThat(merged.outcome()).isEqualTo(MergeOutcome.MERGED);
    assertThat(merged.applied()).hasSize(CHANGED);
    return new Costs(merge, branchCreation, change);
  }

  /** Statements sent by a merge, a branch creation and an asset change with its commit. */
  private record Costs(int merge, int branchCreation, int change) {}
}
