package dev.catalogstore.memory.tckproof;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a facet that behaves like an honest one except for the methods it replaces, without a
 * class that forwards every method by hand. A replaced method gets the call's arguments and can
 * proceed to the honest facet. A default method of the facet that is not replaced runs as the
 * interface defines it, on the intercepted facet, so that a broken full method is also reached
 * through its shorter overloads, exactly as in a real backend.
 *
 * @param <F> the facet interface
 */
final class Intercept<F> {
  /** What replaces one method. */
  @FunctionalInterface
  interface Replacement {
    Object call(Call call) throws Throwable;
  }

  /** One intercepted call: its arguments, and the way on to the honest facet. */
  static final class Call {
    private final Object honest;
    private final Method method;
    private final Object[] args;

    private Call(Object honest, Method method, Object[] args) {
      this.honest = honest;
      this.method = method;
      this.args = args == null ? new Object[0] : args;
    }

    /** Argument {@code index}, cast to {@code type} (may be null: bad input reaches the store). */
    <T> T arg(int index, Class<T> type) {
      return type.cast(args[index]);
    }

    /** A copy of the call's arguments, to proceed with some of them replaced. */
    Object[] arguments() {
      return args.clone();
    }

    /** Calls the honest facet with the original arguments. */
    Object proceed() throws Throwable {
      return proceed(args);
    }

    /** Calls the honest facet with {@code replacedArgs}. */
    Object proceed(Object... replacedArgs) throws Throwable {
      try {
        return method.invoke(honest, replacedArgs);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }

  private final Class<F> type;
  private final F honest;
  private final Map<String, Replacement> replacements = new HashMap<>();

  private Intercept(Class<F> type, F honest) {
    this.type = type;
    this.honest = Objects.requireNonNull(honest, "honest");
  }

  /** Starts from {@code honest}, an implementation of the facet {@code type}. */
  static <F> Intercept<F> facet(Class<F> type, F honest) {
    return new Intercept<>(type, honest);
  }

  /**
   * Replaces the method {@code name} taking {@code arity} parameters. Fails at once if the facet
   * has no such method, so a broken store cannot silently stop being broken when the contract
   * changes.
   */
  Intercept<F> replace(String name, int arity, Replacement replacement) {
    boolean exists = false;
    for (Method method : type.getMethods()) {
      exists |= method.getName().equals(name) && method.getParameterCount() == arity;
    }
    if (!exists) {
      throw new IllegalArgumentException(
          type.getSimpleName() + " has no method " + name + "/" + arity);
    }
    replacements.put(key(name, arity), replacement);
    return this;
  }

  /** The intercepted facet. */
  F build() {
    Map<String, Replacement> chosen = Map.copyOf(replacements);
    InvocationHandler handler =
        (proxy, method, args) -> {
          Replacement replacement = chosen.get(key(method.getName(), method.getParameterCount()));
          if (replacement != null) {
            return replacement.call(new Call(honest, method, args));
          }
          if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
              case "equals" -> proxy == args[0];
              case "hashCode" -> System.identityHashCode(proxy);
              default -> "intercepted " + honest;
            };
          }
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          return new Call(honest, method, args).proceed();
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static String key(String name, int arity) {
    return name + "/" + arity;
  }
}
