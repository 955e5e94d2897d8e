package dev.catalogstore.tck.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.token.Revocation;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Specifies revocations: a revocation holds its reason, the time it was made and its expiry; it is
 * in force until its {@code expiresAt} (excluded), which is never earlier than the expiry of the
 * recorded token it revokes, so a revoked token never validates again; a revoke that would not be
 * in force now is refused; a second revoke while one is in force keeps the first reason and time
 * and only ever extends the expiry, while an expired one is replaced; any id may be revoked,
 * recorded or not, and a token recorded later under a revoked id is not active.
 *
 * <p>Every test starts with a fresh tenant holding user {@code alice}; the tests stop the store's
 * clock and are skipped without a controllable one.
 */
public abstract class TokenRevocationContract extends TokenSuite {

  @Test
  void aRevocationHoldsItsReasonItsTimeAndItsExpiry() {
    freezeClockAtNow();
    IssuedToken issued = newToken(tenant, alice.id(), NOW.plus(DAY));

    Revocation revocation = revoke(tenant, issued.token().id(), "leaked in a log", NOW.plus(DAY));

    assertThat(revocation)
        .isEqualTo(
            new Revocation(issued.token().id(), tenant, "leaked in a log", NOW, NOW.plus(DAY)));
    assertThat(isRevoked(tenant, issued.token().id())).isTrue();
  }

  @Test
  void aSecondRevokeKeepsTheFirstReasonAndTimeAndNeverShortensTheExpiry() {
    TckClock clock = freezeClockAtNow();
    TokenId id = TokenId.random();
    Revocation first = revoke(tenant, id, "first", NOW.plus(DAY));
    clock.advance(Duration.ofHours(1));

    Revocation shorter = revoke(tenant, id, "shorter", NOW.plus(Duration.ofHours(2)));

    assertThat(shorter).as("a second revoke with an earlier expiry").isEqualTo(first);
    clock.freezeAt(NOW.plus(DAY).minus(ONE_MICRO));
    assertThat(isRevoked(tenant, id)).as("revoked 1µs before the first expiry").isTrue();
    clock.freezeAt(NOW.plus(DAY));
    assertThat(isRevoked(tenant, id)).as("revoked at the first expiry").isFalse();
  }

  @Test
  void aSecondRevokeWithALaterExpiryExtendsTheRevocationInForce() {
    TckClock clock = freezeClockAtNow();
    TokenId id = TokenId.random();
    Revocation first = revoke(tenant, id, "first", NOW.plus(DAY));
    clock.advance(Duration.ofHours(1));

    Revocation extended = revoke(tenant, id, "second", NOW.plus(DAY).plus(DAY));

    assertThat(extended)
        .isEqualTo(new Revocation(id, tenant, "first", NOW, NOW.plus(DAY).plus(DAY)));
    clock.freezeAt(NOW.plus(DAY).plus(DAY).minus(ONE_MICRO));
    assertThat(isRevoked(tenant, id)).as("revoked until the later expiry").isTrue();
    assertThat(first.expiresAt()).isEqualTo(NOW.plus(DAY));
  }

  @Test
  void aRecordedTokenStaysRevokedUntilItsOwnExpiryWhateverTheRevocationSays() {
    TckClock clock = freezeClockAtNow();
    IssuedToken issued = newToken(tenant, alice.id(), NOW.plus(DAY).plus(DAY));

    Revocation revocation =
        revoke(tenant, issued.token().id(), "short", NOW.plus(Duration.ofHours(1)));

    assertThat(revocation.expiresAt()).isEqualTo(NOW.plus(DAY).plus(DAY));
    clock.advance(DAY);
    await(store().tokens().cleanupExpired());
    assertThat(isRevoked(tenant, issued.token().id())).as("a day later, after a sweep").isTrue();
    assertThat(validate(issued.hash())).as("the revoked token a day later").isEmpty();
  }

  @Test
  void aRevokeThatWouldNotBeInForceNowIsRefusedAndChangesNothing() {
    freezeClockAtNow();
    TokenId unrecorded = TokenId.random();
    IssuedToken expired = newToken(tenant, alice.id(), NOW);

    assertInvalid("expiresAt", () -> store().tokens().revoke(tenant, unrecorded, "late", NOW));
    assertInvalid(
        "expiresAt",
        () -> store().tokens().revoke(tenant, expired.token().id(), "late", NOW.minusSeconds(1)));

    assertThat(isRevoked(tenant, unrecorded)).isFalse();
    assertThat(isRevoked(tenant, expired.token().id())).isFalse();
  }

  @Test
  void aRevokeOfALiveRecordedTokenMayNameAnExpiryInThePast() {
    freezeClockAtNow();
    IssuedToken issued = newToken(tenant, alice.id(), NOW.plus(DAY));

    Revocation revocation =
        revoke(tenant, issued.token().id(), "leaked", NOW.minus(Duration.ofHours(1)));

    assertThat(revocation.expiresAt()).isEqualTo(NOW.plus(DAY));
    assertThat(validate(issued.hash())).isEmpty();
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
    revoke(tenant, expiringNow, "r", NOW.plus(DAY));

    assertThat(isRevoked(tenant, lastMicro)).as("a revocation expiring 1µs after now").isTrue();
    clock.freezeAt(NOW.plus(DAY));
    assertThat(isRevoked(tenant, expiringNow)).as("a revocation expiring at now").isFalse();
    clock.freezeAt(NOW);

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
    assertThat(revoke(tenant, id, "third", NOW.plus(Duration.ofHours(2))))
        .as("a revoke with an earlier expiry while the replacement is in force")
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

  @Test
  void aTokenRecordedUnderARevokedIdStaysRevokedAsLongAsItLives() {
    TckClock clock = freezeClockAtNow();
    TokenId id = TokenId.random();
    revoke(tenant, id, "revoked before use", NOW.plus(Duration.ofHours(1)));

    IssuedToken issued = newToken(tenant, id, alice.id(), NOW.plus(DAY));
    clock.advance(Duration.ofHours(2));
    await(store().tokens().cleanupExpired());

    assertThat(isRevoked(tenant, id)).as("two hours later, after a sweep").isTrue();
    assertThat(validate(issued.hash())).as("the token recorded under the revoked id").isEmpty();
    assertThat(listActive(tenant)).isEmpty();
  }
}
