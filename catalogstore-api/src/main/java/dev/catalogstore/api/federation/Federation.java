package dev.catalogstore.api.federation;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The federation facet ({@code store.federation()}): mirrors a {@code FEDERATED} catalog's remote
 * namespaces and tables into the catalog, through the {@link FederatedCatalogConnector} registered
 * for its connector type.
 *
 * <h2>What a sync does</h2>
 *
 * <ol>
 *   <li>It reads the whole remote catalog through the connector, on a thread of the store's,
 *       holding nothing: every namespace, then every namespace's tables.
 *   <li>It checks what it read as it checks a caller's input: names and paths valid, metadata
 *       locations valid, no namespace or table listed twice.
 *   <li>In one atomic step, it makes the catalog's {@code main} branch hold exactly what it read:
 *       the remote's namespaces (with their ancestors) with the remote's properties, and one
 *       Iceberg table ({@code ICEBERG_TABLE}) per remote table with the remote's metadata location.
 *       What the mirror holds and the remote does not is removed: assets first, then namespaces. A
 *       table whose metadata location moved is committed to the new one (its history grows, as by
 *       {@code assets().commitMetadataLocation}). All asset changes form one commit on {@code
 *       main}. The same step records the {@link SyncStats} and an audit event (action {@code
 *       "federation.sync"}, resource type {@code "catalog"}).
 * </ol>
 *
 * A sync that fails at any point leaves the mirror exactly as it was, never half-mirrored: it
 * records failed stats (and an audit event whose result is {@code FAILURE}) and fails its future.
 * Concurrent syncs of one catalog are each atomic; the later to apply wins.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * sync} converges on the remote as it is then, but every sync that landed, the lost one included,
 * records its own stats and audit event.
 */
public interface Federation {
  /**
   * Syncs the federated catalog, recorded as done by {@link AuditActor#SYSTEM}; see {@link
   * #sync(TenantId, String, AuditActor)}.
   */
  default CompletableFuture<SyncStats> sync(TenantId tenant, String catalog) {
    return sync(tenant, catalog, AuditActor.SYSTEM);
  }

  /**
   * Mirrors the remote catalog into {@code catalog} as the facet describes, and returns the stats
   * of the sync, which {@link #stats} then returns too.
   *
   * <p>Fails, changing and recording nothing, with {@code NotFoundException} ({@code TENANT} or
   * {@code CATALOG}) if the catalog does not exist, {@code PreconditionFailedException} if it is a
   * {@code LOCAL} catalog, and {@code InvalidArgumentException} on {@code catalog} or {@code
   * actor.id}. Fails after recording failed stats with:
   *
   * <ul>
   *   <li>{@code PreconditionFailedException} if no connector is registered for the catalog's
   *       connector type (an unconfigured sync);
   *   <li>{@code UnavailableException} (retryable), caused by what the connector threw, if the
   *       connector failed;
   *   <li>{@code InvalidArgumentException} on a field under {@code remote} (for example {@code
   *       remote.namespaces[3].path} or {@code remote.tables[a.b][0].metadataLocation}) if the
   *       remote lists something the store cannot hold.
   * </ul>
   */
  CompletableFuture<SyncStats> sync(TenantId tenant, String catalog, AuditActor actor);

  /**
   * The stats of the catalog's last sync, failed or not; empty if it was never synced (and always
   * for a {@code LOCAL} catalog). Deleting the catalog forgets them. Fails with {@code
   * NotFoundException} ({@code TENANT} or {@code CATALOG}) if the catalog does not exist.
   */
  CompletableFuture<Optional<SyncStats>> stats(TenantId tenant, String catalog);
}
