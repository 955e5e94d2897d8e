package dev.catalogstore.memory;

import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.spi.VersionRequests;
import dev.catalogstore.api.tag.Tag;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.api.tag.Tags;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Tags in memory: per catalog, by name in code-point order. A tag is created under the tenant's
 * write lock, so the commit it names (a branch's head included) is read in the same step as the tag
 * is written; it can only name a commit of its own catalog, since the commit is looked up in that
 * catalog's history only.
 *
 * <p>Cost: a get or delete is a tree lookup; a list page O(log n + page size).
 */
final class MemoryTags implements Tags {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryTags(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Tag> create(TenantId tenant, TagRef tag, CommitRef target) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          VersionRequests.commitRefIn(tag.catalog(), target, "target");
          return registry.write(
              tenant,
              state -> {
                CommitRefs.Resolved found = CommitRefs.resolve(state, tenant, target);
                if (found.catalog().tags().containsKey(tag.tag())) {
                  throw Taken.tag(tag);
                }
                Tag created = new Tag(tag, found.commit(), Timestamps.now(clock));
                found.catalog().tags().put(tag.tag(), created);
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Tag>> get(TenantId tenant, TagRef tag) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          return registry.find(
              tenant,
              state ->
                  state
                      .catalog(tag.catalog())
                      .flatMap(catalog -> Optional.ofNullable(catalog.tags().get(tag.tag()))));
        });
  }

  @Override
  public CompletableFuture<Page<Tag>> list(TenantId tenant, String catalog, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.name(catalog, "catalog");
          ListQuery query = ListQuery.tags(tenant, catalog);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state ->
                  query.page(
                      SortedReads.fetch(state.requireCatalog(catalog).tags(), cursor),
                      cursor,
                      found -> found.ref().tag()));
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, TagRef tag) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          VersionRequests.tag(tag, "tag");
          return registry.write(
              tenant,
              state -> {
                if (state.requireCatalog(tag.catalog()).tags().remove(tag.tag()) == null) {
                  throw Missing.tag(tag);
                }
                return null;
              });
        });
  }
}
