package dev.catalogstore.micrometer;

import dev.catalogstore.api.spi.StoreFacets;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * The metered copy of a store's facets, built from the shape of {@link StoreFacets} itself: each
 * setter of {@link StoreFacets.Builder} that takes a facet interface is given a proxy of the facet
 * that the getter of the same name returns. A facet added to the contract gets a setter (the
 * builder refuses to build without it), so it is metered without a change here.
 */
final class MeteredFacets {
  private MeteredFacets() {}

  static StoreFacets of(StoreFacets facets, CallMeters meters) {
    StoreFacets.Builder builder = facets.toBuilder();
    for (Method setter : StoreFacets.Builder.class.getMethods()) {
      if (!isFacetSetter(setter)) {
        continue;
      }
      Class<?> facetType = setter.getParameterTypes()[0];
      String facet = setter.getName();
      Object metered =
          MeteredFacet.proxy(facetType, facet, facetOf(facets, facet, facetType), meters);
      invoke(setter, builder, metered);
    }
    return builder.build();
  }

  /**
   * Whether {@code method} is the builder's setter of one facet, such as {@code assets(Assets)}.
   */
  private static boolean isFacetSetter(Method method) {
    return method.getDeclaringClass() == StoreFacets.Builder.class
        && !Modifier.isStatic(method.getModifiers())
        && method.getParameterCount() == 1
        && method.getParameterTypes()[0].isInterface()
        && method.getReturnType() == StoreFacets.Builder.class;
  }

  private static Object facetOf(StoreFacets facets, String facet, Class<?> facetType) {
    Method getter;
    try {
      getter = StoreFacets.class.getMethod(facet);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          "StoreFacets.Builder sets facet " + facet + ", which StoreFacets has no getter of", e);
    }
    if (getter.getReturnType() != facetType) {
      throw new IllegalStateException(
          "StoreFacets." + facet + "() returns " + getter.getReturnType() + ", not " + facetType);
    }
    return invoke(getter, facets);
  }

  private static Object invoke(Method method, Object target, Object... arguments) {
    try {
      return method.invoke(target, arguments);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + method, e);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(method + " failed", e.getCause());
    }
  }
}
