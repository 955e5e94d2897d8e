package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.NewToken;
import dev.catalogstore.api.token.TokenHash;
import dev.catalogstore.api.token.TokenId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The store-wide digest index: a digest is claimed by exactly one owner however creates race, is
 * never left claimed by a create that failed, and is released (not only hidden) when its owner or
 * the owner's tenant goes, so that the same digest can be claimed again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CredentialIndexTest {
  private final InMemoryCatalogStore store = new InMemoryCatalogStore();

  @Test
  void racingCreatesOfOneDigestInManyTenantsLeaveExactlyOneOwner() throws Exception {
    int racers = 8;
    List<TenantId> tenants = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      tenants.add(tenant());
    }
    ApiKeyHash digest = ApiKeyHash.sha256Of("shared-" + UUID.randomUUID());
    ExecutorService threads = Executors.newFixedThreadPool(racers);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<CompletableFuture<ServiceUser>>> calls = new ArrayList<>();
      for (TenantId tenant : tenants) {
        calls.add(
            threads.submit(
                () -> {
                  start.await();
                  return store
                      .serviceUsers()
                      .create(tenant, NewServiceUser.of("svc", RoleKind.TENANT_USER, digest));
                }));
      }
      start.countDown();
      List<ServiceUser> winners = new ArrayList<>();
      for (Future<CompletableFuture<ServiceUser>> call : calls) {
        try {
          winners.add(call.get().join());
        } catch (CompletionException e) {
          assertThat(e.getCause()).isInstanceOf(AlreadyExistsException.class);
        }
      }

      assertThat(winners).hasSize(1);
      ServiceUser found = store.serviceUsers().findByApiKeyHash(digest).join().orElseThrow();
      assertThat(found).isEqualTo(winners.get(0));
      for (TenantId tenant : tenants) {
        int held = store.serviceUsers().list(tenant, firstPage()).join().items().size();
        assertThat(held).isEqualTo(tenant.equals(found.tenant()) ? 1 : 0);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aCreateRefusedForItsNameLeavesItsDigestFree() {
    TenantId tenant = tenant();
    ApiKeyHash first = ApiKeyHash.sha256Of("first-" + UUID.randomUUID());
    ApiKeyHash second = ApiKeyHash.sha256Of("second-" + UUID.randomUUID());
    store
        .serviceUsers()
        .create(tenant, NewServiceUser.of("svc", RoleKind.TENANT_USER, first))
        .join();

    CompletableFuture<ServiceUser> refused =
        store.serviceUsers().create(tenant, NewServiceUser.of("svc", RoleKind.TENANT_USER, second));

    assertThat(refused).isCompletedExceptionally();
    ServiceUser claimed =
        store
            .serviceUsers()
            .create(tenant(), NewServiceUser.of("other", RoleKind.TENANT_USER, second))
            .join();
    assertThat(store.serviceUsers().findByApiKeyHash(second).join()).contains(claimed);
  }

  @Test
  void aDeletedTenantsDigestsCanBeClaimedAgain() {
    TenantId doomed = tenant();
    ApiKeyHash key = ApiKeyHash.sha256Of("key-" + UUID.randomUUID());
    TokenHash token = TokenHash.sha256Of("token-" + UUID.randomUUID());
    store.serviceUsers().create(doomed, NewServiceUser.of("svc", RoleKind.TENANT_USER, key)).join();
    UserId user = store.users().create(doomed, NewUser.of("u", RoleKind.TENANT_USER)).join().id();
    store.tokens().create(doomed, new NewToken(TokenId.random(), user, token, later())).join();

    store.tenants().delete(doomed).join();

    TenantId heir = tenant();
    UserId heirUser = store.users().create(heir, NewUser.of("u", RoleKind.TENANT_USER)).join().id();
    store.serviceUsers().create(heir, NewServiceUser.of("svc", RoleKind.TENANT_USER, key)).join();
    store.tokens().create(heir, new NewToken(TokenId.random(), heirUser, token, later())).join();
    assertThat(store.serviceUsers().findByApiKeyHash(key).join().orElseThrow().tenant())
        .isEqualTo(heir);
    assertThat(store.tokens().validate(token).join().orElseThrow().tenant()).isEqualTo(heir);
  }

  @Test
  void aDeletedUsersTokenDigestsCanBeClaimedAgain() {
    TenantId tenant = tenant();
    TokenHash token = TokenHash.sha256Of("token-" + UUID.randomUUID());
    UserId gone =
        store.users().create(tenant, NewUser.of("gone", RoleKind.TENANT_USER)).join().id();
    store.tokens().create(tenant, new NewToken(TokenId.random(), gone, token, later())).join();

    store.users().delete(tenant, gone).join();

    UserId next =
        store.users().create(tenant, NewUser.of("next", RoleKind.TENANT_USER)).join().id();
    store.tokens().create(tenant, new NewToken(TokenId.random(), next, token, later())).join();
    assertThat(store.tokens().validate(token).join().orElseThrow().user()).isEqualTo(next);
  }

  private TenantId tenant() {
    return store.tenants().create(NewTenant.named("t-" + UUID.randomUUID())).join().id();
  }

  private static Instant later() {
    return Instant.now().plusSeconds(3600);
  }

  private static PageRequest firstPage() {
    return PageRequest.firstPage(10);
  }
}
