package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetExpectation;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.Assets;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Conflicts;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.StoredProperties;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Assets in memory. Each asset is one {@link AssetEntry} reachable through two indexes kept in step
 * under the tenant's write lock: by coordinates in its {@link BranchState}, and by id in its {@link
 * TenantState}.
 *
 * <p>Every change runs entirely under that lock, checks first: the metadata-pointer compare-and-set
 * (of any number of concurrent commits with the same expected location exactly one succeeds), a
 * multi-asset commit (every expectation is checked before the first asset changes), and a guarded
 * delete or rename (the expectation is checked atomically with the change). A failed call therefore
 * changes nothing.
 *
 * <p>Each successful change also appends its one commit to the branch and moves the branch's head,
 * in the same locked step and after every check, so a change is never seen without its commit and a
 * failed call writes none. The author and message are validated after the call's other arguments.
 */
final class MemoryAssets implements Assets {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryAssets(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Asset> create(
      TenantId tenant, AssetRef asset, NewAsset request, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.newAsset(request, "request");
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                Place place = requirePlace(state, asset.branch(), asset.namespace());
                if (place.branch().asset(asset.namespace(), asset.name()).isPresent()) {
                  throw Taken.asset(asset);
                }
                Instant now = Timestamps.now(clock);
                AssetContent content =
                    new AssetContent(
                        request.kind(),
                        request.location(),
                        request.metadataLocation(),
                        request.properties());
                Asset created = AssetWrites.create(state, place.branch(), asset, content, now);
                place.commit(List.of(AssetChange.created(AssetKey.of(asset), content)), meta, now);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Asset>> get(TenantId tenant, AssetRef asset) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          return registry.find(
              tenant,
              state ->
                  state
                      .catalog(asset.catalog())
                      .flatMap(catalog -> catalog.branch(asset.branch().branch()))
                      .flatMap(branch -> branch.asset(asset.namespace(), asset.name()))
                      .map(AssetEntry::asset));
        });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getById(TenantId tenant, AssetId id) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.assetId(id, "id");
          return registry.find(tenant, state -> state.asset(id).map(AssetEntry::asset));
        });
  }

  /**
   * {@inheritDoc}
   *
   * <p>Cost: O(log n + page size) when every kind is asked for. Narrowed to k kinds, a page reads
   * only the per-kind indexes of its namespace and merges them: O(k log n + page size × log k),
   * whatever the number of assets of other kinds (see {@link NamespaceAssets#after}).
   */
  @Override
  public CompletableFuture<Page<Asset>> list(
      TenantId tenant,
      BranchRef branch,
      NamespacePath namespace,
      Set<AssetKind> kinds,
      PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          Inputs.namespacePath(namespace, "namespace");
          Set<AssetKind> wanted = Requests.assetKinds(kinds, "kinds");
          ListQuery query = ListQuery.assets(tenant, branch, namespace, wanted);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                BranchState found = requirePlace(state, branch, namespace).branch();
                var matching = found.assetsAfter(namespace, cursor.after(), wanted);
                List<Asset> fetched =
                    SortedReads.fetch(matching, cursor).stream().map(AssetEntry::asset).toList();
                return query.page(fetched, cursor, asset -> asset.ref().name());
              });
        });
  }

  @Override
  public CompletableFuture<Asset> rename(
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.assetRename(from, to, expected);
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                Place place = requirePlace(state, from.branch(), from.namespace());
                BranchState branch = place.branch();
                AssetEntry entry = requireAsset(branch, from);
                Conflicts.requireExpected(from, expected, entry.asset());
                // Same catalog and branch as from (checked above), so only the namespace can miss.
                place.catalog().requireNamespace(to.namespace());
                if (branch.asset(to.namespace(), to.name()).isPresent()) {
                  throw Taken.asset(to);
                }
                Instant now = Timestamps.now(clock);
                Asset current = entry.asset();
                Asset moved =
                    new Asset(
                        current.id(),
                        to,
                        current.kind(),
                        current.location(),
                        current.metadataLocation(),
                        current.properties(),
                        current.createdAt(),
                        Timestamps.notBefore(now, current.updatedAt()));
                branch.remove(from.namespace(), from.name());
                entry.replace(moved);
                branch.put(entry);
                // History and merges compare by key, so a move is the old key gone, the new made.
                AssetContent content = AssetContent.of(current);
                place.commit(
                    List.of(
                        AssetChange.deleted(AssetKey.of(from), content),
                        AssetChange.created(AssetKey.of(to), content)),
                    meta,
                    now);
                return moved;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Inputs.propertyUpdate(update, "update");
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                Place place = requirePlace(state, asset.branch(), asset.namespace());
                AssetEntry entry = requireAsset(place.branch(), asset);
                Instant now = Timestamps.now(clock);
                Asset current = entry.asset();
                Asset next =
                    new Asset(
                        current.id(),
                        current.ref(),
                        current.kind(),
                        current.location(),
                        current.metadataLocation(),
                        StoredProperties.apply(current.properties(), update, "update"),
                        current.createdAt(),
                        Timestamps.notBefore(now, current.updatedAt()));
                entry.replace(next);
                place.commit(List.of(updated(current, next)), meta, now);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.assetExpectation(expected, "expected");
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                Place place = requirePlace(state, asset.branch(), asset.namespace());
                AssetEntry entry = requireAsset(place.branch(), asset);
                Conflicts.requireExpected(asset, expected, entry.asset());
                AssetWrites.remove(state, place.branch(), entry);
                AssetChange deleted =
                    AssetChange.deleted(AssetKey.of(asset), AssetContent.of(entry.asset()));
                place.commit(List.of(deleted), meta, Timestamps.now(clock));
                return null;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.metadataCommit(commit, "commit");
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                Place place = requirePlace(state, asset.branch(), asset.namespace());
                AssetEntry entry = requireAsset(place.branch(), asset);
                Asset current = entry.asset();
                Conflicts.requireMetadataLocation(
                    asset, commit.expected(), current.metadataLocation());
                Instant now = Timestamps.now(clock);
                Asset next =
                    MetadataCommits.apply(entry, commit, StoredProperties.COMMIT_FIELD, now);
                place.commit(List.of(updated(current, next)), meta, now);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> commits, CommitMeta meta) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          List<AssetCommit> parts = Requests.assetCommits(commits, "commits");
          VersionRequests.commitMeta(meta, "meta");
          return registry.write(
              tenant,
              state -> {
                // Validation put every part on the branch of the first.
                BranchRef branchRef = parts.get(0).asset().branch();
                CatalogState catalog = state.requireCatalog(branchRef.catalog());
                BranchState branch = catalog.requireBranch(branchRef);
                List<AssetEntry> entries = new ArrayList<>(parts.size());
                List<Asset> before = new ArrayList<>(parts.size());
                for (AssetCommit part : parts) {
                  catalog.requireNamespace(part.asset().namespace());
                  AssetEntry entry = requireAsset(branch, part.asset());
                  entries.add(entry);
                  before.add(entry.asset());
                }
                Instant now = Timestamps.now(clock);
                List<Asset> committed = MetadataCommits.applyAll(parts, entries, now);
                List<AssetChange> changes = new ArrayList<>(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                  changes.add(updated(before.get(i), committed.get(i)));
                }
                catalog.commitOnto(branch, changes, meta, now);
                return committed;
              });
        });
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> history(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          ListQuery query = ListQuery.history(tenant, asset);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                AssetEntry entry = requireAsset(state, asset);
                List<MetadataLocation> fetched =
                    entry.historyBefore(cursor.beforeSequence(), cursor.fetchSize());
                return query.page(fetched, cursor, location -> Long.toString(location.sequence()));
              });
        });
  }

  /**
   * The catalog and branch of {@code branch}, after checking that they and {@code namespace} exist
   * ({@code NotFoundException} naming the first one missing).
   */
  private static Place requirePlace(TenantState state, BranchRef branch, NamespacePath namespace) {
    CatalogState catalog = state.requireCatalog(branch.catalog());
    BranchState found = catalog.requireBranch(branch);
    catalog.requireNamespace(namespace);
    return new Place(catalog, found);
  }

  private static AssetEntry requireAsset(TenantState state, AssetRef asset) {
    return requireAsset(requirePlace(state, asset.branch(), asset.namespace()).branch(), asset);
  }

  private static AssetEntry requireAsset(BranchState branch, AssetRef asset) {
    return branch.asset(asset.namespace(), asset.name()).orElseThrow(() -> Missing.asset(asset));
  }

  /** The operation of a change that kept the asset at its key, even if its content is equal. */
  private static AssetChange updated(Asset before, Asset after) {
    return AssetChange.updated(
        AssetKey.of(before.ref()), AssetContent.of(before), AssetContent.of(after));
  }

  /** Where an asset change happens: its catalog, whose history records it, and its branch. */
  private record Place(CatalogState catalog, BranchState branch) {
    /** Appends the one commit of a change already made on the branch. */
    void commit(List<AssetChange> changes, CommitMeta meta, Instant now) {
      catalog.commitOnto(branch, changes, meta, now);
    }
  }
}
