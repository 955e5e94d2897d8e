package dev.catalogstore.api.maintenance;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * The maintenance facet ({@code store.maintenance()}): keeps an asset's recorded metadata history
 * small, and tells the caller which metadata files it may delete. The store does no file I/O: it
 * forgets the locations and returns them, and the caller's file I/O deletes the files.
 *
 * <h2>What "referenced" means</h2>
 *
 * A location is referenced, and never pruned or returned, while any of these holds it:
 *
 * <ul>
 *   <li>the current metadata location of any asset on any branch head of the asset's catalog (the
 *       asset's own current location included);
 *   <li>the metadata location of any asset in the content of a commit a tag of the catalog names;
 *   <li>an entry of the asset's history that this run keeps (so a location committed twice, once
 *       too long ago and once recently, is kept).
 * </ul>
 *
 * Pruning removes entries from {@link dev.catalogstore.api.asset.Assets#history}; the entries kept
 * keep their sequence numbers, so a history with pruned entries has gaps. Each run, pruning or not,
 * records one audit event (resource type {@code "asset"}, the asset's id and its {@code
 * namespace.name} path, with the count of what was removed in its details) atomically with its
 * change; a run that fails records none and changes nothing.
 *
 * <p>Both fail with {@code NotFoundException} if the asset (or its tenant, catalog, branch or
 * namespace) does not exist, and with {@code InvalidArgumentException} on the address, the time
 * argument or the actor.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried run
 * converges on the same state (it finds nothing more to remove), but every run that landed, the
 * lost one included, records its own audit event.
 */
public interface Maintenance {
  /**
   * Prunes the asset's history (on its branch) of the entries committed more than {@code retention}
   * before now, except those whose location is referenced, and returns them, recorded as done by
   * {@link AuditActor#SYSTEM}.
   */
  default CompletableFuture<ExpiredSnapshots> expireSnapshots(
      TenantId tenant, AssetRef asset, Duration retention) {
    return expireSnapshots(tenant, asset, retention, AuditActor.SYSTEM);
  }

  /**
   * Prunes the asset's history (on its branch) of the entries committed before the cutoff, now
   * minus {@code retention}, except those whose location is referenced, and returns them. A zero
   * retention prunes everything not referenced. Records an audit event of action {@code
   * "maintenance.expireSnapshots"} by {@code actor}. Fails with {@code InvalidArgumentException} on
   * {@code retention} if it is negative or longer than {@link
   * dev.catalogstore.api.settings.SettingsUpdate#MAX_RETENTION}, and on {@code actor.id} for an
   * invalid actor.
   */
  CompletableFuture<ExpiredSnapshots> expireSnapshots(
      TenantId tenant, AssetRef asset, Duration retention, AuditActor actor);

  /**
   * Forgets the orphaned locations of the asset, recorded as done by {@link AuditActor#SYSTEM}; see
   * {@link #removeOrphanFiles(TenantId, AssetRef, Instant, AuditActor)}.
   */
  default CompletableFuture<OrphanFiles> removeOrphanFiles(
      TenantId tenant, AssetRef asset, Instant olderThan) {
    return removeOrphanFiles(tenant, asset, olderThan, AuditActor.SYSTEM);
  }

  /**
   * Forgets, on every branch of the asset's catalog, the history entries of the asset's address
   * (its namespace and name) committed before {@code olderThan} whose location is referenced by
   * nothing, and returns their locations. Where {@link #expireSnapshots} trims one branch's history
   * by age, this sweeps what other branches still record of the same table (a branch's own history
   * of an asset it changed), so that after it no branch holds a location nothing uses. Records an
   * audit event of action {@code "maintenance.removeOrphanFiles"} by {@code actor}. Fails with
   * {@code InvalidArgumentException} on {@code olderThan} if it is missing or out of the range of
   * {@link dev.catalogstore.api.spi.Inputs#instant}, and on {@code actor.id} for an invalid actor.
   */
  CompletableFuture<OrphanFiles> removeOrphanFiles(
      TenantId tenant, AssetRef asset, Instant olderThan, AuditActor actor);
}
