package dev.catalogstore.jdbc.maintenance;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEventId;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.maintenance.Maintenance;
import dev.catalogstore.api.maintenance.OrphanFiles;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.HistoryPruning;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.spi.OperationsAudit;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.audit.AuditSql;
import dev.catalogstore.jdbc.commit.StoredHistory;
import dev.catalogstore.jdbc.sql.Database;
import dev.catalogstore.jdbc.sql.SqlText;
import dev.catalogstore.jdbc.sql.Violations;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The maintenance facet on PostgreSQL. Each run is one transaction ({@link MaintenanceSql}): it
 * locks the asset (and, for an orphan sweep, the assets at its address on every branch), reads
 * their history and what references the candidates' locations, lets {@link HistoryPruning} decide,
 * removes the pruned entries and records the run's audit event, so the prune and its event commit
 * together or not at all. Internal to the JDBC store.
 */
public final class JdbcMaintenance implements Maintenance {
  private final Database db;
  private final MaintenanceSql sql;
  private final AuditSql audit;
  private final StoredHistory.Statements histories;

  public JdbcMaintenance(Database db, SqlText sqlText, AuditSql audit) {
    this.db = db;
    this.sql = new MaintenanceSql(sqlText);
    this.audit = audit;
    this.histories = StoredHistory.statements(sqlText);
  }

  @Override
  public CompletableFuture<ExpiredSnapshots> expireSnapshots(
      TenantId tenant, AssetRef asset, Duration retention, AuditActor actor) {
    return db.submit(
        "maintenance.expireSnapshots",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          OperationsRequests.retention(retention, "retention");
          OperationsRequests.actor(actor, "actor");
          return db.transaction(
              "maintenance.expireSnapshots",
              Violations.NONE,
              connection -> {
                MaintenanceSql.Locked locked = lock(connection, tenant, asset);
                // Read after the locks: the cutoff is never before a commit that held them first.
                Instant now = db.now();
                Instant cutoff = OperationsRequests.cutoff(now, retention);
                List<MaintenanceSql.Entry> pruned =
                    prune(
                        connection, tenant, locked.catalogId(), List.of(locked.assetId()), cutoff);
                NewAuditEvent event =
                    OperationsAudit.expiredSnapshots(
                        actor,
                        asset,
                        new AssetId(locked.assetId()),
                        retention,
                        cutoff,
                        pruned.size());
                AuditEventId id = record(connection, tenant, now, event);
                return new ExpiredSnapshots(
                    cutoff,
                    pruned.stream().map(MaintenanceSql.Entry::metadataLocation).toList(),
                    id);
              });
        });
  }

  @Override
  public CompletableFuture<OrphanFiles> removeOrphanFiles(
      TenantId tenant, AssetRef asset, Instant olderThan, AuditActor actor) {
    return db.submit(
        "maintenance.removeOrphanFiles",
        () -> {
          Requests.tenant(tenant);
          Requests.asset(asset, "asset");
          OperationsRequests.olderThan(olderThan, "olderThan");
          OperationsRequests.actor(actor, "actor");
          return db.transaction(
              "maintenance.removeOrphanFiles",
              Violations.NONE,
              connection -> {
                MaintenanceSql.Locked locked = lock(connection, tenant, asset);
                List<UUID> address =
                    sql.lockAddress(connection, tenant, locked.namespaceId(), asset.name());
                Instant now = db.now();
                List<MaintenanceSql.Entry> pruned =
                    prune(connection, tenant, locked.catalogId(), address, olderThan);
                TreeSet<String> locations = new TreeSet<>(CodePointOrder.STRINGS);
                pruned.forEach(entry -> locations.add(entry.location()));
                NewAuditEvent event =
                    OperationsAudit.removedOrphanFiles(
                        actor,
                        asset,
                        new AssetId(locked.assetId()),
                        olderThan,
                        locations.size(),
                        pruned.size());
                AuditEventId id = record(connection, tenant, now, event);
                return new OrphanFiles(olderThan, List.copyOf(locations), pruned.size(), id);
              });
        });
  }

  /** Locks the asset; {@code NotFoundException} for the outermost missing part of its address. */
  private MaintenanceSql.Locked lock(Connection connection, TenantId tenant, AssetRef asset)
      throws SQLException {
    MaintenanceSql.Locked locked = sql.lock(connection, tenant, asset);
    if (locked.missing().isPresent()) {
      throw Missing.along(locked.missing().get(), tenant, asset);
    }
    return locked;
  }

  /**
   * Removes the entries of the (locked) assets' histories committed before {@code cutoff} whose
   * location nothing references, and returns them, in the order read (by asset, then sequence).
   */
  private List<MaintenanceSql.Entry> prune(
      Connection connection, TenantId tenant, UUID catalogId, List<UUID> assetIds, Instant cutoff)
      throws SQLException {
    List<MaintenanceSql.Entry> entries = sql.history(connection, tenant, assetIds);
    Set<String> candidates = new HashSet<>();
    for (MaintenanceSql.Entry entry : entries) {
      if (entry.committedAt().isBefore(cutoff)) {
        candidates.add(entry.location());
      }
    }
    if (candidates.isEmpty()) {
      return List.of();
    }
    Set<String> referenced = sql.referencedByHeads(connection, tenant, catalogId, candidates);
    referenced.addAll(taggedLocations(connection, tenant, catalogId));
    List<MaintenanceSql.Entry> pruned =
        HistoryPruning.prunable(
            entries,
            MaintenanceSql.Entry::committedAt,
            MaintenanceSql.Entry::location,
            cutoff,
            referenced);
    int removed = sql.delete(connection, tenant, pruned);
    if (removed != pruned.size()) {
      // The rows are locked through their assets: nothing else can have removed them.
      throw new IllegalStateException(
          "maintenance removed "
              + removed
              + " history entries, not the "
              + pruned.size()
              + " read");
    }
    return new ArrayList<>(pruned);
  }

  /** The locations the assets hold in the content of each commit a tag of the catalog names. */
  private Set<String> taggedLocations(Connection connection, TenantId tenant, UUID catalogId)
      throws SQLException {
    List<CommitId> tagged = sql.taggedCommits(connection, tenant, catalogId);
    if (tagged.isEmpty()) {
      return Set.of();
    }
    return StoredHistory.unwrapping(
        connection,
        c -> {
          StoredHistory history = histories.open(c, tenant, catalogId);
          CommitId root = history.root(tagged.get(0));
          return HistoryPruning.taggedLocations(history, root, tagged);
        });
  }

  /** Inserts the run's event in the run's transaction; the tenant is locked through its catalog. */
  private AuditEventId record(
      Connection connection, TenantId tenant, Instant now, NewAuditEvent event)
      throws SQLException {
    AuditEventId id = AuditEventId.random();
    audit.insert(connection, tenant, id, now, event).orElseThrow(() -> Missing.tenant(tenant));
    return id;
  }
}
