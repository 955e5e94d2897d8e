package dev.catalogstore.memory.tckproof;

import static dev.catalogstore.memory.tckproof.BrokenStore.test;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.allPages;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.attempt;
import static dev.catalogstore.memory.tckproof.BrokenStoreKit.outcome;
import static java.util.concurrent.CompletableFuture.completedFuture;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.Permissions;
import dev.catalogstore.api.serviceuser.ServiceUser;
import dev.catalogstore.api.serviceuser.ServiceUserId;
import dev.catalogstore.api.serviceuser.ServiceUsers;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.token.Token;
import dev.catalogstore.api.token.Tokens;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.api.user.UserUpdate;
import dev.catalogstore.api.user.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Broken stores of the governance facets: a tenant filter lost from a look-up, a page token not
 * bound to its tenant, a write before validation, a page boundary that skips an item.
 */
final class GovernanceBrokenStores {
  private GovernanceBrokenStores() {}

  static List<BrokenStore> all() {
    return List.of(
        findingTheKeysNamesakeInTheFirstTenant(),
        gettingServiceUsersOfEveryTenant(),
        readingTokenPageTokensOfAnyTenant(),
        writingAUserUpdateBeforeValidatingIt(),
        skippingAPermissionAtEachPageBoundary());
  }

  /** One service user each create returned, with its tenant. */
  private record Created(TenantId tenant, ServiceUserId id, String name) {}

