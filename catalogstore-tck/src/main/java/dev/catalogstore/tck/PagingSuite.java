package dev.catalogstore.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.spi.CodePointOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of every area's paging suite: the rules of {@link PageRequest} and {@link Page} that
 * every list keeps, run against each list the area names in {@link #lists()}:
 *
 * <ul>
 *   <li>items come in code-point order of their name (of the last segment for namespaces);
 *   <li>a page holds at most {@code limit} items; a limit above {@link PageRequest#MAX_LIMIT} is
 *       capped to it, a limit below 1 is refused on {@code page.limit};
 *   <li>paging is keyset-based: an item that exists throughout is returned exactly once, however
 *       others insert and delete between pages;
 *   <li>a token is opaque: a malformed, truncated, tampered or oversized token is refused on {@code
 *       page.pageToken}.
 * </ul>
 *
 * <p>The rules that need a list of its own to observe (exact page sizes, the empty list, tokens of
 * another tenant) are in {@link TenantScopedPagingSuite}; the area's suite adds the rules
 * particular to its lists (what else a token is bound to).
 *
 * <p>The suite has one instance per class ({@link TestInstance.Lifecycle#PER_CLASS}) so that the
 * area's {@link #lists()} can be an instance method; every test still opens fresh lists.
 *
 * <p>Support for the TCK's own suites; a backend does not need it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class PagingSuite extends TckSuite {
  /** The field a bad limit is reported on. */
  protected static final String LIMIT = "page.limit";

  /** The field a bad page token is reported on. */
  protected static final String TOKEN = "page.pageToken";

  /**
   * A list of the area under test, opened fresh for each test in a scope of its own.
   *
   * @param name the list's name in test reports, for example {@code WAREHOUSES}
   * @param open opens the list in a new scope of its own; a list scoped to a tenant is opened under
   *     a fresh tenant each time
   */
  public record PagedList(String name, Supplier<? extends Listing> open) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** The area's lists, each opened afresh by every test. */
  protected abstract List<PagedList> lists();

  /** Ways a genuine page token can be spoiled. */
  public enum SpoiledToken {
    GARBAGE {
      @Override
      String spoil(String token) {
        return "not a page token";
      }
    },
    EMPTY {
      @Override
      String spoil(String token) {
        return "";
      }
    },
    TRUNCATED {
      @Override
      String spoil(String token) {
        return token.substring(0, token.length() / 2);
      }
    },
    TAMPERED {
      /** Changes one character near the start, where a token keeps what it is bound to. */
      @Override
      String spoil(String token) {
        char[] chars = token.toCharArray();
        chars[2] = chars[2] == 'A' ? 'B' : 'A';
        return new String(chars);
      }
    },
    OVERSIZED {
      @Override
      String spoil(String token) {
        return token + "A".repeat(16_384);
      }
    };

    abstract String spoil(String token);
  }

  /** Every list paired with every way to spoil its token. */
  Stream<Arguments> listsAndSpoiledTokens() {
    return lists().stream()
        .flatMap(list -> Arrays.stream(SpoiledToken.values()).map(t -> arguments(list, t)));
  }

  // ---------------------------------------------------------------------------------------------
  // order and page size

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void itemsComeInCodePointOrderOfTheirNames(PagedList list) {
    Listing listing = list.open().get();
    try {
      for (String name : List.of("😀", "é", "ｚ", "a", "B", "日", "ab", "a b", "A", "a.b")) {
        listing.create(name);
      }

      // Java's String.compareTo (UTF-16 order) would put "😀" before "ｚ" (U+FF5A).
      List<String> inCodePointOrder =
          List.of("A", "B", "a", "a b", "a.b", "ab", "é", "日", "ｚ", "😀");
      assertThat(readAll(listing, 3)).containsExactlyElementsOf(inCodePointOrder);
      assertThat(readAll(listing, PageRequest.MAX_LIMIT))
          .containsExactlyElementsOf(inCodePointOrder);
    } finally {
      listing.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aLimitAboveTheMaximumIsAccepted(PagedList list) {
    Listing listing = list.open().get();
    try {
      List.of("a", "b", "c").forEach(listing::create);

      assertThat(readAll(listing, PageRequest.MAX_LIMIT + 1)).containsExactly("a", "b", "c");
      assertThat(readAll(listing, Integer.MAX_VALUE)).containsExactly("a", "b", "c");
    } finally {
      listing.release();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void aLimitBelowOneIsRefused(PagedList list) {
    Listing listing = list.open().get();
    try {
      listing.create("a");

      for (int limit : new int[] {0, -1, Integer.MIN_VALUE}) {
        assertInvalid(LIMIT, () -> listing.readLater(PageRequest.firstPage(limit)));
      }
    } finally {
      listing.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // keyset paging under concurrent change

  @ParameterizedTest(name = "{0}")
  @MethodSource("lists")
  void pagingNeverRepeatsOrSkipsAnItemThatExistsThroughout(PagedList list) {
    Listing listing = list.open().get();
    try {
      List<String> throughout = List.of("b", "d", "f", "h", "j", "l");
      List<String> deletedOnTheWay = new ArrayList<>(List.of("g", "c", "k"));
      throughout.forEach(listing::create);
      deletedOnTheWay.forEach(listing::create);
      int[] changes = {0};

      List<String> read =
          readAll(
              listing,
              2,
              readSoFar -> {
                if (!readSoFar.isEmpty() && changes[0] < 6) {
                  int change = changes[0]++;
                  listing.create("a" + change);
                  listing.create("i" + change);
                  listing.create("z" + change);
                  if (!deletedOnTheWay.isEmpty()) {
                    listing.delete(deletedOnTheWay.remove(0));
                  }
                }
              });

      assertThat(changes[0]).as("pages read while the list changed").isGreaterThan(1);
      assertThat(read).doesNotHaveDuplicates().isSortedAccordingTo(CodePointOrder.STRINGS);
      assertThat(read).containsAll(throughout);
    } finally {
      listing.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // tokens

  @ParameterizedTest(name = "{0} with a {1} token")
  @MethodSource("listsAndSpoiledTokens")
  void aSpoiledTokenIsRefused(PagedList list, SpoiledToken spoiled) {
    Listing listing = list.open().get();
    try {
      List.of("a", "b", "c").forEach(listing::create);
      String token = listing.read(PageRequest.firstPage(1)).nextPageToken().orElseThrow();

      assertInvalid(TOKEN, () -> listing.readLater(PageRequest.nextPage(spoiled.spoil(token), 1)));
    } finally {
      listing.release();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /**
   * Reads the list with {@code limit} from its start to its end (a store-wide list: to the end of
   * the scope), checking every page, and returns the scope's names in the order read.
   */
  protected List<String> readAll(Listing listing, int limit) {
    return readAll(listing, limit, readSoFar -> {});
  }

  /**
   * As {@link #readAll(Listing, int)}, handing the scope's names read so far to {@code
   * betweenPages} before each next page is read.
   */
  protected List<String> readAll(Listing listing, int limit, Consumer<List<String>> betweenPages) {
    int capped = Math.min(limit, PageRequest.MAX_LIMIT);
    List<String> listed = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    for (int pages = 1; ; pages++) {
      Page<String> page = listing.read(request);
      assertThat(page.items())
          .as("page %d with limit %d", pages, limit)
          .hasSizeLessThanOrEqualTo(capped);
      if (page.nextPageToken().isPresent()) {
        assertThat(page.items())
            .as("page %d with limit %d, which has a next page", pages, limit)
            .hasSize(capped);
      }
      listed.addAll(page.items());
      if (page.nextPageToken().isEmpty()
          || listing.isPast(page.items().get(page.items().size() - 1))) {
        return listing.own(listed);
      }
      assertThat(pages).as("pages read; the store keeps returning a next page").isLessThan(10_000);
      betweenPages.accept(listing.own(listed));
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
  }

  /** The size of each page read with {@code limit}, marked {@code +} where a token followed. */
  protected List<String> pageSizes(Listing listing, int limit) {
    List<String> sizes = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    while (true) {
      Page<String> page = listing.read(request);
      sizes.add(page.items().size() + (page.nextPageToken().isPresent() ? "+" : ""));
      if (page.nextPageToken().isEmpty() || sizes.size() > 10) {
        return sizes;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
  }

  /** The next-page token of a first page, which must have one. */
  protected static String tokenAfterFirst(CompletableFuture<? extends Page<?>> page) {
    return await(page).nextPageToken().orElseThrow();
  }

  /** {@code page} seen through its items' names. */
  protected static <T> Page<String> names(Page<T> page, Function<T, String> name) {
    return new Page<>(page.items().stream().map(name).toList(), page.nextPageToken());
  }

  /** One list in a scope of its own, seen through its items' names. */
  protected abstract class Listing {
    /** Adds an item named {@code name} to the list. */
    protected abstract void create(String name);

    /** Removes the item named {@code name} from the list. */
    protected abstract void delete(String name);

    /** Starts reading one page; the future may fail. */
    protected abstract CompletableFuture<Page<String>> readLater(PageRequest request);

    /** Reads one page, which must not fail. */
    protected Page<String> read(PageRequest request) {
      return await(readLater(request));
    }

    /** This scope's names among {@code listed}, in the order listed. */
    protected List<String> own(List<String> listed) {
      return listed;
    }

    /** Whether every name of this scope sorts before {@code listed}, so reading may stop. */
    protected boolean isPast(String listed) {
      return false;
    }

    /** Deletes what this scope put where other tests look (the store-wide tenant list). */
    protected void release() {}
  }
}
