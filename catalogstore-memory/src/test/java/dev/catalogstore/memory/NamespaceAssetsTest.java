package dev.catalogstore.memory;

import static dev.catalogstore.api.asset.AssetKind.DELTA_TABLE;
import static dev.catalogstore.api.asset.AssetKind.FILE;
import static dev.catalogstore.api.asset.AssetKind.ICEBERG_TABLE;
import static dev.catalogstore.api.asset.AssetKind.ICEBERG_VIEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catalogstore.api.asset.Asset;
import dev.catalogstore.api.asset.AssetId;
import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.asset.AssetRef;
import dev.catalogstore.api.namespace.NamespacePath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The two indexes of one namespace's assets (by name, and by kind and name) answer a read narrowed
 * to some kinds by merging only those kinds' indexes, in code-point order, and stay in step as
 * assets come and go.
 */
class NamespaceAssetsTest {
  // U+1F600 sorts after U+FFFD by code point, although String.compareTo puts it before.
  private static final String SMILEY = "\uD83D\uDE00";
  private static final String REPLACEMENT = "\uFFFD";

  private final NamespaceAssets assets = new NamespaceAssets();

  @Test
  void aReadNarrowedToSomeKindsMergesTheirIndexesInCodePointOrder() {
    put("a", FILE);
    put("b", ICEBERG_TABLE);
    put(SMILEY, ICEBERG_VIEW);
    put("c", ICEBERG_VIEW);
    put(REPLACEMENT, ICEBERG_TABLE);
    put("d", FILE);
    put("e", DELTA_TABLE);

    Set<AssetKind> tablesAndViews = EnumSet.of(ICEBERG_TABLE, ICEBERG_VIEW);
    assertThat(names(Optional.empty(), tablesAndViews))
        .containsExactly("b", "c", REPLACEMENT, SMILEY);
    assertThat(names(Optional.of("c"), tablesAndViews)).containsExactly(REPLACEMENT, SMILEY);
    // A position that no longer names an asset (deleted since) still resumes in order.
    assertThat(names(Optional.of("bb"), tablesAndViews)).containsExactly("c", REPLACEMENT, SMILEY);
    assertThat(names(Optional.empty(), EnumSet.of(FILE))).containsExactly("a", "d");
    assertThat(names(Optional.empty(), EnumSet.of(AssetKind.SQL_VIEW))).isEmpty();
    assertThat(names(Optional.of("a"), EnumSet.allOf(AssetKind.class)))
        .containsExactly("b", "c", "d", "e", REPLACEMENT, SMILEY);
  }

  @Test
  void aRemovedAssetLeavesBothIndexesAndItsNameCanBeTakenByAnotherKind() {
    put("t", ICEBERG_TABLE);
    put("u", ICEBERG_TABLE);
    put("f", FILE);

    assets.remove("t");
    assets.remove("absent");
    assertThat(assets.get("t")).isEmpty();
    assertThat(names(Optional.empty(), EnumSet.of(ICEBERG_TABLE, FILE))).containsExactly("f", "u");

    put("t", ICEBERG_VIEW);
    assertThat(names(Optional.empty(), EnumSet.of(ICEBERG_TABLE))).containsExactly("u");
    assertThat(names(Optional.empty(), EnumSet.of(ICEBERG_VIEW))).containsExactly("t");

    assets.remove("t");
    assets.remove("u");
    assets.remove("f");
    assertThat(assets.isEmpty()).isTrue();
    assertThat(names(Optional.empty(), EnumSet.of(ICEBERG_TABLE, ICEBERG_VIEW, FILE))).isEmpty();
  }

  private void put(String name, AssetKind kind) {
    AssetRef ref = AssetRef.onMain("lake", NamespacePath.of("ns"), name);
    Instant at = Instant.EPOCH;
    Asset asset =
        new Asset(
            AssetId.random(), ref, kind, Optional.empty(), Optional.empty(), Map.of(), at, at);
    assets.put(new AssetEntry(null, asset));
  }

  private List<String> names(Optional<String> after, Set<AssetKind> kinds) {
    List<String> names = new ArrayList<>();
    assets.after(after, kinds).forEachRemaining(entry -> names.add(entry.asset().ref().name()));
    return names;
  }
}
