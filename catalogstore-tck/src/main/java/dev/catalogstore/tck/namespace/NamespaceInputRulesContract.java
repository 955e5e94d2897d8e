package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.common.PropertyUpdate;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.tck.InputRulesSuite;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input rules of the {@code namespaces()} facet: the catalog name and the segments of a namespace
 * path, its depth, property maps and updates, and required arguments (see {@link InputRulesSuite}
 * for the rules every facet keeps).
 */
public abstract class NamespaceInputRulesContract extends InputRulesSuite {
  private static final String LIMIT_FIELD = "page.limit";
  private static final String TOKEN_FIELD = "page.pageToken";

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void catalogNamesFollowTheNameRules(String problem, String name) {
    World world = new World();
    TenantId tenant = world.tenant;

    NamespaceRef inBadCatalog = new NamespaceRef(name, path("ns"));
    assertInvalid(
        "namespace.catalog", () -> store().namespaces().create(tenant, inBadCatalog, Map.of()));
    assertInvalid("namespace.catalog", () -> store().namespaces().get(tenant, inBadCatalog));
    assertInvalid("namespace.catalog", () -> store().namespaces().delete(tenant, inBadCatalog));
    assertInvalid(
        "parent.catalog",
        () ->
            store()
                .namespaces()
                .list(tenant, new NamespaceRef(name, NamespacePath.ROOT), PageRequest.firstPage()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#invalid")
  void namespaceSegmentsFollowTheNameRules(String problem, String segment) {
    World world = new World();
    TenantId tenant = world.tenant;
    NamespaceRef top = new NamespaceRef(CAT, path(segment));
    NamespaceRef second = new NamespaceRef(CAT, path("ns", segment));
    NamespaceRef third = new NamespaceRef(CAT, path("ns", "child", segment));

    assertInvalid("namespace.path[0]", () -> store().namespaces().create(tenant, top, Map.of()));
    assertInvalid("namespace.path[1]", () -> store().namespaces().create(tenant, second, Map.of()));
    assertInvalid("namespace.path[2]", () -> store().namespaces().create(tenant, third, Map.of()));
    assertInvalid("namespace.path[1]", () -> store().namespaces().get(tenant, second));
    assertInvalid(
        "namespace.path[1]",
        () ->
            store()
                .namespaces()
                .updateProperties(tenant, second, PropertyUpdate.setting("k", "x")));
    assertInvalid(
        "namespace.path[1]",
        () -> store().namespaces().replaceProperties(tenant, second, Map.of("k", "x")));
    assertInvalid("namespace.path[1]", () -> store().namespaces().delete(tenant, second));
    assertInvalid(
        "parent.path[1]", () -> store().namespaces().list(tenant, second, PageRequest.firstPage()));

    world.assertUnchanged();
  }

  @Test
  void aNamespacePathMayHaveAtMost32Segments() {
    World world = new World();
    String[] deepest = IntStream.range(0, 32).mapToObj(i -> "s" + i).toArray(String[]::new);
    NamespaceRef tooDeep = newNamespaces(world.tenant, CAT, deepest).child("s32");

    assertInvalid(
        "namespace.path", () -> store().namespaces().create(world.tenant, tooDeep, Map.of()));
    assertInvalid(
        "parent.path",
        () -> store().namespaces().list(world.tenant, tooDeep, PageRequest.firstPage()));

    assertThat(await(store().namespaces().get(world.tenant, NamespaceRef.of(CAT, deepest))))
        .isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyMaps")
  void propertyMapsFollowThePropertyRules(String problem, Map<String, String> bad, String suffix) {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("properties" + suffix, () -> store().namespaces().create(tenant, FREE, bad));
    assertInvalid(
        "properties" + suffix, () -> store().namespaces().replaceProperties(tenant, NS, bad));
    assertInvalid(
        "update.set" + suffix,
        () -> store().namespaces().updateProperties(tenant, NS, PropertyUpdate.setting(bad)));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.InputRulesSuite#badPropertyUpdates")
  void propertyUpdatesFollowThePropertyRules(String problem, PropertyUpdate bad, String suffix) {
    World world = new World();

    assertInvalid(
        "update" + suffix, () -> store().namespaces().updateProperties(world.tenant, NS, bad));

    world.assertUnchanged();
  }

  @Test
  void propertyValuesMayBeEmptyOrHoldLineBreaksAndTabs() {
    World world = new World();
    TenantId tenant = world.tenant;
    Map<String, String> properties = edgeCaseProperties();

    Namespace namespace = await(store().namespaces().create(tenant, FREE, properties));
    Namespace updated =
        await(
            store().namespaces().updateProperties(tenant, NS, PropertyUpdate.setting(properties)));

    assertThat(await(store().namespaces().get(tenant, FREE))).contains(namespace);
    assertThat(namespace.properties()).isEqualTo(properties);
    assertThat(await(store().namespaces().get(tenant, NS)).orElseThrow().properties())
        .isEqualTo(updated.properties())
        .containsAllEntriesOf(properties);
  }

  @Test
  void valuesAtTheLimitsAreAccepted() {
    World world = new World();
    Map<String, String> properties = new HashMap<>(entries(1000));
    properties.put("k0", "😀".repeat(64 * 1024));

    Namespace namespace = await(store().namespaces().create(world.tenant, FREE, properties));

    assertThat(await(store().namespaces().get(world.tenant, FREE))).contains(namespace);
    assertThat(namespace.properties()).isEqualTo(properties);
  }

  @Test
  void aNullTenantIsRefusedByEveryTenantScopedMethod() {
    World world = new World();
    PageRequest page = PageRequest.firstPage();
    PropertyUpdate set = PropertyUpdate.setting("k", "x");

    assertInvalid("tenant", () -> store().namespaces().create(null, FREE, Map.of()));
    assertInvalid("tenant", () -> store().namespaces().get(null, NS));
    assertInvalid("tenant", () -> store().namespaces().list(null, NamespaceRef.root(CAT), page));
    assertInvalid("tenant", () -> store().namespaces().updateProperties(null, NS, set));
    assertInvalid("tenant", () -> store().namespaces().replaceProperties(null, NS, Map.of()));
    assertInvalid("tenant", () -> store().namespaces().delete(null, CHILD));

    world.assertUnchanged();
  }

  @Test
  void aMissingArgumentIsRefusedNamingTheParameter() {
    World world = new World();
    TenantId tenant = world.tenant;

    assertInvalid("namespace", () -> store().namespaces().create(tenant, null, Map.of()));
    assertInvalid(
        "namespace.path",
        () -> store().namespaces().create(tenant, new NamespaceRef(CAT, null), Map.of()));
    assertInvalid(
        "namespace.path",
        () ->
            store()
                .namespaces()
                .create(tenant, new NamespaceRef(CAT, new NamespacePath(null)), Map.of()));
    assertInvalid("namespace", () -> store().namespaces().get(tenant, null));
    assertInvalid("namespace", () -> store().namespaces().delete(tenant, null));
    assertInvalid("update", () -> store().namespaces().updateProperties(tenant, NS, null));
    assertInvalid("parent", () -> store().namespaces().list(tenant, null, PageRequest.firstPage()));
    assertInvalid(
        "parent.path",
        () ->
            store()
                .namespaces()
                .list(tenant, new NamespaceRef(CAT, null), PageRequest.firstPage()));
    assertInvalid("page", () -> store().namespaces().list(tenant, NamespaceRef.root(CAT), null));

    world.assertUnchanged();
  }

  @Test
  void badInputIsReportedBeforeAMissingTenantOrParent() {
    World world = new World();

    assertInvalid(
        "namespace.path[1]",
        () ->
            store()
                .namespaces()
                .create(world.tenant, NamespaceRef.of("missing", "missing", "\u007f"), Map.of()));

    world.assertUnchanged();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.catalogstore.tck.TckNames#tricky")
  void trickyNamesAreAcceptedAndKeptExactly(String label, String name) {
    TenantId tenant = newTenant();
    await(store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage(name))));
    await(store().catalogs().create(tenant, NewCatalog.local(name, name)));
    NamespaceRef top = NamespaceRef.of(name, name);
    NamespaceRef nested = top.child(name);

    await(store().namespaces().create(tenant, top, Map.of(name, name)));
    await(store().namespaces().create(tenant, nested, Map.of()));

    Namespace namespace = await(store().namespaces().get(tenant, top)).orElseThrow();
    assertThat(namespace.ref()).isEqualTo(top);
    assertThat(namespace.properties()).isEqualTo(Map.of(name, name));
    assertThat(await(store().namespaces().get(tenant, nested)).orElseThrow().ref())
        .isEqualTo(nested);
    assertThat(
            listNames(
                p -> store().namespaces().list(tenant, NamespaceRef.root(name), p),
                (Namespace n) -> n.path()))
        .containsExactly(top.path());
    assertThat(listNames(p -> store().namespaces().list(tenant, top, p), (Namespace n) -> n.path()))
        .containsExactly(nested.path());
  }

  @Test
  void trickyNamesRoundTripThroughListPagesInCodePointOrder() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef parent = newNamespaces(tenant, "cat", "a.b");
    for (String name : TckNames.TRICKY) {
      await(store().namespaces().create(tenant, parent.child(name), Map.of()));
    }

    assertThat(
            pagedNames(
                p -> store().namespaces().list(tenant, parent, p),
                (Namespace n) -> n.path().lastSegment()))
        .containsExactlyElementsOf(TckNames.trickyInListOrder());
  }

  @Test
  void namesAreComparedExactlyWithoutFoldingCaseOrNormalisingUnicode() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    List<String> distinct =
        List.of(
            "sales", "Sales", "SALES", "sales ", " sales", "é", "e\u0301", "ß", "ss", "ﬁ", "fi");

    for (String name : distinct) {
      await(
          store().namespaces().create(tenant, NamespaceRef.of("cat", name), Map.of("name", name)));
    }

    for (String name : distinct) {
      assertThat(
              await(store().namespaces().get(tenant, NamespaceRef.of("cat", name)))
                  .orElseThrow()
                  .properties())
          .as("the namespace named [%s]", name)
          .containsEntry("name", name);
    }
  }

  /**
   * Validation comes before existence, for every method: bad input is an {@code
   * InvalidArgumentException} naming it even under a tenant, catalog or namespace that does not
   * exist, never a {@code NotFoundException}.
   */
  @Test
  void everyMethodReportsBadInputBeforeAMissingTenantCatalogOrNamespace() {
    World world = new World();
    TenantId noTenant = TenantId.random();
    Map<String, String> badValue = mapOf("k", "a\u0000b");
    PropertyUpdate setAndRemove = new PropertyUpdate(Map.of("k", "x"), Set.of("k"));
    NamespaceRef badSegment = NamespaceRef.of("nocat", "ok", "\u007f");
    PageRequest zero = PageRequest.firstPage(0);
    PageRequest garbage = PageRequest.nextPage("not a page token", 10);

    for (TenantId tenant : List.of(noTenant, world.tenant)) {
      for (NamespaceRef absent :
          List.of(
              NamespaceRef.of("nocat", "ns"),
              NamespaceRef.of(CAT, "absent"),
              NamespaceRef.of(CAT, "absent", "deeper"))) {
        assertInvalid("properties[k]", () -> store().namespaces().create(tenant, absent, badValue));
        assertInvalid(
            "properties[k]",
            () -> store().namespaces().create(tenant, absent.child("x"), badValue));
        assertInvalid(
            "update.remove",
            () -> store().namespaces().updateProperties(tenant, absent, setAndRemove));
        assertInvalid(
            "update.set[k]",
            () ->
                store()
                    .namespaces()
                    .updateProperties(tenant, absent, PropertyUpdate.setting(badValue)));
        assertInvalid("update", () -> store().namespaces().updateProperties(tenant, absent, null));
        assertInvalid(
            "properties[k]",
            () -> store().namespaces().replaceProperties(tenant, absent, badValue));
        assertInvalid(
            "properties", () -> store().namespaces().replaceProperties(tenant, absent, null));
        assertInvalid(LIMIT_FIELD, () -> store().namespaces().list(tenant, absent, zero));
        assertInvalid(TOKEN_FIELD, () -> store().namespaces().list(tenant, absent, garbage));
        assertInvalid("page", () -> store().namespaces().list(tenant, absent, null));
      }
      assertInvalid(
          LIMIT_FIELD, () -> store().namespaces().list(tenant, NamespaceRef.root("nocat"), zero));
      assertInvalid(
          "namespace.path[1]", () -> store().namespaces().create(tenant, badSegment, Map.of()));
      assertInvalid("namespace.path[1]", () -> store().namespaces().get(tenant, badSegment));
      assertInvalid(
          "parent.path[1]",
          () -> store().namespaces().list(tenant, badSegment, PageRequest.firstPage()));
      assertInvalid(
          "namespace.path[1]",
          () -> store().namespaces().updateProperties(tenant, badSegment, PropertyUpdate.NONE));
      assertInvalid(
          "namespace.path[1]",
          () -> store().namespaces().replaceProperties(tenant, badSegment, Map.of()));
      assertInvalid("namespace.path[1]", () -> store().namespaces().delete(tenant, badSegment));
    }

    world.assertUnchanged();
  }

  /**
   * Arguments are checked in the order of the parameters: a call with several bad arguments names
   * the first, and a call whose first arguments are valid and a later one bad changes nothing.
   */
  @Test
  void theFirstBadArgumentIsTheOneReportedAndNothingOfTheValidOnesIsApplied() {
    World world = new World();
    TenantId tenant = world.tenant;
    NamespaceRef badRef = NamespaceRef.of(CAT, "\u0000");
    Map<String, String> badMap = mapOf("k", null);

    assertInvalid("tenant", () -> store().namespaces().create(null, badRef, badMap));
    assertInvalid("namespace.path[0]", () -> store().namespaces().create(tenant, badRef, badMap));
    assertInvalid(
        "namespace.catalog",
        () -> store().namespaces().create(tenant, new NamespaceRef(" ", path("\u0000")), badMap));
    assertInvalid(
        "namespace.path[0]", () -> store().namespaces().updateProperties(tenant, badRef, null));
    assertInvalid(
        "namespace.path[0]", () -> store().namespaces().replaceProperties(tenant, badRef, badMap));
    assertInvalid(
        "parent.path[0]",
        () -> store().namespaces().list(tenant, badRef, PageRequest.firstPage(0)));
    // A valid namespace, then a bad second argument: nothing of the call is applied.
    assertInvalid("properties[k]", () -> store().namespaces().create(tenant, FREE, badMap));
    assertInvalid(
        "update.set[k]",
        () ->
            store()
                .namespaces()
                .updateProperties(tenant, NS, new PropertyUpdate(mapOf("k", null), Set.of("k2"))));
    assertInvalid(
        "update.remove",
        () ->
            store()
                .namespaces()
                .updateProperties(
                    tenant, NS, new PropertyUpdate(Map.of("fresh", "v"), Set.of("k", " "))));
    assertInvalid(
        "properties[k]", () -> store().namespaces().replaceProperties(tenant, NS, badMap));

    world.assertUnchanged();
    assertThat(await(store().namespaces().get(tenant, FREE))).isEmpty();
  }

  /**
   * A namespace is found only by its exact catalog name and segments: no method matches a name
   * written differently, whether by case, Unicode normal form, surrounding spaces, a prefix, a
   * {@code LIKE} wildcard that would match it, or a dot that a path split would cut.
   */
  @Test
  void noMethodFindsANamespaceByADifferentlyWrittenName() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    Map<String, List<String>> lookAlikes = new LinkedHashMap<>();
    lookAlikes.put(
        "sales",
        List.of("Sales", "SALES", "sales ", " sales", "sale", "sa_es", "sal%", "%", "_ales"));
    lookAlikes.put("é", List.of("e\u0301", "É", "e"));
    lookAlikes.put("n\u0303", List.of("ñ", "n"));
    lookAlikes.put("straße", List.of("STRASSE", "strasse", "Straße"));
    lookAlikes.put("axb", List.of("a_b", "a%", "AXB"));
    for (String existing : lookAlikes.keySet()) {
      newNamespaces(tenant, "cat", existing, "child");
    }
    newNamespaces(tenant, "cat", "a.b", "child");
    List<Object> before = namespaceState(tenant, lookAlikes.keySet());

    List<NamespaceRef> differently = new ArrayList<>();
    lookAlikes
        .values()
        .forEach(names -> names.forEach(n -> differently.add(NamespaceRef.of("cat", n))));
    differently.add(NamespaceRef.of("cat", "a", "b"));
    differently.add(NamespaceRef.of("Cat", "sales"));
    differently.add(NamespaceRef.of("cat ", "sales"));
    differently.add(NamespaceRef.of("c_t", "sales"));
    for (NamespaceRef ref : differently) {
      assertThat(await(store().namespaces().get(tenant, ref))).as("get of %s", ref).isEmpty();
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().list(tenant, ref, PageRequest.firstPage()));
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().create(tenant, ref.child("child2"), Map.of()));
      assertFails(
          NotFoundException.class,
          () ->
              store()
                  .namespaces()
                  .updateProperties(tenant, ref, PropertyUpdate.setting("touched", "yes")));
      assertFails(
          NotFoundException.class,
          () -> store().namespaces().replaceProperties(tenant, ref, Map.of("touched", "yes")));
      assertFails(
          NotFoundException.class, () -> store().namespaces().delete(tenant, ref.child("child")));
    }

