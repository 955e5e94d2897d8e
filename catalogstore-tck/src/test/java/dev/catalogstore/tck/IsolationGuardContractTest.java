package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The isolation guard's own rules, checked when the TCK is built rather than only when a backend
 * runs it: how facet methods are named, and that the suites nested in {@link CatalogStoreTck} cover
 * every one of them.
 */
class IsolationGuardContractTest {

  @Test
  void facetMethodsAreNamedByTheirAccessorAndOverloadsByTheirArity() {
    Set<String> names = IsolationGuardContract.facetMethodNames();

    assertThat(names)
        .contains(
            "tenants.create",
            "warehouses.list",
            "catalogs.delete",
            "namespaces.replaceProperties",
            "assets.getById",
            "commits.ancestry",
            "branches.create",
            "tags.delete")
        .contains(
            "assets.commitMetadataLocations/2",
            "assets.commitMetadataLocations/3",
            "assets.create/3",
            "assets.create/4",
            "branches.merge/3",
            "branches.merge/4",
            "assets.list/4",
            "assets.list/5",
            "assets.delete/2",
            "assets.delete/3",
            "assets.rename/3",
            "assets.rename/4",
            "assets.rename/5")
        .doesNotContain(
            "assets.list", "assets.delete", "assets.rename", "assets.create", "branches.merge")
        .allMatch(name -> name.matches("[a-z]\\w*\\.[a-z]\\w*(/\\d+)?"), "facet.method[/arity]")
        .noneMatch(name -> name.endsWith(".close"));
  }

  @Test
  void theNestedSuitesHaveAnIsolationCaseForEveryFacetMethodAndNoOther() {
    List<Method> cases = IsolationGuardContract.isolationCases();

    // A method may have several cases (for example isolation probed again after a rename).
    assertThat(cases)
        .extracting(test -> test.getAnnotation(IsolationCase.class).value())
        .containsOnlyElementsOf(IsolationGuardContract.facetMethodNames())
        .containsAll(IsolationGuardContract.facetMethodNames());
    assertThat(cases)
        .allMatch(test -> test.isAnnotationPresent(Test.class), "annotated with @Test");
  }
}