  /**
   * The authentication look-up joins on the name instead of the digest: it returns the first
   * service user of that name in the store, whichever tenant created it first.
   */
  static BrokenStore findingTheKeysNamesakeInTheFirstTenant() {
    return new BrokenStore(
        "service-user-key-finds-namesake",
        "serviceUsers.findByApiKeyHash returns the first-created service user of the found one's"
            + " name, of whichever tenant",
        facets -> {
          List<Created> created = new CopyOnWriteArrayList<>();
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace("create", 2, call -> recording(call, created))
                  .replace(
                      "findByApiKeyHash",
                      1,
                      call ->
                          attempt(
                              () -> {
                                Optional<ServiceUser> found = outcome(call.proceed());
                                if (found.isEmpty()) {
                                  return completedFuture(found);
                                }
                                for (Created first : created) {
                                  if (first.name().equals(found.get().name())) {
                                    return honest.get(first.tenant(), first.id());
                                  }
                                }
                                return completedFuture(found);
                              }))
                  .build());
        },
        List.of(
            test("ServiceUserIsolation", "findByApiKeyHashFindsTheKeysOwnerWithItsTenantOnly")));
  }

  /** The tenant lost from a get's {@code WHERE}: an id of any tenant is found. */
  static BrokenStore gettingServiceUsersOfEveryTenant() {
    return new BrokenStore(
        "service-user-get-ignores-tenant",
        "serviceUsers.get finds a service user of that id in any tenant",
        facets -> {
          List<Created> created = new CopyOnWriteArrayList<>();
          ServiceUsers honest = facets.serviceUsers();
          return facets.withServiceUsers(
              Intercept.facet(ServiceUsers.class, honest)
                  .replace("create", 2, call -> recording(call, created))
                  .replace(
                      "get",
                      2,
                      call ->
                          attempt(
                              () -> {
                                Optional<ServiceUser> found = outcome(call.proceed());
                                ServiceUserId id = call.arg(1, ServiceUserId.class);
                                for (Created any : created) {
                                  if (found.isEmpty() && any.id().equals(id)) {
                                    return honest.get(any.tenant(), id);
                                  }
                                }
                                return completedFuture(found);
                              }))
                  .build());
        },
        List.of(
            test("ServiceUserIsolation", "getServiceUserReadsTheCallersOnly"),
            test("MissingThings", "everyGovernanceGetOfAMissingThingIsEmptyNotAFailure")));
  }

  /**
   * The active-token list reads a page token's position without checking whose tenant it was minted
   * for: a token of another tenant continues this tenant's list from that position.
   */
  static BrokenStore readingTokenPageTokensOfAnyTenant() {
    return new BrokenStore(
        "token-page-token-of-any-tenant",
        "tokens.listActive accepts a page token minted for another tenant",
        facets -> {
          // Where each token handed out leaves off: the id of the last token of its page.
          Map<String, String> positions = new ConcurrentHashMap<>();
          Tokens honest = facets.tokens();
          return facets.withTokens(
              Intercept.facet(Tokens.class, honest)
                  .replace(
                      "listActive",
                      2,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                PageRequest request = call.arg(1, PageRequest.class);
                                String after =
                                    request == null
                                        ? null
                                        : request.pageToken().map(positions::get).orElse(null);
                                Page<Token> page;
                                if (after == null) {
                                  page = outcome(call.proceed());
                                } else {
                                  List<Token> rest = new ArrayList<>();
                                  for (Token token : allPages(p -> honest.listActive(tenant, p))) {
                                    if (token.id().toString().compareTo(after) > 0
                                        && rest.size() < request.limit()) {
                                      rest.add(token);
                                    }
                                  }
                                  page = new Page<>(rest, Optional.empty());
                                }
                                if (!page.items().isEmpty()) {
                                  String last =
                                      page.items().get(page.items().size() - 1).id().toString();
                                  page.nextPageToken().ifPresent(t -> positions.put(t, last));
                                }
                                return completedFuture(page);
                              }))
                  .build());
        },
        List.of(
            test(
                "TokenIsolation",
                "listActiveShowsTheCallersTokensOnlyAndRefusesAnotherTenantsToken")));
  }

  /**
   * A user update written field by field, each checked as it is written: the activity lands before
   * the role kind is refused, so a refused call leaves the user changed.
   */
  static BrokenStore writingAUserUpdateBeforeValidatingIt() {
    return new BrokenStore(
        "user-update-writes-before-validating",
        "users.update writes a change of activity before it refuses the new role kind",
        facets -> {
          Users honest = facets.users();
          return facets.withUsers(
              Intercept.facet(Users.class, honest)
                  .replace(
                      "update",
                      3,
                      call ->
                          attempt(
                              () -> {
                                TenantId tenant = call.arg(0, TenantId.class);
                                UserId user = call.arg(1, UserId.class);
                                UserUpdate update = call.arg(2, UserUpdate.class);
                                if (tenant != null
                                    && user != null
                                    && update != null
                                    && update.active().isPresent()) {
                                  honest
                                      .update(
                                          tenant,
                                          user,
                                          UserUpdate.builder()
                                              .active(update.active().get())
                                              .build())
                                      .exceptionally(missing -> null)
                                      .join();
                                }
                                return BrokenStoreKit.proceeding(call);
                              }))
                  .build());
        },
        List.of(test("UserInputRules", "updateAndDeleteRefuseEachInvalidInputOnItsField")));
  }

  /**
   * Keyset paging with the bound off by one: a page after the first starts one item past the
   * position its token holds, so the item right after each boundary is never listed.
   */
  static BrokenStore skippingAPermissionAtEachPageBoundary() {
    return new BrokenStore(
        "permission-list-skips-at-page-boundary",
        "permissions.list skips the first permission after each page boundary",
        facets ->
            facets.withPermissions(
                Intercept.facet(Permissions.class, facets.permissions())
                    .replace(
                        "list",
                        2,
                        call ->
                            attempt(
                                () -> {
                                  Page<Permission> page = outcome(call.proceed());
                                  PageRequest request = call.arg(1, PageRequest.class);
                                  if (request.pageToken().isEmpty() || page.items().isEmpty()) {
                                    return completedFuture(page);
                                  }
                                  return completedFuture(
                                      new Page<>(
                                          page.items().subList(1, page.items().size()),
                                          page.nextPageToken()));
                                }))
                    .build()),
        List.of(test("PermissionPaging", "pagesOfTheTenantsPermissionsAreExactAndInIdOrder")));
  }

  private static Object recording(Intercept.Call call, List<Created> created) throws Throwable {
    CompletableFuture<ServiceUser> future = BrokenStoreKit.proceeding(call);
    return future.thenApply(
        serviceUser -> {
          created.add(new Created(serviceUser.tenant(), serviceUser.id(), serviceUser.name()));
          return serviceUser;
        });
  }
}
