package dev.catalogstore.api.spi;

import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditResult;
import dev.catalogstore.api.audit.NewAuditEvent;
import dev.catalogstore.api.catalog.CatalogId;
import dev.catalogstore.api.federation.SyncStats;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit events the store records of its own maintenance and sync runs, written once so that
 * every backend records the same actions, resource types and details (which a catalog service
 * filters on).
 */
public final class OperationsAudit {
  /** The action of {@code maintenance().expireSnapshots}. */
  public static final String EXPIRE_SNAPSHOTS = "maintenance.expireSnapshots";

  /** The action of {@code maintenance().removeOrphanFiles}. */
  public static final String REMOVE_ORPHAN_FILES = "maintenance.removeOrphanFiles";

  /** The action of {@code federation().sync}. */
  public static final String SYNC = "federation.sync";

  /** The resource type of a maintenance event. */
  public static final String ASSET = "asset";

  /** The resource type of a sync event. */
  public static final String CATALOG = "catalog";

  private OperationsAudit() {}

  /** The event of an expiry of {@code asset} that pruned {@code pruned} entries. */
  public static NewAuditEvent expiredSnapshots(
      AuditActor actor,
      AssetRef asset,
      AssetId id,
      Duration retention,
      Instant cutoff,
      int pruned) {
    Map<String, String> details = address(asset);
    details.put("retention", retention.toString());
    details.put("cutoff", cutoff.toString());
    details.put("pruned", Integer.toString(pruned));
    return assetEvent(actor, EXPIRE_SNAPSHOTS, asset, id).details(details).build();
  }

  /** The event of an orphan sweep of {@code asset} that forgot {@code locations} locations. */
  public static NewAuditEvent removedOrphanFiles(
      AuditActor actor,
      AssetRef asset,
      AssetId id,
      Instant olderThan,
      int locations,
      long entries) {
    Map<String, String> details = address(asset);
    details.put("olderThan", olderThan.toString());
    details.put("locations", Integer.toString(locations));
    details.put("entries", Long.toString(entries));
    return assetEvent(actor, REMOVE_ORPHAN_FILES, asset, id).details(details).build();
  }

  /** The event of a sync of catalog {@code id} that ended as {@code stats} says. */
  public static NewAuditEvent synced(AuditActor actor, CatalogId id, SyncStats stats) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("status", stats.status().name());
    details.put("namespacesAdded", Integer.toString(stats.namespacesAdded()));
    details.put("namespacesUpdated", Integer.toString(stats.namespacesUpdated()));
    details.put("namespacesRemoved", Integer.toString(stats.namespacesRemoved()));
    details.put("tablesAdded", Integer.toString(stats.tablesAdded()));
    details.put("tablesUpdated", Integer.toString(stats.tablesUpdated()));
    details.put("tablesRemoved", Integer.toString(stats.tablesRemoved()));
    // An error message is the connector's words: cut to what a property value may hold.
    stats.error().ifPresent(error -> details.put("error", truncate(error)));
    return NewAuditEvent.builder(
            actor, SYNC, CATALOG, stats.succeeded() ? AuditResult.SUCCESS : AuditResult.FAILURE)
        .resourceId(id.toString())
        .resourceName(stats.catalog())
        .details(details)
        .build();
  }

  /**
   * The error a failed sync records, from the failure it reports: its message (or its description
   * if it has none) as {@link #truncate} stores it.
   */
  public static String syncError(Throwable failure) {
    String message = failure.getMessage();
    return truncate(message == null ? failure.toString() : message);
  }

  /**
   * {@code message} as a stored error can hold it on every backend: each control character other
   * than a tab or a line break, and each unpaired surrogate (which a property value may not hold,
   * and PostgreSQL cannot store when it is NUL) replaced by U+FFFD, and cut to the length of a
   * property value. A connector's words are not the store's to refuse: a failure must be recorded
   * whatever it says.
   */
  public static String truncate(String message) {
    StringBuilder clean = new StringBuilder(message.length());
    message
        .codePoints()
        .limit(Inputs.MAX_PROPERTY_VALUE_LENGTH)
        .forEach(c -> clean.appendCodePoint(storable(c) ? c : 0xFFFD));
    if (message.codePointCount(0, message.length()) > Inputs.MAX_PROPERTY_VALUE_LENGTH) {
      clean.setLength(clean.offsetByCodePoints(0, Inputs.MAX_PROPERTY_VALUE_LENGTH - 1));
      clean.append('…');
    }
    return clean.toString();
  }

  private static boolean storable(int codePoint) {
    boolean control =
        Character.isISOControl(codePoint)
            && codePoint != '\t'
            && codePoint != '\n'
            && codePoint != '\r';
    return !control
        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
  }

  /**
   * An asset event names the asset by its name, which is always a valid resource name; its full
   * address (which may be longer than a name may be) goes into the details.
   */
  private static NewAuditEvent.Builder assetEvent(
      AuditActor actor, String action, AssetRef asset, AssetId id) {
    return NewAuditEvent.builder(actor, action, ASSET, AuditResult.SUCCESS)
        .resourceId(id.toString())
        .resourceName(asset.name());
  }

  private static Map<String, String> address(AssetRef asset) {
    Map<String, String> details = new LinkedHashMap<>();
    details.put("catalog", asset.catalog());
    details.put("branch", asset.branch().branch());
    details.put("namespace", asset.namespace().toString());
    return details;
  }
}
