package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.permission.PermissionScope.AssetScope;
import dev.catalogstore.api.permission.PermissionScope.CatalogScope;
import dev.catalogstore.api.permission.PermissionScope.NamespaceScope;
import dev.catalogstore.api.permission.PermissionScope.TagScope;
import dev.catalogstore.api.permission.PermissionScope.TenantScope;
import dev.catalogstore.api.tenant.TenantId;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Permission resolution of DESIGN §2.8, rule by rule: which grants reach which resources, and which
 * actions they allow there.
 */
class PermissionResolverTest {
  private static final TenantId A = TenantId.parse("00000000-0000-0000-0000-00000000000a");
  private static final TenantId B = TenantId.parse("00000000-0000-0000-0000-00000000000b");

  private static final CatalogScope SALES = new CatalogScope(A, "sales");
  private static final NamespaceScope EU = namespace("sales", "eu");
  private static final NamespaceScope EU_2024 = namespace("sales", "eu", "2024");
  private static final NamespaceScope US = namespace("sales", "us");
  private static final AssetScope EU_ORDERS = asset("sales", "orders", "eu");
  private static final AssetScope EU_2024_ORDERS = asset("sales", "orders", "eu", "2024");
  private static final AssetScope EU_ITEMS = asset("sales", "items", "eu");
  private static final TagScope RELEASE = new TagScope(A, "sales", "release-1");

  /** One resource of each kind, all inside catalog {@code sales} of tenant A, and A itself. */
  private static final List<PermissionScope> EVERY_KIND =
      List.of(new TenantScope(A), SALES, EU, EU_2024, EU_ORDERS, EU_2024_ORDERS, RELEASE);

  // Containment, level by level.

