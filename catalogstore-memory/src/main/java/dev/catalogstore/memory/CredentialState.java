package dev.catalogstore.memory;

import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.Missing;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One tenant's service users, tokens and revocations, with the digests that stand for their
 * secrets. Plain collections, touched only under the tenant's lock (see {@link TenantState}). Every
 * digest held here is also claimed in the store-wide {@link CredentialIndex}; the methods that add
 * or remove one claim or release it there, so the two never disagree once the lock is released.
 */
final class CredentialState {
  /** A service user and the digest of its API key, which is never returned. */
  record StoredServiceUser(ServiceUser serviceUser, String digest) {
    /** Leaves the digest out, so that no log or message can ever carry it. */
    @Override
    public String toString() {
      return "StoredServiceUser[" + serviceUser + "]";
    }
  }

  /** A token's metadata and its digest, which is never returned. */
  record StoredToken(Token token, String digest) {
    /** Whether it is active at {@code now}: not expired, and no revocation in force. */
    boolean isActiveAt(Instant now, Optional<Revocation> revocation) {
      return !token.isExpiredAt(now) && revocation.map(r -> !inForce(r, now)).orElse(true);
    }

    /** Leaves the digest out, so that no log or message can ever carry it. */
    @Override
    public String toString() {
      return "StoredToken[" + token + "]";
    }
  }

  private final TenantId tenant;
  private final CredentialIndex index;
  private final Map<ServiceUserId, StoredServiceUser> serviceUsers = new HashMap<>();
  private final NavigableMap<String, ServiceUserId> serviceUsersByName =
      new TreeMap<>(CodePointOrder.STRINGS);
  private final NavigableMap<String, StoredToken> tokensById =
      new TreeMap<>(CodePointOrder.STRINGS);
  private final Map<UserId, NavigableMap<String, StoredToken>> tokensOfUser = new HashMap<>();
  private final Map<TokenId, Revocation> revocations = new HashMap<>();
  // Both by expiry, so that a sweep costs what it removes, not what the tenant holds.
  private final NavigableMap<Instant, Set<String>> tokensByExpiry = new TreeMap<>();
  private final NavigableMap<Instant, Set<TokenId>> revocationsByExpiry = new TreeMap<>();

  CredentialState(TenantId tenant, CredentialIndex index) {
    this.tenant = tenant;
    this.index = index;
  }

  /** Whether {@code revocation} is in force at {@code now}: it has not expired. */
  static boolean inForce(Revocation revocation, Instant now) {
    return now.isBefore(revocation.expiresAt());
  }

  // ---- service users

  Optional<StoredServiceUser> serviceUser(ServiceUserId id) {
    return Optional.ofNullable(serviceUsers.get(id));
  }

  /** The service user {@code id}, or {@code NotFoundException} ({@code SERVICE_USER}). */
  StoredServiceUser requireServiceUser(ServiceUserId id) {
    return serviceUser(id).orElseThrow(() -> Missing.serviceUser(id));
  }

  ServiceUserId serviceUserNamed(String name) {
    return serviceUsersByName.get(name);
  }

  NavigableMap<String, ServiceUserId> serviceUsersByName() {
    return serviceUsersByName;
  }

  /**
   * Adds a new service user, claiming its digest as the change's last check: false, changing
   * nothing, if the digest is taken.
   */
  boolean addServiceUser(StoredServiceUser stored) {
    ServiceUser serviceUser = stored.serviceUser();
    if (!index.claimApiKey(stored.digest(), keyOwner(serviceUser.id()))) {
      return false;
    }
    serviceUsers.put(serviceUser.id(), stored);
    serviceUsersByName.put(serviceUser.name(), serviceUser.id());
    return true;
  }

  /** Replaces a service user's value (its digest stays), re-indexing a new name. */
  void replaceServiceUser(ServiceUser next) {
    StoredServiceUser previous = serviceUsers.get(next.id());
    serviceUsers.put(next.id(), new StoredServiceUser(next, previous.digest()));
    if (!previous.serviceUser().name().equals(next.name())) {
      serviceUsersByName.remove(previous.serviceUser().name());
      serviceUsersByName.put(next.name(), next.id());
    }
  }

  /**
   * Gives a service user a new digest and value, claiming the new digest as the change's last check
   * and then releasing the old one: false, changing nothing, if the new digest is taken.
   */
  boolean replaceApiKey(ServiceUser next, String digest) {
    StoredServiceUser previous = serviceUsers.get(next.id());
    if (!index.claimApiKey(digest, keyOwner(next.id()))) {
      return false;
    }
    index.releaseApiKey(previous.digest(), keyOwner(next.id()));
    serviceUsers.put(next.id(), new StoredServiceUser(next, digest));
    return true;
  }

