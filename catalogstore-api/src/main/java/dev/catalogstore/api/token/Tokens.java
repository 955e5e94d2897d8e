package dev.catalogstore.api.token;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The tokens facet ({@code store.tokens()}): metadata of the tokens a service issues to users, a
 * digest of each ({@link TokenHash}, never the token), and revocations. Time comes from the store's
 * clock: a token or revocation whose {@code expiresAt} is now or earlier has expired.
 *
 * <p>A token is <em>active</em> while it is neither expired nor revoked; only an active token of an
 * active user {@linkplain #validate validates}.
 *
 * <p><b>Lost replies.</b> A write whose reply was lost (an {@code UnavailableException}, or a
 * future the caller stopped waiting for) may have landed; {@link
 * dev.catalogstore.api.error.UnavailableException} says how to find out. Here: a retried {@code
 * create} that fails with {@code AlreadyExistsException} met its own token if {@code get} of the
 * caller's token id returns it; {@code revoke} and {@code cleanupExpired} are idempotent and safe
 * to retry.
 */
public interface Tokens {
  /**
   * Records a token issued now to {@code token.user}; it may already have expired (a service
   * importing its tokens records them as they are), and then it never validates. If its id has a
   * revocation in force, that revocation is extended to the token's expiry in the same step, so a
   * token revoked before it was recorded never validates either. The nil UUID is no token id
   * ({@code InvalidArgumentException} on {@code token.id}). Fails with {@code
   * AlreadyExistsException} if the tenant has a token of that id or the store any token of that
   * digest, and {@code NotFoundException} ({@code TENANT} or {@code USER}) if the tenant or the
   * user is missing.
   */
  CompletableFuture<Token> create(TenantId tenant, NewToken token);

  /** Reads a token's metadata, active or not, until it is cleaned up; empty if there is none. */
  CompletableFuture<Optional<Token>> get(TenantId tenant, TokenId token);

  /**
   * The authentication entry point: finds the token of digest {@code hash}, in whichever tenant,
   * with its tenant. Empty unless the token is active (neither expired nor revoked) and its user is
   * active. One indexed read.
   */
  CompletableFuture<Optional<Token>> validate(TokenHash hash);

  /**
   * Revokes the token id {@code token} of the tenant. The id need not be of a recorded token (a
   * service may revoke tokens it never recorded), and only this tenant's token of that id is
   * affected. The revocation is kept, and in force, until {@code expiresAt} or, for a recorded
   * token, until the token's own expiry if that is later, so a revoked token can never validate
   * again. Idempotent: revoking an id with a revocation in force keeps its first reason and time,
   * extends it to the later expiry, and returns it; an expired one not yet cleaned up is replaced.
   * Fails with {@code InvalidArgumentException} on {@code token} for the nil UUID and on {@code
   * expiresAt} if the revocation would not be in force now (it and the token, if recorded, expire
   * now or earlier), and with {@code NotFoundException} only if the tenant does not exist.
   */
  CompletableFuture<Revocation> revoke(
      TenantId tenant, TokenId token, String reason, Instant expiresAt);

  /**
   * Whether the tenant holds a revocation of {@code token} in force (not expired). Fails with
   * {@code NotFoundException} only if the tenant does not exist.
   */
  CompletableFuture<Boolean> isRevoked(TenantId tenant, TokenId token);

  /** The tenant's active tokens by id (in its string form), keyset-paged. */
  CompletableFuture<Page<Token>> listActive(TenantId tenant, PageRequest page);

  /**
   * The active tokens of {@code user} by id (in its string form), keyset-paged. Fails with {@code
   * NotFoundException} ({@code USER}) if the tenant has no such user.
   */
  CompletableFuture<Page<Token>> listActiveForUser(TenantId tenant, UserId user, PageRequest page);

  /**
   * A system sweep over every tenant: removes expired tokens (revoked or not) and expired
   * revocations, and says how many of each.
   */
  CompletableFuture<TokenCleanup> cleanupExpired();
}
