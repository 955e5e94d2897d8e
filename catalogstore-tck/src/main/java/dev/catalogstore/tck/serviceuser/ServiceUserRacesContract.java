package dev.catalogstore.tck.serviceuser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.Race;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Concurrent creates of service users ({@link Race}: racers alternate between the store and its
 * peer): of creates with one digest, in two tenants and under different names, exactly one wins and
 * the key resolves to it; of creates with one name in one tenant, exactly one wins.
 */
public abstract class ServiceUserRacesContract extends ServiceUserSuite {

  @Test
  void ofConcurrentCreatesWithOneDigestInTwoTenantsExactlyOneWins() {
    TenantId other = newTenant();
    ApiKeyHash hash = freshKeyHash();

    List<Race.Outcome<ServiceUser>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) ->
                store
                    .serviceUsers()
                    .create(racer % 2 == 0 ? tenant : other, named("bot-" + racer, hash)));

    ServiceUser winner = Race.assertOneWinner(outcomes, AlreadyExistsException.class).value();
    assertThat(findByKey(hash)).contains(winner);
    assertThat(list(winner.tenant())).containsExactly(winner);
    assertThat(list(winner.tenant().equals(tenant) ? other : tenant))
        .as("the losing tenant's service users")
        .isEmpty();
  }

  @Test
  void ofConcurrentCreatesWithOneNameInOneTenantExactlyOneWins() {
    List<ApiKeyHash> keys = new ArrayList<>();
    for (int racer = 0; racer < Race.RACERS; racer++) {
      keys.add(freshKeyHash());
    }

    List<Race.Outcome<ServiceUser>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) -> store.serviceUsers().create(tenant, named("bot", keys.get(racer))));

    Race.Outcome<ServiceUser> winner = Race.assertOneWinner(outcomes, AlreadyExistsException.class);
    assertThat(list(tenant)).containsExactly(winner.value());
    for (int racer = 0; racer < Race.RACERS; racer++) {
      assertThat(findByKey(keys.get(racer)).isPresent())
          .as("whether the key of racer %d resolves", racer)
          .isEqualTo(racer == winner.racer());
    }
  }

  @Test
  void ofConcurrentKeyRotationsToOneDigestInTwoTenantsExactlyOneWins() {
    TenantId other = newTenant();
    List<ServiceUser> bots = new ArrayList<>();
    for (int racer = 0; racer < Race.RACERS; racer++) {
      bots.add(create(racer % 2 == 0 ? tenant : other, named("bot-" + racer, freshKeyHash())));
    }
    ApiKeyHash hash = freshKeyHash();

    List<Race.Outcome<ServiceUser>> outcomes =
        Race.run(
            store(),
            peerStore(),
            (store, racer) -> {
              ServiceUser bot = bots.get(racer);
              return store.serviceUsers().replaceApiKey(bot.tenant(), bot.id(), hash);
            });

    ServiceUser winner = Race.assertOneWinner(outcomes, AlreadyExistsException.class).value();
    assertThat(findByKey(hash)).contains(winner);
    for (ServiceUser bot : bots) {
      if (!bot.id().equals(winner.id())) {
        assertThat(reread(bot)).as("a service user whose rotation lost").isEqualTo(bot);
      }
    }
  }
}
