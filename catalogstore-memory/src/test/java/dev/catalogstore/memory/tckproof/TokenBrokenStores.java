package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.join;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.proceeding;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.unwrap;
import static dev.catalogstore.memory.tckproof.ServiceUserBrokenStores.now;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Broken stores whose defect lives in the tokens facet: revocations that are not idempotent, active
 * lists that keep revoked or just-expired tokens, validation that forgets the user's {@code active}
 * flag or is off by one at the expiry, digests unique per tenant only, and a sweep that removes
 * revocations still in force.
 *
 * <p>Each simulates a backend's mistake over the honest facet, which completes its futures at once;
 * the tokens and revocations a defect needs are remembered on the side as they are made.
 */
final class TokenBrokenStores {
  private TokenBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        revocationOverwritingTheFirst(),
        revocationFailingWhenPresent(),
        activeTokensIncludingRevoked(),
        activeTokensIncludingThoseExpiringNow(),
        validationIgnoringTheUsersActiveFlag(),
        validationOffByOneAtExpiry(),
        tokenDigestsUniquePerTenant(),
        sweepRemovingRevocationsWithoutAToken());
  }

  /** A token id of a tenant: the key of a revocation. */
  private record Key(TenantId tenant, TokenId token) {}

  /**
   * Whether {@code revocation} came back from a revoke that made it just now with {@code reason}.
   */
  private static boolean madeNow(Revocation revocation, String reason) {
    return revocation.reason().equals(reason) && revocation.revokedAt().equals(now());
  }

  /**
   * An upsert ({@code ON CONFLICT DO UPDATE SET reason = ..., revoked_at = ..., expires_at = ...})
   * where {@code DO NOTHING} was meant: a second revoke overwrites the first.
   */
  static BrokenStore revocationOverwritingTheFirst() {
    return new BrokenStore(
        "revocation-overwrites-the-first",
        "tokens.revoke on an id with a revocation in force replaces it with the new reason and expiry",
        facets -> {
          Map<Key, Revocation> overwritten = new ConcurrentHashMap<>();
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "revoke",
                      4,
                      call -> {
                        String reason = call.arg(2, String.class);
                        Instant expiresAt = call.arg(3, Instant.class);
                        return TokenBrokenStores.<Revocation>proceedingTo(call)
                            .thenApply(
                                revocation -> {
                                  Key key = new Key(revocation.tenant(), revocation.token());
                                  if (madeNow(revocation, reason)) {
                                    overwritten.remove(key);
                                    return revocation;
                                  }
                                  Revocation second =
                                      new Revocation(
                                          revocation.token(),
                                          revocation.tenant(),
                                          reason,
                                          now(),
                                          expiresAt.truncatedTo(ChronoUnit.MICROS));
                                  overwritten.put(key, second);
                                  return second;
                                });
                      })
                  .replace(
                      "isRevoked",
                      2,
                      call -> {
                        Revocation second =
                            overwritten.get(
                                new Key(call.arg(0, TenantId.class), call.arg(1, TokenId.class)));
                        return second == null
                            ? call.proceed()
                            : completedFuture(second.expiresAt().isAfter(now()));
                      })
                  .build());
        },
        List.of(
            test(
                "TokenRevocations",
                "aSecondRevokeKeepsTheFirstReasonAndTimeAndNeverShortensTheExpiry"),
            test("TokenRevocations", "anExpiredRevocationIsReplacedByANewRevoke"),
            test("TokenRaces", "concurrentRevokesOfOneIdAllSucceedAndReturnTheSameRevocation")));
  }

  /** A plain {@code INSERT} into a table keyed by the token id: a second revoke fails. */
  static BrokenStore revocationFailingWhenPresent() {
    return new BrokenStore(
        "revocation-fails-when-present",
        "tokens.revoke on an id with a revocation in force fails as already existing",
        facets ->
            facets.withTokens(
                Intercept.facet(Tokens.class, facets.tokens())
                    .replace(
                        "revoke",
                        4,
                        call -> {
                          String reason = call.arg(2, String.class);
                          return TokenBrokenStores.<Revocation>proceedingTo(call)
                              .thenCompose(
                                  revocation ->
                                      madeNow(revocation, reason)
                                          ? completedFuture(revocation)
                                          : failedFuture(
                                              new AlreadyExistsException(
                                                  "token " + revocation.token() + " is revoked")));
                        })
                    .build()),
        List.of(
            test(
                "TokenRevocations",
                "aSecondRevokeKeepsTheFirstReasonAndTimeAndNeverShortensTheExpiry"),
            test("TokenRaces", "concurrentRevokesOfOneIdAllSucceedAndReturnTheSameRevocation")));
  }

  /** Active lists that filter on expiry only and forget the join with revocations. */
  static BrokenStore activeTokensIncludingRevoked() {
    return activeLists(
        "active-tokens-include-revoked",
        "tokens.listActive and listActiveForUser list revoked tokens",
        (honest, token) ->
            token.expiresAt().isAfter(now()) && join(honest.isRevoked(token.tenant(), token.id())),
        List.of(
            test("Tokens", "activeTokensLeaveOutRevokedAndExpiredTokens"),
            test("Tokens", "activeTokensOfAUserLeaveOutRevokedAndExpiredTokensAndOtherUsersTokens"),
            test("TokenRevocations", "revokingOneTokenLeavesTheOthersActive"),
            test("TokenCleanup", "theSweepKeepsUnexpiredTokensAndRevocations")));
  }

  /** Active lists filtering on {@code expires_at >= now}: a token expiring now is still listed. */
  static BrokenStore activeTokensIncludingThoseExpiringNow() {
    return activeLists(
        "active-tokens-off-by-one",
        "tokens.listActive and listActiveForUser list tokens whose expiry is now",
        (honest, token) ->
            token.expiresAt().equals(now()) && !join(honest.isRevoked(token.tenant(), token.id())),
        List.of(
            test("Tokens", "activeTokensLeaveOutRevokedAndExpiredTokens"),
            test(
                "Tokens",
                "activeTokensOfAUserLeaveOutRevokedAndExpiredTokensAndOtherUsersTokens")));
  }

  /**
   * A broken rule: whether a recorded token the honest store leaves out of a list or a validation
   * is taken in after all.
   */
  @FunctionalInterface
  private interface Extra {
    boolean takesIn(Tokens honest, Token token);
  }

  /**
   * Active lists that also list the recorded tokens {@code extra} accepts (in id order; the tests
   * naming these stores read one page).
   */
  private static BrokenStore activeLists(
      String name, String defect, Extra extra, List<BrokenStore.TckTest> caughtBy) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Set<Key> recorded = ConcurrentHashMap.newKeySet();
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "create",
                      2,
                      call ->
                          TokenBrokenStores.<Token>proceedingTo(call)
                              .thenApply(
                                  token -> {
                                    recorded.add(new Key(token.tenant(), token.id()));
                                    return token;
                                  }))
                  .replace(
                      "listActive",
                      2,
                      call ->
                          withExtras(
                              call,
                              honest,
                              recorded,
                              call.arg(0, TenantId.class),
                              token -> true,
                              extra))
                  .replace(
                      "listActiveForUser",
                      3,
                      call -> {
                        UserId user = call.arg(1, UserId.class);
                        return withExtras(
                            call,
                            honest,
                            recorded,
                            call.arg(0, TenantId.class),
                            token -> token.user().equals(user),
                            extra);
                      })
                  .build());
        },
        caughtBy);
  }

  private static CompletableFuture<Page<Token>> withExtras(
      Intercept.Call call,
      Tokens honest,
      Set<Key> recorded,
      TenantId tenant,
      Predicate<Token> mine,
      Extra extra) {
    return TokenBrokenStores.<Page<Token>>proceedingTo(call)
        .thenApply(
            page -> {
              List<Token> items = new ArrayList<>(page.items());
              for (Key key : recorded) {
                if (!key.tenant().equals(tenant)) {
                  continue;
                }
                join(honest.get(key.tenant(), key.token()))
                    .filter(mine)
                    .filter(token -> !items.contains(token))
                    .filter(token -> extra.takesIn(honest, token))
                    .ifPresent(items::add);
              }
              items.sort(Comparator.comparing(token -> token.id().toString()));
              return new Page<>(items, page.nextPageToken());
            });
  }

  /** Validation by digest joined with revocations but not with users. */
  static BrokenStore validationIgnoringTheUsersActiveFlag() {
    return validation(
        "validate-ignores-user-active",
        "tokens.validate accepts a token of an inactive user",
        (honest, token) ->
            token.expiresAt().isAfter(now()) && !join(honest.isRevoked(token.tenant(), token.id())),
        List.of(test("Tokens", "aTokenOfAnInactiveUserDoesNotValidateUntilTheUserIsActiveAgain")));
  }

  /** Validation on {@code expires_at >= now}: a token expiring now still validates. */
  static BrokenStore validationOffByOneAtExpiry() {
    return validation(
        "validate-off-by-one",
        "tokens.validate accepts a token whose expiry is now",
        (honest, token) ->
            token.expiresAt().equals(now()) && !join(honest.isRevoked(token.tenant(), token.id())),
        List.of(
            test("Tokens", "aTokenExpiringNowDoesNotValidateAndOneExpiringAMicrosecondLaterDoes")));
  }

  /**
   * Validation that also accepts, where the honest one finds nothing, the recorded token of the
   * digest if {@code accepts} says so.
   */
  private static BrokenStore validation(
      String name, String defect, Extra accepts, List<BrokenStore.TckTest> caughtBy) {
    return new BrokenStore(
        name,
        defect,
        facets -> {
          Map<TokenHash, Key> byDigest = new ConcurrentHashMap<>();
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "create",
                      2,
                      call -> {
                        NewToken given = call.arg(1, NewToken.class);
                        return TokenBrokenStores.<Token>proceedingTo(call)
                            .thenApply(
                                token -> {
                                  byDigest.put(given.hash(), new Key(token.tenant(), token.id()));
                                  return token;
                                });
                      })
                  .replace(
                      "validate",
                      1,
                      call -> {
                        TokenHash hash = call.arg(0, TokenHash.class);
                        Key key = hash == null ? null : byDigest.get(hash);
                        return TokenBrokenStores.<Optional<Token>>proceedingTo(call)
                            .thenApply(
                                found ->
                                    found.isPresent() || key == null
                                        ? found
                                        : join(honest.get(key.tenant(), key.token()))
                                            .filter(token -> accepts.takesIn(honest, token)));
                      })
                  .build());
        },
        caughtBy);
  }

  /**
   * A unique index on {@code (tenant_id, token_hash)} instead of on the digest alone: a digest
   * another tenant holds is recorded again (simulated with a digest differing in its last digit, so
   * that validation keeps finding the first token).
   */
  static BrokenStore tokenDigestsUniquePerTenant() {
    return new BrokenStore(
        "token-digest-unique-per-tenant",
        "tokens.create accepts a digest another tenant's token has",
        facets -> {
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "create",
                      2,
                      call -> {
                        TenantId tenant = call.arg(0, TenantId.class);
                        NewToken given = call.arg(1, NewToken.class);
                        return TokenBrokenStores.<Token>proceedingTo(call)
                            .exceptionallyCompose(
                                failure -> {
                                  if (!(unwrap(failure) instanceof AlreadyExistsException)) {
                                    return failedFuture(unwrap(failure));
                                  }
                                  return honest
                                      .validate(given.hash())
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
            test("Tokens", "aTokenDigestIsUniqueInTheWholeStore"),
            test("TokenRaces", "ofConcurrentRecordsWithOneDigestInTwoTenantsExactlyOneWins")));
  }

  private static NewToken withTwinDigest(NewToken given) {
    String hex = given.hash().hex();
    char last = hex.charAt(hex.length() - 1);
    return new NewToken(
        given.id(),
        given.user(),
        TokenHash.ofHex(hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0')),
        given.expiresAt());
  }

  /**
   * A sweep that also deletes every revocation whose token it cannot find ({@code DELETE FROM
   * revocations WHERE token_id NOT IN (SELECT id FROM tokens)}), as if a revocation mattered only
   * while its token is recorded: a revocation of an id never recorded is gone while in force.
   */
  static BrokenStore sweepRemovingRevocationsWithoutAToken() {
    return new BrokenStore(
        "sweep-removes-revocations-without-a-token",
        "tokens.cleanupExpired removes revocations in force whose token is not recorded",
        facets -> {
          Map<Key, Revocation> revocations = new ConcurrentHashMap<>();
          Set<Key> swept = ConcurrentHashMap.newKeySet();
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "revoke",
                      4,
                      call ->
                          TokenBrokenStores.<Revocation>proceedingTo(call)
                              .thenApply(
                                  revocation -> {
                                    Key key = new Key(revocation.tenant(), revocation.token());
                                    revocations.put(key, revocation);
                                    swept.remove(key);
                                    return revocation;
                                  }))
                  .replace(
                      "isRevoked",
                      2,
                      call ->
                          swept.contains(
                                  new Key(call.arg(0, TenantId.class), call.arg(1, TokenId.class)))
                              ? completedFuture(false)
                              : call.proceed())
                  .replace(
                      "cleanupExpired",
                      0,
                      call ->
                          TokenBrokenStores.<TokenCleanup>proceedingTo(call)
                              .thenApply(
                                  removed -> {
                                    long more = 0;
                                    for (Map.Entry<Key, Revocation> entry :
                                        revocations.entrySet()) {
                                      Key key = entry.getKey();
                                      boolean inForce = entry.getValue().expiresAt().isAfter(now());
                                      if (inForce
                                          && !swept.contains(key)
                                          && join(honest.get(key.tenant(), key.token()))
                                              .isEmpty()) {
                                        swept.add(key);
                                        more++;
                                      }
                                    }
                                    return new TokenCleanup(
                                        removed.tokens(), removed.revocations() + more);
                                  }))
                  .build());
        },
        List.of(
            test(
                "TokenCleanup",
                "theSweepRemovesExactlyTheExpiredTokensAndRevocationsAndCountsThem"),
            test("TokenCleanup", "theSweepKeepsUnexpiredTokensAndRevocations")));
  }

  private static <T> CompletableFuture<T> proceedingTo(Intercept.Call call) {
    return proceeding(call);
  }
}
