package dev.catalogstore.jdbc.sql;

import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.spi.StoredProperties;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a constraint violation means for the operation whose statement hit it. The database decides
 * uniqueness, existence and the stored-property limit; this tells {@link SqlErrors} how to report
 * its decision, for example that a foreign-key violation on {@code warehouses().delete} means
 * "still used by a catalog" ({@code PreconditionFailedException}) while on {@code
 * warehouses().create} it means "no such tenant" ({@code NotFoundException}).
 *
 * <p>A violation the operation did not declare means its statement does not do what the store
 * believes it does: a defect, reported as {@link InternalStoreException} with the SQL failure as
 * its cause. A declared failure is built on the store thread after the failed statement's
 * connection is back in the pool, so it may itself read the database to say what is missing.
 */
public final class Violations {
  /** For statements that declare no violation: every one is a defect. */
  public static final Violations NONE = new Violations(null, null, null);

  private final Supplier<? extends CatalogStoreException> unique;
  private final Supplier<? extends CatalogStoreException> foreignKey;
  private final Supplier<? extends CatalogStoreException> propertyLimit;

  private Violations(
      Supplier<? extends CatalogStoreException> unique,
      Supplier<? extends CatalogStoreException> foreignKey,
      Supplier<? extends CatalogStoreException> propertyLimit) {
    this.unique = unique;
    this.foreignKey = foreignKey;
    this.propertyLimit = propertyLimit;
  }

  /** These violations, with unique violations (SQLState 23505) reported as {@code failure}. */
  public Violations onUnique(Supplier<? extends CatalogStoreException> failure) {
    return new Violations(Objects.requireNonNull(failure), foreignKey, propertyLimit);
  }

  /** These violations, with foreign-key violations (SQLState 23503) reported as {@code failure}. */
  public Violations onForeignKey(Supplier<? extends CatalogStoreException> failure) {
    return new Violations(unique, Objects.requireNonNull(failure), propertyLimit);
  }

  /**
   * These violations, with the stored-property limits (a {@code *_properties_ck} or {@code
   * *_properties_bytes_ck} constraint) reported as the shared {@link StoredProperties#exceeded}
   * failure on {@code field}, exactly as a backend that checks the limit itself reports it.
   */
  public Violations onPropertyLimit(String field) {
    Objects.requireNonNull(field);
    return new Violations(unique, foreignKey, () -> StoredProperties.exceeded(field));
  }

  CatalogStoreException unique(String operation, SQLException e) {
    return declared(unique, operation, "a unique constraint", e);
  }

  CatalogStoreException foreignKey(String operation, SQLException e) {
    return declared(foreignKey, operation, "a foreign key", e);
  }

  CatalogStoreException propertyLimit(String operation, SQLException e) {
    return declared(propertyLimit, operation, "the stored-property limit", e);
  }

  private static CatalogStoreException declared(
      Supplier<? extends CatalogStoreException> failure,
      String operation,
      String constraint,
      SQLException e) {
    if (failure == null) {
      return new InternalStoreException(
          operation + " failed: its statement unexpectedly violated " + constraint, e);
    }
    return failure.get();
  }
}
