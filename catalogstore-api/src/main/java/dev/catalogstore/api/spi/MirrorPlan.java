package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.federation.SyncStats;
import dev.catalogstore.api.federation.SyncStatus;
import dev.catalogstore.api.namespace.NamespacePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a sync changes to make a federated catalog's {@code main} branch hold exactly what the
 * remote holds (DESIGN §2.9), written once for every backend. A backend reads the mirror as it is,
 * inside the atomic step that applies the plan, so a plan is always relative to the state it
 * changes; then it applies the parts in the order they are listed here: tables removed, namespaces
 * removed (children first), namespaces added (parents first) and updated, tables added and updated.
 *
 * @param namespacesToAdd namespaces to create, parents first, with their properties
 * @param namespacesToUpdate namespaces whose properties become those given
 * @param namespacesToRemove namespaces to delete, children first; each is empty once {@link
 *     #assetsToRemove} are gone
 * @param tablesToAdd Iceberg tables to create, with their metadata locations
 * @param tablesToUpdate Iceberg tables whose metadata location moves, with the new one
 * @param assetsToRemove assets to delete: every asset the remote does not list as a table, and
 *     every asset of another kind where the remote lists a table (which is then added)
 */
public record MirrorPlan(
    Map<NamespacePath, Map<String, String>> namespacesToAdd,
    Map<NamespacePath, Map<String, String>> namespacesToUpdate,
    List<NamespacePath> namespacesToRemove,
    Map<AssetKey, String> tablesToAdd,
    Map<AssetKey, TableMove> tablesToUpdate,
    List<AssetKey> assetsToRemove) {

  /**
   * A table's metadata location moving.
   *
   * @param from the location the mirror holds; empty if it holds none yet
   * @param to the remote's location
   */
  public record TableMove(Optional<String> from, String to) {
    public TableMove {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }
  }

  /**
   * An asset the mirror holds now.
   *
   * @param kind what it is
   * @param metadataLocation its metadata location, if it has one
   */
  public record MirroredAsset(AssetKind kind, Optional<String> metadataLocation) {
    public MirroredAsset {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(metadataLocation, "metadataLocation");
    }
  }

  public MirrorPlan {
    namespacesToAdd = Collections.unmodifiableMap(namespacesToAdd);
    namespacesToUpdate = Collections.unmodifiableMap(namespacesToUpdate);
    namespacesToRemove = List.copyOf(namespacesToRemove);
    tablesToAdd = Collections.unmodifiableMap(tablesToAdd);
    tablesToUpdate = Collections.unmodifiableMap(tablesToUpdate);
    assetsToRemove = List.copyOf(assetsToRemove);
  }

  /**
   * The plan that turns the mirror, as {@code namespaces} (every namespace of the catalog, with its
   * properties) and {@code assets} (every asset on its {@code main} branch) hold it, into {@code
   * remote}. An implied namespace (an ancestor the remote did not list) is created with no
   * properties if missing, and otherwise left as it is.
   */
  public static MirrorPlan between(
      RemoteSnapshot remote,
      Map<NamespacePath, Map<String, String>> namespaces,
      Map<AssetKey, MirroredAsset> assets) {
    Map<NamespacePath, Map<String, String>> toAdd = new TreeMap<>(RemoteSnapshot.PARENTS_FIRST);
    Map<NamespacePath, Map<String, String>> toUpdate = new TreeMap<>(RemoteSnapshot.PARENTS_FIRST);
    for (Map.Entry<NamespacePath, Map<String, String>> listed : remote.namespaces().entrySet()) {
      Map<String, String> held = namespaces.get(listed.getKey());
      if (held == null) {
        toAdd.put(listed.getKey(), listed.getValue());
      } else if (!held.equals(listed.getValue())) {
        toUpdate.put(listed.getKey(), listed.getValue());
      }
    }
    for (NamespacePath implied : remote.implied()) {
      if (!namespaces.containsKey(implied)) {
        toAdd.put(implied, Map.of());
      }
    }
    List<NamespacePath> toRemove = new ArrayList<>();
    for (NamespacePath held : namespaces.keySet()) {
      if (!remote.tables().containsKey(held)) {
        toRemove.add(held);
      }
    }
    toRemove.sort(RemoteSnapshot.PARENTS_FIRST.reversed());

    Map<AssetKey, String> tablesToAdd = new TreeMap<>();
    Map<AssetKey, TableMove> tablesToUpdate = new TreeMap<>();
    List<AssetKey> assetsToRemove = new ArrayList<>();
    for (Map.Entry<AssetKey, MirroredAsset> held : assets.entrySet()) {
      AssetKey key = held.getKey();
      String remoteLocation =
          remote.tables().getOrDefault(key.namespace(), Map.of()).get(key.name());
      MirroredAsset asset = held.getValue();
      if (remoteLocation == null || asset.kind() != AssetKind.ICEBERG_TABLE) {
        assetsToRemove.add(key);
      } else if (!asset.metadataLocation().equals(Optional.of(remoteLocation))) {
        tablesToUpdate.put(key, new TableMove(asset.metadataLocation(), remoteLocation));
      }
    }
    for (Map.Entry<NamespacePath, Map<String, String>> namespace : remote.tables().entrySet()) {
      for (Map.Entry<String, String> table : namespace.getValue().entrySet()) {
        AssetKey key = new AssetKey(namespace.getKey(), table.getKey());
        MirroredAsset held = assets.get(key);
        if (held == null || held.kind() != AssetKind.ICEBERG_TABLE) {
          tablesToAdd.put(key, table.getValue());
        }
      }
    }
    assetsToRemove.sort(Comparator.naturalOrder());
    return new MirrorPlan(toAdd, toUpdate, toRemove, tablesToAdd, tablesToUpdate, assetsToRemove);
  }

  /** Whether the plan changes no asset, so that the sync writes no commit. */
  public boolean changesNoAsset() {
    return tablesToAdd.isEmpty() && tablesToUpdate.isEmpty() && assetsToRemove.isEmpty();
  }

  /** The stats of a sync of {@code catalog} that applied this plan. */
  public SyncStats succeeded(String catalog, Instant startedAt, Instant finishedAt) {
    return new SyncStats(
        catalog,
        startedAt,
        finishedAt,
        namespacesToAdd.size(),
        namespacesToUpdate.size(),
        namespacesToRemove.size(),
        tablesToAdd.size(),
        tablesToUpdate.size(),
        assetsToRemove.size(),
        SyncStatus.SUCCEEDED,
        Optional.empty());
  }
}
