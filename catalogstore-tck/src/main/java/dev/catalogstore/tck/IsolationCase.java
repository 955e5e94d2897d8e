package dev.catalogstore.tck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test of {@link IsolationContract} as the isolation case of one method of {@code
 * CatalogStore}: the test acts through that method on one tenant (or under one tenant with another
 * tenant's names, ids or page tokens) and proves the other tenant unchanged and unreachable.
 *
 * <p>The isolation suite's guard fails for every method of {@code CatalogStore} that no test
 * annotated with this names, so a method added to the contract without an isolation case fails
 * the TCK. An annotated method must also be a {@code @Test}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IsolationCase {
  /** The name of the {@code CatalogStore} method this test proves isolated. */
  String value();
}
