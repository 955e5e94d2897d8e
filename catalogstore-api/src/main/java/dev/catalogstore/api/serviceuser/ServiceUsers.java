package dev.catalogstore.api.serviceuser;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The service users facet ({@code store.serviceUsers()}): programs of a tenant that authenticate
 * with an API key. The store receives only the key's digest ({@link ApiKeyHash}), never the key,
 * and never returns the digest. Names are unique per tenant; digests are unique in the whole store.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} may have met its own service user (its key
 * digest tells: {@code findByApiKeyHash}); {@code update}, {@code replaceApiKey} and {@code
 * recordUse} set values and are safe to apply again; a retried {@code delete} that fails with
 * {@code NotFoundException} landed.
 */
public interface ServiceUsers {
  /**
   * Creates a service user with a fresh id, active, stamped now. Fails with {@code
   * AlreadyExistsException} if the tenant has a service user of that name, or if any service user
   * of the store already has that digest (which can only mean the same key: keys must be random),
   * {@code NotFoundException} if the tenant does not exist, and {@code InvalidArgumentException} on
   * {@code serviceUser.roleKind} for {@code ROOT} outside the system tenant.
   */
  CompletableFuture<ServiceUser> create(TenantId tenant, NewServiceUser serviceUser);

  /**
   * Reads a service user, whether active, expired or not; empty if the tenant has none of that id.
   */
  CompletableFuture<Optional<ServiceUser>> get(TenantId tenant, ServiceUserId serviceUser);

  /** Lists the tenant's service users by name in code-point order, keyset-paged. */
  CompletableFuture<Page<ServiceUser>> list(TenantId tenant, PageRequest page);

  /**
   * Changes what {@code update} names and stamps {@code updatedAt}. Fails with {@code
   * NotFoundException} ({@code SERVICE_USER}) if the tenant has no such service user, {@code
   * AlreadyExistsException} if another has the new name.
   */
  CompletableFuture<ServiceUser> update(
      TenantId tenant, ServiceUserId serviceUser, ServiceUserUpdate update);

  /**
   * Rotates the service user's API key: its digest becomes {@code apiKeyHash}, and from then on
   * only the new key resolves, the old one no longer does. Its id, name, kind, expiry and recorded
   * use stay; {@code updatedAt} is stamped. Fails with {@code AlreadyExistsException} if any
   * service user of the store already has that digest (this one included: a rotation needs a new
   * key), and {@code NotFoundException} ({@code SERVICE_USER}) if the tenant has no such service
   * user.
   */
  CompletableFuture<ServiceUser> replaceApiKey(
      TenantId tenant, ServiceUserId serviceUser, ApiKeyHash apiKeyHash);

  /**
   * Deletes a service user; its digest no longer resolves. Fails with {@code NotFoundException}
   * ({@code SERVICE_USER}) if the tenant has no such service user.
   */
  CompletableFuture<Void> delete(TenantId tenant, ServiceUserId serviceUser);

  /**
   * Records that the service user was just used: sets {@code lastUsedAt} to now (never earlier than
   * the time it holds), and nothing else. Fails with {@code NotFoundException} ({@code
   * SERVICE_USER}) if the tenant has no such service user.
   */
  CompletableFuture<ServiceUser> recordUse(TenantId tenant, ServiceUserId serviceUser);

  /**
   * The authentication entry point: finds the service user whose key has digest {@code apiKeyHash},
   * in whichever tenant, with its tenant. Empty if there is none, or it is inactive, or it has
   * expired (its {@code expiresAt} is now or earlier). One indexed read, whatever the number of
   * tenants and service users. It records no use; call {@link #recordUse} for that.
   */
  CompletableFuture<Optional<ServiceUser>> findByApiKeyHash(ApiKeyHash apiKeyHash);
}
