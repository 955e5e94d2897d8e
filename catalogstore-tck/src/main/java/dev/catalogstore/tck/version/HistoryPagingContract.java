package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.commit.Commit;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagingSuite;
import dev.catalogstore.tck.TckSuite;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The paging rules of {@link PagingSuite} that hold for the history lists too, although they are
 * ordered by history rather than by name ({@code commits().ancestry}, newest first; {@code
 * commits().operations}, by key): a limit above {@link PageRequest#MAX_LIMIT} is accepted and
 * capped, one below 1 is refused on {@code page.limit}, and a malformed, empty, truncated, tampered
 * or oversized token is refused on {@code page.pageToken}. (Page sizes, where the next page starts,
 * and the binding of a token to its list are the ancestry and operations suites' own.)
 *
 * <p>Each test works in a fresh tenant with catalog {@code lake} and namespace {@code sales}, where
 * three tables were created one by one and then renamed (a commit of two operations).
 */
public abstract class HistoryPagingContract extends TckSuite {
  private static final String LAKE = "lake";
  private static final BranchRef MAIN = BranchRef.main(LAKE);
  private static final NamespaceRef SALES = NamespaceRef.of(LAKE, "sales");

  /** Ways to spoil a genuine token: each must be refused. */
  private static final Map<String, UnaryOperator<String>> SPOILED =
      Map.of(
          "garbage", token -> "not a page token",
          "empty", token -> "",
          "truncated", token -> token.substring(0, token.length() / 2),
          "tampered",
              token -> {
                char[] chars = token.toCharArray();
                chars[2] = chars[2] == 'A' ? 'B' : 'A';
                return new String(chars);
              },
          "oversized", token -> token + "A".repeat(16_384));

  private TenantId tenant;
  private CommitId rename;

  @BeforeEach
  void createTenantWithAHistory() {
    tenant = newTenant();
    newLocalCatalog(tenant, LAKE);
    newNamespaces(tenant, LAKE, "sales");
    for (String name : List.of("a", "b", "c")) {
      await(
          store()
              .assets()
              .create(tenant, AssetRef.onMain(SALES, name), NewAsset.of(AssetKind.FILE)));
    }
    await(
        store().assets().rename(tenant, AssetRef.onMain(SALES, "a"), AssetRef.onMain(SALES, "z")));
    rename = await(store().branches().get(tenant, MAIN)).orElseThrow().head();
  }

  @Test
  void aLimitAboveTheMaximumIsAcceptedByTheHistoryLists() {
    for (int limit : new int[] {PageRequest.MAX_LIMIT + 1, Integer.MAX_VALUE}) {
      Page<Commit> ancestry =
          await(
              store()
                  .commits()
                  .ancestry(tenant, CommitRef.head(MAIN), PageRequest.firstPage(limit)));
      assertThat(ancestry.items()).as("the ancestry with a limit of %d", limit).hasSize(5);
      assertThat(ancestry.nextPageToken()).isEmpty();
      assertThat(
              await(
                      store()
                          .commits()
                          .operations(tenant, LAKE, rename, PageRequest.firstPage(limit)))
                  .items())
          .as("the operations with a limit of %d", limit)
          .hasSize(2);
    }
  }

  @Test
  void aLimitBelowOneIsRefusedByTheHistoryLists() {
    for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
      assertInvalid(
          "page.limit",
          () ->
              store()
                  .commits()
                  .ancestry(tenant, CommitRef.head(MAIN), PageRequest.firstPage(limit)));
      assertInvalid(
          "page.limit",
          () -> store().commits().operations(tenant, LAKE, rename, PageRequest.firstPage(limit)));
    }
  }

  @Test
  void aSpoiledTokenIsRefusedByTheHistoryLists() {
    assertSpoiledTokensRefused(
        "ancestry", page -> store().commits().ancestry(tenant, CommitRef.head(MAIN), page));
    assertSpoiledTokensRefused(
        "operations", page -> store().commits().operations(tenant, LAKE, rename, page));
  }

  private void assertSpoiledTokensRefused(
      String list, Function<PageRequest, CompletableFuture<? extends Page<?>>> read) {
    String token = await(read.apply(PageRequest.firstPage(1))).nextPageToken().orElseThrow();
    SPOILED.forEach(
        (how, spoil) -> {
          String spoiled = spoil.apply(token);
          assertThat(
                  assertInvalid(
                          "page.pageToken", () -> read.apply(PageRequest.nextPage(spoiled, 1)))
                      .field())
              .as("the %s with a %s token", list, how)
              .isEqualTo("page.pageToken");
        });
  }
}
