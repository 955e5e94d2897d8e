package dev.catalogstore.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.asset.MetadataLocation;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.branch.NewBranch;
import dev.catalogstore.api.commit.CommitRef;
import dev.catalogstore.api.maintenance.ExpiredSnapshots;
import dev.catalogstore.api.paging.Page;
import dev.catalogstore.api.paging.PageRequest;
import dev.catalogstore.api.tag.TagRef;
import dev.catalogstore.tck.TckClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pruning keeps the sequence numbers of the entries it keeps, so a history has gaps; paging steps
 * over them, new entries continue the numbering, and a page token positioned at an entry pruned
 * since still resumes where it was.
 *
 * <p>Table {@code orders} on {@code main} has versions 0 to 5 (sequences 1 to 6). Branch {@code
 * keep} starts when version 1 is current and a tag names the commit of version 3, so an expiry with
 * zero retention prunes versions 0, 2 and 4 and keeps 1, 3 and 5 (sequences 2, 4 and 6).
 */
class HistoryGapsTest {
  private final TckClock clock = frozenClock();
  private final Lake lake = new Lake(clock);
  private final AssetRef orders = Lake.table(Lake.MAIN, "orders");
  private final TagRef tag = new TagRef(Lake.CATALOG, "v3");

  @BeforeEach
  void historyWithABranchAndATagHoldingOldVersions() {
    lake.create(Lake.MAIN, "orders");
    lake.commit(Lake.MAIN, "orders", 1);
    lake.store
        .branches()
        .create(
            lake.tenant,
            new BranchRef(Lake.CATALOG, "keep"),
            NewBranch.from(CommitRef.head(Lake.MAIN)))
        .join();
    lake.commit(Lake.MAIN, "orders", 2);
    lake.commit(Lake.MAIN, "orders", 3);
    lake.store.tags().create(lake.tenant, tag, CommitRef.head(Lake.MAIN)).join();
    lake.commit(Lake.MAIN, "orders", 4);
    lake.commit(Lake.MAIN, "orders", 5);
  }

  @Test
  void pruningLeavesGapsThatPagingStepsOver() {
    ExpiredSnapshots expired = expire();

    assertThat(expired.pruned()).extracting(MetadataLocation::sequence).containsExactly(1L, 3L, 5L);
    assertThat(expired.locations())
        .containsExactly(
            Lake.metadata("orders", 0), Lake.metadata("orders", 2), Lake.metadata("orders", 4));
    assertThat(sequences(1)).containsExactly(6L, 4L, 2L);
    assertThat(sequences(2)).containsExactly(6L, 4L, 2L);
    assertThat(sequences(100)).containsExactly(6L, 4L, 2L);
  }

  @Test
  void aCommitAfterPruningTakesTheNextSequence() {
    expire();

    lake.commit(Lake.MAIN, "orders", 6);

    assertThat(sequences(3)).containsExactly(7L, 6L, 4L, 2L);
  }

  @Test
  void aTokenPositionedAtAnEntryPrunedSinceResumesAfterIt() {
    expire();
    Page<MetadataLocation> first = history(PageRequest.firstPage(1));
    Page<MetadataLocation> second = history(first.nextPage(1).orElseThrow());
    assertThat(second.items()).extracting(MetadataLocation::sequence).containsExactly(4L);

    // Without the tag, version 3 (sequence 4, where the token stands) is pruned too.
    lake.store.tags().delete(lake.tenant, tag).join();
    assertThat(expire().pruned()).extracting(MetadataLocation::sequence).containsExactly(4L);

    Page<MetadataLocation> third = history(second.nextPage(1).orElseThrow());
    assertThat(third.items()).extracting(MetadataLocation::sequence).containsExactly(2L);
    assertThat(third.nextPageToken()).isEmpty();
  }

  private ExpiredSnapshots expire() {
    // Every entry so far is strictly older than the expiry's now, so each is a candidate.
    clock.advance(Duration.ofSeconds(1));
    return lake.store.maintenance().expireSnapshots(lake.tenant, orders, Duration.ZERO).join();
  }

  private static TckClock frozenClock() {
    TckClock clock = new TckClock();
    clock.freezeAt(java.time.Instant.parse("2026-06-01T00:00:00Z"));
    return clock;
  }

  private Page<MetadataLocation> history(PageRequest page) {
    return lake.store.assets().history(lake.tenant, orders, page).join();
  }

  private List<Long> sequences(int pageSize) {
    List<Long> sequences = new java.util.ArrayList<>();
    PageRequest page = PageRequest.firstPage(pageSize);
    while (true) {
      Page<MetadataLocation> read = history(page);
      read.items().forEach(entry -> sequences.add(entry.sequence()));
      if (read.nextPage(pageSize).isEmpty()) {
        return sequences;
      }
      page = read.nextPage(pageSize).get();
    }
  }
}
