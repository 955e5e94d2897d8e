package dev.catalogstore.jdbc.sql;

/**
 * The body of one store call, run on a store thread: it validates its input, then does its JDBC
 * work through {@link Database#run} (autocommit statements) or {@link Database#transaction}. It
 * reports failures by throwing a {@code CatalogStoreException}.
 *
 * @param <T> the call's result
 */
@FunctionalInterface
public interface StoreTask<T> {
  T call();
}
