package dev.catalogstore.tck.serviceuser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.serviceuser.ApiKeyHash;
import dev.catalogstore.api.serviceuser.NewServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserUpdate;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.tck.GovernanceIsolationSuite;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code serviceUsers()} facet: one {@link IsolationCase} per method, each
 * proving that no service user of tenant A is observable or changeable through tenant B, although
 * both have a service user of the same name, and that a key's digest finds its owner's service user
 * with its owner's tenant only (see {@link GovernanceIsolationSuite}).
 */
public abstract class ServiceUserIsolationContract extends GovernanceIsolationSuite {

  @Test
  @IsolationCase("serviceUsers.create")
  void createServiceUserTakesANameInTheCallersTenantOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertFails(
        AlreadyExistsException.class,
        () -> store().serviceUsers().create(b, NewServiceUser.of(INGEST, kind(), freshHash())));
    // A's digest is taken store-wide, and saying so under B reveals nothing: B holds A's key.
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .serviceUsers()
                .create(b, NewServiceUser.of("other", kind(), twins.a().ingestHash())));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    ServiceUser created =
        await(store().serviceUsers().create(b, NewServiceUser.of("new", kind(), freshHash())));
    assertThat(created.tenant()).isEqualTo(b);
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("serviceUsers.get")
  void getServiceUserReadsTheCallersOnly() {
    GovernedTwins twins = governedTwins();

    assertThat(await(store().serviceUsers().get(twins.b().tenant(), twins.a().ingest().id())))
        .isEmpty();
    assertThat(await(store().serviceUsers().get(TenantId.SYSTEM, twins.a().ingest().id())))
        .isEmpty();
    assertThat(await(store().serviceUsers().get(twins.b().tenant(), twins.b().ingest().id())))
        .contains(twins.b().ingest());
    assertThat(await(store().serviceUsers().get(twins.a().tenant(), twins.a().ingest().id())))
        .contains(twins.a().ingest());
  }

  @Test
  @IsolationCase("serviceUsers.list")
  void listServiceUsersShowsTheCallersOnlyAndRefusesAnotherTenantsToken() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    await(store().serviceUsers().create(a, NewServiceUser.of("a-only", kind(), freshHash())));
    String aToken =
        await(store().serviceUsers().list(a, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().serviceUsers().list(b, page)))
        .containsExactly(twins.b().ingest());
    assertThat(PagedReads.all(page -> store().serviceUsers().list(a, page)))
        .extracting(ServiceUser::name)
        .containsExactly("a-only", INGEST);
    assertInvalid(
        "page.pageToken", () -> store().serviceUsers().list(b, PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("serviceUsers.update")
  void updateServiceUserChangesTheCallersOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);
    ServiceUserUpdate deactivate = ServiceUserUpdate.builder().active(false).build();

    assertMissing(
        ObjectType.SERVICE_USER,
        () -> store().serviceUsers().update(b, twins.a().ingest().id(), deactivate));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    await(store().serviceUsers().update(b, twins.b().ingest().id(), deactivate));
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.b().ingestHash()))).isEmpty();
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.a().ingestHash())))
        .contains(twins.a().ingest());
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("serviceUsers.replaceApiKey")
  void replaceApiKeyRotatesTheCallersKeyOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);
    ApiKeyHash fresh = ApiKeyHash.sha256Of(randomSecret());

    assertMissing(
        ObjectType.SERVICE_USER,
        () -> store().serviceUsers().replaceApiKey(b, twins.a().ingest().id(), fresh));
    assertFails(
        AlreadyExistsException.class,
        () ->
            store()
                .serviceUsers()
                .replaceApiKey(b, twins.b().ingest().id(), twins.a().ingestHash()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);
    assertThat(await(store().serviceUsers().findByApiKeyHash(fresh))).isEmpty();

    await(store().serviceUsers().replaceApiKey(b, twins.b().ingest().id(), fresh));
    assertThat(await(store().serviceUsers().findByApiKeyHash(fresh)).orElseThrow().tenant())
        .isEqualTo(b);
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.b().ingestHash()))).isEmpty();
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.a().ingestHash())))
        .contains(twins.a().ingest());
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("serviceUsers.delete")
  void deleteServiceUserRemovesTheCallersOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.SERVICE_USER, () -> store().serviceUsers().delete(b, twins.a().ingest().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    await(store().serviceUsers().delete(b, twins.b().ingest().id()));
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.b().ingestHash()))).isEmpty();
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.a().ingestHash())))
        .contains(twins.a().ingest());
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("serviceUsers.recordUse")
  void recordUseTouchesTheCallersServiceUserOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertMissing(
        ObjectType.SERVICE_USER,
        () -> store().serviceUsers().recordUse(b, twins.a().ingest().id()));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    ServiceUser used = await(store().serviceUsers().recordUse(b, twins.b().ingest().id()));
    assertThat(used.lastUsedAt()).isPresent();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("serviceUsers.findByApiKeyHash")
  void findByApiKeyHashFindsTheKeysOwnerWithItsTenantOnly() {
    GovernedTwins twins = governedTwins();
    TenantSnapshot aBefore = snapshot(twins.a().tenant());
    TenantSnapshot bBefore = snapshot(twins.b().tenant());

    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.a().ingestHash())))
        .contains(twins.a().ingest());
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.b().ingestHash())))
        .contains(twins.b().ingest());
    assertThat(await(store().serviceUsers().findByApiKeyHash(freshHash()))).isEmpty();
    // The lookup records no use, in either tenant.
    assertUnchanged(twins.a().tenant(), aBefore);
    assertUnchanged(twins.b().tenant(), bBefore);

    // Once A's service user is gone, its key finds nothing, not B's namesake.
    await(store().serviceUsers().delete(twins.a().tenant(), twins.a().ingest().id()));
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.a().ingestHash()))).isEmpty();
    assertThat(await(store().serviceUsers().findByApiKeyHash(twins.b().ingestHash())))
        .contains(twins.b().ingest());
  }

  private static ApiKeyHash freshHash() {
    return ApiKeyHash.sha256Of(randomSecret());
  }

  private static RoleKind kind() {
    return RoleKind.TENANT_USER;
  }
}
