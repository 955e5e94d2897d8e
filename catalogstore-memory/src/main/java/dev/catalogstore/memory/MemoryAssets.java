package dev.catalogstore.memory;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetOperations;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.common.Timestamps;
import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ConflictException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.validation.Inputs;
import dev.catalogstore.api.validation.Requests;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Assets in memory. Each asset is one {@link AssetEntry} reachable through two indexes kept in
 * step under the tenant's write lock: by coordinates in its {@link BranchState}, and by id in its
 * {@link TenantState}. The metadata-pointer compare-and-set runs entirely under that lock, so of
 * any number of concurrent commits with the same expected location exactly one succeeds.
 */
final class MemoryAssets implements AssetOperations {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryAssets(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Asset> createAsset(TenantId tenant, AssetRef asset, NewAsset request) {
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
                  throw new AlreadyExistsException("asset " + asset + " already exists");
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
                            entry.append(
                                new MetadataLocation(1, location, Optional.empty(), now)));
                branch.put(entry);
                state.assetsById().put(created.id(), entry);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Asset>> getAsset(TenantId tenant, AssetRef asset) {
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
  public CompletableFuture<Optional<Asset>> getAssetById(TenantId tenant, AssetId id) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.assetId(id, "id");
          return registry.find(
              tenant,
              state -> Optional.ofNullable(state.assetsById().get(id)).map(AssetEntry::asset));
        });
  }

  @Override
  public CompletableFuture<Page<Asset>> listAssets(
      TenantId tenant, BranchRef branch, NamespacePath namespace, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          Inputs.namespacePath(namespace, "namespace");
          int limit = Listing.limit(page);
          List<String> arguments = new ArrayList<>();
          arguments.add(branch.catalog());
          arguments.add(branch.branch());
          arguments.addAll(namespace.segments());
          Listing listing = new Listing(tenant, "assets", arguments);
          Optional<String> after = listing.after(page);
          return registry.read(
              tenant,
              state -> {
                var inNamespace =
                    requireNamespaceOnBranch(state, branch, namespace).assetsIn(namespace);
                List<Asset> fetched =
                    Listing.fetchAfter(inNamespace, after, limit).stream()
                        .map(AssetEntry::asset)
                        .toList();
                return listing.page(fetched, limit, asset -> asset.ref().name());
              });
        });
  }

  @Override
  public CompletableFuture<Asset> renameAsset(TenantId tenant, AssetRef from, AssetRef to) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(from, "from");
          Requests.asset(to, "to");
          if (!from.branch().equals(to.branch())) {
            throw new InvalidArgumentException(
                "to.branch", "an asset moves only within its catalog and branch " + from.branch());
          }
          return registry.write(
              tenant,
              state -> {
                BranchState branch = requireNamespaceOnBranch(state, from);
                AssetEntry entry = requireAsset(branch, from);
                // Same catalog and branch as from (checked above), so only the namespace can miss.
                requireNamespaceOnBranch(state, to);
                if (branch.asset(to.namespace(), to.name()).isPresent()) {
                  throw new AlreadyExistsException("asset " + to + " already exists");
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
                        Timestamps.now(clock));
                branch.remove(from.namespace(), from.name());
                entry.replace(moved);
                branch.put(entry);
                return moved;
              });
        });
  }

  @Override
  public CompletableFuture<Asset> updateAssetProperties(
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
                    withChange(
                        current,
                        current.metadataLocation(),
                        update.applyTo(current.properties()),
                        Timestamps.now(clock));
                entry.replace(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> deleteAsset(TenantId tenant, AssetRef asset) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          return registry.write(
              tenant,
              state -> {
                BranchState branch = requireNamespaceOnBranch(state, asset);
                AssetEntry entry = requireAsset(branch, asset);
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
                Asset current = entry.asset();
                Optional<String> stored = current.metadataLocation();
                if (!stored.equals(commit.expected())) {
                  throw new ConflictException(
                      "the metadata location of asset "
                          + asset
                          + " is not the expected one "
                          + commit.expected().orElse("<none>"),
                      stored.orElse(null));
                }
                Instant now = Timestamps.now(clock);
                entry.append(
                    new MetadataLocation(entry.lastSequence() + 1, commit.next(), stored, now));
                Asset next =
                    withChange(current, Optional.of(commit.next()), current.properties(), now);
                entry.replace(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Page<MetadataLocation>> listMetadataHistory(
      TenantId tenant, AssetRef asset, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          int limit = Listing.limit(page);
          List<String> arguments = new ArrayList<>();
          arguments.add(asset.catalog());
          arguments.add(asset.branch().branch());
          arguments.addAll(asset.namespace().segments());
          arguments.add(asset.name());
          Listing listing = new Listing(tenant, "metadata-history", arguments);
          long before = listing.afterSequence(page).orElse(Long.MAX_VALUE);
          return registry.read(
              tenant,
              state -> {
                AssetEntry entry = requireAsset(state, asset);
                List<MetadataLocation> fetched = entry.historyBefore(before, limit + 1);
                return listing.page(
                    fetched, limit, location -> Long.toString(location.sequence()));
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
    return branch
        .asset(asset.namespace(), asset.name())
        .orElseThrow(() -> Errors.assetNotFound(asset));
  }

  /** A fresh id, unused in the tenant (a random UUID collision is retried, not trusted away). */
  private static AssetId freshId(TenantState state) {
    AssetId id = AssetId.random();
    while (state.assetsById().containsKey(id)) {
      id = AssetId.random();
    }
    return id;
  }

  private static Asset withChange(
      Asset current,
      Optional<String> metadataLocation,
      Map<String, String> properties,
      Instant now) {
    return new Asset(
        current.id(),
        current.ref(),
        current.kind(),
        current.location(),
        metadataLocation,
        properties,
        current.createdAt(),
        now);
  }
}
