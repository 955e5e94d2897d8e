package dev.catalogstore.memory;

import dev.catalogstore.api.branch.Branch;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.Branches;
import dev.catalogstore.api.branch.MergeOptions;
import dev.catalogstore.api.branch.MergeResult;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Merges;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Branches in memory. Creating, deleting and merging (but for a dry run) each run entirely under
 * the tenant's write lock, checks first: a new branch's start commit is read in the same step as
 * its assets are copied; a deleted branch's assets leave both indexes with it; and a merge is
 * decided on the target's head as it is while the lock is held and applied before anyone else can
 * move that head, so no change racing onto the target is lost and no reader sees half a merge.
 *
 * <p>Cost: a merge reads the commits since the merge base and touches only the keys either side
 * changed since it ({@link Merges}, {@link MergeApplier}), whatever the size of the catalog; a
 * branch creation costs the assets it copies ({@link BranchCopier}); a list page costs O(log n +
 * page size).
 */
final class MemoryBranches implements Branches {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryBranches(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Branch> create(TenantId tenant, BranchRef branch, NewBranch request) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.newBranch(branch, request, "request");
          return registry.write(
              tenant,
              state -> {
                CommitRefs.Resolved start = CommitRefs.resolve(state, tenant, request.from());
                CatalogState catalog = start.catalog();
                if (catalog.branches().containsKey(branch.branch())) {
                  throw Taken.branch(branch);
                }
                BranchCopier.Contents contents =
                    BranchCopier.contentsAt(
                        catalog, request.from(), start.commit(), request.assets());
                Instant now = Timestamps.now(clock);
                boolean partial = request.assets().isPresent() || contents.incomplete();
                BranchState created =
                    new BranchState(
                        new Branch(branch, request.type(), start.commit(), partial, now, now),
                        catalog.assetsById());
                catalog.branches().put(branch.branch(), created);
                BranchCopier.copy(state, created, contents.contents(), now);
                return created.branch();
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Branch>> get(TenantId tenant, BranchRef branch) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          return registry.find(
              tenant,
              state ->
                  state
                      .catalog(branch.catalog())
                      .flatMap(catalog -> catalog.branch(branch.branch()))
                      .map(BranchState::branch));
        });
  }

  @Override
  public CompletableFuture<Page<Branch>> list(TenantId tenant, String catalog, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          ListQuery query = ListQuery.branches(tenant, catalog);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                List<Branch> fetched =
                    SortedReads.fetch(state.requireCatalog(catalog).branches(), cursor).stream()
                        .map(BranchState::branch)
                        .toList();
                return query.page(fetched, cursor, found -> found.ref().branch());
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, BranchRef branch) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.branch(branch, "branch");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(branch.catalog());
                BranchState found = catalog.requireBranch(branch);
                if (branch.branch().equals(BranchRef.MAIN)) {
                  throw Merges.mainUndeletable(branch);
                }
                // Its commits stay: tags and other branches may reach them.
                catalog.branches().remove(branch.branch());
                found.allAssets().forEach(entry -> catalog.assetsById().remove(entry.asset().id()));
                return null;
              });
        });
  }

  @Override
  public CompletableFuture<MergeResult> merge(
      TenantId tenant, BranchRef source, BranchRef target, MergeOptions options) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.merge(source, target, options);
          Function<TenantState, MergeResult> merge =
              state -> {
                CatalogState catalog = state.requireCatalog(source.catalog());
                BranchState from = catalog.requireBranch(source);
                BranchState into = catalog.requireBranch(target);
                Merges.requireMergeable(source, from.branch().type());
                return merge(catalog, state, from, into, options);
              };
          // A dry run writes nothing, so it shares the lock with other readers.
          return options.dryRun() ? registry.read(tenant, merge) : registry.write(tenant, merge);
        });
  }

  /**
   * Decides the merge and, unless it is a dry run, applies it. The caller holds the tenant's lock:
   * the write lock, so the target's head cannot move between the decision and its application, or
   * for a dry run at least the read lock.
   */
  private MergeResult merge(
      CatalogState catalog,
      TenantState state,
      BranchState from,
      BranchState into,
      MergeOptions options) {
    CommitId targetHead = into.head();
    Merges.Decision decision =
        Merges.decide(
            catalog.commits(),
            from.head(),
            from.branch().partial(),
            targetHead,
            into.branch().partial(),
            key -> into.asset(key.namespace(), key.name()).map(e -> AssetContent.of(e.asset())),
            options.strategy());
    if (options.dryRun()) {
      return decision.result(targetHead, Optional.empty(), true);
    }
    MergeApplier.requireNamespaces(catalog, into, decision.plan().toApply());
    Instant now = Timestamps.now(clock);
    switch (decision.outcome()) {
      case CONFLICTED:
        throw decision.conflictFailure();
      case UP_TO_DATE:
        return decision.result(targetHead, Optional.empty(), false);
      case FAST_FORWARD:
        MergeApplier.apply(state, into, decision.plan().toApply(), now);
        into.moveHead(from.head(), Timestamps.notBefore(now, into.branch().updatedAt()));
        return decision.result(from.head(), Optional.empty(), false);
      case MERGED:
        MergeApplier.apply(state, into, decision.plan().toApply(), now);
        CommitLog log = catalog.commits();
        // Never before either parent, nor before the target's last update.
        Instant createdAt =
            Timestamps.notBefore(
                Timestamps.notBefore(
                    now,
                    latest(
                        log.find(targetHead).orElseThrow(), log.find(from.head()).orElseThrow())),
                into.branch().updatedAt());
        StoredCommit written =
            log.appendMerge(
                targetHead,
                from.head(),
                options.meta(),
                createdAt,
                decision.plan().toApply(),
                decision.secondParentChanges());
        CommitId id = written.commit().id();
        into.moveHead(id, createdAt);
        return decision.result(id, Optional.of(id), false);
      default:
        throw new IllegalStateException("unknown merge outcome " + decision.outcome());
    }
  }

  private static Instant latest(StoredCommit a, StoredCommit b) {
    Instant first = a.commit().createdAt();
    Instant second = b.commit().createdAt();
    return first.isAfter(second) ? first : second;
  }
}
