package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Specifies revocations: a revocation holds its reason, the time it was made and its expiry; it is
 * in force until its {@code expiresAt} (excluded); a second revoke while one is in force returns
 * the first revocation unchanged (first reason, first time, first expiry) and changes nothing,
 * while an expired one is replaced; any id may be revoked, recorded or not, and a token recorded
 * later under a revoked id is not active.
 *
 * <p>Every test starts with a fresh tenant holding user {@code alice}; the tests stop the store's
 * clock and are skipped without a controllable one.
 */
public abstract class TokenRevocationContract extends TokenSuite {

  @Test
  void aRevocationHoldsItsReasonItsTimeAndItsExpiry() {
    freezeClockAtNow();
    IssuedToken issued = newToken(tenant, alice.id());

    Revocation revocation = revoke(tenant, issued.token().id(), "leaked in a log", NOW.plus(DAY));

    assertThat(revocation)
        .isEqualTo(
            new Revocation(issued.token().id(), tenant, "leaked in a log", NOW, NOW.plus(DAY)));
    assertThat(isRevoked(tenant, issued.token().id())).isTrue();
  }

  @Test
  void aSecondRevokeReturnsTheFirstRevocationAndChangesNothing() {
    TckClock clock = freezeClockAtNow();
    TokenId id = newToken(tenant, alice.id()).token().id();
    Revocation first = revoke(tenant, id, "first", NOW.plus(DAY));
    clock.advance(Duration.ofHours(1));

    Revocation second = revoke(tenant, id, "second", NOW.plus(DAY).plus(DAY));

    assertThat(second).as("what the second revoke returns").isEqualTo(first);
    clock.freezeAt(NOW.plus(DAY).minus(ONE_MICRO));
    assertThat(isRevoked(tenant, id)).as("revoked 1µs before the first expiry").isTrue();
    clock.freezeAt(NOW.plus(DAY));
    assertThat(isRevoked(tenant, id))
        .as("revoked at the first expiry: the second revoke must not have extended it")
        .isFalse();
  }

  @Test
  void anIdNeverRecordedMayBeRevokedAndATokenRecordedUnderItLaterIsNotActive() {
    freezeClockAtNow();
    TokenId id = TokenId.random();

    Revocation revocation = revoke(tenant, id, "revoked before use", NOW.plus(DAY));

    assertThat(revocation.token()).isEqualTo(id);
    assertThat(isRevoked(tenant, id)).isTrue();
    IssuedToken issued = newToken(tenant, id, alice.id(), NOW.plus(DAY));
    assertThat(validate(issued.hash())).as("a token recorded under a revoked id").isEmpty();
    assertThat(listActive(tenant)).isEmpty();
  }

  @Test
  void aRevocationIsInForceUntilItsExpiryExcluded() {
    TckClock clock = freezeClockAtNow();
    TokenId lastMicro = TokenId.random();
    TokenId expiringNow = TokenId.random();
    revoke(tenant, lastMicro, "r", NOW.plus(ONE_MICRO));
    revoke(tenant, expiringNow, "r", NOW);

    assertThat(isRevoked(tenant, lastMicro)).as("a revocation expiring 1µs after now").isTrue();
    assertThat(isRevoked(tenant, expiringNow)).as("a revocation expiring at now").isFalse();

    clock.advance(ONE_MICRO);
    assertThat(isRevoked(tenant, lastMicro)).as("the same revocation 1µs later").isFalse();
  }

  @Test
  void anExpiredRevocationIsReplacedByANewRevoke() {
    TckClock clock = freezeClockAtNow();
    TokenId id = TokenId.random();
    revoke(tenant, id, "first", NOW.plus(Duration.ofHours(1)));
    clock.advance(Duration.ofHours(1));

    Revocation replaced = revoke(tenant, id, "second", NOW.plus(DAY));

    assertThat(replaced)
        .isEqualTo(
            new Revocation(id, tenant, "second", NOW.plus(Duration.ofHours(1)), NOW.plus(DAY)));
    assertThat(isRevoked(tenant, id)).isTrue();
    assertThat(revoke(tenant, id, "third", NOW.plus(DAY).plus(DAY)))
        .as("a revoke while the replacement is in force")
        .isEqualTo(replaced);
  }

  @Test
  void anIdNeverRevokedIsNotRevoked() {
    IssuedToken issued = newToken(tenant, alice.id());
    revoke(tenant, TokenId.random(), "another token", issued.token().expiresAt());

    assertThat(isRevoked(tenant, issued.token().id())).isFalse();
    assertThat(isRevoked(tenant, TokenId.random())).isFalse();
  }

  @Test
  void revokingOneTokenLeavesTheOthersActive() {
    IssuedToken revoked = newToken(tenant, alice.id());
    IssuedToken kept = newToken(tenant, alice.id());

    revoke(tenant, revoked.token().id(), "leaked", revoked.token().expiresAt());

    assertThat(validate(kept.hash())).contains(kept.token());
    assertThat(listActive(tenant)).containsExactly(kept.token());
  }
}
