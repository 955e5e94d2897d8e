package dev.catalogstore.memory.tckproof;

import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.namespace.Namespaces;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Helpers that broken stores of more than one facet share: turning honest calls into futures, and
 * walking namespaces the way a simulated backend would.
 *
 * <p>The simulations run over the honest in-memory facets, which complete their futures at once, so
 * a simulation may {@link #join} them.
 */
final class BrokenStoreKit {
  private BrokenStoreKit() {}

  /** The honest call, its throw (if any) turned into a failed future. */
  @SuppressWarnings("unchecked")
  static <T> CompletableFuture<T> proceeding(Intercept.Call call) {
    try {
      return (CompletableFuture<T>) call.proceed();
    } catch (Throwable thrown) {
      return failedFuture(thrown);
    }
  }

  /** The honest call with {@code args}, its throw (if any) turned into a failed future. */
  @SuppressWarnings("unchecked")
  static <T> CompletableFuture<T> proceeding(Intercept.Call call, Object... args) {
    try {
      return (CompletableFuture<T>) call.proceed(args);
    } catch (Throwable thrown) {
      return failedFuture(thrown);
    }
  }

  static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** A broken method's body, which may proceed to the honest facet. */
  @FunctionalInterface
  interface Simulation {
    CompletableFuture<?> run() throws Throwable;
  }

  /** Runs a simulation, turning what it throws into a failed future as a store must. */
  static CompletableFuture<?> attempt(Simulation simulation) {
    try {
      return simulation.run();
    } catch (CompletionException e) {
      return failedFuture(e.getCause());
    } catch (Throwable e) {
      return failedFuture(e);
    }
  }

  static <T> T join(CompletableFuture<T> future) {
    return future.join();
  }

  /** The value of the future an intercepted call proceeded to. */
  @SuppressWarnings("unchecked")
  static <T> T outcome(Object proceeded) {
    return ((CompletableFuture<T>) proceeded).join();
  }

  static <T> List<T> allPages(Function<PageRequest, CompletableFuture<Page<T>>> list) {
    List<T> items = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<T> page = list.apply(request).join();
      items.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return items;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), PageRequest.MAX_LIMIT);
    }
  }

  static List<Namespace> children(Namespaces honest, TenantId tenant, NamespaceRef parent) {
    return allPages(page -> honest.list(tenant, parent, page));
  }

  /** Every namespace below {@code from}, breadth first. */
  static List<Namespace> subtree(Namespaces honest, TenantId tenant, NamespaceRef from) {
    List<Namespace> below = new ArrayList<>();
    Deque<NamespaceRef> parents = new ArrayDeque<>(List.of(from));
    while (!parents.isEmpty()) {
      for (Namespace child : children(honest, tenant, parents.removeFirst())) {
        below.add(child);
        parents.addLast(child.ref());
      }
    }
    return below;
  }

  static NamespaceRef parent(NamespaceRef ref) {
    return new NamespaceRef(ref.catalog(), ref.path().parent());
  }

  /** The path as a backend that stores it as one string would: segments joined with "/". */
  static String joined(NamespacePath path) {
    return String.join("/", path.segments());
  }

  /** An unescaped SQL {@code LIKE} pattern as a regular expression. */
  static Pattern likePattern(String pattern) {
    StringBuilder regex = new StringBuilder();
    pattern
        .codePoints()
        .forEach(
            c ->
                regex.append(
                    switch (c) {
                      case '%' -> ".*";
                      case '_' -> ".";
                      default -> Pattern.quote(Character.toString(c));
                    }));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
