package dev.catalogstore.tck.token;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.GovernanceSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of the token suites: a fresh tenant with user {@code alice}, tokens with chosen ids and
 * expiries, whole reads of the facet, and a clock frozen at {@link #NOW} for the rules about expiry
 * (those tests are skipped for a backend whose test supplies no controllable clock).
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
public abstract class TokenSuite extends GovernanceSuite {
  /**
   * Where the expiry tests stop the clock: to the microsecond, so that an expiry equal to it is
   * exactly the boundary, and long past, so that nothing another test made expires near it.
   */
  protected static final Instant NOW = Instant.parse("2002-03-04T05:06:07.234567Z");

  /** The store's precision: the smallest step past a boundary. */
  protected static final Duration ONE_MICRO = Duration.ofNanos(1_000);

  /** A day: far enough for a token or revocation that must not expire during a test. */
  protected static final Duration DAY = Duration.ofDays(1);

  /** A tenant of the test's own. */
  protected TenantId tenant;

  /** An active user of {@link #tenant}. */
  protected User alice;

  @BeforeEach
  void createTheTenantAndAlice() {
    tenant = newTenant();
    alice = newUser(tenant, "alice");
  }

  @AfterEach
  void resumeTheClock() {
    fixture().clock().ifPresent(TckClock::resume);
  }

  /** The store's clock stopped at {@link #NOW}; skips the test if the backend gives none. */
  protected TckClock freezeClockAtNow() {
    Assumptions.assumeTrue(
        fixture().clock().isPresent(), "the backend's test supplies no controllable clock");
    TckClock clock = fixture().clock().get();
    clock.freezeAt(NOW);
    return clock;
  }

  /** A digest of a fresh random token. */
  protected static TokenHash freshTokenHash() {
    return TokenHash.sha256Of(randomSecret());
  }

  /** What validation finds for {@code hash}. */
  protected Optional<Token> validate(TokenHash hash) {
    return await(store().tokens().validate(hash));
  }

  /** What the tenant holds of token {@code id}. */
  protected Optional<Token> get(TenantId tenant, TokenId id) {
    return await(store().tokens().get(tenant, id));
  }

  /** Revokes {@code id} of {@code tenant} with {@code reason} until {@code expiresAt}. */
  protected Revocation revoke(TenantId tenant, TokenId id, String reason, Instant expiresAt) {
    return await(store().tokens().revoke(tenant, id, reason, expiresAt));
  }

  /** Whether {@code tenant} holds a revocation of {@code id} in force. */
  protected boolean isRevoked(TenantId tenant, TokenId id) {
    return await(store().tokens().isRevoked(tenant, id));
  }

  /** Every active token of {@code tenant}, in list order. */
  protected List<Token> listActive(TenantId tenant) {
    return PagedReads.all(page -> store().tokens().listActive(tenant, page));
  }

  /** Every active token of {@code user} of {@code tenant}, in list order. */
  protected List<Token> listActiveForUser(TenantId tenant, UserId user) {
    return PagedReads.all(page -> store().tokens().listActiveForUser(tenant, user, page));
  }
}
