package dev.catalogstore.tck.serviceuser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.TimeSuite;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time of service users (see {@link TimeSuite}; skipped without a controllable clock): a create
 * stamps {@code createdAt == updatedAt == now}; every successful update, even one naming nothing,
 * moves {@code updatedAt} to now and keeps {@code createdAt}; a clock set back never moves {@code
 * updatedAt} backwards; a key rotation is stamped like an update; a failed update or rotation and a
 * recorded use leave {@code updatedAt} alone; whether a key is accepted is decided by the store's
 * clock, not the wall clock.
 */
public abstract class ServiceUserTimeContract extends TimeSuite {
  private TenantId tenant;

  @BeforeEach
  void createTheTenantAtT0() {
    tenant = newTenant();
  }

  @Test
  void aServiceUserIsStampedWhenCreated() {
    ServiceUser bot = create("bot", hash());

    assertThat(bot.createdAt()).as("createdAt").isEqualTo(T0_MICROS);
    assertThat(bot.updatedAt()).as("updatedAt").isEqualTo(T0_MICROS);
    assertThat(bot.lastUsedAt()).as("lastUsedAt").isEmpty();
    assertThat(reread(bot)).isEqualTo(bot);
  }

  @Test
  void anUpdateMovesUpdatedAtAndKeepsCreatedAt() {
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    ServiceUser updated = update(bot, ServiceUserUpdate.builder().description("d").build());

    assertStamped(bot.createdAt(), bot.updatedAt(), updated.createdAt(), updated.updatedAt());
    assertThat(reread(bot)).isEqualTo(updated);
  }

  @Test
  void anUpdateNamingNothingStillMovesUpdatedAt() {
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    ServiceUser updated = update(bot, ServiceUserUpdate.builder().build());

    assertStamped(bot.createdAt(), bot.updatedAt(), updated.createdAt(), updated.updatedAt());
  }

  @Test
  void anUpdateByAClockSetBackKeepsUpdatedAt() {
    ServiceUser bot = create("bot", hash());
    clock.freezeAt(T0.minus(LATER));

    ServiceUser updated = update(bot, ServiceUserUpdate.builder().name("bot-2").build());

    assertThat(updated.updatedAt())
        .as("updatedAt after an update at an earlier clock")
        .isEqualTo(T0_MICROS);
    assertThat(updated.createdAt()).isEqualTo(T0_MICROS);
  }

  @Test
  void aKeyRotationMovesUpdatedAtAndNeverBackwards() {
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    ServiceUser rotated = await(store().serviceUsers().replaceApiKey(tenant, bot.id(), hash()));

    assertStamped(bot.createdAt(), bot.updatedAt(), rotated.createdAt(), rotated.updatedAt());
    clock.freezeAt(T0.minus(LATER));
    ServiceUser again = await(store().serviceUsers().replaceApiKey(tenant, bot.id(), hash()));
    assertThat(again.updatedAt())
        .as("updatedAt after a rotation at an earlier clock")
        .isEqualTo(rotated.updatedAt());
  }

  @Test
  void aFailedKeyRotationMovesNoTime() {
    ApiKeyHash taken = hash();
    create("holder", taken);
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    assertFails(
        AlreadyExistsException.class,
        () -> store().serviceUsers().replaceApiKey(tenant, bot.id(), taken));

    assertThat(reread(bot)).isEqualTo(bot);
  }

  @Test
  void aFailedUpdateMovesNoTime() {
    create("taken", hash());
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .serviceUsers()
                .update(tenant, bot.id(), ServiceUserUpdate.builder().name("taken").build()));

    assertThat(reread(bot)).isEqualTo(bot);
  }

  @Test
  void aRecordedUseIsStampedWithNowAndMovesNoOtherTime() {
    ServiceUser bot = create("bot", hash());
    clock.advance(LATER);

    ServiceUser used = await(store().serviceUsers().recordUse(tenant, bot.id()));

    assertThat(used.lastUsedAt()).as("lastUsedAt").contains(T0_MICROS.plus(LATER));
    assertThat(used.updatedAt()).as("updatedAt").isEqualTo(T0_MICROS);
    assertThat(used.createdAt()).as("createdAt").isEqualTo(T0_MICROS);
  }

  @Test
  void whetherAKeyIsAcceptedFollowsTheStoresClock() {
    // T0 lies years ahead of the wall clock: a store reading the wall clock still accepts the key
    ApiKeyHash hash = hash();
    ServiceUser bot =
        await(
            store()
                .serviceUsers()
                .create(
                    tenant,
                    NewServiceUser.of("bot", RoleKind.TENANT_USER, hash)
                        .expiringAt(T0.plus(LATER))));
    assertThat(await(store().serviceUsers().findByApiKeyHash(hash))).contains(bot);

    clock.advance(LATER);

    assertThat(await(store().serviceUsers().findByApiKeyHash(hash)))
        .as("the key once the store's clock reached its expiry")
        .isEmpty();
  }

  private static ApiKeyHash hash() {
    return ApiKeyHash.sha256Of(UUID.randomUUID() + "-" + UUID.randomUUID());
  }

  private ServiceUser create(String name, ApiKeyHash hash) {
    return await(
        store().serviceUsers().create(tenant, NewServiceUser.of(name, RoleKind.TENANT_USER, hash)));
  }

  private ServiceUser update(ServiceUser bot, ServiceUserUpdate update) {
    return await(store().serviceUsers().update(tenant, bot.id(), update));
  }

  private ServiceUser reread(ServiceUser bot) {
    return await(store().serviceUsers().get(tenant, bot.id())).orElseThrow();
  }
}
