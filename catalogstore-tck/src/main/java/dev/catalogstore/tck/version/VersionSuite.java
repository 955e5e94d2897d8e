package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.BranchType;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.MergeStrategy;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.MergeConflictException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the versioning suites (commits, branches, tags, merges): a fresh tenant holding
 * catalog {@code lake} and namespace {@code sales}, tables on any branch made in one line, changes
 * that give each table a distinct content ({@code v(name, n)} is the table's {@code n}th metadata
 * file), and whole reads of a branch, the history and the catalog's versioning state.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class VersionSuite extends TckSuite {
  protected static final String CATALOG = "lake";
  protected static final NamespacePath SALES = NamespacePath.of("sales");

  protected TenantId tenant;
  protected BranchRef main;

  /** The namespaces whose assets {@link #assets} reads; a test that makes more adds them. */
  private final List<NamespacePath> namespaces = new ArrayList<>();

  @BeforeEach
  void createTenantWithLakeCatalog() {
    tenant = newTenant();
    newLocalCatalog(tenant, CATALOG);
    newNamespaces(tenant, CATALOG, "sales");
    namespaces.clear();
    namespaces.add(SALES);
    main = BranchRef.main(CATALOG);
  }

  /** Creates namespace {@code segments} (and its missing ancestors) of the catalog. */
  protected NamespacePath namespace(String... segments) {
    newNamespaces(tenant, CATALOG, segments);
    NamespacePath path = NamespacePath.of(segments);
    if (!namespaces.contains(path)) {
      namespaces.add(path);
    }
    return path;
  }

  // ---------------------------------------------------------------------------------------------
  // addresses and contents

  protected static BranchRef ref(String branch) {
    return new BranchRef(CATALOG, branch);
  }

  protected static AssetRef at(BranchRef branch, String name) {
    return new AssetRef(branch, SALES, name);
  }

  protected static AssetKey key(String name) {
    return new AssetKey(SALES, name);
  }

  protected static CommitRef headOf(BranchRef branch) {
    return CommitRef.head(branch);
  }

  protected static CommitRef byId(CommitId id) {
    return CommitRef.id(CATALOG, id);
  }

  /** The {@code n}th metadata file of the table {@code name}. */
  protected static String v(String name, int n) {
    return "s3://lake/sales/" + name + "/metadata/" + n + ".metadata.json";
  }

  /** The content of table {@code name} after {@link #table} and {@code n - 1} pointer commits. */
  protected static AssetContent tableContent(String name, int n) {
    return tableContent(name, n, Map.of());
  }

  protected static AssetContent tableContent(String name, int n, Map<String, String> properties) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://lake/sales/" + name),
        Optional.of(v(name, n)),
        properties);
  }

  // ---------------------------------------------------------------------------------------------
  // changes

  /**
   * Creates Iceberg table {@code name} in {@code sales} on {@code branch}, at {@code v(name, 1)}.
   */
  protected Asset table(BranchRef branch, String name) {
    return await(
        store()
            .assets()
            .create(
                tenant,
                at(branch, name),
                NewAsset.icebergTable("s3://lake/sales/" + name, v(name, 1))));
  }

  /**
   * Commits table {@code name} on {@code branch} from {@code v(name, from)} to {@code v(name, to)}.
   */
  protected Asset pointer(BranchRef branch, String name, int from, int to) {
    return await(
        store()
            .assets()
            .commitMetadataLocation(
                tenant, at(branch, name), MetadataCommit.replacing(v(name, from), v(name, to))));
  }

  protected Asset setProperty(BranchRef branch, String name, String key, String value) {
    return await(
        store()
            .assets()
            .updateProperties(tenant, at(branch, name), PropertyUpdate.setting(key, value)));
  }

  protected void drop(BranchRef branch, String name) {
    await(store().assets().delete(tenant, at(branch, name)));
  }

  // ---------------------------------------------------------------------------------------------
  // branches, tags, merges

  /** Creates a full {@code INGEST} branch {@code name} at {@code from}'s head. */
  protected BranchRef fork(String name, BranchRef from) {
    return createBranch(name, NewBranch.from(headOf(from))).ref();
  }

  /** Creates a full {@code INGEST} branch {@code name} at main's head. */
  protected BranchRef fork(String name) {
    return fork(name, main);
  }

  /** Creates a partial {@code INGEST} branch {@code name} at main's head with {@code names}. */
  protected BranchRef forkPartial(String name, String... names) {
    Set<AssetKey> keys = new HashSet<>();
    for (String n : names) {
      keys.add(key(n));
    }
    return createBranch(name, NewBranch.partial(headOf(main), BranchType.INGEST, keys)).ref();
  }

  protected Branch createBranch(String name, NewBranch request) {
    return await(store().branches().create(tenant, ref(name), request));
  }

  protected Branch branch(BranchRef ref) {
    return await(store().branches().get(tenant, ref))
        .orElseThrow(() -> new AssertionError("branch " + ref + " does not exist"));
  }

  protected CommitId head(BranchRef ref) {
    return branch(ref).head();
  }

  protected Tag tag(String name, CommitRef target) {
    return await(store().tags().create(tenant, new TagRef(CATALOG, name), target));
  }

  protected MergeResult merge(BranchRef source, BranchRef target) {
    return await(store().branches().merge(tenant, source, target));
  }

  protected MergeResult merge(BranchRef source, BranchRef target, MergeOptions options) {
    return await(store().branches().merge(tenant, source, target, options));
  }

  protected MergeResult merge(BranchRef source, BranchRef target, MergeStrategy strategy) {
    return merge(source, target, MergeOptions.DEFAULT.withStrategy(strategy));
  }

  protected MergeResult dryRun(BranchRef source, BranchRef target) {
    return merge(source, target, MergeOptions.DEFAULT.asDryRun());
  }

  /** Merges with strategy {@code FAIL}, asserting that it fails with a merge conflict. */
  protected MergeConflictException mergeFails(BranchRef source, BranchRef target) {
    return assertFails(
        MergeConflictException.class, () -> store().branches().merge(tenant, source, target));
  }

  // ---------------------------------------------------------------------------------------------
  // reads

  protected Optional<Asset> get(BranchRef branch, String name) {
    return await(store().assets().get(tenant, at(branch, name)));
  }

  protected Asset read(BranchRef branch, String name) {
    return get(branch, name)
        .orElseThrow(() -> new AssertionError(name + " does not exist on " + branch));
  }

  /** Every asset of {@code branch} in the namespaces of this test, by key. */
  protected Map<AssetKey, Asset> assets(BranchRef branch) {
    Map<AssetKey, Asset> assets = new TreeMap<>();
    for (NamespacePath namespace : namespaces) {
      for (Asset asset :
          PagedReads.all(page -> store().assets().list(tenant, branch, namespace, page))) {
        assets.put(AssetKey.of(asset.ref()), asset);
      }
    }
    return assets;
  }

  /** The content of every asset of {@code branch}, by key. */
  protected Map<AssetKey, AssetContent> contents(BranchRef branch) {
    Map<AssetKey, AssetContent> contents = new TreeMap<>();
    assets(branch).forEach((key, asset) -> contents.put(key, AssetContent.of(asset)));
    return contents;
  }

  /** The id of every asset of {@code branch}, by key. */
  protected Map<AssetKey, AssetId> ids(BranchRef branch) {
    Map<AssetKey, AssetId> ids = new TreeMap<>();
    assets(branch).forEach((key, asset) -> ids.put(key, asset.id()));
    return ids;
  }

  protected List<String> historyLocations(BranchRef branch, String name) {
    return PagedReads.all(page -> store().assets().history(tenant, at(branch, name), page)).stream()
        .map(MetadataLocation::location)
        .toList();
  }

  protected Commit commit(CommitId id) {
    return await(store().commits().get(tenant, CATALOG, id))
        .orElseThrow(() -> new AssertionError("commit " + id + " does not exist"));
  }

  protected List<Commit> ancestry(CommitRef from) {
    return PagedReads.all(page -> store().commits().ancestry(tenant, from, page));
  }

  protected List<CommitId> ancestryIds(CommitRef from) {
    return ancestry(from).stream().map(Commit::id).toList();
  }

  protected List<AssetChange> operations(CommitId id) {
    return PagedReads.all(page -> store().commits().operations(tenant, CATALOG, id, page));
  }

  protected List<Branch> branches() {
    return PagedReads.all(page -> store().branches().list(tenant, CATALOG, page));
  }

  protected List<Tag> tags() {
    return PagedReads.all(page -> store().tags().list(tenant, CATALOG, page));
  }

  /**
   * Everything of the catalog's versioning a merge or a branch creation could change: every branch
   * (head and times included), every asset of every branch (ids and times included) with its
   * metadata history, and every tag.
   */
  protected CatalogState state() {
    Map<BranchRef, Map<AssetKey, Asset>> assets = new LinkedHashMap<>();
    Map<AssetRef, List<String>> histories = new LinkedHashMap<>();
    List<Branch> branches = branches();
    for (Branch branch : branches) {
      Map<AssetKey, Asset> onBranch = assets(branch.ref());
      assets.put(branch.ref(), onBranch);
      for (Asset asset : onBranch.values()) {
        histories.put(
            asset.ref(),
            PagedReads.all(page -> store().assets().history(tenant, asset.ref(), page)).stream()
                .map(MetadataLocation::location)
                .toList());
      }
    }
    return new CatalogState(branches, assets, histories, tags());
  }

  /** Asserts that nothing of the catalog's versioning changed since {@code before}. */
  protected void assertUnchanged(CatalogState before) {
    CatalogState after = state();
    assertThat(after.branches()).as("the branches").isEqualTo(before.branches());
    assertThat(after.assets()).as("the assets of every branch").isEqualTo(before.assets());
    assertThat(after.histories()).as("the metadata histories").isEqualTo(before.histories());
    assertThat(after.tags()).as("the tags").isEqualTo(before.tags());
  }

  /** A snapshot of the catalog's versioning state, for "nothing changed" assertions. */
  protected record CatalogState(
      List<Branch> branches,
      Map<BranchRef, Map<AssetKey, Asset>> assets,
      Map<AssetRef, List<String>> histories,
      List<Tag> tags) {}
}
