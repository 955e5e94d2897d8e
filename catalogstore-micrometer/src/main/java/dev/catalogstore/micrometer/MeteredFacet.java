package dev.catalogstore.micrometer;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * One facet's proxy: each method of the facet's interface, default methods included, goes to the
 * facet it decorates through its {@link MeteredMethod}. {@code equals}, {@code hashCode} and {@code
 * toString} are the proxy's own and are not measured.
 */
final class MeteredFacet implements InvocationHandler {
  private final Object facet;
  private final Map<Method, MeteredMethod> methods;

  private MeteredFacet(Object facet, Map<Method, MeteredMethod> methods) {
    this.facet = facet;
    this.methods = methods;
  }

  /** A {@code type} whose every method calls {@code facet}'s and is measured as of {@code name}. */
  static Object proxy(Class<?> type, String name, Object facet, CallMeters meters) {
    Map<Method, MeteredMethod> methods = new HashMap<>();
    for (Method method : type.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers())) {
        methods.put(method, new MeteredMethod(method, meters.forMethod(name, method)));
      }
    }
    return Proxy.newProxyInstance(
        type.getClassLoader(), new Class<?>[] {type}, new MeteredFacet(facet, Map.copyOf(methods)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    MeteredMethod metered = methods.get(method);
    if (metered != null) {
      return metered.call(facet, args);
    }
    // Not a method of the facet's interface: one of Object's that a proxy passes on.
    switch (method.getName()) {
      case "equals":
        return proxy == args[0];
      case "hashCode":
        return System.identityHashCode(proxy);
      case "toString":
        return "metered " + facet;
      default:
        throw new UnsupportedOperationException(method.toString());
    }
  }
}
