package dev.catalogstore.api.federation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one sync of a federated catalog did. A failed sync changes nothing, so its counts are zero.
 *
 * @param catalog the federated catalog's name
 * @param startedAt when the sync started, by the store's clock
 * @param finishedAt when it finished (no earlier than {@code startedAt})
 * @param namespacesAdded namespaces created in the mirror
 * @param namespacesUpdated namespaces whose properties changed
 * @param namespacesRemoved namespaces deleted from the mirror
 * @param tablesAdded tables created in the mirror, including one that replaces an asset of another
 *     kind at the address of a remote table
 * @param tablesUpdated tables whose metadata location changed
 * @param tablesRemoved assets deleted from the mirror: those the remote does not list, and those of
 *     another kind at the address of a remote table (each replaced by the table, so it counts here
 *     and in {@code tablesAdded})
 * @param status how it ended
 * @param error why it failed; empty if it succeeded
 */
public record SyncStats(
    String catalog,
    Instant startedAt,
    Instant finishedAt,
    int namespacesAdded,
    int namespacesUpdated,
    int namespacesRemoved,
    int tablesAdded,
    int tablesUpdated,
    int tablesRemoved,
    SyncStatus status,
    Optional<String> error) {
  public SyncStats {
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(error, "error");
  }

  /** The stats of a sync that failed with {@code error}: nothing changed. */
  public static SyncStats failed(
      String catalog, Instant startedAt, Instant finishedAt, String error) {
    return new SyncStats(
        catalog, startedAt, finishedAt, 0, 0, 0, 0, 0, 0, SyncStatus.FAILED, Optional.of(error));
  }

  /** Whether the sync succeeded. */
  public boolean succeeded() {
    return status == SyncStatus.SUCCEEDED;
  }
}
