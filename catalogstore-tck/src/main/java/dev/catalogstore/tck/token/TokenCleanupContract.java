package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.TokenCleanup;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.User;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Specifies the expiry sweep {@code cleanupExpired}: at the time of the sweep it removes every
 * expired token (revoked or not, of any tenant) and every expired revocation (of a recorded token
 * or not), says how many of each, and keeps everything that has not expired, up to the last
 * microsecond.
 *
 * <p>The sweep is store-wide, so each test first sweeps at {@link #SWEEP_AT} to drain what earlier
 * tests left expiring by then (nothing else expires that early), then sets the clock back to {@link
 * #NOW}, records its own tokens and revocations and sweeps again at {@link #SWEEP_AT}: the counts
 * of that sweep are exactly its own. The tests stop the store's clock and are skipped without a
 * controllable one.
 */
public abstract class TokenCleanupContract extends TokenSuite {
  /** When the tests sweep: an hour after {@link #NOW}. */
  private static final Instant SWEEP_AT = NOW.plus(Duration.ofHours(1));

  private TckClock clock;
  private TenantId other;
  private IssuedToken expired;
  private IssuedToken expiredAndRevoked;
  private IssuedToken expiredInOtherTenant;
  private IssuedToken lastMicro;
  private IssuedToken revokedForADay;
  private TokenId revokedUntilTheSweep;
  private TokenId revokedUntilAMicroLater;

  /**
   * Drains the store, then records at {@link #NOW}: tokens expiring at the sweep (one of them
   * revoked until the sweep, one in another tenant), a token expiring 1µs after it, a token revoked
   * for a day, and two revocations of ids never recorded, expiring at the sweep and 1µs after.
   */
  @BeforeEach
  void recordTokensAndRevocationsAroundTheSweep() {
    clock = freezeClockAtNow();
    clock.freezeAt(SWEEP_AT);
    await(store().tokens().cleanupExpired());
    clock.freezeAt(NOW);

    other = newTenant();
    User bob = newUser(other, "bob");
    expired = newToken(tenant, TokenId.random(), alice.id(), SWEEP_AT);
    expiredAndRevoked = newToken(tenant, TokenId.random(), alice.id(), SWEEP_AT);
    revoke(tenant, expiredAndRevoked.token().id(), "leaked", SWEEP_AT);
    expiredInOtherTenant = newToken(other, TokenId.random(), bob.id(), SWEEP_AT.minus(ONE_MICRO));
    lastMicro = newToken(tenant, TokenId.random(), alice.id(), SWEEP_AT.plus(ONE_MICRO));
    revokedForADay = newToken(tenant, TokenId.random(), alice.id(), SWEEP_AT.plus(DAY));
    revoke(tenant, revokedForADay.token().id(), "leaked", SWEEP_AT.plus(DAY));
    revokedUntilTheSweep = TokenId.random();
    revoke(tenant, revokedUntilTheSweep, "never recorded", SWEEP_AT);
    revokedUntilAMicroLater = TokenId.random();
    revoke(other, revokedUntilAMicroLater, "never recorded", SWEEP_AT.plus(ONE_MICRO));
    clock.freezeAt(SWEEP_AT);
  }

  @Test
  void theSweepRemovesExactlyTheExpiredTokensAndRevocationsAndCountsThem() {
    TokenCleanup removed = await(store().tokens().cleanupExpired());

    assertThat(removed)
        .as("what the sweep removed: 3 tokens, 2 revocations")
        .isEqualTo(new TokenCleanup(3, 2));
    assertThat(get(tenant, expired.token().id())).as("an expired token").isEmpty();
    assertThat(get(tenant, expiredAndRevoked.token().id()))
        .as("an expired revoked token")
        .isEmpty();
    assertThat(get(other, expiredInOtherTenant.token().id()))
        .as("an expired token of another tenant")
        .isEmpty();
    assertThat(await(store().tokens().cleanupExpired()))
        .as("a second sweep at the same time")
        .isEqualTo(new TokenCleanup(0, 0));
  }

  @Test
  void theSweepKeepsUnexpiredTokensAndRevocations() {
    await(store().tokens().cleanupExpired());

    assertThat(get(tenant, lastMicro.token().id()))
        .as("a token expiring 1µs after the sweep")
        .contains(lastMicro.token());
    assertThat(validate(lastMicro.hash())).contains(lastMicro.token());
    assertThat(get(tenant, revokedForADay.token().id()))
        .as("a revoked token expiring in a day")
        .contains(revokedForADay.token());
    assertThat(isRevoked(tenant, revokedForADay.token().id()))
        .as("the revocation of a token kept")
        .isTrue();
    assertThat(isRevoked(other, revokedUntilAMicroLater))
        .as("a revocation of an id never recorded, expiring 1µs after the sweep")
        .isTrue();
    assertThat(listActive(tenant)).containsExactly(lastMicro.token());
  }
}
