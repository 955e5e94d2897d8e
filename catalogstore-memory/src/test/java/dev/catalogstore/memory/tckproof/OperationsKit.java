package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.audit.AuditActor;
import dev.catalogstore.api.audit.AuditEvent;
import dev.catalogstore.api.audit.AuditFilter;
import dev.catalogstore.api.audit.AuditLog;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.OperationsRequests;
import dev.catalogstore.api.spi.StoreFacets;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.Tenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Helpers the broken stores of the operations facets (audit, settings, maintenance, federation)
 * share: a list paged by the simulation itself, audit events a defect keeps from being recorded,
 * and the tenants a store has made.
 */
final class OperationsKit {
  private OperationsKit() {}

  /**
   * Pages over a list the simulation computed in full, in its own (broken) order, with page tokens
   * of its own: each token names the offset the next page starts at. A token it did not issue is
   * handed to {@code honest}, so a forged or foreign token is refused as the honest store refuses
   * it.
   */
  static final class OwnPages {
    private final Map<String, Integer> offsets = new ConcurrentHashMap<>();

    /** The page of {@code all} that {@code request} asks for. */
    <T> Page<T> page(List<T> all, PageRequest request) {
      int from = request.pageToken().map(offsets::get).orElse(0);
      int to = Math.min(all.size(), from + request.limit());
      Optional<String> next = Optional.empty();
      if (to < all.size()) {
        String token = "own-page-" + UUID.randomUUID();
        offsets.put(token, to);
        next = Optional.of(token);
      }
      return new Page<>(List.copyOf(all.subList(from, to)), next);
    }

    /**
     * The request to validate the call with on the honest facet: a first page of the same limit for
     * a token this pager issued (which the honest facet would refuse), else {@code request} itself.
     */
    PageRequest validating(PageRequest request) {
      return request != null
              && request.pageToken().isPresent()
              && offsets.containsKey(request.pageToken().get())
          ? PageRequest.firstPage(request.limit())
          : request;
    }

    /** Whether {@code request} continues a list of this pager's (or starts one). */
    boolean continues(PageRequest request) {
      return request != null
          && (request.pageToken().isEmpty() || offsets.containsKey(request.pageToken().get()));
    }
  }

  /**
   * The audit log with the events {@code unrecorded} selects missing from every read, as if they
   * had never been written (an insert rolled back, or never made): a get does not find them, a list
   * skips them, a count does not count them.
   */
  static AuditLog withoutEvents(AuditLog honest, Predicate<AuditEvent> unrecorded) {
    return Intercept.facet(AuditLog.class, honest)
        .replace(
            "get",
            2,
            call ->
                attempt(
                    () -> {
                      Optional<AuditEvent> found = outcome(call.proceed());
                      return completedFuture(found.filter(unrecorded.negate()));
                    }))
        .replace(
            "list",
            3,
            call ->
                attempt(
                    () -> {
                      Page<AuditEvent> page = outcome(call.proceed());
                      List<AuditEvent> kept = new ArrayList<>(page.items());
                      kept.removeIf(unrecorded);
                      return completedFuture(new Page<>(kept, page.nextPageToken()));
                    }))
        .replace(
            "count",
            2,
            call ->
                attempt(
                    () -> {
                      long counted = outcome(call.proceed());
                      TenantId tenant = call.arg(0, TenantId.class);
                      AuditFilter filter = call.arg(1, AuditFilter.class);
                      long hidden =
                          allPages(page -> honest.list(tenant, filter, page)).stream()
                              .filter(unrecorded)
                              .count();
                      return completedFuture(counted - hidden);
                    }))
        .build();
  }

  /** The facets with {@code tenants()} adding each tenant it creates to {@code created}. */
  static StoreFacets recordingTenants(StoreFacets facets, Set<TenantId> created) {
    return facets.withTenants(
        Intercept.facet(Tenants.class, facets.tenants())
            .replace(
                "create",
                1,
                call ->
                    BrokenStoreKit.<Tenant>proceeding(call)
                        .thenApply(
                            tenant -> {
                              created.add(tenant.id());
                              return tenant;
                            }))
            .build());
  }

  /**
   * The honest call; if it fails because the caller's tenant has no such {@code missing} thing, the
   * same call under the first other tenant of {@code tenants} where it succeeds (the thing looked
   * up by its name without the tenant). The tenant is the call's first argument.
   */
  static CompletableFuture<?> inAnyTenant(
      Intercept.Call call, Set<TenantId> tenants, ObjectType missing) {
    return attempt(
        () -> {
          CompletableFuture<?> own = BrokenStoreKit.proceeding(call);
          Throwable failure = own.handle((value, error) -> error).join();
          if (failure == null
              || !(BrokenStoreKit.unwrap(failure) instanceof NotFoundException notFound)
              || notFound.missing() != missing) {
            return own;
          }
          TenantId caller = call.arg(0, TenantId.class);
          for (TenantId other : tenants) {
            if (!other.equals(caller)) {
              Object[] args = call.arguments();
              args[0] = other;
              CompletableFuture<?> there = BrokenStoreKit.proceeding(call, args);
              if (there.handle((value, error) -> error == null).join()) {
                return there;
              }
            }
          }
          return own;
        });
  }

  /**
   * The honest call with its last argument, the actor, replaced by {@link AuditActor#SYSTEM} once
   * it is found valid (an invalid one is passed on, to be refused as it must).
   */
  static Object asTheSystem(Intercept.Call call) throws Throwable {
    Object[] args = call.arguments();
    try {
      OperationsRequests.actor((AuditActor) args[args.length - 1], "actor");
    } catch (RuntimeException refused) {
      return call.proceed();
    }
    args[args.length - 1] = AuditActor.SYSTEM;
    return call.proceed(args);
  }
}
