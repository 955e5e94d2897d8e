package dev.catalogstore.tck.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.error.NotFoundException;
import dev.catalogstore.api.error.ObjectType;
import dev.catalogstore.api.error.PreconditionFailedException;
import dev.catalogstore.api.namespace.Namespace;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.namespace.NamespaceRef;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tenant.TenantId;
import dev.catalogstore.tck.PagedReads;
import dev.catalogstore.tck.TckSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The namespace tree, precisely: {@code namespaces().list(parent)} returns the direct children of
 * {@code parent} and nothing else, and {@code namespaces().delete} removes exactly the namespace it
 * names, judging emptiness on that namespace alone.
 *
 * <p>Each test builds a tree in which a store that works on joined path strings, string prefixes,
 * {@code LIKE} patterns or last segments instead of whole paths gets something wrong:
 *
 * <pre>
 * catalog "cat"                          catalog "cat2"
 *   a          a/%  a/B  a/b  a/b_  a/bc    a   a/b   a/q
 *              a/b/c
 *   a.b        a.b/y
 *   a_         a_/z
 *   ab         ab/x
 *   x          x/b
 * </pre>
 *
 * (segments shown joined with {@code /} for reading only: {@code a.b} and {@code a_} are single
 * segments). A namespace that holds an asset on a branch other than {@code main} is not empty
 * either; that rule is checked once the contract can create branches.
 */
public abstract class NamespaceTreeContract extends TckSuite {
  private static final String CAT = "cat";
  private static final String CAT2 = "cat2";