    assertThat(namespaceState(tenant, lookAlikes.keySet())).isEqualTo(before);
  }

  /**
   * Every method that takes a namespace addresses a tricky segment exactly: updating, replacing or
   * deleting one changes that namespace and none of its siblings, whatever {@code .}, {@code %},
   * {@code _} or Unicode form the names share.
   */
  @Test
  void everyMethodChangesExactlyTheNamespaceOfATrickyName() {
    TenantId tenant = newTenant();
    newLocalCatalog(tenant, "cat");
    NamespaceRef parent = newNamespaces(tenant, "cat", "p");
    for (String name : TckNames.TRICKY) {
      await(store().namespaces().create(tenant, parent.child(name), Map.of()));
    }
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    TckNames.trickyInListOrder().forEach(name -> expected.put(name, Map.of()));

    for (String name : TckNames.TRICKY) {
      Namespace updated =
          await(
              store()
                  .namespaces()
                  .updateProperties(
                      tenant, parent.child(name), PropertyUpdate.setting("name", name)));
      assertThat(updated.ref()).isEqualTo(parent.child(name));
      expected.put(name, Map.of("name", name));
      assertThat(childProperties(tenant, parent))
          .as("after updating [%s]", name)
          .isEqualTo(expected);
    }
    for (String name : TckNames.TRICKY) {
      await(
          store()
              .namespaces()
              .replaceProperties(tenant, parent.child(name), Map.of("replaced", name)));
      expected.put(name, Map.of("replaced", name));
      assertThat(childProperties(tenant, parent))
          .as("after replacing [%s]", name)
          .isEqualTo(expected);
    }
    for (String name : TckNames.TRICKY) {
      await(store().namespaces().delete(tenant, parent.child(name)));
      expected.remove(name);
      assertThat(childProperties(tenant, parent))
          .as("after deleting [%s]", name)
          .isEqualTo(expected);
    }
  }

  /** The properties of each child of {@code parent}, by last segment, in list order. */
  private Map<String, Map<String, String>> childProperties(TenantId tenant, NamespaceRef parent) {
    Map<String, Map<String, String>> properties = new LinkedHashMap<>();
    PagedReads.all(page -> store().namespaces().list(tenant, parent, page))
        .forEach(n -> properties.put(n.path().lastSegment(), n.properties()));
    return properties;
  }

  /** Every namespace under the top-level {@code names} and the root's list, as read now. */
  private List<Object> namespaceState(TenantId tenant, Iterable<String> names) {
    List<Object> state = new ArrayList<>();
    state.add(
        PagedReads.all(page -> store().namespaces().list(tenant, NamespaceRef.root("cat"), page)));
    for (String name : names) {
      state.add(await(store().namespaces().get(tenant, NamespaceRef.of("cat", name))));
      state.add(
          PagedReads.all(
              page -> store().namespaces().list(tenant, NamespaceRef.of("cat", name), page)));
    }
    return state;
  }
}
