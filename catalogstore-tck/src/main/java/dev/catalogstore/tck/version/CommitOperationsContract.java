package dev.catalogstore.tck.version;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetCommit;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataCommit;
import dev.catalogstore.api.asset.NewAsset;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.commit.CommitId;
import dev.catalogstore.api.commit.CommitMeta;
import dev.catalogstore.api.namespace.NamespacePath;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Specifies {@code commits().operations}: a commit's changes relative to its first parent, one per
 * key with the content before and after, sorted by key (namespace first, then name, by code point),
 * keyset-paged with exact pages; a multi-asset commit is one commit with one operation per asset, a
 * rename two operations.
 *
 * <p>Every test starts with a fresh tenant holding catalog {@code lake} and namespace {@code
 * sales}.
 */
public abstract class CommitOperationsContract extends VersionSuite {
  private static final String[] NAMES = {"zeta", "alpha", "mid", "b", "a"};

  /** One multi-asset commit of the five tables of {@link #NAMES}; returns its id. */
  private CommitId oneCommitOfFiveTables() {
    List<AssetCommit> commits = new ArrayList<>();
    for (String name : NAMES) {
      table(main, name);
      commits.add(
          new AssetCommit(at(main, name), MetadataCommit.replacing(v(name, 1), v(name, 2))));
    }
    await(store().assets().commitMetadataLocations(tenant, commits, CommitMeta.message("all")));
    return head(main);
  }

  private static List<AssetChange> fivePointerChangesByKey() {
    List<AssetChange> changes = new ArrayList<>();
    for (String name : List.of("a", "alpha", "b", "mid", "zeta")) {
      changes.add(AssetChange.updated(key(name), tableContent(name, 1), tableContent(name, 2)));
    }
    return changes;
  }

  @Test
  void aMultiAssetCommitIsOneCommitWithOneOperationPerAssetSortedByKey() {
    CommitId commit = oneCommitOfFiveTables();

    assertThat(commit(commit).parents()).hasSize(1);
    assertThat(operations(commit)).containsExactlyElementsOf(fivePointerChangesByKey());
    assertThat(operations(commit(commit).parents().get(0)))
        .as("the commit before: the last table's creation")
        .containsExactly(AssetChange.created(key("a"), tableContent("a", 1)));
  }

  @Test
  void operationsAreSortedByNamespaceThenName() {
    NamespacePath archive = namespace("archive");
    NamespacePath salesEu = namespace("sales", "eu");
    AssetRef inArchive = new AssetRef(main, archive, "z");
    AssetRef inSalesEu = new AssetRef(main, salesEu, "a");
    AssetRef inSales = at(main, "b");
    List<AssetCommit> commits = new ArrayList<>();
    for (AssetRef ref : List.of(inSalesEu, inSales, inArchive)) {
      await(store().assets().create(tenant, ref, NewAsset.icebergTable("s3://" + ref, "s3://1")));
      commits.add(new AssetCommit(ref, MetadataCommit.replacing("s3://1", "s3://2")));
    }
    await(store().assets().commitMetadataLocations(tenant, commits));

    assertThat(operations(head(main)))
        .extracting(AssetChange::key)
        .containsExactly(AssetKey.of(inArchive), AssetKey.of(inSales), AssetKey.of(inSalesEu));
  }

  @Test
  void aRenameIsTwoOperations() {
    table(main, "orders");

    await(store().assets().rename(tenant, at(main, "orders"), at(main, "archived-orders")));

    assertThat(operations(head(main)))
        .containsExactly(
            AssetChange.created(key("archived-orders"), tableContent("orders", 1)),
            AssetChange.deleted(key("orders"), tableContent("orders", 1)));
  }

  @Test
  void aPropertyUpdateRecordsTheContentBeforeAndAfter() {
    table(main, "orders");

    setProperty(main, "orders", "owner", "ops");

    assertThat(operations(head(main)))
        .containsExactly(
            AssetChange.updated(
                key("orders"),
                tableContent("orders", 1),
                tableContent("orders", 1, Map.of("owner", "ops"))));
  }

  @Test
  void everyPageIsFullWhileMoreFollowAndOnlyThenHasAToken() {
    CommitId commit = oneCommitOfFiveTables();
    List<AssetChange> all = fivePointerChangesByKey();

    for (int limit = 1; limit <= all.size() + 1; limit++) {
      List<AssetChange> read = new ArrayList<>();
      PageRequest request = PageRequest.firstPage(limit);
      while (true) {
        Page<AssetChange> page =
            await(store().commits().operations(tenant, CATALOG, commit, request));
        assertThat(page.items())
            .as("a page of %d", limit)
            .hasSize(Math.min(limit, all.size() - read.size()));
        read.addAll(page.items());
        assertThat(page.nextPageToken().isPresent())
            .as("a token after %d of %d operations", read.size(), all.size())
            .isEqualTo(read.size() < all.size());
        if (page.nextPageToken().isEmpty()) {
          break;
        }
        request = PageRequest.nextPage(page.nextPageToken().get(), limit);
      }
      assertThat(read).as("pages of %d", limit).containsExactlyElementsOf(all);
    }
  }

  @Test
  void aTokenIsBoundToTheCommitItWasMintedFor() {
    CommitId commit = oneCommitOfFiveTables();
    CommitId earlier = commit(commit).parents().get(0);
    String token =
        await(store().commits().operations(tenant, CATALOG, commit, PageRequest.firstPage(1)))
            .nextPageToken()
            .orElseThrow();

    assertInvalid(
        "page.pageToken",
        () ->
            store().commits().operations(tenant, CATALOG, earlier, PageRequest.nextPage(token, 1)));
  }
}
