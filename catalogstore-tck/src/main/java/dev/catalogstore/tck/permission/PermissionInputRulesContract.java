package dev.catalogstore.tck.permission;

import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.GovernanceInputRulesSuite;
import dev.catalogstore.tck.role.RoleInputRulesContract;
import org.junit.jupiter.api.Test;

/**
 * Input rules of the {@code permissions()} facet, for every method: each invalid input refused on
 * its exact field, also under a missing tenant, changing nothing (see {@link
 * GovernanceInputRulesSuite}). A grant is refused exactly as a role's grant is ({@link
 * RoleInputRulesContract#badGrants()}), on {@code grant} and its parts.
 */
public abstract class PermissionInputRulesContract extends GovernanceInputRulesSuite {

  @Test
  void grantRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    UserId user = world.user.id();
    Refusals refusals = new Refusals(world);
    refusals.refuse(
        "null tenant", "tenant", t -> store().permissions().grant(null, user, catGrant(t)));
    refusals.refuse("null user", "user", t -> store().permissions().grant(t, null, catGrant(t)));
    RoleInputRulesContract.badGrants()
        .forEach(
            (suffix, bad) ->
                refusals.refuse(
                    "grant" + suffix,
                    "grant" + suffix.strip(),
                    t -> store().permissions().grant(t, user, bad.apply(t))));
    refusals.verify();
  }

  @Test
  void everyOtherMethodRefusesEachInvalidInputOnItsField() {
    GovWorld world = new GovWorld();
    UserId user = world.user.id();
    PermissionId permission = world.permission.id();
    PageRequest first = PageRequest.firstPage();
    Refusals refusals = new Refusals(world);
    refusals.refuse(
        "revoke null tenant", "tenant", t -> store().permissions().revoke(null, permission));
    refusals.refuse(
        "revoke null permission", "permission", t -> store().permissions().revoke(t, null));
    refusals.refuse("list null tenant", "tenant", t -> store().permissions().list(null, first));
    refusals.refuse("list null page", "page", t -> store().permissions().list(t, null));
    refusals.refuse(
        "list limit 0", "page.limit", t -> store().permissions().list(t, PageRequest.firstPage(0)));
    refusals.refuse(
        "list garbage token",
        "page.pageToken",
        t -> store().permissions().list(t, PageRequest.nextPage("garbage", 1)));
    refusals.refuse(
        "listUserPermissions null tenant",
        "tenant",
        t -> store().permissions().listUserPermissions(null, user, first));
    refusals.refuse(
        "listUserPermissions null user",
        "user",
        t -> store().permissions().listUserPermissions(t, null, first));
    refusals.refuse(
        "listUserPermissions null page",
        "page",
        t -> store().permissions().listUserPermissions(t, user, null));
    refusals.refuse(
        "listUserPermissions limit -1",
        "page.limit",
        t -> store().permissions().listUserPermissions(t, user, PageRequest.firstPage(-1)));
    refusals.verify();
  }
}
