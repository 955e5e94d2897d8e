package dev.catalogstore.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A branch created from history (a tag on an old commit that no branch sits on, so the store reads
 * the history in several statements) while its catalog is being deleted either is created before
 * the deletion or fails with {@code NotFoundException} naming the catalog: never with a store
 * defect because the history it was reading vanished.
 */
class BranchFromHistoryRaceTest {
  private static final String SCHEMA = TestPostgres.uniqueSchema("branchrace");
  private static final int ROUNDS = 20;

  private static JdbcCatalogStore store;

  @BeforeAll
  static void open() {
    store = JdbcCatalogStore.open(TestPostgres.config(SCHEMA).maximumPoolSize(4).build());
  }

  @AfterAll
  static void close() {
    store.close();
    TestPostgres.dropSchema(SCHEMA);
  }

  @Test
  void aBranchFromHistoryRacingItsCatalogsDeletionIsCreatedOrNotFound() {
    TenantId tenant =
        store.tenants().create(NewTenant.named("race-" + UUID.randomUUID())).join().id();
    store
        .warehouses()
        .create(tenant, NewWarehouse.of("wh", StorageConfig.of(StorageType.FILE, "file:///wh")))
        .join();
    for (int round = 0; round < ROUNDS; round++) {
      String catalog = "cat-" + round;
      store.catalogs().create(tenant, NewCatalog.local(catalog, "wh")).join();
      NamespaceRef ns = NamespaceRef.of(catalog, "db");
      store.namespaces().create(tenant, ns, Map.of()).join();
      AssetRef table = AssetRef.onMain(ns, "t");
      store.assets().create(tenant, table, NewAsset.icebergTable("s3://t", "s3://t/0")).join();
      TagRef old = new TagRef(catalog, "old");
      store.tags().create(tenant, old, CommitRef.head(BranchRef.main(catalog))).join();
      for (int version = 1; version <= 30; version++) {
        store
            .assets()
            .commitMetadataLocation(
                tenant,
                table,
                MetadataCommit.replacing("s3://t/" + (version - 1), "s3://t/" + version))
            .join();
      }

      CompletableFuture<?> branch =
          store
              .branches()
              .create(
                  tenant, new BranchRef(catalog, "from-old"), NewBranch.from(CommitRef.tag(old)));
      CompletableFuture<Void> deletion = store.catalogs().delete(tenant, catalog);

      deletion.join();
      try {
        branch.join();
      } catch (CompletionException e) {
        assertThat(e.getCause())
            .as("round %d", round)
            .isInstanceOfSatisfying(
                NotFoundException.class,
                notFound -> assertThat(notFound.missing()).isEqualTo(ObjectType.CATALOG));
      }
    }
  }
}
