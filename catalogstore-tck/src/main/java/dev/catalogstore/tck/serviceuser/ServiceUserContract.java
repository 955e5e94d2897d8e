package dev.catalogstore.tck.serviceuser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.TckClock;
import dev.catalogstore.tck.TckTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Specifies the service users facet: a create reads back everything it was given and never the
 * digest; names are unique per tenant, digests in the whole store; {@code ROOT} only in the system
 * tenant; the key lookup finds an accepted key with its tenant and nothing for an unknown, inactive
 * or expired one (expired from its {@code expiresAt} on, included); an update changes only what it
 * names; a recorded use stamps {@code lastUsedAt} with the clock, never backwards, and is not a
 * change; a deletion frees the name and the digest.
 *
 * <p>Every test starts with a fresh tenant. The expiry and recorded-use rules stop the store's
 * clock and are skipped without a controllable one.
 */
public abstract class ServiceUserContract extends ServiceUserSuite {

  @Test
  void aCreatedServiceUserReadsBackEverythingItWasGiven() {
    Instant expiry = Instant.parse("2999-01-02T03:04:05.123456789Z");
    NewServiceUser given =
        NewServiceUser.of("ingest-bot", RoleKind.TENANT_ADMIN, freshKeyHash())
            .withDescription("loads the nightly files")
            .expiringAt(expiry);

    ServiceUser created = create(tenant, given);

    assertThat(created.tenant()).isEqualTo(tenant);
    assertThat(created.name()).isEqualTo("ingest-bot");
    assertThat(created.description()).isEqualTo("loads the nightly files");
    assertThat(created.roleKind()).isEqualTo(RoleKind.TENANT_ADMIN);
    assertThat(created.active()).as("a new service user is active").isTrue();
    assertThat(created.expiresAt())
        .as("the expiry, kept to the microsecond")
        .contains(expiry.truncatedTo(ChronoUnit.MICROS));
    assertThat(created.lastUsedAt()).as("lastUsedAt of a service user never used").isEmpty();
    TckTime.assertCreated(created.createdAt(), created.updatedAt());
    assertThat(reread(created)).as("get").isEqualTo(created);
    assertThat(list(tenant)).as("list").containsExactly(created);
    assertThat(findByKey(given.apiKeyHash())).as("findByApiKeyHash").contains(created);
  }

  @Test
  void aServiceUserWithoutDescriptionOrExpiryReadsBackWithNeither() {
    ServiceUser created = create(tenant, named("plain", freshKeyHash()));

    assertThat(created.description()).isEmpty();
    assertThat(created.expiresAt()).isEmpty();
    assertThat(reread(created)).isEqualTo(created);
  }