  /** Removes a service user and releases its digest. */
  void removeServiceUser(ServiceUserId id) {
    StoredServiceUser removed = serviceUsers.remove(id);
    serviceUsersByName.remove(removed.serviceUser().name());
    index.releaseApiKey(removed.digest(), keyOwner(id));
  }

  // ---- tokens

  Optional<StoredToken> token(TokenId id) {
    return Optional.ofNullable(tokensById.get(id.toString()));
  }

  NavigableMap<String, StoredToken> tokensById() {
    return tokensById;
  }

  /** The user's tokens by id string; empty if it has none. */
  NavigableMap<String, StoredToken> tokensOf(UserId user) {
    return tokensOfUser.getOrDefault(user, new TreeMap<>(CodePointOrder.STRINGS));
  }

  /**
   * Adds a new token, claiming its digest as the change's last check: false, changing nothing, if
   * the digest is taken.
   */
  boolean addToken(StoredToken stored) {
    Token token = stored.token();
    if (!index.claimToken(stored.digest(), tokenOwner(token.id()))) {
      return false;
    }
    tokensById.put(token.id().toString(), stored);
    tokensByExpiry
        .computeIfAbsent(token.expiresAt(), at -> new HashSet<>())
        .add(token.id().toString());
    tokensOfUser
        .computeIfAbsent(token.user(), u -> new TreeMap<>(CodePointOrder.STRINGS))
        .put(token.id().toString(), stored);
    return true;
  }

  /** Removes a token and releases its digest; its revocation, if any, stays until it expires. */
  void removeToken(StoredToken stored) {
    Token token = stored.token();
    tokensById.remove(token.id().toString());
    unindex(tokensByExpiry, token.expiresAt(), token.id().toString());
    NavigableMap<String, StoredToken> ofUser = tokensOfUser.get(token.user());
    ofUser.remove(token.id().toString());
    if (ofUser.isEmpty()) {
      tokensOfUser.remove(token.user());
    }
    index.releaseToken(stored.digest(), tokenOwner(token.id()));
  }

  /** Removes every token of {@code user}, as its deletion demands. */
  void removeTokensOf(UserId user) {
    NavigableMap<String, StoredToken> ofUser = tokensOfUser.get(user);
    if (ofUser != null) {
      for (StoredToken stored : ofUser.values().toArray(StoredToken[]::new)) {
        removeToken(stored);
      }
    }
  }

  Optional<Revocation> revocation(TokenId token) {
    return Optional.ofNullable(revocations.get(token));
  }

  /** Adds a revocation, or replaces the one of its token id. */
  void putRevocation(Revocation revocation) {
    Revocation previous = revocations.put(revocation.token(), revocation);
    if (previous != null) {
      unindex(revocationsByExpiry, previous.expiresAt(), previous.token());
    }
    revocationsByExpiry
        .computeIfAbsent(revocation.expiresAt(), at -> new HashSet<>())
        .add(revocation.token());
  }

  /**
   * Removes the tokens and revocations expired at {@code now}, found through their expiry indexes
   * (cost: what is removed); says how many of each.
   */
  TokenCleanup removeExpired(Instant now) {
    long tokens = 0;
    for (Set<String> ids : List.copyOf(tokensByExpiry.headMap(now, true).values())) {
      for (String id : List.copyOf(ids)) {
        removeToken(tokensById.get(id));
        tokens++;
      }
    }
    long expiredRevocations = 0;
    for (Set<TokenId> ids : List.copyOf(revocationsByExpiry.headMap(now, true).values())) {
      for (TokenId id : List.copyOf(ids)) {
        Revocation removed = revocations.remove(id);
        unindex(revocationsByExpiry, removed.expiresAt(), id);
        expiredRevocations++;
      }
    }
    return new TokenCleanup(tokens, expiredRevocations);
  }

  private static <K> void unindex(NavigableMap<Instant, Set<K>> index, Instant at, K key) {
    Set<K> keys = index.get(at);
    keys.remove(key);
    if (keys.isEmpty()) {
      index.remove(at);
    }
  }

  /** Releases every digest this tenant holds, as the tenant's deletion demands. */
  void releaseAll() {
    serviceUsers.forEach((id, stored) -> index.releaseApiKey(stored.digest(), keyOwner(id)));
    tokensById
        .values()
        .forEach(stored -> index.releaseToken(stored.digest(), tokenOwner(stored.token().id())));
  }

  private CredentialIndex.KeyOwner keyOwner(ServiceUserId id) {
    return new CredentialIndex.KeyOwner(tenant, id);
  }

  private CredentialIndex.TokenOwner tokenOwner(TokenId id) {
    return new CredentialIndex.TokenOwner(tenant, id);
  }
}
