package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * Broken stores whose defect lives in the service users facet: a key lookup that forgets a
 * condition (active, expiry, its exact boundary, the store's clock), digests unique per tenant
 * only, and a recorded use that moves the wrong time.
 *
 * <p>A lookup defect is simulated over the honest facet: what the honest lookup finds is kept to
 * the broken rule, and a key the honest lookup refuses is looked up again by the broken rule
 * (through the service user it was created for, remembered on the side).
 */
final class ServiceUserBrokenStores {
  private ServiceUserBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        keyLookupIgnoringActive(),
        keyLookupOffByOneAtExpiry(),
        keyLookupReadingTheWallClock(),
        digestsUniquePerTenant(),
        recordedUseMovingUpdatedAt(),
        recordedUseMovingBackwards(),
        rotationKeepingTheOldKey());
  }

  /** The store's "now", as the honest store reads it. */
  static Instant now() {
    return Timestamps.now(BrokenStoreTck.runningClock());
  }

  /**
   * {@code WHERE api_key_hash = ? AND (expires_at IS NULL OR expires_at > now)}: no {@code active}.
   */
  static BrokenStore keyLookupIgnoringActive() {
    return keyLookup(
        "key-lookup-ignores-active",
        "serviceUsers.findByApiKeyHash finds an inactive service user",
        (found, now) -> found.expiresAt().map(now::isBefore).orElse(true),
        List.of(test("ServiceUsers", "anInactiveServiceUserIsNotFoundByItsKeyUntilActiveAgain")));
  }

  /** {@code expires_at >= now}: a key expiring at this very microsecond is still accepted. */
  static BrokenStore keyLookupOffByOneAtExpiry() {
    return keyLookup(
        "key-lookup-off-by-one",
        "serviceUsers.findByApiKeyHash accepts a key whose expiry is now",
        (found, now) ->
            found.active() && found.expiresAt().map(at -> !at.isBefore(now)).orElse(true),
        List.of(
            test("ServiceUsers", "aKeyExpiringNowIsNotFoundAndOneExpiringAMicrosecondLaterIs"),
            test("ServiceUsers", "anExpiredKeyIsFoundAgainOnceItsExpiryIsClearedOrMoved")));
  }

  /** {@code expires_at > now()} of the database, not of the injected clock. */
  static BrokenStore keyLookupReadingTheWallClock() {
    return keyLookup(
        "key-lookup-wall-clock",
        "serviceUsers.findByApiKeyHash compares the expiry with the wall clock",
        (found, now) -> found.acceptsKeyAt(Instant.now()),
        List.of(
            test("ServiceUserTime", "whetherAKeyIsAcceptedFollowsTheStoresClock"),
            test("ServiceUsers", "aKeyExpiringNowIsNotFoundAndOneExpiringAMicrosecondLaterIs")));
  }

  /**
   * A key lookup that accepts what {@code accepts} says (given the service user and now) instead of
   * the contract's rule.
   */
  private static BrokenStore keyLookup(
      String name,
      String defect,
      BiPredicate<ServiceUser, Instant> accepts,
      List<BrokenStore.TckTest> caughtBy) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<ApiKeyHash, Owner> owners = new ConcurrentHashMap<>();
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace("create", 2, call -> remembering(call, owners))
                  .replace(
                      "findByApiKeyHash",
                      1,
                      call -> {
                        ApiKeyHash hash = call.arg(0, ApiKeyHash.class);
                        Owner owner = hash == null ? null : owners.get(hash);
                        if (owner == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(owner.tenant(), owner.id())
                            .thenApply(found -> found.filter(su -> accepts.test(su, now())))
                            .exceptionally(failure -> Optional.empty());
                      })
                  .build());
        },
        caughtBy);
  }

  /**
   * A key rotation that adds the new key and forgets to remove the old one (a table of keys per
   * service user, appended to): the old key still finds its service user.
   */
  static BrokenStore rotationKeepingTheOldKey() {
    return new BrokenStore(
        "rotation-keeps-the-old-key",
        "serviceUsers.replaceApiKey leaves the old key resolving",
        facets -> {
          Map<ApiKeyHash, Owner> owners = new ConcurrentHashMap<>();
          Map<ApiKeyHash, Owner> retired = new ConcurrentHashMap<>();
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace("create", 2, call -> remembering(call, owners))
                  .replace(
                      "replaceApiKey",
                      3,
                      call -> {
                        Owner owner =
                            new Owner(
                                call.arg(0, TenantId.class), call.arg(1, ServiceUserId.class));
                        ApiKeyHash next = call.arg(2, ApiKeyHash.class);
                        return ServiceUserBrokenStores.<ServiceUser>proceedingTo(call)
                            .thenApply(
                                rotated -> {
                                  owners.forEach(
                                      (hash, holder) -> {
                                        if (holder.equals(owner)) {
                                          retired.put(hash, holder);
                                        }
                                      });
                                  owners.put(next, owner);
                                  return rotated;
                                });
                      })
                  .replace(
                      "findByApiKeyHash",
                      1,
                      call -> {
                        ApiKeyHash hash = call.arg(0, ApiKeyHash.class);
                        Owner stale = hash == null ? null : retired.get(hash);
                        return ServiceUserBrokenStores.<Optional<ServiceUser>>proceedingTo(call)
                            .thenCompose(
                                found ->
                                    found.isPresent() || stale == null
                                        ? completedFuture(found)
                                        : honest.get(stale.tenant(), stale.id()));
                      })
                  .build());
        },
        List.of(
            test("ServiceUsers", "aRotatedKeyResolvesAndTheOldOneNoLongerDoesWhileAllElseStays"),
            test("ServiceUserIsolation", "replaceApiKeyRotatesTheCallersKeyOnly")));
  }

  /** Who a digest was created for. */
  private record Owner(TenantId tenant, ServiceUserId id) {}

  /** Proceeds with a create and remembers whom the digest was given to. */
  private static CompletableFuture<ServiceUser> remembering(
      Intercept.Call call, Map<ApiKeyHash, Owner> owners) {
    NewServiceUser given = call.arg(1, NewServiceUser.class);
    return ServiceUserBrokenStores.<ServiceUser>proceedingTo(call)
        .thenApply(
            created -> {
              owners.put(given.apiKeyHash(), new Owner(created.tenant(), created.id()));
              return created;
            });
  }

  private static <T> CompletableFuture<T> proceedingTo(Intercept.Call call) {
    return proceeding(call);
  }

  /**
   * A unique index on {@code (tenant_id, api_key_hash)} instead of on the digest alone: a digest
   * taken in another tenant is stored again (simulated with a digest differing in its last digit,
   * so the key keeps resolving to its first holder, as a lookup returning the oldest row would).
   */
  static BrokenStore digestsUniquePerTenant() {
    return new BrokenStore(
        "api-key-digest-unique-per-tenant",
        "serviceUsers.create accepts a digest another tenant's service user has",
        facets -> {
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace(
                      "create",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        NewServiceUser given = call.arg(1, NewServiceUser.class);
                        return ServiceUserBrokenStores.<ServiceUser>proceedingTo(call)
                            .exceptionallyCompose(
                                failure -> {
                                  if (!(unwrap(failure) instanceof AlreadyExistsException)) {
                                    return failedFuture(unwrap(failure));
                                  }
                                  return honest
                                      .findByApiKeyHash(given.apiKeyHash())
                                      .thenCompose(
                                          holder ->
                                              holder.isPresent()
                                                      && !holder.get().tenant().equals(tenant)
                                                  ? honest.create(tenant, withTwinDigest(given))
                                                  : failedFuture(unwrap(failure)));
                                });
                      })
                  .build());
        },
        List.of(
            test("ServiceUsers", "aDigestIsUniqueInTheWholeStore"),
            test(
                "ServiceUserRaces", "ofConcurrentCreatesWithOneDigestInTwoTenantsExactlyOneWins")));
  }

  private static NewServiceUser withTwinDigest(NewServiceUser given) {
    String hex = given.apiKeyHash().hex();
    char last = hex.charAt(hex.length() - 1);
    ApiKeyHash twin =
        ApiKeyHash.ofHex(hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0'));
    return new NewServiceUser(
        given.name(), given.description(), given.roleKind(), twin, given.expiresAt());
  }

  /** {@code SET last_used_at = now, updated_at = now}: a recorded use counted as a change. */
  static BrokenStore recordedUseMovingUpdatedAt() {
    return recordedUse(
        "record-use-moves-updated-at",
        "serviceUsers.recordUse sets updatedAt to the time of the use",
        used -> copy(used, used.lastUsedAt(), used.lastUsedAt().orElseThrow()),
        List.of(
            test("ServiceUsers", "aRecordedUseChangesNothingElseAndNotUpdatedAt"),
            test("ServiceUserTime", "aRecordedUseIsStampedWithNowAndMovesNoOtherTime")));
  }

  /** {@code SET last_used_at = now} without {@code GREATEST}: a clock set back moves it back. */
  static BrokenStore recordedUseMovingBackwards() {
    return recordedUse(
        "record-use-moves-backwards",
        "serviceUsers.recordUse sets lastUsedAt to now even when it held a later time",
        used -> copy(used, Optional.of(now()), used.updatedAt()),
        List.of(test("ServiceUsers", "aRecordedUseNeverMovesLastUsedAtBackwards")));
  }

  /**
   * A recorded use that leaves the service user as {@code stored} says (given what the honest use
   * left); later reads by id see the same until the next update.
   */
  private static BrokenStore recordedUse(
      String name,
      String defect,
      UnaryOperator<ServiceUser> stored,
      List<BrokenStore.TckTest> caughtBy) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<ServiceUserId, ServiceUser> overrides = new ConcurrentHashMap<>();
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace(
                      "recordUse",
                      2,
                      call ->
                          ServiceUserBrokenStores.<ServiceUser>proceedingTo(call)
                              .thenApply(
                                  used -> {
                                    ServiceUser kept = stored.apply(used);
                                    overrides.put(kept.id(), kept);
                                    return kept;
                                  }))
                  .replace(
                      "update",
                      3,
                      call ->
                          ServiceUserBrokenStores.<ServiceUser>proceedingTo(call)
                              .thenApply(
                                  updated -> {
                                    overrides.remove(updated.id());
                                    return updated;
                                  }))
                  .replace(
                      "get",
                      2,
                      call ->
                          ServiceUserBrokenStores.<Optional<ServiceUser>>proceedingTo(call)
                              .thenApply(
                                  found -> found.map(su -> overrides.getOrDefault(su.id(), su))))
                  .build());
        },
        caughtBy);
  }

  private static ServiceUser copy(ServiceUser su, Optional<Instant> lastUsedAt, Instant updatedAt) {
    return new ServiceUser(
        su.id(),
        su.tenant(),
        su.name(),
        su.description(),
        su.roleKind(),
        su.active(),
        su.expiresAt(),
        lastUsedAt,
        su.createdAt(),
        updatedAt);
  }
}
