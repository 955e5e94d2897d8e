package dev.catalogstore.tck.permission;

import static dev.catalogstore.tck.SampleTenant.CATALOG;
import static dev.catalogstore.tck.SampleTenant.ORDERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.GovernanceIsolationSuite;
import dev.catalogstore.tck.IsolationCase;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TenantSnapshot;
import org.junit.jupiter.api.Test;

/**
 * Tenant isolation of the {@code permissions()} facet: one {@link IsolationCase} per method, each
 * proving that no permission of tenant A is observable or changeable through tenant B, that B
 * cannot grant to A's users, and that a grant under B cannot name anything of A (see {@link
 * GovernanceIsolationSuite}).
 */
public abstract class PermissionIsolationContract extends GovernanceIsolationSuite {

  @Test
  @IsolationCase("permissions.grant")
  void grantReachesOnlyTheCallersUsersAndScopes() {
    GovernedTwins twins = governedTwins();
    createAOnlyCatalog(twins.twins());
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);
    Grant onBsLake = catalogGrant(b, CATALOG, Action.READ);

    assertMissing(
        ObjectType.USER, () -> store().permissions().grant(b, twins.a().bob().id(), onBsLake));
    assertMissing(
        ObjectType.CATALOG,
        () ->
            store()
                .permissions()
                .grant(b, twins.b().bob().id(), catalogGrant(a, CATALOG, Action.READ)));
    assertMissing(
        ObjectType.CATALOG,
        () ->
            store()
                .permissions()
                .grant(
                    b,
                    twins.b().bob().id(),
                    Grant.of(PermissionScope.AssetScope.of(a, ORDERS), Action.READ)));
    assertMissing(
        ObjectType.TENANT,
        () ->
            store()
                .permissions()
                .grant(b, twins.b().bob().id(), Grant.of(tenantScope(a), Action.ALL)));
    assertMissing(
        ObjectType.CATALOG,
        () ->
            store()
                .permissions()
                .grant(b, twins.b().bob().id(), catalogGrant(b, A_ONLY_CATALOG, Action.READ)));
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    // The grant A's alice holds, given to B's alice, is a new permission of B: never A's.
    Grant same =
        new Grant(
            PermissionScope.AssetScope.of(b, ORDERS), twins.a().aliceGrant().grant().actions());
    Permission granted = await(store().permissions().grant(b, twins.b().alice().id(), same));
    assertThat(granted).isEqualTo(twins.b().aliceGrant());
    Permission bobs = await(store().permissions().grant(b, twins.b().bob().id(), onBsLake));
    assertThat(bobs.tenant()).isEqualTo(b);
    assertThat(bobs.id()).isNotIn(twins.a().aliceGrant().id(), twins.a().adminGrant().id());
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("permissions.revoke")
  void revokeRemovesTheCallersPermissionsOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    TenantSnapshot aBefore = snapshot(a);
    TenantSnapshot bBefore = snapshot(b);

    assertThat(await(store().permissions().revoke(b, twins.a().aliceGrant().id())))
        .as("revoking A's permission under B removes nothing")
        .isFalse();
    assertUnchanged(a, aBefore);
    assertUnchanged(b, bBefore);

    assertThat(await(store().permissions().revoke(b, twins.b().aliceGrant().id()))).isTrue();
    assertUnchanged(a, aBefore);
  }

  @Test
  @IsolationCase("permissions.list")
  void listPermissionsShowsTheCallersOnlyAndRefusesAnotherTenantsToken() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    Permission aOnly =
        await(
            store()
                .permissions()
                .grant(a, twins.a().bob().id(), catalogGrant(a, CATALOG, Action.LIST)));
    String aToken =
        await(store().permissions().list(a, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertThat(PagedReads.all(page -> store().permissions().list(b, page)))
        .containsExactlyInAnyOrder(twins.b().aliceGrant(), twins.b().adminGrant());
    assertThat(PagedReads.all(page -> store().permissions().list(a, page)))
        .containsExactlyInAnyOrder(twins.a().aliceGrant(), twins.a().adminGrant(), aOnly);
    assertInvalid(
        "page.pageToken", () -> store().permissions().list(b, PageRequest.nextPage(aToken, 1)));
  }

  @Test
  @IsolationCase("permissions.listUserPermissions")
  void listUserPermissionsShowsTheCallersGrantsOnly() {
    GovernedTwins twins = governedTwins();
    TenantId a = twins.a().tenant();
    TenantId b = twins.b().tenant();
    String aToken =
        await(
                store()
                    .permissions()
                    .listUserPermissions(a, twins.a().alice().id(), PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    var bAlices =
        PagedReads.all(
            page -> store().permissions().listUserPermissions(b, twins.b().alice().id(), page));
    assertThat(bAlices)
        .extracting(EffectivePermission::grant)
        .allSatisfy(grant -> assertThat(grant.scope().tenant()).isEqualTo(b))
        .hasSize(2);
    assertThat(bAlices)
        .extracting(EffectivePermission::id)
        .doesNotContain(twins.a().aliceGrant().id())
        .contains(twins.b().aliceGrant().id());
    assertMissing(
        ObjectType.USER,
        () ->
            store()
                .permissions()
                .listUserPermissions(b, twins.a().alice().id(), PageRequest.firstPage()));
    assertInvalid(
        "page.pageToken",
        () ->
            store()
                .permissions()
                .listUserPermissions(b, twins.b().alice().id(), PageRequest.nextPage(aToken, 1)));
  }
}
