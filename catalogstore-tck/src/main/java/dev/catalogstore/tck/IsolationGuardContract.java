package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.CatalogStore;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The guard of the isolation suites: every method of every facet of {@link CatalogStore} must have
 * an {@link IsolationCase} test in one of the suites nested in {@link CatalogStoreTck}, so a method
 * (or a whole facet) added to the contract without an isolation case fails the TCK.
 *
 * <p>Facets are found by reflection: every zero-argument accessor of {@code CatalogStore} that
 * returns an interface. A facet method is named {@code "<facet>.<method>"} after its accessor, for
 * example {@code "assets.getById"}; a method name with overloads is named with the arity of each
 * overload, for example {@code "assets.list/4"} and {@code "assets.list/5"}. Default methods count:
 * a store may override them, so each needs a case that calls it.
 */
public abstract class IsolationGuardContract extends TckSuite {

  @Test
  void everyMethodOfCatalogStoreHasAnIsolationCase() {
    Set<String> contractMethods = facetMethodNames();
    Set<String> covered = new TreeSet<>();
    List<String> notTests = new ArrayList<>();
    for (Method test : isolationCases()) {
      covered.add(test.getAnnotation(IsolationCase.class).value());
      if (!test.isAnnotationPresent(Test.class)) {
        notTests.add(test.getDeclaringClass().getSimpleName() + "." + test.getName());
      }
    }

    Set<String> uncovered = new TreeSet<>(contractMethods);
    uncovered.removeAll(covered);
    Set<String> unknown = new TreeSet<>(covered);
    unknown.removeAll(contractMethods);
    assertThat(uncovered)
        .as("facet methods of CatalogStore without an @IsolationCase test in CatalogStoreTck")
        .isEmpty();
    assertThat(unknown)
        .as("@IsolationCase names that are not facet methods of CatalogStore %s", contractMethods)
        .isEmpty();
    assertThat(notTests).as("@IsolationCase methods that are not @Test").isEmpty();
  }

  /** {@code "<facet>.<method>"} (with {@code /<arity>} for overloads) of every facet method. */
  static Set<String> facetMethodNames() {
    Set<String> names = new TreeSet<>();
    for (Method accessor : CatalogStore.class.getMethods()) {
      if (Modifier.isStatic(accessor.getModifiers())
          || accessor.getParameterCount() != 0
          || !accessor.getReturnType().isInterface()) {
        continue;
      }
      Map<String, List<Method>> byName = new TreeMap<>();
      for (Method method : accessor.getReturnType().getMethods()) {
        if (!Modifier.isStatic(method.getModifiers())
            && method.getDeclaringClass() != Object.class) {
          byName.computeIfAbsent(method.getName(), n -> new ArrayList<>()).add(method);
        }
      }
      byName.forEach(
          (name, overloads) -> {
            String qualified = accessor.getName() + "." + name;
            if (overloads.size() == 1) {
              names.add(qualified);
              return;
            }
            Set<Integer> arities = new HashSet<>();
            for (Method overload : overloads) {
              assertThat(arities.add(overload.getParameterCount()))
                  .as(
                      "overloads of %s share an arity, which @IsolationCase cannot tell apart",
                      qualified)
                  .isTrue();
              names.add(qualified + "/" + overload.getParameterCount());
            }
          });
    }
    return names;
  }

  /**
   * Every method annotated with {@link IsolationCase} in the suites nested in {@link
   * CatalogStoreTck} and their superclasses.
   */
  static List<Method> isolationCases() {
    List<Method> cases = new ArrayList<>();
    Set<Class<?>> seen = new HashSet<>();
    for (Class<?> suite : CatalogStoreTck.class.getDeclaredClasses()) {
      for (Class<?> type = suite;
          type != null && type != Object.class && seen.add(type);
          type = type.getSuperclass()) {
        for (Method method : type.getDeclaredMethods()) {
          if (method.isAnnotationPresent(IsolationCase.class)) {
            cases.add(method);
          }
        }
      }
    }
    return cases;
  }
}
