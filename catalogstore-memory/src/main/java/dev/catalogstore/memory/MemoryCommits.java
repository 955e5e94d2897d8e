package dev.catalogstore.memory;

import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.commit.Commits;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reading a catalog's commits in memory. Commits are immutable once written, and every read runs
 * under the tenant's read lock, so it sees each branch's head together with the commits it reaches.
 *
 * <p>Cost: a get is one hash probe; an ancestry page follows first-parent links, one probe per
 * commit returned, from the commit it starts at, however long the history below is; a page of
 * operations is a slice of the commit's key-sorted operations, O(page size).
 */
final class MemoryCommits implements Commits {
  private final TenantRegistry registry;

  MemoryCommits(TenantRegistry registry) {
    this.registry = registry;
  }

  @Override
  public CompletableFuture<Optional<Commit>> get(TenantId tenant, String catalog, CommitId id) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          VersionRequests.commitId(id, "id");
          return registry.find(
              tenant,
              state ->
                  state
                      .catalog(catalog)
                      .flatMap(found -> found.commits().find(id))
                      .map(StoredCommit::commit));
        });
  }

  @Override
  public CompletableFuture<Page<Commit>> ancestry(
      TenantId tenant, CommitRef from, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.commitRef(from, "from");
          ListQuery query = ListQuery.ancestry(tenant, from);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                CommitRefs.Resolved start = CommitRefs.resolve(state, tenant, from);
                CommitLog log = start.catalog().commits();
                // A next page continues below the last commit returned, wherever from points now.
                Optional<CommitId> next =
                    cursor.afterCommit().isPresent()
                        ? cursor
                            .afterCommit()
                            .flatMap(log::find)
                            .flatMap(last -> last.commit().firstParent())
                        : Optional.of(start.commit());
                List<Commit> fetched = new ArrayList<>(cursor.fetchSize());
                while (next.isPresent() && fetched.size() < cursor.fetchSize()) {
                  Commit commit = log.find(next.get()).orElseThrow().commit();
                  fetched.add(commit);
                  next = commit.firstParent();
                }
                return query.page(fetched, cursor, commit -> commit.id().toString());
              });
        });
  }

  @Override
  public CompletableFuture<Page<AssetChange>> operations(
      TenantId tenant, String catalog, CommitId id, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          VersionRequests.commitId(id, "id");
          ListQuery query = ListQuery.operations(tenant, catalog, id);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                StoredCommit commit =
                    state
                        .requireCatalog(catalog)
                        .commits()
                        .find(id)
                        .orElseThrow(() -> Missing.commit(catalog, id));
                List<AssetChange> operations = commit.operations();
                // Ordinal n is index n - 1, so the page after ordinal k starts at index k.
                int start = (int) Math.min(cursor.afterSequence(), operations.size());
                int end = Math.min(operations.size(), start + cursor.fetchSize());
                List<AssetChange> fetched = operations.subList(start, end);
                // Keys are unique in a commit, so indexOf finds the item itself.
                return query.page(
                    fetched, cursor, last -> Long.toString(start + fetched.indexOf(last) + 1L));
              });
        });
  }
}
