package dev.catalogstore.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The audit log is append-only by its shape: the contract has no method that changes or removes an
 * event. (A test of the contract, not of a backend, so it lives here rather than in the TCK, where
 * no backend could make it fail.)
 */
class AuditLogShapeTest {
  @Test
  void theAuditLogOffersNoWayToChangeOrRemoveAnEvent() {
    Set<String> methods = new TreeSet<>();
    for (Method method : AuditLog.class.getMethods()) {
      if (!Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class) {
        methods.add(method.getName());
      }
    }

    assertThat(methods)
        .as("the methods of AuditLog: appending and reading only")
        .containsExactlyInAnyOrder("append", "get", "list", "count");
  }
}
