package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.role.RoleId;
import dev.catalogstore.api.tenant.TenantId;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The grant rules every backend shares: keys that tell grants apart exactly, and stable ids. */
class GrantRulesTest {
  private static final TenantId T = TenantId.random();

  @Test
  void equalGrantsHaveEqualKeysWhateverTheOrderOfTheirActions() {
    CatalogScope lake = new CatalogScope(T, "lake");

    assertThat(GrantRules.key(Grant.of(lake, Action.READ, Action.LIST)))
        .isEqualTo(GrantRules.key(Grant.of(lake, Action.LIST, Action.READ)));
    assertThat(GrantRules.key(Grant.of(lake, Action.ALL, Action.READ)))
        .as("any set holding ALL allows the same as {ALL}")
        .isEqualTo(GrantRules.key(Grant.of(lake, Action.ALL)));
  }

  @Test
  void noNameCanBeMistakenForAnotherPartOfTheKey() {
    NamespacePath a = NamespacePath.of("a");
    NamespacePath aPlusRead = NamespacePath.of("a", "+READ");
    NamespacePath aRead = NamespacePath.of("a", "READ");
    List<Grant> distinct =
        List.of(
            Grant.of(new NamespaceScope(T, "c", a), Action.READ, Action.LIST),
            Grant.of(new NamespaceScope(T, "c", aPlusRead), Action.LIST),
            Grant.of(new NamespaceScope(T, "c", aRead), Action.LIST),
            Grant.of(new AssetScope(T, "c", a, "+READ"), Action.LIST),
            Grant.of(new AssetScope(T, "c", aPlusRead, "x"), Action.LIST),
            Grant.of(new AssetScope(T, "c", a, "x"), Action.READ, Action.LIST),
            Grant.of(new NamespaceScope(T, "c", NamespacePath.of("a", "x")), Action.LIST),
            Grant.of(new TagScope(T, "c", "a"), Action.LIST),
            Grant.of(new CatalogScope(T, "c:a"), Action.LIST),
            Grant.of(new TenantScope(T), Action.LIST));

    assertThat(distinct.stream().map(GrantRules::key).distinct()).hasSize(distinct.size());
    RoleId role = RoleId.random();
    assertThat(distinct.stream().map(grant -> GrantRules.roleGrantId(role, grant)).distinct())
        .hasSize(distinct.size());
  }

  @Test
  void aRoleGrantsIdIsStableAndDiffersBetweenRoles() {
    Grant grant = Grant.of(new CatalogScope(T, "lake"), Action.READ);
    RoleId role = RoleId.random();

    assertThat(GrantRules.roleGrantId(role, grant))
        .isEqualTo(
            GrantRules.roleGrantId(role, Grant.of(new CatalogScope(T, "lake"), Action.READ)));
    assertThat(GrantRules.roleGrantId(RoleId.random(), grant))
        .isNotEqualTo(GrantRules.roleGrantId(role, grant));
  }

  @Test
  void aGrantOfAnotherTenantIsMissingAsItsCatalogOrItsTenant() {
    TenantId other = TenantId.random();

    assertThat(GrantRules.catalogUnder(T, Grant.of(new CatalogScope(T, "lake"), Action.READ)))
        .contains("lake");
    assertThat(GrantRules.catalogUnder(T, Grant.of(new TenantScope(T), Action.READ)))
        .isEqualTo(Optional.empty());
    Assertions.assertThatThrownBy(
            () ->
                GrantRules.catalogUnder(T, Grant.of(new CatalogScope(other, "lake"), Action.READ)))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.missing()).isEqualTo(ObjectType.CATALOG));
    Assertions.assertThatThrownBy(
            () -> GrantRules.catalogUnder(T, Grant.of(new TenantScope(other), Action.READ)))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.missing()).isEqualTo(ObjectType.TENANT));
  }
}
