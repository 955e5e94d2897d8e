package dev.catalogstore.micrometer;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.spi.StoreFacets;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The contract's facets and their methods, found by reflection, independently of the decorator. */
final class FacetShape {
  private FacetShape() {}

  /** One method of one facet; {@code facet} is the store's accessor, for example "assets". */
  record FacetMethod(String facet, Method method) {
    String key() {
      return facet + "." + method.getName();
    }
  }

  /** The getters of {@link StoreFacets}, one per facet, such as {@code assets()}. */
  static List<Method> facetGetters() {
    List<Method> getters = new ArrayList<>();
    for (Method method : StoreFacets.class.getMethods()) {
      if (method.getDeclaringClass() == StoreFacets.class
          && !Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0
          && method.getReturnType().isInterface()) {
        getters.add(method);
      }
    }
    getters.sort(Comparator.comparing(Method::getName));
    return getters;
  }

  /** Every method of every facet, default methods included, overloads each on its own. */
  static List<FacetMethod> facetMethods() {
    List<FacetMethod> methods = new ArrayList<>();
    for (Method getter : facetGetters()) {
      for (Method method : getter.getReturnType().getMethods()) {
        if (!Modifier.isStatic(method.getModifiers())) {
          methods.add(new FacetMethod(getter.getName(), method));
        }
      }
    }
    return methods;
  }

  /** The facet {@code facet} of {@code store}, through the store's own accessor. */
  static Object facetOf(CatalogStore store, String facet) throws ReflectiveOperationException {
    return CatalogStore.class.getMethod(facet).invoke(store);
  }

  /** Null for every reference parameter, zero or false for a primitive one. */
  static Object[] nullArguments(Method method) {
    Class<?>[] types = method.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      if (types[i] == boolean.class) {
        arguments[i] = false;
      } else if (types[i] == long.class) {
        arguments[i] = 0L;
      } else if (types[i] == int.class) {
        arguments[i] = 0;
      } else if (types[i].isPrimitive()) {
        throw new AssertionError("no zero value for " + types[i] + " in " + method);
      }
    }
    return arguments;
  }
}
