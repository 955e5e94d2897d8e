package dev.catalogstore.jdbc.federation;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.spi.MirrorPlan;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.jdbc.commit.CommitWrites;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Applies a {@link MirrorPlan} to a federated catalog whose {@code main} is locked, in the order
 * the plan lists its parts, one set-based statement per part ({@link FederationSql}): assets
 * removed (their history with them), namespaces removed (children and parents in one statement),
 * namespaces added (new ids, parents and children in one statement) and updated, tables added
 * (history entry 1) and moved (history appended), then the one commit of every asset change on
 * {@code main} (skipped when the plan changes no asset). Each statement must change exactly the
 * rows planned: everything it touches is read under the branch's lock or locked itself (the
 * catalog's namespaces), so any other count is a defect.
 */
final class MirrorWrites {
  /** The author and message of a sync's commit, as on every backend. */
  static final CommitMeta SYNC_COMMIT = CommitMeta.of("catalogstore", "federation sync");

  private final FederationSql sql;

  MirrorWrites(FederationSql sql) {
    this.sql = sql;
  }

  /**
   * Applies {@code plan}, computed from {@code namespaces} and {@code assets} (the mirror read
   * under the lock of {@code main}), stamped {@code now}.
   */
  void apply(
      Connection connection,
      TenantId tenant,
      UUID catalogId,
      FederationSql.Main main,
      Map<NamespacePath, FederationSql.MirroredNamespace> namespaces,
      Map<AssetKey, FederationSql.MirroredAsset> assets,
      MirrorPlan plan,
      Instant now)
      throws SQLException {
    Map<AssetKey, AssetChange> changes = new TreeMap<>();

    List<UUID> removed = new ArrayList<>();
    for (AssetKey key : plan.assetsToRemove()) {
      FederationSql.MirroredAsset asset = assets.get(key);
      removed.add(asset.id());
      changes.put(key, AssetChange.deleted(key, asset.content()));
    }
    expect(
        "assets removed",
        removed.size(),
        sql.deleteAssets(connection, tenant, main.branchId(), removed));

    List<UUID> namespacesRemoved = new ArrayList<>();
    Map<NamespacePath, UUID> namespaceIds = new HashMap<>();
    namespaces.forEach((path, namespace) -> namespaceIds.put(path, namespace.id()));
    for (NamespacePath path : plan.namespacesToRemove()) {
      namespacesRemoved.add(namespaceIds.remove(path));
    }
    expect(
        "namespaces removed",
        namespacesRemoved.size(),
        sql.deleteNamespaces(connection, tenant, catalogId, namespacesRemoved));

    Map<NamespacePath, FederationSql.MirroredNamespace> added = new LinkedHashMap<>();
    plan.namespacesToAdd()
        .forEach(
            (path, properties) -> {
              UUID id = UUID.randomUUID();
              added.put(path, new FederationSql.MirroredNamespace(id, properties));
              namespaceIds.put(path, id);
            });
    expect(
        "namespaces added",
        added.size(),
        sql.insertNamespaces(connection, tenant, catalogId, added, now));

    List<UUID> updatedIds = new ArrayList<>();
    List<Map<String, String>> updatedProperties = new ArrayList<>();
    plan.namespacesToUpdate()
        .forEach(
            (path, properties) -> {
              updatedIds.add(namespaceIds.get(path));
              updatedProperties.add(properties);
            });
    expect(
        "namespaces updated",
        updatedIds.size(),
        sql.updateNamespaces(connection, tenant, updatedIds, updatedProperties, now));

    List<UUID> tableIds = new ArrayList<>();
    List<UUID> tableNamespaces = new ArrayList<>();
    List<String> tableNames = new ArrayList<>();
    List<String> tableLocations = new ArrayList<>();
    plan.tablesToAdd()
        .forEach(
            (key, location) -> {
              tableIds.add(UUID.randomUUID());
              tableNamespaces.add(namespaceIds.get(key.namespace()));
              tableNames.add(key.name());
              tableLocations.add(location);
              AssetContent after =
                  new AssetContent(
                      AssetKind.ICEBERG_TABLE, Optional.empty(), Optional.of(location), Map.of());
              // An asset of another kind at the key was removed above: one change replaces it.
              AssetChange replaced = changes.get(key);
              changes.put(
                  key,
                  replaced == null
                      ? AssetChange.created(key, after)
                      : AssetChange.updated(key, replaced.before().orElseThrow(), after));
            });
    expect(
        "tables added",
        tableIds.size(),
        sql.insertTables(
            connection,
            tenant,
            main.branchId(),
            tableIds,
            tableNamespaces,
            tableNames,
            tableLocations,
            now));

    List<UUID> movedIds = new ArrayList<>();
    List<String> movedTo = new ArrayList<>();
    List<String> movedFrom = new ArrayList<>();
    plan.tablesToUpdate()
        .forEach(
            (key, move) -> {
              FederationSql.MirroredAsset asset = assets.get(key);
              movedIds.add(asset.id());
              movedTo.add(move.to());
              movedFrom.add(move.from().orElse(null));
              AssetContent before = asset.content();
              changes.put(
                  key,
                  AssetChange.updated(
                      key,
                      before,
                      new AssetContent(
                          before.kind(),
                          before.location(),
                          Optional.of(move.to()),
                          before.properties())));
            });
    expect(
        "tables moved",
        movedIds.size(),
        sql.moveTables(connection, tenant, main.branchId(), movedIds, movedTo, movedFrom, now));

    if (!plan.changesNoAsset()) {
      // Never before the head it follows, nor before the branch's last update.
      Instant createdAt =
          Timestamps.notBefore(Timestamps.notBefore(now, main.headCreatedAt()), main.updatedAt());
      CommitWrites.NewCommit commit =
          new CommitWrites.NewCommit(
              CommitId.random(),
              List.of(main.head()),
              main.headGeneration() + 1,
              SYNC_COMMIT,
              createdAt,
              List.of(new ArrayList<>(changes.values())));
      expect(
          "heads moved",
          1,
          (int)
              sql.commit(
                  connection,
                  tenant,
                  catalogId,
                  commit,
                  new CommitWrites.HeadMove(
                      main.branchId(), commit.id(), commit.generation(), createdAt, createdAt)));
    }
  }

  private static void expect(String what, int planned, int changed) {
    if (planned != changed) {
      // Everything changed is under the branch's lock, or row-locked when it was read.
      throw new IllegalStateException(
          "the sync changed "
              + changed
              + " rows for "
              + what
              + ", not the "
              + planned
              + " planned");
    }
  }
}
