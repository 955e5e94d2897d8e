package dev.catalogstore.api.commit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.branch.BranchRef;
import dev.catalogstore.api.namespace.NamespacePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The values history and merges compare: keys, contents and changes. */
class CommitModelTest {
  @Test
  void keysOrderByNamespaceSegmentByCodePointThenByName() {
    AssetKey aB = new AssetKey(NamespacePath.of("a", "b"), "t");
    AssetKey aDotB = new AssetKey(NamespacePath.of("a.b"), "t");
    AssetKey a = new AssetKey(NamespacePath.of("a"), "z");
    AssetKey aEmoji = new AssetKey(NamespacePath.of("a"), "\uD83D\uDE00");
    AssetKey aPrivateUse = new AssetKey(NamespacePath.of("a"), "\uFFFF");
    List<AssetKey> keys = new ArrayList<>(List.of(aDotB, aPrivateUse, aB, aEmoji, a));

    Collections.sort(keys);

    // A shorter namespace first; then by code point, so U+1F600 sorts after U+FFFF, unlike
    // String.compareTo.
    assertThat(keys).containsExactly(a, aPrivateUse, aEmoji, aB, aDotB);
  }

  @Test
  void aKeyIsAnAssetsNamespaceAndNameWithoutCatalogOrBranch() {
    NamespacePath sales = NamespacePath.of("sales");

    assertThat(AssetKey.of(new AssetRef(new BranchRef("lake", "dev"), sales, "orders")))
        .isEqualTo(AssetKey.of(AssetRef.onMain("lake", sales, "orders")))
        .isEqualTo(new AssetKey(sales, "orders"));
  }

  @Test
  void theSameTableOnTwoBranchesHasTheSameContentDespiteOtherIdsAndTimes() {
    NamespacePath sales = NamespacePath.of("sales");
    Asset onMain =
        asset(AssetRef.onMain("lake", sales, "orders"), Instant.parse("2024-01-01T00:00:00Z"));
    Asset onDev =
        asset(
            new AssetRef(new BranchRef("lake", "dev"), sales, "orders"),
            Instant.parse("2024-06-01T00:00:00Z"));

    assertThat(AssetContent.of(onDev)).isEqualTo(AssetContent.of(onMain));
    assertThat(AssetContent.of(onMain))
        .isEqualTo(
            new AssetContent(
                AssetKind.ICEBERG_TABLE,
                Optional.of("s3://orders"),
                Optional.of("s3://orders/v1.json"),
                Map.of("owner", "ana")));
  }

  @Test
  void aContentKeepsACopyOfItsProperties() {
    Map<String, String> properties = new HashMap<>(Map.of("owner", "ana"));
    AssetContent content =
        new AssetContent(AssetKind.FILE, Optional.empty(), Optional.empty(), properties);

    properties.put("owner", "bo");

    assertThat(content.properties()).containsExactly(Map.entry("owner", "ana"));
  }

  @Test
  void aChangeIsACreateAnUpdateOrADelete() {
    AssetKey key = new AssetKey(NamespacePath.of("sales"), "orders");
    AssetContent v1 =
        new AssetContent(AssetKind.FILE, Optional.empty(), Optional.empty(), Map.of());

    assertThat(AssetChange.created(key, v1).isCreate()).isTrue();
    assertThat(AssetChange.deleted(key, v1).isDelete()).isTrue();
    assertThat(AssetChange.updated(key, v1, v1).isNoOp()).isTrue();
    assertThatThrownBy(() -> new AssetChange(key, Optional.empty(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("orders");
  }

  @Test
  void commitIdsPrintAsTheirUuid() {
    CommitId id = CommitId.random();

    assertThat(id.toString()).isEqualTo(id.value().toString());
    assertThat(id).isNotEqualTo(CommitId.random());
  }

  private static Asset asset(AssetRef ref, Instant at) {
    return new Asset(
        AssetId.random(),
        ref,
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://orders"),
        Optional.of("s3://orders/v1.json"),
        Map.of("owner", "ana"),
        at,
        at);
  }
}
