package dev.catalogstore.api.federation;

/** How a sync ended. */
public enum SyncStatus {
  /** The mirror now matches the remote catalog as the connector listed it. */
  SUCCEEDED,
  /** The sync changed nothing: see {@link SyncStats#error()}. */
  FAILED
}
