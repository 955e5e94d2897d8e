package dev.catalogstore.memory;

import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.GovernanceRequests;
import dev.catalogstore.api.spi.Inputs;
import dev.catalogstore.api.spi.ListQuery;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.spi.Taken;
import dev.catalogstore.api.spi.Timestamps;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Tokens and revocations in memory. A token's digest is claimed in the store-wide {@link
 * CredentialIndex} as the last check of its creation, so {@link #validate} is one hash probe plus
 * one read of the owning tenant.
 *
 * <p>Cost: listing active tokens walks the tenant's (or user's) tokens by id from the page's
 * position, skipping inactive ones, so a page costs O(log n + page size + inactive tokens skipped);
 * {@link #cleanupExpired} keeps the inactive ones few. The sweep visits every tenant, one lock at a
 * time.
 */
final class MemoryTokens implements Tokens {
  private final TenantRegistry registry;
  private final Clock clock;

  MemoryTokens(TenantRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public CompletableFuture<Token> create(TenantId tenant, NewToken token) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Instant expiresAt = GovernanceRequests.newToken(token, "token");
          return registry.write(
              tenant,
              state -> {
                state.access().requireUser(token.user());
                CredentialState credentials = state.credentials();
                if (credentials.token(token.id()).isPresent()) {
                  throw Taken.token(token.id());
                }
                Instant now = Timestamps.now(clock);
                Token created = new Token(token.id(), tenant, token.user(), now, expiresAt);
                if (!credentials.addToken(
                    new CredentialState.StoredToken(created, token.hash().hex()))) {
                  throw Taken.tokenHash();
                }
                // A token revoked before it was recorded stays revoked as long as it lives.
                credentials
                    .revocation(token.id())
                    .filter(r -> CredentialState.inForce(r, now))
                    .filter(r -> r.expiresAt().isBefore(expiresAt))
                    .ifPresent(
                        r ->
                            credentials.putRevocation(
                                new Revocation(
                                    r.token(), tenant, r.reason(), r.revokedAt(), expiresAt)));
                return created;
              });
        });
  }

  @Override
  public CompletableFuture<Optional<Token>> get(TenantId tenant, TokenId token) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(token, "token");
          return registry.find(
              tenant,
              state -> state.credentials().token(token).map(CredentialState.StoredToken::token));
        });
  }

  @Override
  public CompletableFuture<Optional<Token>> validate(TokenHash hash) {
    return Futures.supply(
        () -> {
          GovernanceRequests.tokenHash(hash, "hash");
          String digest = hash.hex();
          return registry
              .credentialIndex()
              .tokenOwner(digest)
              .flatMap(
                  owner ->
                      registry.find(
                          owner.tenant(),
                          state -> {
                            Instant now = Timestamps.now(clock);
                            CredentialState credentials = state.credentials();
                            return credentials
                                .token(owner.token())
                                // Released and claimed again meanwhile: not this owner's any more.
                                .filter(stored -> stored.digest().equals(digest))
                                .filter(
                                    stored ->
                                        stored.isActiveAt(
                                            now, credentials.revocation(stored.token().id())))
                                .map(CredentialState.StoredToken::token)
                                .filter(found -> userIsActive(state, found.user()));
                          }));
        });
  }

  @Override
  public CompletableFuture<Revocation> revoke(
      TenantId tenant, TokenId token, String reason, Instant expiresAt) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          GovernanceRequests.tokenId(token, "token");
          Instant keptUntil = GovernanceRequests.revocation(reason, expiresAt);
          return registry.write(
              tenant,
              state -> {
                Instant now = Timestamps.now(clock);
                CredentialState credentials = state.credentials();
                // A recorded token is revoked at least as long as it lives: it never validates
                // again.
                Instant until =
                    credentials
                        .token(token)
                        .map(stored -> later(keptUntil, stored.token().expiresAt()))
                        .orElse(keptUntil);
                Optional<Revocation> inForce =
                    credentials.revocation(token).filter(r -> CredentialState.inForce(r, now));
                if (inForce.isPresent()) {
                  Revocation first = inForce.get();
                  if (!until.isAfter(first.expiresAt())) {
                    return first;
                  }
                  Revocation extended =
                      new Revocation(token, tenant, first.reason(), first.revokedAt(), until);
                  credentials.putRevocation(extended);
                  return extended;
                }
                if (!now.isBefore(until)) {
                  throw new InvalidArgumentException(
                      "expiresAt",
                      "must be later than now (" + now + "), or the token's own expiry must be");
                }
                Revocation revocation = new Revocation(token, tenant, reason, now, until);
                credentials.putRevocation(revocation);
                return revocation;
              });
        });
  }

  @Override
  public CompletableFuture<Boolean> isRevoked(TenantId tenant, TokenId token) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(token, "token");
          return registry.read(
              tenant,
              state -> {
                Instant now = Timestamps.now(clock);
                return state
                    .credentials()
                    .revocation(token)
                    .filter(r -> CredentialState.inForce(r, now))
                    .isPresent();
              });
        });
  }

  @Override
  public CompletableFuture<Page<Token>> listActive(TenantId tenant, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          ListQuery query = ListQuery.activeTokens(tenant);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state ->
                  query.page(
                      activeAfter(state.credentials(), state.credentials().tokensById(), cursor),
                      cursor,
                      found -> found.id().toString()));
        });
  }

  @Override
  public CompletableFuture<Page<Token>> listActiveForUser(
      TenantId tenant, UserId user, PageRequest page) {
    return Futures.supply(
        () -> {
          Requests.tenant(tenant);
          Inputs.required(user, "user");
          ListQuery query = ListQuery.userActiveTokens(tenant, user);
          ListQuery.Cursor cursor = query.cursor(page);
          return registry.read(
              tenant,
              state -> {
                state.access().requireUser(user);
                return query.page(
                    activeAfter(state.credentials(), state.credentials().tokensOf(user), cursor),
                    cursor,
                    found -> found.id().toString());
              });
        });
  }

  @Override
  public CompletableFuture<TokenCleanup> cleanupExpired() {
    return Futures.supply(
        () -> {
          Instant now = Timestamps.now(clock);
          AtomicLong tokens = new AtomicLong();
          AtomicLong revocations = new AtomicLong();
          registry.forEachTenant(
              state -> {
                TokenCleanup removed = state.credentials().removeExpired(now);
                tokens.addAndGet(removed.tokens());
                revocations.addAndGet(removed.revocations());
              });
          return new TokenCleanup(tokens.get(), revocations.get());
        });
  }

  /** Up to a page's worth of the active tokens of {@code index} following the cursor. */
  private List<Token> activeAfter(
      CredentialState credentials,
      NavigableMap<String, CredentialState.StoredToken> index,
      ListQuery.Cursor cursor) {
    Instant now = Timestamps.now(clock);
    NavigableMap<String, CredentialState.StoredToken> following =
        cursor.after().isPresent() ? index.tailMap(cursor.after().get(), false) : index;
    // An iterator, not a stream: a sub-map's stream would size itself by walking every entry.
    List<Token> fetched = new ArrayList<>(cursor.fetchSize());
    Iterator<CredentialState.StoredToken> candidates = following.values().iterator();
    while (fetched.size() < cursor.fetchSize() && candidates.hasNext()) {
      CredentialState.StoredToken stored = candidates.next();
      if (stored.isActiveAt(now, credentials.revocation(stored.token().id()))) {
        fetched.add(stored.token());
      }
    }
    return fetched;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static boolean userIsActive(TenantState state, UserId user) {
    User found = state.access().user(user);
    return found != null && found.active();
  }
}
