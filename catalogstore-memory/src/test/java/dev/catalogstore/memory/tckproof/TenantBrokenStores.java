package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static java.util.concurrent.CompletableFuture.completedFuture;
import static java.util.concurrent.CompletableFuture.failedFuture;

import dev.catalogstore.api.error.AlreadyExistsException;
import dev.catalogstore.api.error.CatalogStoreException;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import dev.catalogstore.api.spi.Requests;
import dev.catalogstore.api.tenant.NewTenant;
import dev.catalogstore.api.tenant.Tenant;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.tenant.TenantUpdate;
import dev.catalogstore.api.tenant.Tenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Broken stores whose defect lives in the tenants facet. */
final class TenantBrokenStores {
  private TenantBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        renameKeepingTheOldNameReserved(),
        listingTheSystemTenant(),
        namesUniqueIgnoringCase(),
        offsetPaging(),
        renamingBeforeValidatingProperties(),
        tokenOnAFullLastPage(),
        renameNotMovingUpdatedAt());
  }

  /**
   * A rename that inserts the new name into the unique-name index but never deletes the old entry:
   * the old name stays taken for good.
   */
  static BrokenStore renameKeepingTheOldNameReserved() {
    return new BrokenStore(
        "tenant-rename-keeps-old-name",
        "tenants.update leaves the tenant's old name reserved after a rename",
        facets -> {
          Set<String> reserved = ConcurrentHashMap.newKeySet();
          Tenants honest = facets.tenants();
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "create",
                      1,
                      call -> {
                        NewTenant tenant = call.arg(0, NewTenant.class);
                        return tenant != null && reserved.contains(tenant.name())
                            ? failedFuture(new AlreadyExistsException("tenant name taken"))
                            : call.proceed();
                      })
                  .replace(
                      "update",
                      2,
                      call -> {
                        TenantId id = call.arg(0, TenantId.class);
                        if (id == null) {
                          return call.proceed();
                        }
                        return honest
                            .get(id)
                            .thenCompose(
                                before ->
                                    TenantBrokenStores.<Tenant>proceed(call)
                                        .thenApply(
                                            after -> {
                                              before
                                                  .filter(b -> !b.name().equals(after.name()))
                                                  .ifPresent(b -> reserved.add(b.name()));
                                              return after;
                                            }));
                      })
                  .build());
        },
        List.of(
            test("Tenants", "aRenameFreesTheOldName"),
            test("Tenants", "aRenamedTenantsNewNameIsTakenAndItsOldNameIsFree")));
  }

  /** A tenant listing that forgot {@code AND tenant_id <> :system}. */
  static BrokenStore listingTheSystemTenant() {
    return new BrokenStore(
        "tenant-list-shows-system",
        "tenants.list shows the system tenant at its place in name order",
        facets -> {
          Tenants honest = facets.tenants();
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "list",
                      1,
                      call -> {
                        PageRequest request = call.arg(0, PageRequest.class);
                        return TenantBrokenStores.<Page<Tenant>>proceed(call)
                            .thenCompose(
                                page ->
                                    honest
                                        .get(TenantId.SYSTEM)
                                        .thenApply(
                                            system -> {
                                              List<Tenant> items = page.items();
                                              String name = system.orElseThrow().name();
                                              boolean fromBefore =
                                                  request.pageToken().isEmpty()
                                                      || items.isEmpty()
                                                      || CodePointOrder.compare(
                                                              items.get(0).name(), name)
                                                          <= 0;
                                              boolean toAfter =
                                                  page.nextPageToken().isEmpty()
                                                      || (!items.isEmpty()
                                                          && CodePointOrder.compare(
                                                                  items
                                                                      .get(items.size() - 1)
                                                                      .name(),
                                                                  name)
                                                              >= 0);
                                              if (!fromBefore || !toAfter) {
                                                return page;
                                              }
                                              List<Tenant> withSystem = new ArrayList<>(items);
                                              withSystem.add(system.get());
                                              withSystem.sort(
                                                  (a, b) ->
                                                      CodePointOrder.compare(a.name(), b.name()));
                                              return new Page<>(withSystem, page.nextPageToken());
                                            }));
                      })
                  .build());
        },
        List.of(
            test("Tenants", "listTenantsNeverShowsTheSystemTenant"),
            test("Tenants", "listTenantsLeavesOutOnlyTheSystemTenantNotItsNeighbours")));
  }

  /**
   * A unique index on {@code lower(name)}: tenant names that differ only in case collide, on create
   * and on rename (a row does not collide with itself).
   */
  static BrokenStore namesUniqueIgnoringCase() {
    return new BrokenStore(
        "tenant-names-unique-ignoring-case",
        "tenants.create and rename refuse a name another tenant has in another case",
        facets -> {
          Map<String, TenantId> byLowerName = new ConcurrentHashMap<>();
          byLowerName.put("system", TenantId.SYSTEM);
          Tenants honest = facets.tenants();
          Function<Tenant, Tenant> remember =
              tenant -> {
                byLowerName.put(tenant.name().toLowerCase(Locale.ROOT), tenant.id());
                return tenant;
              };
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "create",
                      1,
                      call -> {
                        NewTenant tenant = call.arg(0, NewTenant.class);
                        return collision(
                                honest, byLowerName, tenant == null ? null : tenant.name(), null)
                            .thenCompose(
                                taken ->
                                    taken
                                        ? failedFuture(
                                            new AlreadyExistsException("tenant name taken"))
                                        : TenantBrokenStores.<Tenant>proceed(call)
                                            .thenApply(remember));
                      })
                  .replace(
                      "update",
                      2,
                      call -> {
                        TenantId id = call.arg(0, TenantId.class);
                        TenantUpdate update = call.arg(1, TenantUpdate.class);
                        String name = update == null ? null : update.name().orElse(null);
                        return collision(honest, byLowerName, name, id)
                            .thenCompose(
                                taken ->
                                    taken
                                        ? failedFuture(
                                            new AlreadyExistsException("tenant name taken"))
                                        : TenantBrokenStores.<Tenant>proceed(call)
                                            .thenApply(remember));
                      })
                  .build());
        },
        List.of(
            test("Tenants", "tenantNamesAreUniqueExactlyNotByCaseSpacesOrUnicodeForm"),
            test("Tenants", "onlyTheExactNameOfTheSystemTenantIsTaken"),
            test("Tenants", "renameToACaseVariantOfItsOwnNameChangesTheName")));
  }

  /** Whether another tenant than {@code self} has {@code name} in another case. */
  private static CompletableFuture<Boolean> collision(
      Tenants honest, Map<String, TenantId> byLowerName, String name, TenantId self) {
    TenantId holder = name == null ? null : byLowerName.get(name.toLowerCase(Locale.ROOT));
    if (holder == null || holder.equals(self)) {
      return completedFuture(false);
    }
    return honest
        .get(holder)
        .thenApply(
            found ->
                found
                    .filter(t -> t.name().equalsIgnoreCase(name) && !t.name().equals(name))
                    .isPresent());
  }

  /** {@code OFFSET}/{@code LIMIT} paging: an insert before the position shifts every page. */
  static BrokenStore offsetPaging() {
    return new BrokenStore(
        "tenant-offset-paging",
        "tenants.list pages by offset, so concurrent inserts repeat tenants",
        facets -> {
          Tenants honest = facets.tenants();
          String marker = "offset:";
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "list",
                      1,
                      call -> {
                        PageRequest request = call.arg(0, PageRequest.class);
                        if (request == null
                            || request.limit() < 1
                            || request
                                .pageToken()
                                .filter(token -> !token.startsWith(marker))
                                .isPresent()) {
                          return call.proceed();
                        }
                        int offset =
                            request
                                .pageToken()
                                .map(token -> Integer.parseInt(token.substring(marker.length())))
                                .orElse(0);
                        int limit = Math.min(request.limit(), PageRequest.MAX_LIMIT);
                        List<Tenant> all = allTenants(honest);
                        List<Tenant> items =
                            all.subList(
                                Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
                        Optional<String> next =
                            offset + limit < all.size()
                                ? Optional.of(marker + (offset + limit))
                                : Optional.empty();
                        return completedFuture(new Page<>(items, next));
                      })
                  .build());
        },
        List.of(
            test(
                "TenantPaging",
                "listTenantsPagedOneByOneWhileOthersInsertAndDeleteNeverRepeatsOrSkips")));
  }

  private static List<Tenant> allTenants(Tenants honest) {
    List<Tenant> all = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(PageRequest.MAX_LIMIT);
    while (true) {
      Page<Tenant> page = honest.list(request).join();
      all.addAll(page.items());
      if (page.nextPageToken().isEmpty()) {
        return all;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), PageRequest.MAX_LIMIT);
    }
  }

  /**
   * An update that runs its steps in the order of the request's fields and validates each part only
   * when it reaches it: the rename is written before the bad properties are refused.
   */
  static BrokenStore renamingBeforeValidatingProperties() {
    return new BrokenStore(
        "tenant-rename-before-validation",
        "tenants.update applies the new name before refusing bad properties",
        facets -> {
          Tenants honest = facets.tenants();
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "update",
                      2,
                      call -> {
                        TenantId id = call.arg(0, TenantId.class);
                        TenantUpdate update = call.arg(1, TenantUpdate.class);
                        if (id == null || update == null || update.name().isEmpty()) {
                          return call.proceed();
                        }
                        CatalogStoreException refusal =
                            refusal(() -> Requests.tenantUpdate(update, "update"));
                        if (refusal == null) {
                          return call.proceed();
                        }
                        return honest
                            .update(id, TenantUpdate.builder().name(update.name().get()).build())
                            .handle((renamed, failure) -> null)
                            .thenCompose(ignored -> failedFuture(refusal));
                      })
                  .build());
        },
        List.of(test("TenantInputRules", "anUpdateWithAGoodNameAndBadPropertiesRenamesNothing")));
  }

  /** The honest call's future; a throw (which the honest store never does) fails it. */
  static <T> CompletableFuture<T> proceed(Intercept.Call call) {
    try {
      return (CompletableFuture<T>) call.proceed();
    } catch (Throwable thrown) {
      return failedFuture(thrown);
    }
  }

  /** The failure {@code check} throws, or null if it passes. */
  static CatalogStoreException refusal(Runnable check) {
    try {
      check.run();
      return null;
    } catch (CatalogStoreException e) {
      return e;
    }
  }

  /**
   * "More follow if the page is full": a token on every full page, even the last one, whose
   * following page is then empty. The contract says a token only when more items exist.
   */
  static BrokenStore tokenOnAFullLastPage() {
    return new BrokenStore(
        "tenant-token-on-full-page",
        "tenants.list returns a next-page token on an exactly full last page",
        facets ->
            facets.withTenants(
                Intercept.facet(Tenants.class, facets.tenants())
                    .replace("list", 1, call -> tokenOnFullPage(call, 0))
                    .build()),
        List.of(test("TenantPaging", "aLastPageExactlyFullHasNoNextPageToken")));
  }

  private static final String EMPTY_PAGE_TOKEN = "there-is-more";

  /**
   * A list call (its page request at {@code pageArg}) answered with a token on every full page;
   * that token reads an empty page.
   */
  static Object tokenOnFullPage(Intercept.Call call, int pageArg) throws Throwable {
    PageRequest request = call.arg(pageArg, PageRequest.class);
    if (request != null && request.pageToken().filter(EMPTY_PAGE_TOKEN::equals).isPresent()) {
      return completedFuture(Page.last(List.of()));
    }
    return TenantBrokenStores.<Page<?>>proceed(call)
        .thenApply(
            page ->
                page.nextPageToken().isEmpty()
                        && !page.items().isEmpty()
                        && page.items().size() == Math.min(request.limit(), PageRequest.MAX_LIMIT)
                    ? new Page<>(page.items(), Optional.of(EMPTY_PAGE_TOKEN))
                    : page);
  }

  /**
   * {@code updated_at = :now} written only in the branch that changes properties: a rename alone
   * keeps the old {@code updatedAt}, on every read.
   */
  static BrokenStore renameNotMovingUpdatedAt() {
    return new BrokenStore(
        "tenant-rename-keeps-updated-at",
        "tenants.update does not move updatedAt when it only renames",
        facets -> {
          Map<TenantId, Instant> pinned = new ConcurrentHashMap<>();
          Function<Tenant, Tenant> pin =
              tenant ->
                  Optional.ofNullable(pinned.get(tenant.id()))
                      .map(
                          at ->
                              new Tenant(
                                  tenant.id(),
                                  tenant.name(),
                                  tenant.properties(),
                                  tenant.createdAt(),
                                  at))
                      .orElse(tenant);
          Tenants honest = facets.tenants();
          return facets.withTenants(
              Intercept.facet(Tenants.class, honest)
                  .replace(
                      "get",
                      1,
                      call ->
                          TenantBrokenStores.<Optional<Tenant>>proceed(call)
                              .thenApply(found -> found.map(pin)))
                  .replace(
                      "update",
                      2,
                      call -> {
                        TenantId id = call.arg(0, TenantId.class);
                        TenantUpdate update = call.arg(1, TenantUpdate.class);
                        if (id == null || update == null) {
                          return call.proceed();
                        }
                        boolean renameOnly =
                            update.name().isPresent() && update.properties().isEmpty();
                        return honest
                            .get(id)
                            .thenCompose(
                                before ->
                                    TenantBrokenStores.<Tenant>proceed(call)
                                        .thenApply(
                                            after -> {
                                              if (renameOnly) {
                                                pinned.putIfAbsent(
                                                    id,
                                                    pin.apply(before.orElseThrow()).updatedAt());
                                              } else {
                                                pinned.remove(id);
                                              }
                                              return pin.apply(after);
                                            }));
                      })
                  .build());
        },
        List.of(test("TenantTime", "aRenameOnlyUpdateMovesUpdatedAt")));
  }
}
