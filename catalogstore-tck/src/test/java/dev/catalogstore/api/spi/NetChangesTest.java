package dev.catalogstore.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catalogstore.api.asset.AssetKind;
import dev.catalogstore.api.commit.AssetChange;
import dev.catalogstore.api.commit.AssetContent;
import dev.catalogstore.api.commit.AssetKey;
import dev.catalogstore.api.error.InternalStoreException;
import dev.catalogstore.api.namespace.NamespacePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One side's commits since the merge base, folded into the net change of each key. */
class NetChangesTest {
  private static final AssetKey ORDERS = new AssetKey(NamespacePath.of("sales"), "orders");
  private static final AssetKey ITEMS = new AssetKey(NamespacePath.of("sales"), "items");
  private static final AssetContent V1 = table("s3://orders/v1.json");
  private static final AssetContent V2 = table("s3://orders/v2.json");
  private static final AssetContent V3 = table("s3://orders/v3.json");

  @Test
  void noCommitsMeanNoChanges() {
    assertThat(NetChanges.fold(List.of())).isEmpty();
  }

  @Test
  void aSingleChangeIsItsOwnNetChange() {
    AssetChange update = AssetChange.updated(ORDERS, V1, V2);

    assertThat(NetChanges.fold(List.of(update))).containsExactly(Map.entry(ORDERS, update));
  }

  @Test
  void successiveChangesOfAKeyGoFromTheFirstBeforeToTheLastAfter() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(
            List.of(AssetChange.updated(ORDERS, V1, V2), AssetChange.updated(ORDERS, V2, V3)));

    assertThat(net).containsExactly(Map.entry(ORDERS, AssetChange.updated(ORDERS, V1, V3)));
  }

  @Test
  void aKeyChangedAndThenChangedBackIsNotAChange() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(
            List.of(AssetChange.updated(ORDERS, V1, V2), AssetChange.updated(ORDERS, V2, V1)));

    assertThat(net).isEmpty();
  }

  @Test
  void aKeyCreatedAndThenDeletedIsNotAChange() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(List.of(AssetChange.created(ORDERS, V1), AssetChange.deleted(ORDERS, V1)));

    assertThat(net).isEmpty();
  }

  @Test
  void aKeyCreatedThenDeletedThenCreatedAgainIsACreate() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(
            List.of(
                AssetChange.created(ORDERS, V1),
                AssetChange.deleted(ORDERS, V1),
                AssetChange.created(ORDERS, V3)));

    assertThat(net).containsExactly(Map.entry(ORDERS, AssetChange.created(ORDERS, V3)));
  }

  @Test
  void aKeyDeletedAndRecreatedWithOtherContentIsAnUpdate() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(List.of(AssetChange.deleted(ORDERS, V1), AssetChange.created(ORDERS, V2)));

    assertThat(net).containsExactly(Map.entry(ORDERS, AssetChange.updated(ORDERS, V1, V2)));
  }

  @Test
  void aChangeThatChangesNothingIsNotAChange() {
    assertThat(NetChanges.fold(List.of(AssetChange.updated(ORDERS, V1, V1)))).isEmpty();
  }

  @Test
  void aRenameIsTheOldKeyDeletedAndTheNewKeyCreated() {
    AssetKey renamed = new AssetKey(NamespacePath.of("archive"), "orders");

    Map<AssetKey, AssetChange> net =
        NetChanges.fold(List.of(AssetChange.deleted(ORDERS, V1), AssetChange.created(renamed, V1)));

    assertThat(net)
        .containsOnly(
            Map.entry(ORDERS, AssetChange.deleted(ORDERS, V1)),
            Map.entry(renamed, AssetChange.created(renamed, V1)));
  }

  @Test
  void keysAreFoldedIndependently() {
    Map<AssetKey, AssetChange> net =
        NetChanges.fold(
            List.of(
                AssetChange.updated(ORDERS, V1, V2),
                AssetChange.created(ITEMS, V1),
                AssetChange.updated(ORDERS, V2, V3),
                AssetChange.deleted(ITEMS, V1)));

    assertThat(net).containsExactly(Map.entry(ORDERS, AssetChange.updated(ORDERS, V1, V3)));
  }

  @Test
  void aChangeThatDoesNotStartWhereTheLastChangeOfItsKeyEndedIsAStoreDefect() {
    List<AssetChange> broken =
        List.of(AssetChange.updated(ORDERS, V1, V2), AssetChange.updated(ORDERS, V1, V3));

    assertThatThrownBy(() -> NetChanges.fold(broken))
        .isInstanceOf(InternalStoreException.class)
        .hasMessageContaining("broken history of " + ORDERS)
        .hasMessageContaining("v2.json");
  }

  @Test
  void aCreateOfAKeyThatExistsIsAStoreDefect() {
    List<AssetChange> broken =
        List.of(AssetChange.created(ORDERS, V1), AssetChange.created(ORDERS, V2));

    assertThatThrownBy(() -> NetChanges.fold(broken)).isInstanceOf(InternalStoreException.class);
  }

  @Test
  void theNetChangesCannotBeModified() {
    Map<AssetKey, AssetChange> net = NetChanges.fold(List.of(AssetChange.created(ORDERS, V1)));

    assertThatThrownBy(net::clear).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void manyChangesFoldInOnePass() {
    List<AssetChange> changes = new ArrayList<>();
    AssetContent previous = V1;
    for (int i = 0; i < 100_000; i++) {
      AssetContent next = table("s3://orders/" + i + ".json");
      changes.add(AssetChange.updated(ORDERS, previous, next));
      previous = next;
    }

    assertThat(NetChanges.fold(changes).get(ORDERS).after()).contains(previous);
  }

  private static AssetContent table(String metadataLocation) {
    return new AssetContent(
        AssetKind.ICEBERG_TABLE,
        Optional.of("s3://orders"),
        Optional.of(metadataLocation),
        Map.of());
  }
}