  @Test
  void listReturnsTheDirectChildrenOfTheParentAndNothingElse() {
    TenantId tenant = newTenant();
    buildTree(tenant);

    assertThat(children(tenant, NamespaceRef.root(CAT)))
        .containsExactly(path("a"), path("a.b"), path("a_"), path("ab"), path("x"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "a")))
        .containsExactly(
            path("a", "%"), path("a", "B"), path("a", "b"), path("a", "b_"), path("a", "bc"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "a", "b")))
        .containsExactly(path("a", "b", "c"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "a.b"))).containsExactly(path("a.b", "y"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "a_"))).containsExactly(path("a_", "z"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "ab"))).containsExactly(path("ab", "x"));
    assertThat(children(tenant, NamespaceRef.of(CAT, "x"))).containsExactly(path("x", "b"));
    for (NamespaceRef leaf :
        List.of(
            NamespaceRef.of(CAT, "a", "b", "c"),
            NamespaceRef.of(CAT, "a", "bc"),
            NamespaceRef.of(CAT, "a", "b_"),
            NamespaceRef.of(CAT, "a", "%"),
            NamespaceRef.of(CAT, "x", "b"))) {
      assertThat(children(tenant, leaf)).as("children of the leaf %s", leaf).isEmpty();
    }
    assertThat(children(tenant, NamespaceRef.root(CAT2))).containsExactly(path("a"));
    assertThat(children(tenant, NamespaceRef.of(CAT2, "a")))
        .containsExactly(path("a", "b"), path("a", "q"));
  }

  @Test
  void listPagedOneByOneReturnsTheSameDirectChildren() {
    TenantId tenant = newTenant();
    buildTree(tenant);

    for (NamespaceRef parent :
        List.of(
            NamespaceRef.root(CAT),
            NamespaceRef.of(CAT, "a"),
            NamespaceRef.of(CAT, "ab"),
            NamespaceRef.of(CAT, "a_"),
            NamespaceRef.of(CAT2, "a"))) {
      assertThat(childrenInPagesOfOne(tenant, parent))
          .as("the children of %s, read one per page", parent)
          .containsExactlyElementsOf(children(tenant, parent));
    }
  }

  /**
   * A page that holds exactly the children that remain has no next-page token (the contract's
   * choice: a token only when more items existed), whatever lies deeper in the tree, beside the
   * parent, or in another catalog.
   */
  @Test
  void anExactlyFullLastPageOfChildrenHasNoTokenWhateverLiesDeeperOrBeside() {
    TenantId tenant = newTenant();
    buildTree(tenant);

    assertThat(pageSizes(tenant, NamespaceRef.root(CAT), 5)).containsExactly("5");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT, "a"), 5)).containsExactly("5");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT, "a"), 1))
        .containsExactly("1+", "1+", "1+", "1+", "1");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT, "a"), 4)).containsExactly("4+", "1");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT, "a", "b"), 1)).containsExactly("1");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT, "ab"), 1)).containsExactly("1");
    assertThat(pageSizes(tenant, NamespaceRef.of(CAT2, "a"), 2)).containsExactly("2");
  }

  @Test
  void deleteRemovesExactlyTheNamedNamespace() {
    TenantId tenant = newTenant();
    buildTree(tenant);
    List<Namespace> remaining = new ArrayList<>(everyNamespace(tenant));

    for (NamespaceRef deleted :
        List.of(
            NamespaceRef.of(CAT, "a", "b_"),
            NamespaceRef.of(CAT, "a", "%"),
            NamespaceRef.of(CAT, "a", "b", "c"),
            NamespaceRef.of(CAT, "a", "b"),
            NamespaceRef.of(CAT, "a.b", "y"),
            NamespaceRef.of(CAT, "a_", "z"))) {
      await(store().namespaces().delete(tenant, deleted));

      remaining.removeIf(n -> n.ref().equals(deleted));
      assertThat(everyNamespace(tenant))
          .as("every namespace after deleting %s", deleted)
          .containsExactlyElementsOf(remaining);
    }
  }

  @Test
  void aSecondDeleteIsNotFoundAndChangesNothing() {
    TenantId tenant = newTenant();
    buildTree(tenant);
    NamespaceRef ref = NamespaceRef.of(CAT, "a", "bc");
    await(store().namespaces().delete(tenant, ref));
    List<Namespace> after = everyNamespace(tenant);

    NotFoundException again =
        assertFails(NotFoundException.class, () -> store().namespaces().delete(tenant, ref));

    assertThat(again.missing()).isEqualTo(ObjectType.NAMESPACE);
    assertThat(everyNamespace(tenant)).isEqualTo(after);
  }

  /**
   * Whether a namespace is empty is judged on its own children and assets only: not on a sibling
   * whose name it is a prefix of or that a {@code LIKE} pattern of its name matches, not on a
   * namespace of the same last segment elsewhere, not on the same path in another catalog.
   */
  @Test
  void emptinessIsJudgedOnTheNamespaceItselfNotOnNamesThatResembleIt() {
    TenantId tenant = newTenant();
    buildTree(tenant);
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(NamespaceRef.of(CAT, "ab"), "t"),
                NewAsset.of(AssetKind.FILE)));
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(NamespaceRef.of(CAT, "a", "bc"), "t"),
                NewAsset.of(AssetKind.FILE)));
    await(
        store()
            .assets()
            .create(
                tenant,
                AssetRef.onMain(NamespaceRef.of(CAT2, "a", "q"), "t"),
                NewAsset.of(AssetKind.FILE)));
    List<Namespace> remaining = new ArrayList<>(everyNamespace(tenant));

    List<NamespaceRef> deletable =
        List.of(
            // empty, although "cat"/"a"/"b" has the child "c"
            NamespaceRef.of(CAT2, "a", "b"),
            NamespaceRef.of(CAT, "a", "b", "c"),
            // empty now, although its siblings "b_" and "bc" start like it and "bc" holds an asset
            NamespaceRef.of(CAT, "a", "b"),
            NamespaceRef.of(CAT, "x", "b"),
            NamespaceRef.of(CAT, "a_", "z"),
            // empty now, although "ab" (which a LIKE 'a_%' matches) has a child and an asset
            NamespaceRef.of(CAT, "a_"),
            NamespaceRef.of(CAT, "x"));
    for (NamespaceRef ref : deletable) {
      await(store().namespaces().delete(tenant, ref));
    }

    remaining.removeIf(n -> deletable.contains(n.ref()));
    assertThat(everyNamespace(tenant)).containsExactlyElementsOf(remaining);
    for (NamespaceRef notEmpty :
        List.of(
            NamespaceRef.of(CAT, "a"),
            NamespaceRef.of(CAT, "ab"),
            NamespaceRef.of(CAT, "a", "bc"),
            NamespaceRef.of(CAT2, "a", "q"))) {
      assertFails(
          PreconditionFailedException.class, () -> store().namespaces().delete(tenant, notEmpty));
    }
    assertThat(everyNamespace(tenant)).containsExactlyElementsOf(remaining);
  }

  // ---------------------------------------------------------------------------------------------

  /** Every namespace of the tree, parents first. */
  private static final List<NamespaceRef> TREE =
      List.of(
          NamespaceRef.of(CAT, "a"),
          NamespaceRef.of(CAT, "a", "%"),
          NamespaceRef.of(CAT, "a", "B"),
          NamespaceRef.of(CAT, "a", "b"),
          NamespaceRef.of(CAT, "a", "b", "c"),
          NamespaceRef.of(CAT, "a", "b_"),
          NamespaceRef.of(CAT, "a", "bc"),
          NamespaceRef.of(CAT, "a.b"),
          NamespaceRef.of(CAT, "a.b", "y"),
          NamespaceRef.of(CAT, "a_"),
          NamespaceRef.of(CAT, "a_", "z"),
          NamespaceRef.of(CAT, "ab"),
          NamespaceRef.of(CAT, "ab", "x"),
          NamespaceRef.of(CAT, "x"),
          NamespaceRef.of(CAT, "x", "b"),
          NamespaceRef.of(CAT2, "a"),
          NamespaceRef.of(CAT2, "a", "b"),
          NamespaceRef.of(CAT2, "a", "q"));

  /** Builds the tree of the class comment, each namespace with a property naming it. */
  private void buildTree(TenantId tenant) {
    newLocalCatalog(tenant, CAT);
    newLocalCatalog(tenant, CAT2);
    for (NamespaceRef ref : TREE) {
      await(store().namespaces().create(tenant, ref, Map.of("ref", ref.toString())));
    }
  }

  /** The paths of {@code parent}'s children, read whole. */
  private List<NamespacePath> children(TenantId tenant, NamespaceRef parent) {
    return PagedReads.all(page -> store().namespaces().list(tenant, parent, page)).stream()
        .map(Namespace::path)
        .toList();
  }

  private List<NamespacePath> childrenInPagesOfOne(TenantId tenant, NamespaceRef parent) {
    List<NamespacePath> paths = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(1);
    for (int pages = 0; pages < 100; pages++) {
      Page<Namespace> page = await(store().namespaces().list(tenant, parent, request));
      page.items().forEach(n -> paths.add(n.path()));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), 1);
    }
    return paths;
  }

  /** The size of each page of {@code parent}'s children, marked {@code +} where a token came. */
  private List<String> pageSizes(TenantId tenant, NamespaceRef parent, int limit) {
    List<String> sizes = new ArrayList<>();
    PageRequest request = PageRequest.firstPage(limit);
    while (sizes.size() < 20) {
      Page<Namespace> page = await(store().namespaces().list(tenant, parent, request));
      sizes.add(page.items().size() + (page.nextPageToken().isPresent() ? "+" : ""));
      if (page.nextPageToken().isEmpty()) {
        break;
      }
      request = PageRequest.nextPage(page.nextPageToken().get(), limit);
    }
    return sizes;
  }

  /**
   * Every namespace of the tree that still exists, in tree order, each read by {@code get} (so that
   * a fault of {@code list} does not mask or fake one of {@code delete}).
   */
  private List<Namespace> everyNamespace(TenantId tenant) {
    List<Namespace> all = new ArrayList<>();
    for (NamespaceRef ref : TREE) {
      await(store().namespaces().get(tenant, ref)).ifPresent(all::add);
    }
    return all;
  }
}
