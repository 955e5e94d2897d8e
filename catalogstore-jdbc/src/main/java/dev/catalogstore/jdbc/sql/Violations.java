package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.NotFoundException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a constraint violation means for the operation whose statement hit it. The database decides
 * uniqueness and existence; this tells {@link SqlErrors} how to report its decision, for example
 * that a foreign-key violation on {@code deleteWarehouse} means "still used by a catalog"
 * ({@code PreconditionFailedException}) while on {@code createWarehouse} it means "no such tenant"
 * ({@code NotFoundException}).
 *
 * @param uniqueViolation the failure for SQLState 23505
 * @param foreignKeyViolation the failure for SQLState 23503
 */
public record Violations(
    Supplier<? extends CatalogStoreException> uniqueViolation,
    Supplier<? extends CatalogStoreException> foreignKeyViolation) {

  public Violations {
    Objects.requireNonNull(uniqueViolation, "uniqueViolation");
    Objects.requireNonNull(foreignKeyViolation, "foreignKeyViolation");
  }

  /**
   * For statements that are not expected to violate a constraint: if one does anyway (a race the
   * statement does not guard against), the generic reading is reported.
   */
  public static Violations none(String operation) {
    return new Violations(
        () -> new AlreadyExistsException(operation + ": the object already exists"),
        () -> new NotFoundException(operation + ": a referenced object does not exist"));
  }

  /** Unique violations report {@code failure}; foreign-key violations the generic reading. */
  public static Violations onUnique(
      String operation, Supplier<? extends CatalogStoreException> failure) {
    return new Violations(failure, none(operation).foreignKeyViolation());
  }

  /** Foreign-key violations report {@code failure}; unique violations the generic reading. */
  public static Violations onForeignKey(
      String operation, Supplier<? extends CatalogStoreException> failure) {
    return new Violations(none(operation).uniqueViolation(), failure);
  }
}
