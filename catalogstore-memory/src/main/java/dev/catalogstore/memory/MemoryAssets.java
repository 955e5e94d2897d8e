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
 */
final class MemoryAssets implements Assets {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryAssets(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Asset> create(TenantId tenant, AssetRef asset, NewAsset request) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.newAsset(request, "request");
          return registry.write(
              tenant,
              state -> {
                BranchState branch = requireNamespaceOnBranch(state, asset);
                if (branch.asset(asset.namespace(), asset.name()).isPresent()) {
                  throw Taken.asset(asset);
                }
                Instant now = Timestamps.now(clock);
                Asset created =
                    new Asset(
                        freshId(state),
                        asset,
                        request.kind(),
                        request.location(),
                        request.metadataLocation(),
                        request.properties(),
                        now,
                        now);
                AssetEntry entry = new AssetEntry(created);
                request
                    .metadataLocation()
                    .ifPresent(
                        location ->
                            entry.append(new MetadataLocation(1, location, Optional.empty(), now)));
                branch.put(entry);
                state.assetsById().put(created.id(), entry);
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
          return registry.find(
              tenant,
              state -> Optional.ofNullable(state.assetsById().get(id)).map(AssetEntry::asset));
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
                BranchState found = requireNamespaceOnBranch(state, branch, namespace);
                var matching = found.assetsAfter(namespace, cursor.after(), wanted);
                List<Asset> fetched =
                    SortedReads.fetch(matching, cursor).stream().map(AssetEntry::asset).toList();
                return query.page(fetched, cursor, asset -> asset.ref().name());
              });
        });
  }

  @Override
  public CompletableFuture<Asset> rename(
      TenantId tenant, AssetRef from, AssetRef to, AssetExpectation expected) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.assetRename(from, to, expected);
          return registry.write(
              tenant,
              state -> {
                BranchState branch = requireNamespaceOnBranch(state, from);
                AssetEntry entry = requireAsset(branch, from);
                Conflicts.requireExpected(from, expected, entry.asset());
                // Same catalog and branch as from (checked above), so only the namespace can miss.
                requireNamespaceOnBranch(state, to);
                if (branch.asset(to.namespace(), to.name()).isPresent()) {
                  throw Taken.asset(to);
                }
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
                        Timestamps.notBefore(clock, current.updatedAt()));
                branch.remove(from.namespace(), from.name());
                entry.replace(moved);
                branch.put(entry);
                return moved;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> updateProperties(
      TenantId tenant, AssetRef asset, PropertyUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Inputs.propertyUpdate(update, "update");
          return registry.write(
              tenant,
              state -> {
                AssetEntry entry = requireAsset(state, asset);
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
                        Timestamps.notBefore(clock, current.updatedAt()));
                entry.replace(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(
      TenantId tenant, AssetRef asset, AssetExpectation expected) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.assetExpectation(expected, "expected");
          return registry.write(
              tenant,
              state -> {
                BranchState branch = requireNamespaceOnBranch(state, asset);
                AssetEntry entry = requireAsset(branch, asset);
                Conflicts.requireExpected(asset, expected, entry.asset());
                branch.remove(asset.namespace(), asset.name());
                state.assetsById().remove(entry.asset().id());
                return null;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> commitMetadataLocation(
      TenantId tenant, AssetRef asset, MetadataCommit commit) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          Requests.metadataCommit(commit, "commit");
          return registry.write(
              tenant,
              state -> {
                AssetEntry entry = requireAsset(state, asset);
                Conflicts.requireMetadataLocation(
                    asset, commit.expected(), entry.asset().metadataLocation());
                return MetadataCommits.apply(
                    entry, commit, StoredProperties.COMMIT_FIELD, Timestamps.now(clock));
              });
        });
  }

  @Override
  public CompletableFuture<List<Asset>> commitMetadataLocations(
      TenantId tenant, List<AssetCommit> commits) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          List<AssetCommit> parts = Requests.assetCommits(commits, "commits");
          return registry.write(
              tenant,
              state -> {
                // Validation put every part on the branch of the first.
                BranchRef branchRef = parts.get(0).asset().branch();
                CatalogState catalog = state.requireCatalog(branchRef.catalog());
                BranchState branch = catalog.requireBranch(branchRef);
                List<AssetEntry> entries = new ArrayList<>(parts.size());
                for (AssetCommit part : parts) {
                  catalog.requireNamespace(part.asset().namespace());
                  entries.add(requireAsset(branch, part.asset()));
                }
                return MetadataCommits.applyAll(parts, entries, Timestamps.now(clock));
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
   * The branch {@code branch}, after checking that its catalog, the branch and {@code namespace}
   * exist ({@code NotFoundException} naming the first one missing).
   */
  private static BranchState requireNamespaceOnBranch(
      TenantState state, BranchRef branch, NamespacePath namespace) {
    CatalogState catalog = state.requireCatalog(branch.catalog());
    BranchState found = catalog.requireBranch(branch);
    catalog.requireNamespace(namespace);
    return found;
  }

  /** The branch {@code asset} lives on, after checking that its namespace exists. */
  private static BranchState requireNamespaceOnBranch(TenantState state, AssetRef asset) {
    return requireNamespaceOnBranch(state, asset.branch(), asset.namespace());
  }

  private static AssetEntry requireAsset(TenantState state, AssetRef asset) {
    return requireAsset(requireNamespaceOnBranch(state, asset), asset);
  }

  private static AssetEntry requireAsset(BranchState branch, AssetRef asset) {
    return branch.asset(asset.namespace(), asset.name()).orElseThrow(() -> Missing.asset(asset));
  }

  /** A fresh id, unused in the tenant (a random UUID collision is retried, not trusted away). */
  private static AssetId freshId(TenantState state) {
    AssetId id = AssetId.random();
    while (state.assetsById().containsKey(id)) {
      id = AssetId.random();
    }
    return id;
  }
}
