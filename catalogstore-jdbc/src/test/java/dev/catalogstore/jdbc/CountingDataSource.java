package dev.catalogstore.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A DataSource that counts what the store sends through it: statements prepared (the store runs
 * each once, one round trip) and commits, so a test can state how many round trips a call costs.
 */
final class CountingDataSource {
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger commits = new AtomicInteger();
  private final DataSource proxy;

  CountingDataSource(DataSource target) {
    this.proxy =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                forward(
                    target,
                    (method, result) ->
                        method.getName().equals("getConnection")
                            ? connection((Connection) result)
                            : result));
  }

  DataSource dataSource() {
    return proxy;
  }

  /** Statements prepared since the last reset. */
  int statements() {
    return statements.get();
  }

  /** Explicit commits since the last reset. */
  int commits() {
    return commits.get();
  }

  void reset() {
    statements.set(0);
    commits.set(0);
  }

  private Connection connection(Connection target) {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            forward(
                target,
                (method, result) -> {
                  switch (method.getName()) {
                    case "prepareStatement", "createStatement" -> statements.incrementAndGet();
                    case "commit" -> commits.incrementAndGet();
                    default -> {}
                  }
                  return result;
                }));
  }

  private interface After {
    Object apply(Method method, Object result);
  }

  private static InvocationHandler forward(Object target, After after) {
    return (proxy, method, args) -> {
      try {
        return after.apply(method, method.invoke(target, args));
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}
