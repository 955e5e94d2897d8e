package dev.catalogstore.memory;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Service users in memory. The digest of a key is claimed in the store-wide {@link CredentialIndex}
 * as the last check of a create, so {@link #findByApiKeyHash} is one hash probe plus one read of
 * the owning tenant, whatever the number of tenants and service users.
 */
final class MemoryServiceUsers implements ServiceUsers {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryServiceUsers(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<ServiceUser> create(TenantId tenant, NewServiceUser serviceUser) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Optional<Instant> expiresAt =
              GovernanceRequests.newServiceUser(tenant, serviceUser, "serviceUser");
          return registry.write(
              tenant,
              state -> {
                CredentialState credentials = state.credentials();
                if (credentials.serviceUserNamed(serviceUser.name()) != null) {
                  throw Taken.serviceUserName(serviceUser.name());
                }
                Instant now = Timestamps.now(clock);
                ServiceUserId id;
                do {
                  id = ServiceUserId.random();
                } while (credentials.serviceUser(id).isPresent());
                ServiceUser created =
                    new ServiceUser(
                        id,
                        tenant,
                        serviceUser.name(),
                        serviceUser.description(),
                        serviceUser.roleKind(),
                        true,
                        expiresAt,
                        Optional.empty(),
                        now,
                        now);
                if (!credentials.addServiceUser(
                    new CredentialState.StoredServiceUser(
                        created, serviceUser.apiKeyHash().hex()))) {
                  throw Taken.apiKeyHash();
                }
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<ServiceUser>> get(TenantId tenant, ServiceUserId serviceUser) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          return registry.find(
              tenant,
              state ->
                  state
                      .credentials()
                      .serviceUser(serviceUser)
                      .map(CredentialState.StoredServiceUser::serviceUser));
        });
  }

  @Override
  public CompletableFuture<Page<ServiceUser>> list(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.serviceUsers(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                CredentialState credentials = state.credentials();
                return query.page(
                    SortedReads.fetch(credentials.serviceUsersByName(), cursor).stream()
                        .map(id -> credentials.requireServiceUser(id).serviceUser())
                        .toList(),
                    cursor,
                    ServiceUser::name);
              });
        });
  }

  @Override
  public CompletableFuture<ServiceUser> update(
      TenantId tenant, ServiceUserId serviceUser, ServiceUserUpdate update) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          Optional<Instant> newExpiry =
              GovernanceRequests.serviceUserUpdate(tenant, update, "update");
          return registry.write(
              tenant,
              state -> {
                CredentialState credentials = state.credentials();
                ServiceUser current = credentials.requireServiceUser(serviceUser).serviceUser();
                String name = update.name().orElse(current.name());
                ServiceUserId holder = credentials.serviceUserNamed(name);
                if (holder != null && !holder.equals(serviceUser)) {
                  throw Taken.serviceUserName(name);
                }
                ServiceUser next =
                    new ServiceUser(
                        current.id(),
                        tenant,
                        name,
                        update.description().orElse(current.description()),
                        update.roleKind().orElse(current.roleKind()),
                        update.active().orElse(current.active()),
                        update.clearsExpiry() ? Optional.empty() : newExpiry.or(current::expiresAt),
                        current.lastUsedAt(),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                credentials.replaceServiceUser(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<ServiceUser> replaceApiKey(
      TenantId tenant, ServiceUserId serviceUser, ApiKeyHash apiKeyHash) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          GovernanceRequests.apiKeyHash(apiKeyHash, "apiKeyHash");
          return registry.write(
              tenant,
              state -> {
                CredentialState credentials = state.credentials();
                ServiceUser current = credentials.requireServiceUser(serviceUser).serviceUser();
                ServiceUser next =
                    new ServiceUser(
                        current.id(),
                        tenant,
                        current.name(),
                        current.description(),
                        current.roleKind(),
                        current.active(),
                        current.expiresAt(),
                        current.lastUsedAt(),
                        current.createdAt(),
                        Timestamps.notBefore(clock, current.updatedAt()));
                if (!credentials.replaceApiKey(next, apiKeyHash.hex())) {
                  throw Taken.apiKeyHash();
                }
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Void> delete(TenantId tenant, ServiceUserId serviceUser) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          return registry.write(
              tenant,
              state -> {
                state.credentials().requireServiceUser(serviceUser);
                state.credentials().removeServiceUser(serviceUser);
                return null;
              });
        });
  }

  @Override
  public CompletableFuture<ServiceUser> recordUse(TenantId tenant, ServiceUserId serviceUser) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(serviceUser, "serviceUser");
          return registry.write(
              tenant,
              state -> {
                CredentialState credentials = state.credentials();
                ServiceUser current = credentials.requireServiceUser(serviceUser).serviceUser();
                Instant now = Timestamps.now(clock);
                Instant used =
                    current.lastUsedAt().map(last -> Timestamps.notBefore(now, last)).orElse(now);
                ServiceUser next =
                    new ServiceUser(
                        current.id(),
                        tenant,
                        current.name(),
                        current.description(),
                        current.roleKind(),
                        current.active(),
                        current.expiresAt(),
                        Optional.of(used),
                        current.createdAt(),
                        current.updatedAt());
                credentials.replaceServiceUser(next);
                return next;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<ServiceUser>> findByApiKeyHash(ApiKeyHash apiKeyHash) {
    return Futures.supply(
        () -> {
          GovernanceRequests.apiKeyHash(apiKeyHash, "apiKeyHash");
          String digest = apiKeyHash.hex();
          return registry
              .credentialIndex()
              .apiKeyOwner(digest)
              .flatMap(
                  owner ->
                      registry.find(
                          owner.tenant(),
                          state ->
                              state
                                  .credentials()
                                  .serviceUser(owner.serviceUser())
                                  // Released and claimed again meanwhile: not this owner's any
                                  // more.
                                  .filter(stored -> stored.digest().equals(digest))
                                  .map(CredentialState.StoredServiceUser::serviceUser)
                                  .filter(found -> found.acceptsKeyAt(Timestamps.now(clock)))));
        });
  }
}
