package dev.catalogstore.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test as the isolation case of one facet method of {@code CatalogStore}: the test acts
 * through that method on one tenant (or under one tenant with another tenant's names, ids or page
 * tokens) and proves the other tenant unchanged and unreachable. The area isolation suites (for
 * example {@code dev.catalogstore.tck.asset.AssetIsolationContract}) hold these tests.
 *
 * <p>{@link IsolationGuardContract} fails for every facet method that no test annotated with this
 * names, so a method added to the contract without an isolation case fails the TCK. An annotated
 * method must also be a {@code @Test}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IsolationCase {
  /**
   * The facet method this test proves isolated: {@code "<facet>.<method>"}, the facet named by its
   * accessor on {@code CatalogStore} (for example {@code "assets.getById"}); for a method name with
   * overloads, {@code "<facet>.<method>/<arity>"} (for example {@code "assets.list/5"}).
   */
  String value();
}