  @Test
  void theDigestIsNeverReturned() {
    ApiKeyHash hash = freshKeyHash();
    ServiceUser created = create(tenant, named("bot", hash));
    ServiceUser used = await(store().serviceUsers().recordUse(tenant, created.id()));
    ServiceUser updated =
        await(
            store()
                .serviceUsers()
                .update(tenant, created.id(), ServiceUserUpdate.builder().name("bot-2").build()));

    List<Object> returned =
        List.of(
            created, used, updated, reread(created), list(tenant), findByKey(hash).orElseThrow());

    assertThat(ServiceUser.class.getRecordComponents())
        .as("the components of ServiceUser")
        .noneMatch(component -> component.getType() == ApiKeyHash.class);
    assertThat(returned)
        .as("everything the store returned")
        .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(hash.hex()));
    assertThat(hash.toString()).as("ApiKeyHash.toString").doesNotContain(hash.hex());
    assertThat(named("bot", hash).toString())
        .as("NewServiceUser.toString")
        .doesNotContain(hash.hex());
  }

  @Test
  void namesAreUniquePerTenant() {
    ServiceUser first = create(tenant, named("bot", freshKeyHash()));
    ApiKeyHash secondKey = freshKeyHash();

    assertFails(
        AlreadyExistsException.class,
        () -> store().serviceUsers().create(tenant, named("bot", secondKey)));

    assertThat(list(tenant)).containsExactly(first);
    assertThat(findByKey(secondKey)).as("the refused service user's key").isEmpty();
  }

  @Test
  void theSameNameMayBeUsedInTwoTenants() {
    TenantId other = newTenant();
    ServiceUser here = create(tenant, named("bot", freshKeyHash()));

    ServiceUser there = create(other, named("bot", freshKeyHash()));

    assertThat(there.id()).isNotEqualTo(here.id());
    assertThat(list(tenant)).containsExactly(here);
    assertThat(list(other)).containsExactly(there);
  }

  @Test
  void aDigestIsUniqueInTheWholeStore() {
    TenantId other = newTenant();
    ApiKeyHash hash = freshKeyHash();
    ServiceUser owner = create(tenant, named("bot", hash));

    assertFails(
        AlreadyExistsException.class,
        () -> store().serviceUsers().create(other, named("other-bot", hash)));
    assertFails(
        AlreadyExistsException.class,
        () -> store().serviceUsers().create(tenant, named("second-bot", hash)));

    assertThat(list(other)).as("the other tenant's service users").isEmpty();
    assertThat(list(tenant)).containsExactly(owner);
    assertThat(findByKey(hash)).contains(owner);
  }

  @Test
  void rootServiceUsersExistOnlyInTheSystemTenant() {
    ApiKeyHash hash = freshKeyHash();

    assertInvalid(
        "serviceUser.roleKind",
        () ->
            store()
                .serviceUsers()
                .create(tenant, NewServiceUser.of("root-bot", RoleKind.ROOT, hash)));

    assertThat(list(tenant)).isEmpty();
    assertThat(findByKey(hash)).isEmpty();
    ServiceUser root =
        create(TenantId.SYSTEM, NewServiceUser.of(uniqueName("root-bot"), RoleKind.ROOT, hash));
    try {
      assertThat(root.tenant()).isEqualTo(TenantId.SYSTEM);
      assertThat(root.roleKind()).isEqualTo(RoleKind.ROOT);
      assertThat(findByKey(hash)).contains(root);
    } finally {
      // the system tenant is shared by every test
      await(store().serviceUsers().delete(TenantId.SYSTEM, root.id()));
    }
  }

  @Test
  void anUpdateToRootOutsideTheSystemTenantIsRefusedAndChangesNothing() {
    ServiceUser bot = create(tenant, named("bot", freshKeyHash()));

    assertInvalid(
        "update.roleKind",
        () ->
            store()
                .serviceUsers()
                .update(
                    tenant,
                    bot.id(),
                    ServiceUserUpdate.builder().name("renamed").roleKind(RoleKind.ROOT).build()));

    assertThat(reread(bot)).isEqualTo(bot);
  }

  @Test
  void theKeyLookupFindsTheServiceUserWithItsTenant() {
    TenantId other = newTenant();
    ApiKeyHash hereKey = freshKeyHash();
    ApiKeyHash thereKey = freshKeyHash();
    ServiceUser here = create(tenant, named("bot", hereKey));
    ServiceUser there = create(other, named("bot", thereKey));

    assertThat(findByKey(hereKey)).contains(here);
    assertThat(findByKey(thereKey)).contains(there);
    assertThat(findByKey(thereKey).orElseThrow().tenant()).isEqualTo(other);
  }

  @Test
  void anUnknownDigestFindsNothing() {
    create(tenant, named("bot", freshKeyHash()));

    assertThat(findByKey(freshKeyHash())).isEmpty();
  }

  @Test
  void anInactiveServiceUserIsNotFoundByItsKeyUntilActiveAgain() {
    ApiKeyHash hash = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", hash));

    ServiceUser inactive = update(bot, b -> b.active(false));
    assertThat(inactive.active()).isFalse();
    assertThat(findByKey(hash)).as("the key of an inactive service user").isEmpty();
    assertThat(reread(bot).active()).as("get still reads it").isFalse();

    update(bot, b -> b.active(true));
    assertThat(findByKey(hash)).as("the key once active again").isPresent();
  }

  @Test
  void aKeyExpiringNowIsNotFoundAndOneExpiringAMicrosecondLaterIs() {
    TckClock clock = freezeClockAtNow();
    ApiKeyHash expiringNow = freshKeyHash();
    ApiKeyHash expiringNext = freshKeyHash();
    create(tenant, named("now", expiringNow).expiringAt(NOW));
    ServiceUser next = create(tenant, named("next", expiringNext).expiringAt(NOW.plus(ONE_MICRO)));

    assertThat(findByKey(expiringNow)).as("a key expiring at now").isEmpty();
    assertThat(findByKey(expiringNext)).as("a key expiring 1µs after now").contains(next);

    clock.advance(ONE_MICRO);
    assertThat(findByKey(expiringNext)).as("the same key 1µs later").isEmpty();
    assertThat(list(tenant)).as("expired service users are still listed").hasSize(2);
  }

  @Test
  void anExpiredKeyIsFoundAgainOnceItsExpiryIsClearedOrMoved() {
    freezeClockAtNow();
    ApiKeyHash hash = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", hash).expiringAt(NOW.minus(Duration.ofDays(1))));
    assertThat(findByKey(hash)).as("the expired key").isEmpty();

    ServiceUser cleared = update(bot, ServiceUserUpdate.Builder::neverExpires);
    assertThat(cleared.expiresAt()).isEmpty();
    assertThat(findByKey(hash)).as("the key once it never expires").contains(cleared);

    update(bot, b -> b.expiresAt(NOW));
    assertThat(findByKey(hash)).as("the key once it expires at now").isEmpty();
    ServiceUser moved = update(bot, b -> b.expiresAt(NOW.plus(ONE_MICRO)));
    assertThat(findByKey(hash)).as("the key once its expiry is 1µs away").contains(moved);
  }

  @Test
  void anUpdateChangesOnlyWhatItNames() {
    Instant expiry = Instant.parse("2999-01-01T00:00:00Z");
    ApiKeyHash hash = freshKeyHash();
    ServiceUser original =
        create(
            tenant,
            NewServiceUser.of("bot", RoleKind.TENANT_USER, hash)
                .withDescription("first")
                .expiringAt(expiry));
    Map<String, UnaryOperator<ServiceUserUpdate.Builder>> updates = new LinkedHashMap<>();
    updates.put("name", b -> b.name("bot-2"));
    updates.put("description", b -> b.description("second"));
    updates.put("active", b -> b.active(false));
    updates.put("expiresAt", b -> b.expiresAt(expiry.plusSeconds(60)));
    updates.put("roleKind", b -> b.roleKind(RoleKind.TENANT_ADMIN));
    updates.put("nothing", b -> b);

    ServiceUser before = original;
    for (Map.Entry<String, UnaryOperator<ServiceUserUpdate.Builder>> change : updates.entrySet()) {
      ServiceUser after = update(original, change.getValue());
      String part = change.getKey();

      assertThat(after.id()).isEqualTo(before.id());
      assertThat(after.tenant()).isEqualTo(before.tenant());
      assertThat(after.lastUsedAt()).isEqualTo(before.lastUsedAt());
      assertThat(after.createdAt()).isEqualTo(before.createdAt());
      assertThat(after.name())
          .as("name after an update of %s", part)
          .isEqualTo(part.equals("name") ? "bot-2" : before.name());
      assertThat(after.description())
          .as("description after an update of %s", part)
          .isEqualTo(part.equals("description") ? "second" : before.description());
      assertThat(after.active())
          .as("active after an update of %s", part)
          .isEqualTo(!part.equals("active") && before.active());
      assertThat(after.expiresAt())
          .as("expiresAt after an update of %s", part)
          .isEqualTo(
              part.equals("expiresAt") ? Optional.of(expiry.plusSeconds(60)) : before.expiresAt());
      assertThat(after.roleKind())
          .as("roleKind after an update of %s", part)
          .isEqualTo(part.equals("roleKind") ? RoleKind.TENANT_ADMIN : before.roleKind());
      assertThat(reread(original)).as("read back after an update of %s", part).isEqualTo(after);
      before = after;
    }
    update(original, b -> b.active(true));
    assertThat(findByKey(hash).map(ServiceUser::id))
        .as("the key after the updates: an update never changes the digest")
        .contains(original.id());
  }

  @Test
  void aRenameToATakenNameIsRefusedAndChangesNothing() {
    create(tenant, named("taken", freshKeyHash()));
    ServiceUser bot = create(tenant, named("bot", freshKeyHash()));

    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .serviceUsers()
                .update(
                    tenant,
                    bot.id(),
                    ServiceUserUpdate.builder().name("taken").description("changed").build()));

    assertThat(reread(bot)).isEqualTo(bot);
    assertThat(update(bot, b -> b.name("bot")).name())
        .as("a rename to its own name")
        .isEqualTo("bot");
  }

  @Test
  void aRecordedUseIsStampedWithTheClocksTime() {
    TckClock clock = freezeClockAtNow();
    ServiceUser bot = create(tenant, named("bot", freshKeyHash()));
    clock.advance(Duration.ofHours(1));

    ServiceUser used = await(store().serviceUsers().recordUse(tenant, bot.id()));

    assertThat(used.lastUsedAt()).contains(NOW.plus(Duration.ofHours(1)));
    assertThat(reread(bot)).isEqualTo(used);
  }

  @Test
  void aRecordedUseNeverMovesLastUsedAtBackwards() {
    TckClock clock = freezeClockAtNow();
    ServiceUser bot = create(tenant, named("bot", freshKeyHash()));
    clock.advance(Duration.ofHours(1));
    await(store().serviceUsers().recordUse(tenant, bot.id()));

    clock.freezeAt(NOW);
    ServiceUser usedAgain = await(store().serviceUsers().recordUse(tenant, bot.id()));

    assertThat(usedAgain.lastUsedAt())
        .as("lastUsedAt after a use recorded by a clock set back")
        .contains(NOW.plus(Duration.ofHours(1)));
    assertThat(reread(bot).lastUsedAt()).contains(NOW.plus(Duration.ofHours(1)));
  }

  @Test
  void aRecordedUseChangesNothingElseAndNotUpdatedAt() {
    TckClock clock = freezeClockAtNow();
    ServiceUser bot =
        create(
            tenant,
            named("bot", freshKeyHash())
                .withDescription("d")
                .expiringAt(NOW.plus(Duration.ofDays(9))));
    clock.advance(Duration.ofHours(1));

    ServiceUser used = await(store().serviceUsers().recordUse(tenant, bot.id()));

    assertThat(used.updatedAt()).as("updatedAt after a recorded use").isEqualTo(bot.updatedAt());
    assertThat(used).usingRecursiveComparison().ignoringFields("lastUsedAt").isEqualTo(bot);
    assertThat(reread(bot)).isEqualTo(used);
  }

  @Test
  void theKeyLookupRecordsNoUse() {
    ApiKeyHash hash = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", hash));

    assertThat(findByKey(hash)).contains(bot);

    assertThat(reread(bot).lastUsedAt()).isEmpty();
  }

  @Test
  void aDeletedServiceUsersKeyNoLongerResolvesAndItsNameAndDigestAreFree() {
    ApiKeyHash hash = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", hash));
    ServiceUser kept = create(tenant, named("kept", freshKeyHash()));

    await(store().serviceUsers().delete(tenant, bot.id()));

    assertThat(findByKey(hash)).as("the deleted service user's key").isEmpty();
    assertThat(await(store().serviceUsers().get(tenant, bot.id()))).isEmpty();
    assertThat(list(tenant)).containsExactly(kept);
    ServiceUser again = create(tenant, named("bot", hash));
    assertThat(again.id()).isNotEqualTo(bot.id());
    assertThat(findByKey(hash)).contains(again);
  }

  @Test
  void aRotatedKeyResolvesAndTheOldOneNoLongerDoesWhileAllElseStays() {
    TckClock clock = freezeClockAtNow();
    ApiKeyHash old = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", old).expiringAt(NOW.plusSeconds(3600)));
    ServiceUser used = await(store().serviceUsers().recordUse(tenant, bot.id()));
    clock.advance(Duration.ofSeconds(5));
    ApiKeyHash rotated = freshKeyHash();

    ServiceUser after = await(store().serviceUsers().replaceApiKey(tenant, bot.id(), rotated));

    assertThat(after)
        .isEqualTo(
            new ServiceUser(
                bot.id(),
                tenant,
                "bot",
                bot.description(),
                bot.roleKind(),
                true,
                bot.expiresAt(),
                used.lastUsedAt(),
                bot.createdAt(),
                NOW.plusSeconds(5)));
    assertThat(reread(bot)).isEqualTo(after);
    assertThat(findByKey(rotated)).contains(after);
    assertThat(findByKey(old)).as("the key before the rotation").isEmpty();
    ServiceUser heir = create(tenant, named("heir", old));
    assertThat(findByKey(old)).as("the old digest, free again").contains(heir);
  }

  @Test
  void aKeyCannotBeRotatedToADigestHeldAnywhereNotEvenItsOwn() {
    ApiKeyHash own = freshKeyHash();
    ApiKeyHash neighbours = freshKeyHash();
    ApiKeyHash elsewhere = freshKeyHash();
    ServiceUser bot = create(tenant, named("bot", own));
    ServiceUser neighbour = create(tenant, named("neighbour", neighbours));
    TenantId other = newTenant();
    ServiceUser stranger = create(other, named("bot", elsewhere));

    for (ApiKeyHash taken : List.of(own, neighbours, elsewhere)) {
      assertFails(
          AlreadyExistsException.class,
          () -> store().serviceUsers().replaceApiKey(tenant, bot.id(), taken));
    }

    assertThat(reread(bot)).isEqualTo(bot);
    assertThat(findByKey(own)).contains(bot);
    assertThat(findByKey(neighbours)).contains(neighbour);
    assertThat(findByKey(elsewhere)).contains(stranger);
  }

  @Test
  void aMissingServiceUserIsNotFound() {
    ServiceUserId missing = ServiceUserId.random();
    create(tenant, named("bot", freshKeyHash()));

    assertThat(await(store().serviceUsers().get(tenant, missing))).isEmpty();
    List.<NotFoundException>of(
            assertFails(
                NotFoundException.class,
                () ->
                    store()
                        .serviceUsers()
                        .update(tenant, missing, ServiceUserUpdate.builder().name("x").build())),
            assertFails(
                NotFoundException.class, () -> store().serviceUsers().delete(tenant, missing)),
            assertFails(
                NotFoundException.class, () -> store().serviceUsers().recordUse(tenant, missing)),
            assertFails(
                NotFoundException.class,
                () -> store().serviceUsers().replaceApiKey(tenant, missing, freshKeyHash())))
        .forEach(e -> assertThat(e.missing()).as("%s", e).isEqualTo(ObjectType.SERVICE_USER));
  }

  @Test
  void serviceUsersAreListedByNameInCodePointOrder() {
    for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "a.b")) {
      create(tenant, named(name, freshKeyHash()));
    }

    assertThat(list(tenant))
        .extracting(ServiceUser::name)
        .containsExactly("B", "a", "a.b", "é", "日", "ｚ", "😀");
  }

  private ServiceUser update(
      ServiceUser serviceUser, UnaryOperator<ServiceUserUpdate.Builder> how) {
    return await(
        store()
            .serviceUsers()
            .update(
                serviceUser.tenant(),
                serviceUser.id(),
                how.apply(ServiceUserUpdate.builder()).build()));
  }
}