  @Test
  void aTenantGrantContainsEverythingOfItsTenant() {
    List<Grant> grants = List.of(Grant.of(new TenantScope(A), Action.READ));

    for (PermissionScope resource : EVERY_KIND) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isTrue();
    }
    assertThat(PermissionResolver.allows(grants, Action.READ, new CatalogScope(A, "other")))
        .isTrue();
  }

  @Test
  void aCatalogGrantContainsItsNamespacesTheirDescendantsTheirAssetsAndItsTags() {
    List<Grant> grants = List.of(Grant.of(SALES, Action.READ));

    for (PermissionScope resource :
        List.of(SALES, EU, EU_2024, EU_ORDERS, EU_2024_ORDERS, RELEASE)) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isTrue();
    }
  }

  @Test
  void aCatalogGrantContainsNeitherItsTenantNorAnotherCatalog() {
    List<Grant> grants = List.of(Grant.of(SALES, Action.ALL));

    assertThat(PermissionResolver.allows(grants, Action.READ, new TenantScope(A))).isFalse();
    for (String other : List.of("sales2", "sale", "Sales", "SALES", "sales ")) {
      assertThat(PermissionResolver.allows(grants, Action.READ, new CatalogScope(A, other)))
          .as(other)
          .isFalse();
      assertThat(PermissionResolver.allows(grants, Action.READ, namespace(other, "eu")))
          .as(other)
          .isFalse();
      assertThat(PermissionResolver.allows(grants, Action.READ, asset(other, "orders", "eu")))
          .as(other)
          .isFalse();
      assertThat(
              PermissionResolver.allows(grants, Action.READ, new TagScope(A, other, "release-1")))
          .as(other)
          .isFalse();
    }
  }

  @Test
  void aNamespaceGrantContainsItselfItsDescendantsAndTheAssetsInAnyOfThem() {
    List<Grant> grants = List.of(Grant.of(EU, Action.READ));

    for (PermissionScope resource :
        List.of(EU, EU_2024, namespace("sales", "eu", "2024", "q1"), EU_ORDERS, EU_2024_ORDERS)) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isTrue();
    }
  }

  @Test
  void aNamespaceGrantContainsNeitherItsParentsItsSiblingsItsCatalogNorItsTags() {
    List<Grant> grants = List.of(Grant.of(EU_2024, Action.ALL));

    for (PermissionScope resource :
        List.of(
            new TenantScope(A),
            SALES,
            EU,
            EU_ORDERS,
            namespace("sales", "eu", "2025"),
            US,
            asset("sales", "orders", "us"),
            RELEASE)) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isFalse();
    }
  }

  @Test
  void aNamespaceGrantDoesNotReachTheSamePathInAnotherCatalog() {
    List<Grant> grants = List.of(Grant.of(EU, Action.ALL));

    assertThat(PermissionResolver.allows(grants, Action.READ, namespace("crm", "eu"))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, asset("crm", "orders", "eu")))
        .isFalse();
  }

  @Test
  void namespaceContainmentIsByWholeSegments() {
    List<Grant> grants = List.of(Grant.of(namespace("sales", "a"), Action.READ));

    assertThat(PermissionResolver.allows(grants, Action.READ, namespace("sales", "a", "b")))
        .isTrue();
    assertThat(PermissionResolver.allows(grants, Action.READ, asset("sales", "t", "a", "b")))
        .isTrue();
    for (NamespacePath lookAlike :
        List.of(
            NamespacePath.of("ab"),
            NamespacePath.of("a.b"),
            NamespacePath.of("a "),
            NamespacePath.of("a."),
            NamespacePath.of("", "a"),
            NamespacePath.of("b", "a"))) {
      assertThat(
              PermissionResolver.allows(
                  grants, Action.READ, new NamespaceScope(A, "sales", lookAlike)))
          .as("%s", lookAlike)
          .isFalse();
      assertThat(
              PermissionResolver.allows(
                  grants, Action.READ, new AssetScope(A, "sales", lookAlike, "t")))
          .as("%s", lookAlike)
          .isFalse();
    }
  }

  @Test
  void aDottedSegmentIsOneSegmentNotAPath() {
    List<Grant> dotted = List.of(Grant.of(namespace("sales", "a.b"), Action.READ));
    List<Grant> nested = List.of(Grant.of(namespace("sales", "a", "b"), Action.READ));

    assertThat(PermissionResolver.allows(dotted, Action.READ, namespace("sales", "a", "b")))
        .isFalse();
    assertThat(PermissionResolver.allows(nested, Action.READ, namespace("sales", "a.b"))).isFalse();
    assertThat(PermissionResolver.allows(dotted, Action.READ, namespace("sales", "a.b", "c")))
        .isTrue();
  }

  @Test
  void namesCompareWithoutCaseFolding() {
    List<Grant> grants =
        List.of(
            Grant.of(namespace("sales", "eu"), Action.READ),
            Grant.of(asset("sales", "orders", "us"), Action.READ),
            Grant.of(new TagScope(A, "sales", "release"), Action.READ));

    assertThat(PermissionResolver.allows(grants, Action.READ, namespace("sales", "EU"))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, namespace("sales", "Eu", "x")))
        .isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, asset("sales", "Orders", "us")))
        .isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, asset("sales", "orders", "US")))
        .isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, new TagScope(A, "sales", "RELEASE")))
        .isFalse();
  }

  @Test
  void namesCompareWithoutUnicodeNormalisation() {
    String nfc = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFC);
    String nfd = Normalizer.normalize("caf\u00e9", Normalizer.Form.NFD);
    assertThat(nfc).isNotEqualTo(nfd);
    List<Grant> grants =
        List.of(
            Grant.of(new CatalogScope(A, nfc), Action.READ),
            Grant.of(namespace("sales", nfc), Action.READ),
            Grant.of(asset("crm", nfc, "eu"), Action.READ),
            Grant.of(new TagScope(A, "crm", nfc), Action.READ));

    assertThat(PermissionResolver.allows(grants, Action.READ, new CatalogScope(A, nfc))).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.READ, new CatalogScope(A, nfd))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, namespace("sales", nfd))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, namespace(nfd, "eu"))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, asset("crm", nfd, "eu"))).isFalse();
    assertThat(PermissionResolver.allows(grants, Action.READ, new TagScope(A, "crm", nfd)))
        .isFalse();
  }

  @Test
  void anAssetGrantCoversThatAssetOnEveryBranchOfItsCatalog() {
    List<Grant> grants =
        List.of(
            Grant.of(
                AssetScope.of(A, AssetRef.onMain("sales", NamespacePath.of("eu"), "orders")),
                Action.UPDATE));
    AssetRef onDev = new AssetRef(new BranchRef("sales", "dev"), NamespacePath.of("eu"), "orders");

    assertThat(PermissionResolver.allows(grants, Action.UPDATE, EU_ORDERS)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.UPDATE, AssetScope.of(A, onDev))).isTrue();
  }

  @Test
  void anAssetGrantExtendsNeitherToItsSiblingsNorToItsNamespace() {
    List<Grant> grants = List.of(Grant.of(EU_ORDERS, Action.ALL));

    for (PermissionScope resource :
        List.of(
            EU_ITEMS,
            asset("sales", "orders2", "eu"),
            EU,
            EU_2024,
            EU_2024_ORDERS,
            asset("sales", "orders", "us"),
            asset("crm", "orders", "eu"),
            SALES,
            RELEASE,
            new TenantScope(A))) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isFalse();
    }
  }

  @Test
  void aTagGrantCoversOnlyThatTag() {
    List<Grant> grants = List.of(Grant.of(RELEASE, Action.DELETE));

    assertThat(PermissionResolver.allows(grants, Action.DELETE, RELEASE)).isTrue();
    for (PermissionScope resource :
        List.of(
            new TagScope(A, "sales", "release-2"),
            new TagScope(A, "crm", "release-1"),
            SALES,
            EU,
            EU_ORDERS,
            new TenantScope(A))) {
      assertThat(PermissionResolver.allows(grants, Action.DELETE, resource))
          .as("%s", resource)
          .isFalse();
    }
  }

  // Tenants.

  @Test
  void anotherTenantsIdenticalGrantNeverMatches() {
    for (PermissionScope resource : EVERY_KIND) {
      List<Grant> grants = List.of(Grant.of(inTenant(B, resource), Action.ALL));

      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isFalse();
      assertThat(PermissionResolver.effective(grants, resource)).as("%s", resource).isEmpty();
    }
  }

  @Test
  void anotherTenantsTenantGrantReachesNothingOfThisTenant() {
    List<Grant> grants =
        List.of(
            Grant.of(new TenantScope(B), Action.ALL),
            Grant.of(new TenantScope(TenantId.SYSTEM), Action.ALL));

    for (PermissionScope resource : EVERY_KIND) {
      assertThat(PermissionResolver.allows(grants, Action.READ, resource))
          .as("%s", resource)
          .isFalse();
    }
  }

  // Actions.

  @ParameterizedTest
  @EnumSource(Action.class)
  void allAllowsEveryActionItselfIncluded(Action action) {
    List<Grant> grants = List.of(Grant.of(EU, Action.ALL));

    assertThat(PermissionResolver.allows(grants, action, EU_ORDERS)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(value = Action.class, names = "ALL", mode = EnumSource.Mode.EXCLUDE)
  void noActionImpliesAnother(Action held) {
    List<Grant> grants = List.of(Grant.of(SALES, held));

    for (Action other : Action.values()) {
      assertThat(PermissionResolver.allows(grants, other, EU_ORDERS))
          .as("%s holding %s", other, held)
          .isEqualTo(other == held);
    }
  }

  @Test
  void askingForAllNeedsAGrantOfAll() {
    Set<Action> everyOther = EnumSet.complementOf(EnumSet.of(Action.ALL));
    List<Grant> grants = List.of(new Grant(SALES, everyOther));

    assertThat(PermissionResolver.allows(grants, Action.ALL, SALES)).isFalse();
    assertThat(PermissionResolver.effective(grants, SALES)).isEqualTo(everyOther);
  }

  @Test
  void emptyGrantsDenyEverything() {
    for (PermissionScope resource : EVERY_KIND) {
      for (Action action : Action.values()) {
        assertThat(PermissionResolver.allows(List.of(), action, resource)).isFalse();
      }
      assertThat(PermissionResolver.effective(List.of(), resource)).isEmpty();
    }
  }

  @Test
  void anActionOnOneScopeAndAnotherActionOnAWiderOneCombine() {
    List<Grant> grants = List.of(Grant.of(SALES, Action.LIST), Grant.of(EU_ORDERS, Action.READ));

    assertThat(PermissionResolver.allows(grants, Action.READ, EU_ORDERS)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.LIST, EU_ORDERS)).isTrue();
    assertThat(PermissionResolver.allows(grants, Action.READ, EU_ITEMS)).isFalse();
  }

  // effective().

  @Test
  void effectiveIsTheUnionOfTheActionsOfEveryContainingGrant() {
    List<Grant> grants =
        List.of(
            Grant.of(new TenantScope(A), Action.LIST),
            Grant.of(SALES, Action.READ, Action.CREATE_BRANCH),
            Grant.of(EU, Action.UPDATE),
            Grant.of(US, Action.DELETE),
            Grant.of(EU_ITEMS, Action.WRITE),
            Grant.of(new TenantScope(B), Action.MANAGE_USERS));

    assertThat(PermissionResolver.effective(grants, EU_ORDERS))
        .containsExactly(Action.READ, Action.UPDATE, Action.LIST, Action.CREATE_BRANCH);
    assertThat(PermissionResolver.effective(grants, SALES))
        .containsExactly(Action.READ, Action.LIST, Action.CREATE_BRANCH);
  }

  @Test
  void effectiveExpandsAllToEveryAction() {
    List<Grant> grants = List.of(Grant.of(EU, Action.ALL));

    assertThat(PermissionResolver.effective(grants, EU_2024_ORDERS))
        .isEqualTo(EnumSet.allOf(Action.class));
    assertThat(PermissionResolver.effective(grants, SALES)).isEmpty();
  }

  @Test
  void effectiveHoldsExactlyTheActionsAllowsAllows() {
    List<List<Grant>> cases =
        List.of(
            List.of(),
            List.of(Grant.of(EU, Action.READ, Action.LIST), Grant.of(RELEASE, Action.DELETE)),
            List.of(Grant.of(SALES, Action.ALL)),
            List.of(Grant.of(new TenantScope(B), Action.ALL), Grant.of(EU_ORDERS, Action.WRITE)));
    for (List<Grant> grants : cases) {
      for (PermissionScope resource : EVERY_KIND) {
        Set<Action> effective = PermissionResolver.effective(grants, resource);
        for (Action action : Action.values()) {
          assertThat(effective.contains(action))
              .as("%s on %s under %s", action, resource, grants)
              .isEqualTo(PermissionResolver.allows(grants, action, resource));
        }
      }
    }
  }

  @Test
  void effectiveIsUnmodifiable() {
    Set<Action> effective = PermissionResolver.effective(List.of(Grant.of(SALES, Action.READ)), EU);

    assertThatThrownBy(() -> effective.add(Action.ALL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  // Malformed input.

  @Test
  void aMalformedGrantMatchesNothing() {
    Set<Action> withNull = new HashSet<>(Arrays.asList(null, Action.READ));
    List<Grant> malformed =
        Arrays.asList(
            null,
            new Grant(null, Set.of(Action.ALL)),
            new Grant(SALES, null),
            Grant.of(new TenantScope(null), Action.ALL),
            Grant.of(new CatalogScope(A, null), Action.ALL),
            Grant.of(new NamespaceScope(A, "sales", NamespacePath.ROOT), Action.ALL),
            Grant.of(new NamespaceScope(A, "sales", null), Action.ALL),
            Grant.of(new NamespaceScope(A, "sales", new NamespacePath(null)), Action.ALL),
            Grant.of(new NamespaceScope(A, "sales", NamespacePath.of("eu", null)), Action.ALL),
            Grant.of(new AssetScope(A, "sales", NamespacePath.of("eu"), null), Action.ALL),
            Grant.of(new TagScope(A, "sales", null), Action.ALL));

    for (PermissionScope resource : EVERY_KIND) {
      assertThat(PermissionResolver.effective(malformed, resource)).as("%s", resource).isEmpty();
    }
    // A null among a grant's actions is skipped; the others still count.
    assertThat(PermissionResolver.effective(List.of(new Grant(SALES, withNull)), EU))
        .containsExactly(Action.READ);
  }

  @Test
  void aNullActionIsIgnoredWhileANullActionSetGrantsNothing() {
    Set<Action> withNull = new HashSet<>(Arrays.asList(null, Action.READ));
    List<Grant> nullElement = List.of(new Grant(SALES, withNull));
    List<Grant> nullSet =
        Arrays.asList(new Grant(SALES, null), new Grant(new TenantScope(A), null));

    assertThat(new Grant(SALES, null).actions()).isNull();
    assertThat(new Grant(SALES, withNull).actions()).containsExactlyInAnyOrder(null, Action.READ);
    assertThat(PermissionResolver.allows(nullElement, Action.READ, EU)).isTrue();
    for (Action action : Action.values()) {
      if (action != Action.READ) {
        assertThat(PermissionResolver.allows(nullElement, action, EU)).as("%s", action).isFalse();
      }
      assertThat(PermissionResolver.allows(nullSet, action, EU)).as("%s", action).isFalse();
    }
    assertThat(PermissionResolver.effective(nullSet, EU)).isEmpty();
  }

  @Test
  void aMalformedResourceIsRejected() {
    List<Grant> grants = List.of(Grant.of(new TenantScope(A), Action.ALL));

    for (PermissionScope resource :
        Arrays.asList(
            null,
            new CatalogScope(A, null),
            new CatalogScope(null, "sales"),
            new NamespaceScope(A, "sales", NamespacePath.ROOT),
            new AssetScope(A, "sales", NamespacePath.of("eu", null), "orders"),
            new TagScope(A, "sales", null))) {
      assertThatThrownBy(() -> PermissionResolver.allows(grants, Action.READ, resource))
          .isInstanceOfSatisfying(
              InvalidArgumentException.class, e -> assertThat(e.field()).isEqualTo("resource"));
      assertThatThrownBy(() -> PermissionResolver.effective(grants, resource))
          .isInstanceOf(InvalidArgumentException.class);
    }
  }

  @Test
  void everyScopeContainsItself() {
    for (PermissionScope scope : EVERY_KIND) {
      assertThat(PermissionResolver.contains(scope, scope)).as("%s", scope).isTrue();
    }
  }

  private static NamespaceScope namespace(String catalog, String... segments) {
    return new NamespaceScope(A, catalog, NamespacePath.of(segments));
  }

  private static AssetScope asset(String catalog, String name, String... segments) {
    return new AssetScope(A, catalog, NamespacePath.of(segments), name);
  }

  /** The same scope, named in {@code tenant}. */
  private static PermissionScope inTenant(TenantId tenant, PermissionScope scope) {
    if (scope instanceof TenantScope) {
      return new TenantScope(tenant);
    }
    if (scope instanceof CatalogScope c) {
      return new CatalogScope(tenant, c.catalog());
    }
    if (scope instanceof NamespaceScope n) {
      return new NamespaceScope(tenant, n.catalog(), n.namespace());
    }
    if (scope instanceof AssetScope a) {
      return new AssetScope(tenant, a.catalog(), a.namespace(), a.name());
    }
    TagScope t = (TagScope) scope;
    return new TagScope(tenant, t.catalog(), t.tag());
  }
}
