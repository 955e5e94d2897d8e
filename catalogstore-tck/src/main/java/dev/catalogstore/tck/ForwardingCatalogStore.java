package dev.catalogstore.tck;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.spi.ComposedCatalogStore;

/**
 * A {@link CatalogStore} that forwards every call, unchanged, to another store. Extend it to
 * decorate a store (metrics, tracing, logging, access checks, fault injection) by overriding only
 * the methods whose behaviour you change; everything else keeps the delegate's semantics exactly,
 * since each method returns the delegate's future as it is.
 *
 * <p>The TCK's own tests use it to build deliberately broken stores and prove that the TCK
 * catches each of them. A decorator that keeps the contract passes the TCK like its delegate.
 *
 * <p>The decorator owns its delegate: {@link #close()} closes it.
 */
public class ForwardingCatalogStore extends ComposedCatalogStore {
  private final CatalogStore delegate;

  /** A store that forwards every call to {@code delegate}. */
  public ForwardingCatalogStore(CatalogStore delegate) {
    super(delegate, delegate, delegate, delegate, delegate);
    this.delegate = delegate;
  }

  /** The store every call is forwarded to. */
  protected CatalogStore delegate() {
    return delegate;
  }

  /** Closes the delegate. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + delegate + "]";
  }
}
