package dev.catalogstore.memory;

import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.TokenId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store-wide indexes of secret digests (API keys, tokens), the only data read across tenants:
 * the two authentication look-ups find the owning tenant here in one hash probe, whatever the
 * number of tenants, and each digest is claimed by at most one owner.
 *
 * <h2>Thread-safety</h2>
 *
 * A digest is claimed with one atomic {@code putIfAbsent}, under the owning tenant's write lock and
 * as the last check of the change, so a claim is never left behind by a change that fails later. It
 * is released under the same lock when its owner goes. A reader that finds an owner here then reads
 * the owner under the tenant's read lock and checks that the digest is still the owner's, so a
 * release racing the look-up is never mistaken for a match.
 */
final class CredentialIndex {
  /** Who holds an API key digest. */
  record KeyOwner(TenantId tenant, ServiceUserId serviceUser) {}

  /** Who holds a token digest. */
  record TokenOwner(TenantId tenant, TokenId token) {}

  private final Map<String, KeyOwner> apiKeys = new ConcurrentHashMap<>();
  private final Map<String, TokenOwner> tokens = new ConcurrentHashMap<>();

  /** Claims {@code digest} for {@code owner}; false if it is anyone's already. */
  boolean claimApiKey(String digest, KeyOwner owner) {
    return apiKeys.putIfAbsent(digest, owner) == null;
  }

  Optional<KeyOwner> apiKeyOwner(String digest) {
    return Optional.ofNullable(apiKeys.get(digest));
  }

  void releaseApiKey(String digest, KeyOwner owner) {
    apiKeys.remove(digest, owner);
  }

  /** Claims {@code digest} for {@code owner}; false if it is anyone's already. */
  boolean claimToken(String digest, TokenOwner owner) {
    return tokens.putIfAbsent(digest, owner) == null;
  }

  Optional<TokenOwner> tokenOwner(String digest) {
    return Optional.ofNullable(tokens.get(digest));
  }

  void releaseToken(String digest, TokenOwner owner) {
    tokens.remove(digest, owner);
  }
}
