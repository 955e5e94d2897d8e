package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.catalogstore.api.CatalogStore;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.catalog.NewCatalog;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.error.InvalidArgumentException;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.warehouse.NewWarehouse;
import dev.catalogstore.api.warehouse.StorageConfig;
import dev.catalogstore.api.warehouse.StorageType;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The base of every contract suite: access to the store, fresh tenants, and assertions on futures.
 * A suite never shares data with another test: each test builds what it needs under tenants it
 * creates.
 */
public abstract class TckSuite {
  /** How long any single store call may take before the TCK reports it as hung. */
  protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  /** The store and its peer; implemented by the nested class in {@link CatalogStoreTck}. */
  protected abstract TckFixture fixture();

  protected CatalogStore store() {
    return fixture().store();
  }

  protected CatalogStore peerStore() {
    return fixture().peerStore();
  }

  /** A unique name with a readable prefix, safe in every store. */
  protected static String uniqueName(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
  }

  /** Creates a tenant with a random name and returns its id. */
  protected TenantId newTenant() {
    return await(store().tenants().create(NewTenant.named(uniqueName("tenant")))).id();
  }

  /** Creates a file-system warehouse named {@code name} in {@code tenant}. */
  protected void newWarehouse(TenantId tenant, String name) {
    await(store().warehouses().create(tenant, NewWarehouse.of(name, fileStorage(name))));
  }

  /** A file-system storage configuration under {@code /warehouses/<name>}. */
  protected static StorageConfig fileStorage(String name) {
    return StorageConfig.of(StorageType.FILE, "file:///warehouses/" + name);
  }

  /** Creates warehouse {@code <catalog>-wh} and the local catalog {@code catalog} on it. */
  protected void newLocalCatalog(TenantId tenant, String catalog) {
    String warehouse = catalog + "-wh";
    newWarehouse(tenant, warehouse);
    await(store().catalogs().create(tenant, NewCatalog.local(catalog, warehouse)));
  }

  /** Creates the namespace {@code path} and each missing ancestor of it. */
  protected NamespaceRef newNamespaces(TenantId tenant, String catalog, String... path) {
    NamespaceRef ref = NamespaceRef.root(catalog);
    for (String segment : path) {
      ref = ref.child(segment);
      if (await(store().namespaces().get(tenant, ref)).isEmpty()) {
        await(store().namespaces().create(tenant, ref, Map.of()));
      }
    }
    return ref;
  }

  /** Coordinates of {@code name} in {@code namespace} on branch main. */
  protected static AssetRef assetOnMain(NamespaceRef namespace, String name) {
    return AssetRef.onMain(namespace.catalog(), namespace.path(), name);
  }

  /** Shorthand for {@link NamespacePath#of}. */
  protected static NamespacePath path(String... segments) {
    return NamespacePath.of(segments);
  }

  /**
   * Waits for {@code future} and returns its value; fails the test if it failed or hung. The
   * failure's cause is reported unwrapped.
   */
  protected static <T> T await(CompletableFuture<T> future) {
    assertThat(future).as("a store method returned a null future").isNotNull();
    try {
      return future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new AssertionError("store call failed: " + cause, cause);
    } catch (TimeoutException e) {
      throw new AssertionError("store call did not complete within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /**
   * Waits for {@code future} and asserts it failed with {@code type}; returns the failure. A call
   * that throws instead of returning a failed future violates the contract and fails here too.
   */
  protected static <E extends CatalogStoreException> E assertFails(
      Class<E> type, ThrowingCall<CompletableFuture<?>> call) {
    CompletableFuture<?> future;
    try {
      future = call.call();
    } catch (Throwable thrown) {
      throw new AssertionError(
          "the store method threw " + thrown + " instead of returning a failed future", thrown);
    }
    assertThat(future).as("a store method returned a null future").isNotNull();
    try {
      Object value = future.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return fail(
          "expected the call to fail with %s, but it returned %s", type.getSimpleName(), value);
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause();
      while (cause instanceof CompletionException && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).as("the failure of the call").isInstanceOf(type);
      return type.cast(cause);
    } catch (TimeoutException e) {
      throw new AssertionError("store call did not complete within " + CALL_TIMEOUT, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Asserts the call fails with {@link InvalidArgumentException} on exactly {@code field}. */
  protected static InvalidArgumentException assertInvalid(
      String field, ThrowingCall<CompletableFuture<?>> call) {
    InvalidArgumentException e = assertFails(InvalidArgumentException.class, call);
    assertThat(e.field()).as("the field named by " + e).isEqualTo(field);
    return e;
  }

  /** A call that may throw, so that the TCK can catch a store that throws instead of failing. */
  @FunctionalInterface
  public interface ThrowingCall<T> {
    T call() throws Exception;
  }
}
