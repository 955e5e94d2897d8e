package dev.catalogstore.tck.federation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.catalog.Catalog;
import dev.catalogstore.api.catalog.ConnectorConfig;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.SampleTenantSuite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;

/**
 * The base of the federation suites: a fresh {@link TckRemoteCatalog} per test, federated catalogs
 * pointing at it, syncs, and whole reads of a catalog's mirror (its namespaces with their
 * properties, the assets of its {@code main} branch, and the commits on {@code main}).
 *
 * <p>The backend under test must register {@link TckRemoteCatalog#CONNECTOR} with the store it
 * gives the TCK; {@code FederationSyncContract.theTckRemoteConnectorIsRegistered} says so clearly
 * when it does not.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class FederationSuite extends SampleTenantSuite {
  /** The federated catalog's name. */
  protected static final String FED = "fed";

  /** A user who runs syncs. */
  protected static final AuditActor OPERATOR = AuditActor.user("operator");

  private final List<TckRemoteCatalog> remotes = new ArrayList<>();

  @AfterEach
  void closeTheRemotes() {
    remotes.forEach(TckRemoteCatalog::close);
  }

  /** A new empty remote, closed after the test. */
  protected TckRemoteCatalog newRemote() {
    TckRemoteCatalog remote = TckRemoteCatalog.create();
    remotes.add(remote);
    return remote;
  }

  /** Creates the federated catalog {@code name} of {@code tenant} mirroring {@code remote}. */
  protected Catalog newFederatedCatalog(TenantId tenant, String name, TckRemoteCatalog remote) {
    return newFederatedCatalog(tenant, name, remote.config());
  }

  /** Creates the federated catalog {@code name} of {@code tenant} with {@code connector}. */
  protected Catalog newFederatedCatalog(TenantId tenant, String name, ConnectorConfig connector) {
    return await(store().catalogs().create(tenant, NewCatalog.federated(name, connector)));
  }

  /** Syncs {@code catalog} of {@code tenant} as {@link #OPERATOR}. */
  protected SyncStats sync(TenantId tenant, String catalog) {
    return await(store().federation().sync(tenant, catalog, OPERATOR));
  }

  /** The stats of {@code catalog}'s last sync. */
  protected Optional<SyncStats> stats(TenantId tenant, String catalog) {
    return await(store().federation().stats(tenant, catalog));
  }

  /** A tables' location of {@code name} in the remote. */
  protected static String loc(String name, int version) {
    return "s3://remote/" + name + "/metadata/v" + version + ".metadata.json";
  }

  /** Asserts a succeeded sync's counts, in the order of {@link SyncStats}'s components. */
  protected static void assertCounts(
      SyncStats stats,
      int namespacesAdded,
      int namespacesUpdated,
      int namespacesRemoved,
      int tablesAdded,
      int tablesUpdated,
      int tablesRemoved) {
    assertThat(stats.status()).as("status of %s", stats).isEqualTo(SyncStatus.SUCCEEDED);
    assertThat(stats.error()).isEmpty();
    assertThat(
            List.of(
                stats.namespacesAdded(),
                stats.namespacesUpdated(),
                stats.namespacesRemoved(),
                stats.tablesAdded(),
                stats.tablesUpdated(),
                stats.tablesRemoved()))
        .as("namespaces added, updated, removed, tables added, updated, removed of %s", stats)
        .containsExactly(
            namespacesAdded,
            namespacesUpdated,
            namespacesRemoved,
            tablesAdded,
            tablesUpdated,
            tablesRemoved);
  }

  /** Asserts stats of a failed sync: FAILED, an error, nothing counted. */
  protected static void assertFailed(SyncStats stats) {
    assertThat(stats.status()).isEqualTo(SyncStatus.FAILED);
    assertThat(stats.error()).isPresent();
    assertThat(stats.error().get()).isNotBlank();
    assertThat(
            List.of(
                stats.namespacesAdded(),
                stats.namespacesUpdated(),
                stats.namespacesRemoved(),
                stats.tablesAdded(),
                stats.tablesUpdated(),
                stats.tablesRemoved()))
        .containsOnly(0);
    assertThat(stats.finishedAt()).isAfterOrEqualTo(stats.startedAt());
  }

  /**
   * What a catalog's {@code main} branch holds.
   *
   * @param namespaces every namespace, with its properties
   * @param tables every asset, with its metadata location ({@code ""} if none), by address
   * @param kinds every asset's kind, by address
   */
  protected record Mirror(
      Map<NamespacePath, Map<String, String>> namespaces,
      Map<AssetKey, String> tables,
      Map<AssetKey, AssetKind> kinds) {}

  /** Reads what {@code catalog} of {@code tenant} holds on {@code main}. */
  protected Mirror mirror(TenantId tenant, String catalog) {
    Map<NamespacePath, Map<String, String>> namespaces =
        new TreeMap<>((a, b) -> a.segments().toString().compareTo(b.segments().toString()));
    Map<AssetKey, String> tables = new TreeMap<>();
    Map<AssetKey, AssetKind> kinds = new TreeMap<>();
    Deque<NamespaceRef> parents = new ArrayDeque<>();
    parents.add(NamespaceRef.root(catalog));
    while (!parents.isEmpty()) {
      NamespaceRef parent = parents.removeFirst();
      for (Namespace child :
          PagedReads.all(page -> store().namespaces().list(tenant, parent, page))) {
        namespaces.put(child.path(), child.properties());
        parents.addLast(child.ref());
        for (Asset asset :
            PagedReads.all(
                page ->
                    store().assets().list(tenant, BranchRef.main(catalog), child.path(), page))) {
          AssetKey key = new AssetKey(child.path(), asset.ref().name());
          tables.put(key, asset.metadataLocation().orElse(""));
          kinds.put(key, asset.kind());
        }
      }
    }
    return new Mirror(namespaces, tables, kinds);
  }

  /** The commits on {@code main} of {@code catalog}, newest first, the root included. */
  protected List<Commit> mainCommits(TenantId tenant, String catalog) {
    return PagedReads.all(
        page -> store().commits().ancestry(tenant, CommitRef.head(BranchRef.main(catalog)), page));
  }

  /** The asset {@code name} in {@code namespace} of {@code catalog}'s {@code main}. */
  protected static AssetRef table(String catalog, NamespacePath namespace, String name) {
    return AssetRef.onMain(catalog, namespace, name);
  }

  /** An address in the mirror. */
  protected static AssetKey key(NamespacePath namespace, String name) {
    return new AssetKey(namespace, name);
  }
}
