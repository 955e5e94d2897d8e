package dev.catalogstore.tck.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.permission.Action;
import dev.catalogstore.api.permission.EffectivePermission;
import dev.catalogstore.api.permission.Grant;
import dev.catalogstore.api.permission.Permission;
import dev.catalogstore.api.permission.PermissionId;
import dev.catalogstore.api.permission.PermissionScope;
import dev.catalogstore.api.role.NewRole;
import dev.catalogstore.api.role.Role;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.api.user.NewUser;
import dev.catalogstore.api.user.RoleKind;
import dev.catalogstore.api.user.UserId;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Paging of {@code permissions().list} and {@code permissions().listUserPermissions}, which are
 * ordered by the permission's id in its string form. The store chooses the ids (a direct
 * permission's at random, a role grant's from the role and the grant), so these rules are stated
 * here on ids rather than on names as {@code PagingSuite} states them: the order is the ids' string
 * order, every page but the last is full and has a token, the last has none, an empty list is one
 * empty page, paging under concurrent grants and revocations never repeats or skips a permission
 * that exists throughout, and a token is bound to its tenant, its list and its user.
 */
public abstract class PermissionPagingContract extends TckSuite {
  private static final String CAT = "lake";

  private static final String TOKEN = "page.pageToken";

  @Test
  void limitsBelowOneAreRefusedAndAboveTheMaximumCapped() {
    Fixture fixture = new Fixture();
    for (int i = 0; i < 3; i++) {
      fixture.grant(fixture.alice, "t" + i);
    }
    for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertInvalid(
          "page.limit",
          () -> store().permissions().list(fixture.tenant, PageRequest.firstPage(limit)));
      assertInvalid(
          "page.limit",
          () ->
              store()
                  .permissions()
                  .listUserPermissions(
                      fixture.tenant, fixture.alice, PageRequest.firstPage(limit)));
    }
    Page<Permission> capped =
        await(store().permissions().list(fixture.tenant, PageRequest.firstPage(Integer.MAX_VALUE)));
    assertThat(capped.items()).hasSize(3);
    assertThat(capped.nextPageToken()).isEmpty();
  }

  @Test
  void aSpoiledTokenIsRefused() {
    Fixture fixture = new Fixture();
    for (int i = 0; i < 3; i++) {
      fixture.grant(fixture.alice, "t" + i);
    }
    String token =
        tokenAfterFirst(store().permissions().list(fixture.tenant, PageRequest.firstPage(1)));
    for (String spoiled :
        List.of(
            "not a page token",
            token.substring(0, token.length() / 2),
            token + "A".repeat(16_384))) {
      assertInvalid(
          TOKEN,
          () -> store().permissions().list(fixture.tenant, PageRequest.nextPage(spoiled, 1)));
      assertInvalid(
          TOKEN,
          () ->
              store()
                  .permissions()
                  .listUserPermissions(
                      fixture.tenant, fixture.alice, PageRequest.nextPage(spoiled, 1)));
    }
  }

  @Test
  void pagesOfTheTenantsPermissionsAreExactAndInIdOrder() {
    Fixture fixture = new Fixture();
    for (int i = 0; i < 7; i++) {
      fixture.grant(i % 2 == 0 ? fixture.alice : fixture.bob, "t" + i);
    }

    assertExactPages(ids(page -> store().permissions().list(fixture.tenant, page)), 7);
  }

  @Test
  void pagesOfAUsersPermissionsAreExactAndInIdOrder() {
    Fixture fixture = new Fixture();
    for (int i = 0; i < 3; i++) {
      fixture.grant(fixture.alice, "direct" + i);
    }
    Role role =
        await(
            store()
                .roles()
                .create(
                    fixture.tenant,
                    NewRole.of(
                        "r",
                        fixture.tag("role0"),
                        fixture.tag("role1"),
                        fixture.tag("role2"),
                        fixture.tag("direct0"))));
    await(store().roles().assign(fixture.tenant, role.id(), fixture.alice));
    fixture.grant(fixture.bob, "bobs");

    assertExactPages(
        effectiveIds(
            page -> store().permissions().listUserPermissions(fixture.tenant, fixture.alice, page)),
        7);
  }

  @Test
  void emptyListsAreOneEmptyPageWithoutAToken() {
    Fixture fixture = new Fixture();

    Page<Permission> all =
        await(store().permissions().list(fixture.tenant, PageRequest.firstPage(5)));
    Page<EffectivePermission> alices =
        await(
            store()
                .permissions()
                .listUserPermissions(fixture.tenant, fixture.alice, PageRequest.firstPage(5)));

    assertThat(all.items()).isEmpty();
    assertThat(all.nextPageToken()).isEmpty();
    assertThat(alices.items()).isEmpty();
    assertThat(alices.nextPageToken()).isEmpty();
  }

  @Test
  void pagingNeverRepeatsOrSkipsAPermissionThatExistsThroughout() {
    Fixture fixture = new Fixture();
    List<PermissionId> throughout = new ArrayList<>();
    List<PermissionId> deletedOnTheWay = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      throughout.add(fixture.grant(fixture.alice, "kept" + i).id());
      deletedOnTheWay.add(fixture.grant(fixture.bob, "gone" + i).id());
    }

    List<String> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(2);
    for (int pages = 0; pages < 100; pages++) {
      Page<Permission> page = await(store().permissions().list(fixture.tenant, request));
      page.items().forEach(p -> read.add(p.id().toString()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      fixture.grant(fixture.alice, "new-a" + pages);
      fixture.grant(fixture.bob, "new-b" + pages);
      if (!deletedOnTheWay.isEmpty()) {
        await(store().permissions().revoke(fixture.tenant, deletedOnTheWay.remove(0)));
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 2);
    }

    assertThat(read).doesNotHaveDuplicates().isSorted();
    assertThat(read).containsAll(throughout.stream().map(PermissionId::toString).toList());
  }

  @Test
  void aTokenIsBoundToItsTenantItsListAndItsUser() {
    Fixture fixture = new Fixture();
    Fixture other = new Fixture();
    for (Fixture f : List.of(fixture, other)) {
      for (int i = 0; i < 3; i++) {
        f.grant(f.alice, "t" + i);
        f.grant(f.bob, "t" + i);
      }
    }
    String listToken =
        tokenAfterFirst(store().permissions().list(fixture.tenant, PageRequest.firstPage(1)));
    String alicesToken =
        tokenAfterFirst(
            store()
                .permissions()
                .listUserPermissions(fixture.tenant, fixture.alice, PageRequest.firstPage(1)));

    assertInvalid(
        TOKEN, () -> store().permissions().list(other.tenant, PageRequest.nextPage(listToken, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .permissions()
                .listUserPermissions(
                    other.tenant, other.alice, PageRequest.nextPage(alicesToken, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .permissions()
                .listUserPermissions(
                    fixture.tenant, fixture.bob, PageRequest.nextPage(alicesToken, 1)));
    assertInvalid(
        TOKEN,
        () ->
            store()
                .permissions()
                .listUserPermissions(
                    fixture.tenant, fixture.alice, PageRequest.nextPage(listToken, 1)));
    assertInvalid(
        TOKEN,
        () -> store().permissions().list(fixture.tenant, PageRequest.nextPage(alicesToken, 1)));
  }

  /** Reads {@code list} with every limit from 1 to {@code count + 1} and checks each page. */
  private void assertExactPages(
      Function<PageRequest, CompletableFuture<Page<String>>> list, int count) {
    List<String> all = readWithLimit(list, PageRequest.MAX_LIMIT, count);
    assertThat(all).hasSize(count).doesNotHaveDuplicates().isSorted();
    for (int limit = 1; limit <= count + 1; limit++) {
      assertThat(readWithLimit(list, limit, count)).as("read with limit %d", limit).isEqualTo(all);
    }
  }

  /** Every id of {@code list} read with {@code limit}, checking sizes and tokens of the pages. */
  private List<String> readWithLimit(
      Function<PageRequest, CompletableFuture<Page<String>>> list, int limit, int count) {
    List<String> read = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    while (true) {
      Page<String> page = await(list.apply(request));
      read.addAll(page.items());
      boolean more = read.size() < count;
      assertThat(page.nextPageToken().isPresent())
          .as("a token after %d of %d items with limit %d", read.size(), count, limit)
          .isEqualTo(more);
      assertThat(page.items()).hasSize(more ? limit : count - (read.size() - page.items().size()));
      if (!more || read.size() > count) {
        return read;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
  }

  private static Function<PageRequest, CompletableFuture<Page<String>>> ids(
      Function<PageRequest, CompletableFuture<Page<Permission>>> list) {
    return request -> list.apply(request).thenApply(page -> names(page, p -> p.id().toString()));
  }

  private static Function<PageRequest, CompletableFuture<Page<String>>> effectiveIds(
      Function<PageRequest, CompletableFuture<Page<EffectivePermission>>> list) {
    return request -> list.apply(request).thenApply(page -> names(page, p -> p.id().toString()));
  }

  /** A fresh tenant with catalog {@code lake} and users alice and bob. */
  private final class Fixture {
    final TenantId tenant = newTenant();
    final UserId alice;
    final UserId bob;

    Fixture() {
      newLocalCatalog(tenant, CAT);
      alice = await(store().users().create(tenant, NewUser.of("alice", RoleKind.TENANT_USER))).id();
      bob = await(store().users().create(tenant, NewUser.of("bob", RoleKind.TENANT_USER))).id();
    }

    Grant tag(String tag) {
      return Grant.of(new PermissionScope.TagScope(tenant, CAT, tag), Action.READ);
    }

    Permission grant(UserId user, String tag) {
      return await(store().permissions().grant(tenant, user, tag(tag)));
    }
  }

  private static String tokenAfterFirst(CompletableFuture<? extends Page<?>> page) {
    return await(page).nextPageToken().orElseThrow();
  }

  private static <T> Page<String> names(Page<T> page, Function<T, String> name) {
    return new Page<>(page.items().stream().map(name).toList(), page.nextPageToken());
  }
}
