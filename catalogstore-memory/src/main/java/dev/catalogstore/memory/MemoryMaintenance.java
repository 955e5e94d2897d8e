package dev.catalogstore.memory;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.HistoryPruning;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * Maintenance in memory. Each run holds the tenant's write lock from its first check to its last
 * write: it gathers the locations the catalog still references ({@link
 * CatalogState#referencedLocations}), lets the shared {@link HistoryPruning} decide, removes the
 * pruned entries from the histories (the rest keep their sequences) and records its audit event in
 * the store-wide log before the lock is released. So no reader sees the pruned history without the
 * event, or the event without the pruning, and a run that fails (a missing asset) changes and
 * records nothing.
 *
 * <p>Cost: the catalog's assets on every branch head, plus the commits below each tagged commit,
 * plus the history entries in question.
 */
final class MemoryMaintenance implements Maintenance {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryMaintenance(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<ExpiredSnapshots> expireSnapshots(
      TenantId tenant, AssetRef asset, Duration retention, AuditActor actor) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          OperationsRequests.retention(retention, "retention");
          OperationsRequests.actor(actor, "actor");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(asset.catalog());
                AssetEntry entry = requireAsset(catalog, asset);
                Instant now = Timestamps.now(clock);
                Instant cutoff = OperationsRequests.cutoff(now, retention);
                List<MetadataLocation> pruned =
                    HistoryPruning.prunable(
                        entry.history(),
                        MetadataLocation::committedAt,
                        MetadataLocation::location,
                        cutoff,
                        catalog.referencedLocations());
                entry.prune(pruned);
                AuditEvent event =
                    registry
                        .auditEvents()
                        .record(
                            tenant,
                            OperationsAudit.expiredSnapshots(
                                actor, asset, entry.asset().id(), retention, cutoff, pruned.size()),
                            now);
                return new ExpiredSnapshots(cutoff, pruned, event.id());
              });
        });
  }

  @Override
  public CompletableFuture<OrphanFiles> removeOrphanFiles(
      TenantId tenant, AssetRef asset, Instant olderThan, AuditActor actor) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          OperationsRequests.olderThan(olderThan, "olderThan");
          OperationsRequests.actor(actor, "actor");
          return registry.write(
              tenant,
              state -> {
                CatalogState catalog = state.requireCatalog(asset.catalog());
                AssetEntry entry = requireAsset(catalog, asset);
                // The entries of the asset's address on every branch, each with its own history.
                List<Recorded> recorded = new ArrayList<>();
                for (BranchState branch : catalog.branches().values()) {
                  branch
                      .asset(asset.namespace(), asset.name())
                      .ifPresent(
                          held ->
                              held.history()
                                  .forEach(location -> recorded.add(new Recorded(held, location))));
                }
                List<Recorded> pruned =
                    HistoryPruning.prunable(
                        recorded,
                        r -> r.location().committedAt(),
                        r -> r.location().location(),
                        olderThan,
                        catalog.referencedLocations());
                Set<String> locations = new TreeSet<>(CodePointOrder.STRINGS);
                for (Recorded gone : pruned) {
                  gone.entry().prune(List.of(gone.location()));
                  locations.add(gone.location().location());
                }
                AuditEvent event =
                    registry
                        .auditEvents()
                        .record(
                            tenant,
                            OperationsAudit.removedOrphanFiles(
                                actor,
                                asset,
                                entry.asset().id(),
                                olderThan,
                                locations.size(),
                                pruned.size()),
                            Timestamps.now(clock));
                return new OrphanFiles(
                    olderThan, List.copyOf(locations), pruned.size(), event.id());
              });
        });
  }

  /** The asset, after checking its branch and namespace ({@code NotFoundException} otherwise). */
  private static AssetEntry requireAsset(CatalogState catalog, AssetRef asset) {
    BranchState branch = catalog.requireBranch(asset.branch());
    catalog.requireNamespace(asset.namespace());
    Optional<AssetEntry> entry = branch.asset(asset.namespace(), asset.name());
    return entry.orElseThrow(() -> Missing.asset(asset));
  }

  /** A history entry with the asset entry whose history holds it. */
  private record Recorded(AssetEntry entry, MetadataLocation location) {}
}
